//! Regression tests for the legal review of 2026-12 (`shared/reference/reviews/
//! legal-review-2026-12.md`), one a fixed item, named after it.

mod common;

use common::{document, example, markdown, policy, section};

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

#[test]
fn h7_customers_under_the_soft_opt_in_rest_on_legitimate_interests() {
    let shop = policy("shop", |_| {});
    let bases = section(&shop, "Our legal reasons");
    assert!(
        bases.contains("email our customers about products like those they bought"),
        "{bases}"
    );
    assert!(bases.contains("send newsletters and offers to people who signed up"));
    assert!(bases.contains("Telling customers who bought from us"));
    // Without the soft opt-in, the marketing purpose is consent only.
    let plain = policy("shop", |p| p.marketing.soft_opt_in = false);
    assert!(!section(&plain, "Our legal reasons").contains("emails to our customers"));
    // The clash is a finding until the interest is given.
    let mut p = example("shop");
    for u in &mut p.purposes {
        u.legitimate_interest = u
            .legitimate_interest
            .take()
            .filter(|_| u.purpose != "marketing-emails");
    }
    assert!(codes(&p).contains("marketing.soft-opt-in-on-consent"));
}

#[test]
fn m2_gpc_covers_the_account_when_the_person_is_known() {
    let app = policy("consumer-app", |_| {});
    assert!(app.contains("for that browser or device and, if we know who you are, for you"));
    assert!(app.contains("the request also covers your account"));
}

#[test]
fn m3_breach_notice_follows_the_high_risk_threshold_and_chosen_channels() {
    // The high-risk threshold is the GDPR's (Art. 34(1)): printed once Europe is covered, and
    // joined with the other laws' thresholds (see also unlicensed_promises.rs).
    let app = policy("consumer-app", |p| p.jurisdictions.push("eu".into()));
    let breach = section(&app, "If something goes wrong");
    assert!(
        breach.contains(
            "likely to put you at high risk, or the law where you live otherwise requires it"
        ),
        "{breach}"
    );
    assert!(
        breach.contains("by email or with a message in our service"),
        "{breach}"
    );
    assert!(!breach.contains("directly"));
    let quiet = policy("consumer-app", |p| p.breach.notify_affected_people = false);
    assert!(!quiet.contains("we tell you without undue delay"));
}

#[test]
fn m6_uk_complaints_procedure_and_no_condition_on_going_to_the_authority() {
    let shop = policy("shop", |p| {
        p.complaints.form_url = Some("https://hollybanktea.example/complain".into())
    });
    let europe = section(&shop, "If you are in the EEA or the UK");
    assert!(europe.contains("complaint form"), "{europe}");
    assert!(europe.contains("within 30 days"), "{europe}");
    assert!(europe.contains("but you do not have to"));
    assert!(!shop.contains("please contact us before you complain"));
    let eu_only = policy("shop", |p| p.jurisdictions = vec!["eu".into()]);
    assert!(!eu_only.contains("We confirm that we have your complaint"));
}

#[test]
fn m7_l9_owners_examples_replace_the_catalogues() {
    let app = policy("consumer-app", |_| {});
    let collect = section(&app, "What we collect");
    assert!(
        collect.contains("heart rate, steps and other fitness data"),
        "{collect}"
    );
    assert!(!collect.contains("medical conditions"));
    assert!(!collect.contains("allergies"));
    for name in ["saas", "shop", "consumer-app"] {
        let text = policy(name, |_| {});
        assert!(!text.contains("security code"), "{name}: no CVV");
        assert!(!text.contains("video calls we record"), "{name}");
        assert!(!text.contains("seats"), "{name}: L9");
    }
}

#[test]
fn m9_us_states_applicability_names_the_new_thresholds() {
    let j = common::library()
        .catalogues()
        .jurisdiction("us-states")
        .expect("us-states");
    assert!(j.applies.contains("35,000"));
    assert!(j.applies.contains("Connecticut"));
    assert!(j.applies.contains("My Health My Data"));
}

#[test]
fn m10_us_sensitive_data_needs_opt_in_consent() {
    let mut p = example("consumer-app");
    p.sensitive.opt_in_consent = None;
    assert!(codes(&p).contains("sensitive.us-without-opt-in"));
    assert!(!markdown(&document(&p)).contains("We use it only after you agree"));
    let text = policy("consumer-app", |_| {});
    let states = section(&text, "If you live in another US state with a privacy law");
    assert!(
        states.contains("counts as sensitive data under these laws"),
        "{states}"
    );
    assert!(states.contains("We use it only after you agree"));
}

#[test]
fn m11_us_states_list_oregon_rights_and_the_deadline() {
    let text = policy("consumer-app", |_| {});
    let states = section(&text, "If you live in another US state with a privacy law");
    assert!(
        states.contains("If you live in Oregon or Minnesota"),
        "{states}"
    );
    assert!(states.contains("list of the specific companies"));
    assert!(states.contains("within 45 days"));
}

#[test]
fn m15_brazil_review_right_transfers_and_channel() {
    let text = policy("consumer-app", |_| {});
    let br = section(&text, "If you are in Brazil");
    assert!(br.contains("consumer or credit profile"), "profiling: {br}");
    assert!(br.contains("We are based outside Brazil"), "{br}");
    let no_dpo = policy("consumer-app", |p| p.organisation.dpo = None);
    let br = section(&no_dpo, "If you are in Brazil");
    assert!(
        br.contains("This is our channel for people in Brazil"),
        "{br}"
    );
    let mut silent = example("consumer-app");
    silent.organisation.dpo = None;
    silent.organisation.email.clear();
    silent.rights.request_form_url = None;
    assert!(codes(&silent).contains("organisation.brazil-no-channel"));
}

#[test]
fn m17_cookie_analytics_rest_on_consent() {
    let saas = example("saas");
    assert!(!codes(&saas).contains("purpose.cookie-analytics-on-legitimate-interests"));
    let mut p = saas.clone();
    for u in &mut p.purposes {
        if u.purpose == "product-analytics" {
            u.legal_basis = Some(policywright::model::LegalBasis::LegitimateInterests);
            u.legitimate_interest = Some("Improving features".into());
        }
    }
    assert!(codes(&p).contains("purpose.cookie-analytics-on-legitimate-interests"));
}

#[test]
fn m18_saas_keeps_invoices_eight_years_and_says_names_stay_on_them() {
    let text = policy("saas", |_| {});
    let retention = section(&text, "How long we keep it");
    assert!(retention.contains("8 years"), "{retention}");
    assert!(!retention.contains("10 years"));
    assert!(retention.contains("Your name stays on invoices"));
    let mut p = example("saas");
    p.data[0].retention =
        Some(policywright::model::Retention::UntilAccountClosed { grace_days: 30 });
    assert!(codes(&p).contains("data.retention-shorter-than-law"));
}

#[test]
fn l4_california_table_reads_in_lower_case_mid_cell() {
    let text = policy("saas", |_| {});
    let ca = section(&text, "If you live in California");
    assert!(!ca.contains(", Contact details"), "{ca}");
    assert!(
        !ca.contains("to: Customer records") && !ca.contains(", Customer records |"),
        "{ca}"
    );
    assert!(
        ca.contains("Customer relationship management providers"),
        "{ca}"
    );
}

#[test]
fn l7_required_data_says_what_the_law_requires() {
    let text = policy("saas", |_| {});
    let req = section(&text, "What you must give us");
    assert!(req.contains("The law requires us to use your"), "{req}");
    assert!(req.contains("billing details"), "{req}");
}

#[test]
fn l8_marketing_choices_do_not_reveal_open_tracking() {
    for name in ["saas", "shop"] {
        assert!(
            !policy(name, |_| {}).contains("whether you opened an email"),
            "{name}"
        );
    }
}

fn codes(p: &policywright::Project) -> std::collections::BTreeSet<String> {
    policywright::validate(p, common::library())
        .into_iter()
        .map(|f| f.code)
        .collect()
}
