//! The security section states only the measures the owner ticked, and a certification names
//! the standard the owner gave (the fourth legal read: "certified against a recognised
//! standard" told readers nothing they could check).

mod common;

use common::{codes, document, example, markdown};
use policywright::model::SecurityMeasure;

const UNNAMED: &str = "security.certification-unnamed";

#[test]
fn a_certification_names_its_standard_in_the_owners_words_escaped() {
    let mut saas = example("saas");
    assert!(markdown(&document(&saas)).contains("- We are certified to ISO/IEC 27001\\.\n"));
    assert!(!codes(&saas).contains(&UNNAMED.to_owned()));

    saas.certified_to = "SOC 2 *Type II* <b>".into();
    let md = markdown(&document(&saas));
    assert!(
        md.contains(r"- We are certified to SOC 2 \*Type II\* \<b\>."),
        "{}",
        md.lines()
            .find(|l| l.contains("We are certified"))
            .unwrap_or_default()
    );
}

#[test]
fn an_unnamed_certification_is_a_warning_and_the_text_says_less() {
    let mut saas = example("saas");
    saas.certified_to.clear();
    let md = markdown(&document(&saas));
    assert!(md.contains("- Our security is certified against a recognised standard.\n"));
    let warning = common::finding(&saas, UNNAMED);
    assert_eq!(warning.field, "certified_to");
}

#[test]
fn a_standard_without_the_certification_ticked_is_not_printed() {
    let mut saas = example("saas");
    saas.security
        .retain(|m| *m != SecurityMeasure::Certification);
    let md = markdown(&document(&saas));
    assert!(!md.contains("ISO/IEC 27001"));
    assert!(!md.contains("Our security is certified") && !md.contains("We are certified"));
    assert!(!codes(&saas).contains(&UNNAMED.to_owned()));
}
