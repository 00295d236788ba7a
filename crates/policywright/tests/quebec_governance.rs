//! Quebec's governance policies (P-39.1 s.3.2, read on LégisQuébec): an enterprise must publish
//! detailed information about its governance policies and practices for personal information on
//! its website. The Canada section points to that information only as the owner answered it, and
//! `check` warns a Canada-serving owner who gave neither a page nor a description.

mod common;

use common::{codes, example, finding, library, policy, section};
use policywright::Project;
use policywright::model::Governance;

const CODE: &str = "governance.quebec-unpublished";
const SENTENCE: &str = "Our policies and practices for governing personal information";

fn app(change: impl FnOnce(&mut Project)) -> Project {
    let mut p = example("consumer-app");
    change(&mut p);
    p
}

fn governance(url: Option<&str>, description: Option<&str>) -> Governance {
    Governance {
        url: url.map(str::to_owned),
        description: description.map(str::to_owned),
        outside_quebec_assessed: Some(true),
    }
}

fn canada(change: impl FnOnce(&mut Project)) -> String {
    section(&policy("consumer-app", change), "If you are in Canada").to_owned()
}

#[test]
fn serving_canada_without_a_page_or_description_is_a_warning_naming_s_3_2() {
    let p = app(|p| p.governance = Governance::default());
    let f = finding(&p, CODE);
    assert_eq!(f.paths[0], "governance.url");
    assert!(f.paths.iter().any(|x| x == "governance.description"));
    assert!(f.paths.iter().any(|x| x == "jurisdictions"));
    let text = f.text();
    for needle in [
        "P-39.1) s.3.2",
        "simple and clear language on its website",
        "keeps and destroys",
        "handles complaints",
        "describe them in your own words",
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
    let law = library().law().get("quebec.governance-policies").unwrap();
    assert_eq!(law.verification, policywright::law::Verification::Official);
}

#[test]
fn blank_answers_count_as_missing() {
    let p = app(|p| p.governance = governance(Some("  "), Some(" \n ")));
    assert!(codes(&p).iter().any(|c| c == CODE));
}

#[test]
fn an_owner_who_does_not_serve_canada_is_not_asked() {
    let p = app(|p| {
        p.governance = Governance::default();
        p.jurisdictions.retain(|j| j != "ca");
    });
    assert!(!codes(&p).iter().any(|c| c == CODE));
}

#[test]
fn a_page_silences_the_warning_and_the_canada_section_links_to_it() {
    let p = app(|p| p.governance = governance(Some("lumentrails.example/governance"), None));
    assert!(!codes(&p).iter().any(|c| c == CODE));
    let text = canada(|p| p.governance = governance(Some("lumentrails.example/governance"), None));
    assert!(
        text.contains(
            "Our policies and practices for governing personal information are described at [lumentrails.example/governance](<https://lumentrails.example/governance>)."
        ),
        "{text}"
    );
    assert!(!text.contains("in our own words:\n\n> We"), "{text}");
}

#[test]
fn a_description_alone_is_printed_in_the_owners_words() {
    let words = "We keep trail data until you delete it. Our founder approves these rules.";
    let p = app(|p| p.governance = governance(None, Some(words)));
    assert!(!codes(&p).iter().any(|c| c == CODE));
    let text = canada(|p| p.governance = governance(None, Some(words)));
    assert!(
        text.contains(&format!("{SENTENCE}, in our own words:\n\n> {words}")),
        "{text}"
    );
    assert!(!text.contains("described at"), "{text}");
}

#[test]
fn both_answers_print_the_link_then_the_description() {
    let text = canada(|p| {
        p.governance = governance(Some("https://lumentrails.example/g"), Some("In short."))
    });
    assert!(
        text.contains("described at [lumentrails.example/g](<https://lumentrails.example/g>). In brief, in our own words:\n\n> In short."),
        "{text}"
    );
}

#[test]
fn without_an_answer_the_policy_says_nothing_about_governance_policies() {
    let text = policy("consumer-app", |p| p.governance = Governance::default());
    assert!(
        !text.contains(SENTENCE),
        "no answer, no claim that policies exist"
    );
    let canada = section(&text, "If you are in Canada");
    assert!(!canada.contains("govern"), "{canada}");
}

#[test]
fn a_malformed_address_is_an_error_not_a_missing_answer() {
    let p = app(|p| p.governance = governance(Some("not a web address"), None));
    let found = codes(&p);
    assert!(found.iter().any(|c| c == "url.malformed"), "{found:?}");
    assert!(!found.iter().any(|c| c == CODE), "{found:?}");
    let e = finding(&p, "url.malformed");
    assert_eq!(e.paths[0], "governance.url");
}

/// Quebec s.3.1: without a privacy officer in the answers, the person with the highest authority
/// is in charge by default; the policy says so (it used to invent a "privacy team") and `check`
/// asks whether someone else has the role.
#[test]
fn without_a_privacy_officer_the_head_of_the_organisation_is_named_in_charge() {
    let text = canada(|p| p.organisation.dpo = None);
    assert!(
        text.contains("The person with the highest authority in our organisation is in charge of protecting personal information. Email: "),
        "{text}"
    );
    assert!(!text.contains("privacy team"), "{text}");
    let f = finding(
        &app(|p| p.organisation.dpo = None),
        "canada.person-in-charge-unnamed",
    );
    assert!(f.message.contains("P-39.1) s.3.1"), "{}", f.message);
    // With a privacy officer, the policy names them and check asks nothing.
    assert!(canada(|_| {}).contains("Our privacy officer, "));
    assert!(!codes(&app(|_| {})).contains(&"canada.person-in-charge-unnamed".to_owned()));
}

/// Quebec s.17: data leaving Quebec needs a privacy impact assessment and a written agreement
/// first. The policy cannot say or do that, so `check` asks until the owner answers yes.
#[test]
fn data_leaving_quebec_asks_for_the_assessment_until_the_owner_says_it_is_done() {
    const S17: &str = "governance.quebec-transfer-assessment";
    let fires = |p: &Project| codes(p).contains(&S17.to_owned());
    assert!(!fires(&app(|_| {})), "the example answered yes");
    let unanswered = app(|p| p.governance.outside_quebec_assessed = None);
    let f = finding(&unanswered, S17);
    assert!(f.message.contains("P-39.1) s.17"), "{}", f.message);
    assert!(
        f.message
            .contains("Your answers do not say whether you did.")
    );
    let no = finding(
        &app(|p| p.governance.outside_quebec_assessed = Some(false)),
        S17,
    );
    assert!(no.message.contains("You said you have not done this yet."));
    // Not serving Canada: nothing to ask.
    assert!(!fires(&app(|p| {
        p.governance.outside_quebec_assessed = None;
        p.jurisdictions.retain(|j| j != "ca");
    })));
    // A Canadian company with no vendors keeps the data with itself: nothing is known to leave.
    assert!(!fires(&app(|p| {
        p.governance.outside_quebec_assessed = None;
        p.organisation.address.country = "CA".into();
        p.vendors = Default::default();
    })));
    // Nothing about it is printed.
    assert_eq!(
        policy("consumer-app", |p| p.governance.outside_quebec_assessed =
            None),
        policy("consumer-app", |_| {})
    );
}
