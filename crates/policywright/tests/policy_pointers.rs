//! Sentences that point the reader elsewhere in the policy ("the sections below name…", "the parts
//! for … say…") or sum up the answers ("data from other companies or public sources") name only
//! what this policy holds. Found in a second independent lawyer's read of the three examples
//! (2026-12).

mod common;

use common::policy;
use policywright::model::Source;

fn sentence_with<'a>(text: &'a str, words: &str) -> Option<&'a str> {
    text.lines().find(|l| l.contains(words))
}

#[test]
fn the_personal_information_term_names_only_the_regions_the_policy_covers() {
    // The SaaS example covers the EEA, the UK and California: no Canadian or Australian part.
    let saas = policy("saas", |_| {});
    let line = sentence_with(&saas, "\"personal information\"").expect("the term is explained");
    assert!(line.contains("In the parts for the US,"), "{line}");
    assert!(
        !line.contains("Canad") && !line.contains("Australia"),
        "{line}"
    );

    let everywhere = policy("consumer-app", |_| {});
    let line = sentence_with(&everywhere, "\"personal information\"").expect("explained");
    assert!(line.contains("the US, Canada and Australia"), "{line}");

    let europe_only = policy("saas", |p| p.jurisdictions.retain(|j| j != "us-ca"));
    assert!(sentence_with(&europe_only, "\"personal information\"").is_none());
}

#[test]
fn the_complaint_pointer_names_only_regions_whose_sections_name_an_authority() {
    let saas = policy("saas", |_| {});
    let line = sentence_with(&saas, "complain to a data protection authority").expect("rights");
    assert!(
        line.contains("The sections below name where to complain in the EEA and the UK."),
        "{line}"
    );
    // California's section names no authority, so a California-only policy points nowhere.
    let california = policy("saas", |p| p.jurisdictions = vec!["us-ca".to_owned()]);
    let line =
        sentence_with(&california, "complain to a data protection authority").expect("rights");
    assert!(!line.contains("sections below"), "{line}");
}

#[test]
fn data_from_others_names_only_the_sources_the_owner_gave() {
    let saas = policy("saas", |_| {});
    let line = sentence_with(&saas, "When we get data from").expect("saas has data from others");
    assert_eq!(
        line,
        "When we get data from other companies, we use it for the purposes in this policy."
    );
    let public = policy("saas", |p| {
        p.data[0].sources = vec![Source::PublicSources];
        for d in &mut p.data {
            d.sources.retain(|s| *s != Source::ThirdParties);
        }
    });
    let line = sentence_with(&public, "When we get data from").expect("data from public sources");
    assert!(line.contains("from public sources,"), "{line}");
    assert!(!line.contains("other companies"), "{line}");
}
