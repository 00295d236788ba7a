//! Regression tests for the third legal read of 2026-12: Brazil's transfer mechanisms (LGPD
//! Art. 33, Res. CD/ANPD 19/2024 and 32/2026), the ANPD's name, the UK complaints text and the
//! Australian complaints text (APP 1.4).

mod common;

use std::collections::BTreeSet;

use common::{document, example, finding, library, markdown};
use policywright::model::*;
use policywright::{Project, validate};

fn codes(p: &Project) -> BTreeSet<String> {
    validate(p, library()).into_iter().map(|f| f.code).collect()
}

fn with_anpd_clauses(mut p: Project, vendor: &str) -> Project {
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: vendor.into(),
        safeguards: vec![TransferSafeguard::AnpdStandardClauses],
        ..VendorAdjustment::default()
    });
    p
}

fn brazil_section(p: &Project) -> String {
    let md = markdown(&document(p));
    let start = md.find("<a id=\"brazil\"></a>").expect("Brazil section");
    let rest = &md[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_owned()
}

#[test]
fn brazil_names_anpd_clauses_only_for_the_recipient_that_has_them() {
    let plain = brazil_section(&example("consumer-app"));
    assert!(
        !plain.contains("standard contractual clauses approved by Brazil"),
        "{plain}"
    );
    let with = brazil_section(&with_anpd_clauses(example("consumer-app"), "stripe"));
    let line = with
        .lines()
        .find(|l| l.starts_with("- The United States"))
        .expect("a line for the United States");
    assert!(
        line.contains("Stripe")
            && line.contains("the standard contractual clauses approved by Brazil"),
        "{with}"
    );
    assert!(!with.contains("Google Cloud: the standard"), "{with}");
}

#[test]
fn brazil_names_the_anpd_adequacy_decision_for_the_eea() {
    // Consumer app: a US company, here with Stripe set up to process data in Ireland too.
    let mut p = example("consumer-app");
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "stripe".into(),
        locations: Some(vec!["US".into(), "IE".into()]),
        ..VendorAdjustment::default()
    });
    let text = brazil_section(&p);
    assert!(
        text.contains("- Ireland — Brazil's data protection agency")
            && text.contains("has recognised the European Union and the European Economic Area"),
        "{text}"
    );
    assert!(!text.contains("no safeguard named yet"), "{text}");
    // The United States has no line, so the list does not present itself as complete (a fourth
    // lawyer's read: "How your data is protected there" over Ireland alone).
    assert!(
        text.contains("What protects your data in some of these countries:"),
        "{text}"
    );
    assert!(!text.contains("How your data is protected there"), "{text}");
}

#[test]
fn brazil_based_owner_is_warned_of_a_recipient_without_a_safeguard() {
    let abroad = example("consumer-app");
    assert!(!codes(&abroad).contains("transfers.recipient-without-safeguard"));
    let mut home = abroad.clone();
    home.organisation.address.country = "BR".into();
    // Brazil's list of adequate countries as our law data has it does not settle the United
    // States, so the owner is warned (not blocked) for each recipient there.
    let found: Vec<String> = validate(&home, library())
        .into_iter()
        .filter(|f| f.code == "transfers.adequacy-unconfirmed")
        .map(|f| f.message)
        .collect();
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("Stripe processes data in the United States, outside Brazil.")),
        "{found:?}"
    );
    // The Brazil section then names no mechanism for those recipients.
    let text = brazil_section(&home);
    assert!(!text.contains("no safeguard named yet"), "{text}");
    assert!(!text.contains("standard contractual clauses"), "{text}");
}

#[test]
fn australia_without_an_email_points_to_the_contact_section() {
    let mut p = example("consumer-app");
    p.organisation.email.clear();
    let md = markdown(&document(&p));
    let start = md
        .find("<a id=\"australia\"></a>")
        .expect("Australia section");
    let au = &md[start..];
    assert!(
        au.contains("contact us as [Contact us](#contact) says"),
        "{au}"
    );
}

#[test]
fn brazil_based_owner_sending_data_to_the_eea_needs_no_clauses() {
    let mut p = example("consumer-app");
    p.organisation.address.country = "BR".into();
    let messages: Vec<String> = validate(&p, library())
        .into_iter()
        .filter(|f| {
            f.code == "transfers.recipient-without-safeguard"
                || f.code == "transfers.adequacy-unconfirmed"
        })
        .map(|f| f.message)
        .collect();
    assert!(!messages.is_empty());
    assert!(
        messages.iter().all(|m| !m.contains("in Ireland")),
        "{messages:?}"
    );
}

#[test]
fn brazil_portuguese_notice_only_with_anpd_clauses() {
    assert!(!codes(&example("consumer-app")).contains("transfers.brazil-portuguese-notice"));
    let p = with_anpd_clauses(example("consumer-app"), "stripe");
    let f = finding(&p, "transfers.brazil-portuguese-notice");
    assert!(
        f.message.contains("Stripe") && f.fix.contains("Portuguese"),
        "{f:?}"
    );
    assert!(f.fix.contains("Clauses 14.1, 14.2 and 14.4"));
    // Not for an owner who does not address Brazil.
    let mut elsewhere = p.clone();
    elsewhere.jurisdictions.retain(|j| j != "br");
    assert!(!codes(&elsewhere).contains("transfers.brazil-portuguese-notice"));
}

#[test]
fn brazil_authority_is_the_national_data_protection_agency() {
    let md = markdown(&document(&example("consumer-app")));
    assert!(md.contains("National Data Protection Agency"));
    assert!(!md.contains("National Data Protection Authority"));
}

#[test]
fn uk_section_says_the_ico_may_ask_for_a_complaint_to_us_first() {
    let md = markdown(&document(&example("shop")));
    assert!(md.contains("you can go straight to a data protection authority"));
    assert!(md.contains(
        "In most cases the ICO asks people to raise a complaint with the organisation first"
    ));
    assert!(md.contains("Information Commissioner"));
    // Not for an owner who does not address the UK.
    let mut eu_only = example("shop");
    eu_only.jurisdictions = vec!["eu".into()];
    let md = markdown(&document(&eu_only));
    assert!(!md.contains("the ICO asks people"));
}

#[test]
fn australia_says_how_to_complain_and_how_we_deal_with_it() {
    let md = markdown(&document(&example("consumer-app")));
    let start = md
        .find("<a id=\"australia\"></a>")
        .expect("Australia section");
    let au = &md[start..];
    assert!(au.contains("To complain that we breached the Australian Privacy Principles"));
    assert!(au.contains(
        "We look into your complaint, may ask you for more details, and then tell you what we found"
    ));
    assert!(au.contains("(OAIC)"));
    assert!(!au.contains("as soon as we can"));
}

#[test]
fn eu_adequacy_covers_brazil() {
    let mut p = example("shop");
    p.vendors.custom.push(CustomVendor {
        name: "Rio Hosting".into(),
        legal_entity: None,
        category: "hosting".into(),
        purpose: None,
        data: vec![],
        own_use: None,
        locations: vec!["BR".into()],
        safeguard: None,
        privacy_url: None,
        opt_out_url: None,
        cookies: None,
    });
    let md = markdown(&document(&p));
    let start = md
        .find("If you are in the European Economic Area: where your data goes")
        .expect("EEA table");
    let eea = &md[start..];
    let row = eea
        .lines()
        .find(|l| l.starts_with("| Brazil"))
        .expect("a row for Brazil");
    assert!(
        row.contains("Rio Hosting") && row.contains("adequacy decision"),
        "{row}"
    );
    let eea_warnings: Vec<String> = validate(&p, library())
        .into_iter()
        .filter(|f| f.code == "transfers.recipient-without-safeguard")
        .map(|f| f.message)
        .filter(|m| m.contains("Rio Hosting") && m.contains("European Economic Area"))
        .collect();
    assert!(eea_warnings.is_empty(), "{eea_warnings:?}");
}
