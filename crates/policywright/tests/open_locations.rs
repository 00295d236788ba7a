//! A vendor's countries from our list are printed as a complete list only when they are known to
//! be one. Where the vendor's terms let it process data elsewhere too, or no source confirmed the
//! list (level U), the policy says "possibly other countries" and the transfer text names the
//! vendor as one that may process data in countries the policy does not name. The owner's own
//! countries for a vendor (an adjustment) are the owner's statement, printed as given.

mod common;

use common::{document, example, library, markdown, section};
use policywright::catalogue::SourceLevel;
use policywright::model::VendorAdjustment;

/// The table row of the vendor named `name`.
fn vendor_row<'a>(md: &'a str, name: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(&format!("| **{name}**")))
        .unwrap_or_else(|| panic!("no row for {name}"))
}

/// The sentence naming the vendors that may process data in countries the policy does not name,
/// once per regime's part of "Data sent abroad".
fn open_sentences(md: &str) -> Vec<&str> {
    section(md, "Data sent abroad")
        .lines()
        .filter(|l| l.ends_with("may also process your data in countries not listed here."))
        .collect()
}

#[test]
fn every_unconfirmed_location_list_is_marked_open() {
    let mut open = 0;
    for v in &library().catalogues().vendors {
        let unconfirmed = v
            .sources
            .iter()
            .any(|s| s.fact == "locations" && s.level == SourceLevel::U);
        // A region the owner picks is never printed until the owner names it.
        if unconfirmed && !v.region_picked_by_owner {
            assert!(v.locations_open, "{}: its countries are unconfirmed", v.id);
        }
        open += usize::from(v.locations_open);
    }
    assert!(open > 0);
}

#[test]
fn an_open_list_ends_in_possibly_other_countries_and_the_transfer_text_names_the_vendor() {
    let md = markdown(&document(&example("saas")));
    assert!(
        vendor_row(&md, "Stripe").contains("| the United States and possibly other countries |"),
        "{}",
        vendor_row(&md, "Stripe")
    );
    // Postmark's list is confirmed: no hedge.
    assert!(vendor_row(&md, "Postmark").contains("| the United States |"));
    let sentences = open_sentences(&md);
    // The saas example addresses the EEA and the UK: one sentence in each part.
    assert_eq!(sentences.len(), 2, "{sentences:?}");
    for s in sentences {
        assert_eq!(
            s,
            "Cloudflare and Stripe may also process your data in countries not listed here."
        );
    }
}

#[test]
fn the_owners_own_countries_are_printed_as_given() {
    let mut p = example("saas");
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "stripe".into(),
        locations: Some(vec!["IE".into()]),
        ..VendorAdjustment::default()
    });
    let md = markdown(&document(&p));
    let row = vendor_row(&md, "Stripe");
    assert!(row.contains("| Ireland (the region we chose) |"), "{row}");
    assert!(!row.contains("possibly"), "{row}");
    for s in open_sentences(&md) {
        assert!(s.starts_with("Cloudflare may also"), "{s}");
    }
}

#[test]
fn an_open_vendor_inside_the_territory_still_says_data_may_leave_it() {
    // A UK shop whose only vendor is Royal Mail: its listed country is the UK, inside the UK
    // regime's territory, so no UK row; its list is not known to be complete, so the UK part
    // still says it may process data elsewhere.
    let mut p = example("shop");
    p.vendors.catalogue = vec!["royal-mail".into()];
    p.vendors.custom.clear();
    p.vendors.adjustments.clear();
    let md = markdown(&document(&p));
    assert!(
        vendor_row(&md, "Royal Mail")
            .contains("| the United Kingdom and possibly other countries |")
    );
    let abroad = section(&md, "Data sent abroad");
    let uk = abroad
        .split("### If you are in the United Kingdom: where your data goes")
        .nth(1)
        .unwrap_or_else(|| panic!("no UK part: {abroad}"));
    let uk = uk.split("### ").next().unwrap_or(uk);
    assert!(!uk.contains("| Country |"), "{uk}");
    // Royal Mail decides for itself where the data goes next, and that sentence says so.
    assert!(
        uk.contains(
            "Some companies decide for themselves where to process your data once they have it\\: Royal Mail may process it in countries not listed here."
        ),
        "{uk}"
    );
    assert!(abroad.contains("To ask which other countries your data may go to, email "));
}

#[test]
fn canada_australia_and_brazil_say_the_list_may_not_be_complete() {
    let mut p = example("saas");
    p.jurisdictions
        .extend(["ca".into(), "au".into(), "br".into()]);
    let md = markdown(&document(&p));
    for needle in [
        "outside Canada, including outside Quebec. It may be stored and processed in Germany, the United States and possibly other countries.",
        "recipients outside Australia, in Germany, the United States and possibly other countries.",
        "Your data is processed in Germany, the United States and possibly other countries.",
    ] {
        assert!(md.contains(needle), "missing: {needle}");
    }
    // With every open vendor's countries given by the owner, no list says it.
    for id in ["cloudflare", "stripe"] {
        p.vendors.adjustments.push(VendorAdjustment {
            vendor: id.into(),
            locations: Some(vec!["US".into()]),
            ..VendorAdjustment::default()
        });
    }
    let md = markdown(&document(&p));
    assert!(!md.contains("possibly other countries"));
    assert!(md.contains("It may be stored and processed in Germany and the United States."));
    assert!(!md.contains("To ask which other countries"));
}

#[test]
fn an_unconfirmed_company_is_never_named() {
    for v in &library().catalogues().vendors {
        let unconfirmed = v
            .sources
            .iter()
            .any(|s| s.fact == "entity" && s.level == SourceLevel::U);
        assert_eq!(unconfirmed, v.default_entity_unconfirmed, "{}", v.id);
    }
    // HubSpot's company is confirmed for owners in Germany (the saas example), not elsewhere.
    let md = markdown(&document(&example("saas")));
    assert!(vendor_row(&md, "HubSpot").starts_with("| **HubSpot** (HubSpot Germany GmbH) |"));
    let mut p = example("saas");
    p.organisation.address.country = "IE".into();
    let md = markdown(&document(&p));
    let row = vendor_row(&md, "HubSpot");
    assert!(row.starts_with("| **HubSpot** |"), "{row}");
    assert!(!md.contains("HubSpot, Inc."));
}

#[test]
fn a_company_unconfirmed_for_the_owners_country_is_not_named_there() {
    // Which Google company a UK owner's Analytics terms name is not confirmed; a German owner's is.
    let shop = markdown(&document(&example("shop")));
    assert!(vendor_row(&shop, "Google Analytics").starts_with("| **Google Analytics** |"));
    let mut p = example("shop");
    p.organisation.address.country = "DE".into();
    let md = markdown(&document(&p));
    assert!(
        vendor_row(&md, "Google Analytics")
            .starts_with("| **Google Analytics** (Google Ireland Limited) |")
    );
}
