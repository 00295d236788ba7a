//! Regression tests for the legal review of 2026-12 (`shared/reference/reviews/
//! legal-review-2026-12.md`), one a fixed item, named after it.

mod common;

use common::{document, example, markdown};

fn policy(name: &str, change: impl FnOnce(&mut policywright::Project)) -> String {
    let mut p = example(name);
    change(&mut p);
    markdown(&document(&p))
}

/// The section of `text` under the heading that ends with `title`.
fn section<'a>(text: &'a str, title: &str) -> &'a str {
    let start = text
        .find(&format!("{title}\n"))
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &text[start..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn h3_no_claim_that_nothing_else_is_collected() {
    for name in ["saas", "shop", "consumer-app"] {
        let text = policy(name, |_| {});
        assert!(!text.contains("anything else about you"), "{name}");
    }
}

#[test]
fn h5_each_region_states_its_own_response_time() {
    let text = policy("consumer-app", |_| {});
    assert!(
        !text.contains("one month"),
        "no GDPR deadline outside Europe"
    );
    assert!(section(&text, "If you live in California").contains("Within 45 days"));
    assert!(section(&text, "If you are in Brazil").contains("within 15 days"));
    assert!(section(&text, "If you are in Canada").contains("within 30 days"));
    assert!(
        section(&text, "If you live in another US state with a privacy law")
            .contains("within 45 days")
    );
    let rights = section(&text, "Your choices and rights");
    assert!(rights.contains("the section for your region below says"));

    let europe = policy("shop", |_| {});
    assert!(section(&europe, "If you are in the EEA or the UK").contains("within one month"));
    let swiss = policy("shop", |p| p.jurisdictions = vec!["ch".into()]);
    let ch = section(&swiss, "If you are in Switzerland");
    assert!(
        ch.contains("within 30 days") && !ch.contains("one month"),
        "{ch}"
    );

    let nowhere = policy("shop", |p| p.jurisdictions.clear());
    assert!(!nowhere.contains("the section for your region below"));
}

#[test]
fn m1_restriction_is_a_european_right_with_its_real_grounds() {
    let app = policy("consumer-app", |_| {});
    assert!(!app.contains("pause"), "not offered where no law grants it");
    assert!(!app.contains("while we check whether it is accurate"));
    let shop = policy("shop", |_| {});
    let europe = section(&shop, "If you are in the EEA or the UK");
    assert!(europe.contains("while we check whether it is accurate"));
    assert!(!shop.contains("while we deal with a complaint"));
}

#[test]
fn m12_security_promises_only_what_was_answered() {
    for name in ["saas", "shop", "consumer-app"] {
        let text = policy(name, |_| {});
        assert!(!text.contains("test that we can restore"), "{name}");
        assert!(!text.contains("review these measures regularly"), "{name}");
        assert!(!text.contains("review our measures regularly"), "{name}");
    }
}

#[test]
fn m13_a_business_transfer_promises_only_what_an_owner_can_keep() {
    let text = policy("shop", |_| {});
    assert!(!text.contains("They would have to respect this policy"));
    assert!(text.contains("We will ask them to respect this policy"));
}

#[test]
fn m14_the_summary_does_not_claim_a_set_period_for_everything() {
    let text = policy("saas", |p| p.style.summary = true);
    assert!(!text.contains("a set period for each kind of data"));
}

#[test]
fn l1_the_european_heading_names_only_the_regions_chosen() {
    let shop = policy("shop", |_| {});
    assert!(shop.contains("If you are in the EEA or the UK\n"));
    assert!(!shop.contains("Switzerland"));
    let all = policy("shop", |p| p.jurisdictions.push("ch".into()));
    assert!(all.contains("If you are in the EEA, the UK or Switzerland\n"));
    let uk = policy("shop", |p| p.jurisdictions = vec!["uk".into()]);
    assert!(uk.contains("If you are in the UK\n"));
}

#[test]
fn l2_vendor_descriptions_keep_their_capitals() {
    let text = policy("saas", |p| {
        p.style.vendor_detail = policywright::model::VendorDetail::Table;
    });
    assert!(
        !text.contains(" ai "),
        "no lower-cased AI in the vendor table"
    );
}

#[test]
fn l6_a_named_privacy_officer_reads_as_one_phrase() {
    let text = policy("consumer-app", |_| {});
    let canada = section(&text, "If you are in Canada");
    assert!(canada.contains("Our privacy officer, "), "{canada}");
}
