//! Validation: each finding names the field and says how to fix it.

mod common;

use common::{example, library};
use policywright::model::*;
use policywright::{Finding, Project, Severity, validate};

fn findings(p: &Project) -> Vec<Finding> {
    validate(p, library())
}

fn has(f: &[Finding], severity: Severity, field: &str) -> bool {
    f.iter().any(|x| x.severity == severity && x.field == field)
}

#[test]
fn examples_have_no_errors_or_warnings() {
    for name in ["saas", "shop", "consumer-app"] {
        let f = findings(&example(name));
        assert!(f.is_empty(), "{name}: {f:#?}");
    }
}

#[test]
fn a_blank_project_lists_what_is_missing() {
    let f = findings(&Project::blank());
    for field in [
        "organisation.legal_name",
        "organisation.email",
        "effective_date",
    ] {
        assert!(has(&f, Severity::Error, field), "missing {field}: {f:#?}");
    }
    assert!(
        f.iter()
            .all(|x| !x.message.is_empty() && x.message.ends_with('.'))
    );
}

#[test]
fn malformed_email_url_date_and_ids_are_errors() {
    let mut p = example("shop");
    p.organisation.email = "hello at example".into();
    p.organisation.website = Some("javascript:alert(1)".into());
    p.effective_date = "15/01/2026".into();
    p.vendors.catalogue.push("no-such-vendor".into());
    p.jurisdictions.push("atlantis".into());
    p.data.push(CollectedData {
        category: "thoughts".into(),
        sources: vec![],
        required: false,
        retention: None,
        examples: vec![],
    });
    p.vendors.custom[0].privacy_url = Some("ftp://example.com".into());
    let f = findings(&p);
    for field in [
        "organisation.email",
        "organisation.website",
        "effective_date",
        "vendors.catalogue[8]",
        "jurisdictions[2]",
        "data[12].category",
        "vendors.custom[0].privacy_url",
    ] {
        assert!(has(&f, Severity::Error, field), "{field}: {f:#?}");
    }
    let date = f.iter().find(|x| x.field == "effective_date").unwrap();
    assert!(
        date.text().contains("2026-03-01"),
        "says the expected form: {}",
        date.text()
    );
}

#[test]
fn inconsistent_answers_are_warnings() {
    let mut p = example("shop");
    p.data.retain(|d| d.category != "payment-card");
    for u in &mut p.purposes {
        u.categories.retain(|c| c != "payment-card");
    }
    p.jurisdictions.push("us-ca".into());
    p.purposes[0].legal_basis = None;
    p.purposes[4].legitimate_interest = None;
    p.rights.consent_withdrawal.clear();
    p.children.minimum_age = Some(12);
    p.automated_decisions.makes_significant_decisions = true;
    let f = findings(&p);
    for field in [
        "data",
        "sale_and_sharing",
        "purposes[0].legal_basis",
        "purposes[4].legitimate_interest",
        "rights.consent_withdrawal",
        "children.parental_consent",
        "automated_decisions.description",
    ] {
        assert!(has(&f, Severity::Warning, field), "{field}: {f:#?}");
    }
    assert!(!f.iter().any(|x| x.severity == Severity::Error), "{f:#?}");
}

#[test]
fn serving_the_eu_from_outside_asks_for_a_representative() {
    let mut p = example("consumer-app");
    p.jurisdictions.push("eu".into());
    assert!(has(
        &findings(&p),
        Severity::Warning,
        "organisation.eu_representative"
    ));
}

#[test]
fn selling_without_an_opt_out_page_or_gpc_is_flagged() {
    let mut p = example("consumer-app");
    p.sale_and_sharing.opt_out_url = None;
    p.cookies.honours_global_privacy_control = false;
    let f = findings(&p);
    assert!(has(&f, Severity::Warning, "sale_and_sharing.opt_out_url"));
    assert!(has(
        &f,
        Severity::Warning,
        "cookies.honours_global_privacy_control"
    ));
}
