//! Cloud hosts where the customer picks the region and the vendor names no default: the policy
//! names no country for them until the owner says which, and check asks (a guessed "the United
//! States" for an owner whose data sits in Frankfurt would be a false sentence).

mod common;

use common::{codes, document, example, markdown};

const UNANSWERED: &str = "vendor.region-unanswered";

fn row<'a>(md: &'a str, vendor: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(&format!("| **{vendor}**")))
        .unwrap_or_else(|| panic!("no row for {vendor}"))
}

#[test]
fn an_unanswered_region_names_no_country_and_asks() {
    let mut saas = example("saas");
    saas.vendors.adjustments.retain(|a| a.vendor != "auth0");
    let md = markdown(&document(&saas));
    let auth0 = row(&md, "Auth0");
    assert!(auth0.contains("| The region we chose |"), "{auth0}");
    let abroad = md
        .split("</a>Data sent abroad\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a transfer section");
    assert!(abroad.contains("Amazon Web Services"), "{abroad}");
    assert!(!abroad.contains("Auth0"), "no country is known for it");
    let warning = common::finding(&saas, UNANSWERED);
    assert!(
        warning
            .message
            .contains("With Auth0, you choose the region"),
        "{}",
        warning.message
    );
    assert_eq!(warning.field, "vendors");
}

#[test]
fn the_owners_regions_are_named_as_theirs() {
    let saas = example("saas");
    let md = markdown(&document(&saas));
    assert!(row(&md, "Auth0").contains("| the United States (the region we chose) |"));
    assert!(row(&md, "Amazon Web Services").contains("| Germany (the region we chose) |"));
    assert!(!codes(&saas).contains(&UNANSWERED.to_owned()));
}

#[test]
fn a_vendor_with_a_fixed_location_is_named_without_asking() {
    // Stripe names where it processes data; nothing to ask.
    let md = markdown(&document(&example("saas")));
    assert!(!row(&md, "Stripe").contains("region we chose"));
}
