//! Brazil's Digital Statute of Children and Adolescents (Lei nº 15.211/2025, "ECA Digital"),
//! in force since 17 March 2026: Art. 22 bans profiling to direct commercial advertising at
//! children and adolescents. The article's text was read only as quoted in secondary sources
//! (law row `eca-digital.profiling-ads`, level S), so the app raises a warning and writes no
//! policy sentence on it. The warning fires for a Brazil-serving owner whose answers admit
//! people under 18 and target ads, unless under-18s are left out; it fires at its edge and not
//! past it.

mod common;

use common::{codes, example, finding, library, policy};
use policywright::Project;
use policywright::law::Verification;
use policywright::model::Minors;

const CODE: &str = "children.brazil-profiling-ads";

fn app(change: impl FnOnce(&mut Project)) -> Project {
    let mut p = example("consumer-app");
    change(&mut p);
    p
}

fn fires(p: &Project) -> bool {
    codes(p).iter().any(|c| c == CODE)
}

#[test]
fn leaving_out_only_under_16s_is_a_warning_naming_art_22() {
    let p = app(|p| p.minors.excluded_under = Some(16));
    let f = finding(&p, CODE);
    assert_eq!(f.paths[0], "minors.excluded_under");
    for path in [
        "children.minimum_age",
        "sale_and_sharing",
        "purposes",
        "jurisdictions",
    ] {
        assert!(
            f.paths.iter().any(|x| x == path),
            "{path} not in {:?}",
            f.paths
        );
    }
    let text = f.text();
    for needle in [
        "(its minimum age is 14)",
        "you leave out only people you know to be under 16",
        "Lei nº 15.211/2025 (ECA Digital) Art. 22",
        "Art. 1, caput and sole paragraph",
        "answer 18",
        "no \"known to be\" test",
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
}

#[test]
fn no_answer_on_minors_is_a_warning_too() {
    let p = app(|p| p.minors = Minors::default());
    let text = finding(&p, CODE).text();
    assert!(
        text.contains("your answers do not leave people under 18 out of it"),
        "{text}"
    );
    let directed = app(|p| {
        p.minors = Minors::default();
        p.children.directed_at_children = true;
    });
    assert!(
        finding(&directed, CODE)
            .text()
            .contains("(it is designed for children)")
    );
}

#[test]
fn seventeen_is_short_and_eighteen_is_the_edge() {
    assert!(fires(&app(|p| p.minors.excluded_under = Some(17))));
    assert!(!fires(&app(|p| p.minors.excluded_under = Some(18))));
    // A minimum age of 18 admits no minors at all.
    assert!(!fires(&app(|p| {
        p.minors = Minors::default();
        p.children.minimum_age = Some(18);
    })));
}

#[test]
fn no_targeted_ads_or_no_brazil_means_no_warning() {
    let no_ads = app(|p| {
        p.minors = Minors::default();
        p.sale_and_sharing.shares_for_targeted_ads = Some(false);
        p.purposes.retain(|u| u.purpose != "advertising");
        p.vendors
            .catalogue
            .retain(|v| !["google-ads", "meta-pixel", "youtube"].contains(&v.as_str()));
    });
    assert!(!fires(&no_ads), "{:?}", codes(&no_ads));
    // One ad platform is enough: it targets ads whatever the sharing answer says.
    let pixel_only = app(|p| {
        p.minors = Minors::default();
        p.sale_and_sharing.shares_for_targeted_ads = Some(false);
        p.purposes.retain(|u| u.purpose != "advertising");
        p.vendors.catalogue.retain(|v| v != "google-ads");
    });
    assert!(fires(&pixel_only));
    let elsewhere = app(|p| {
        p.minors = Minors::default();
        p.jurisdictions.retain(|j| j != "br");
    });
    assert!(!fires(&elsewhere));
}

#[test]
fn the_law_rows_say_how_little_was_read_and_no_sentence_rests_on_them() {
    let law = library().law();
    let ban = law.get("eca-digital.profiling-ads").expect("row");
    assert_eq!(ban.verification, Verification::Secondary);
    assert_eq!(ban.age, Some(18));
    assert!(ban.note.contains("Not read in the official text"));
    let scope = law.get("eca-digital.scope").expect("row");
    assert_eq!(scope.verification, Verification::Reproduction);
    assert!(scope.note.contains("17 Mar 2026"));
    let text = policy("consumer-app", |p| p.minors.excluded_under = Some(16));
    for absent in ["15.211", "ECA Digital", "Children and Adolescents"] {
        assert!(!text.contains(absent), "the policy cites {absent}");
    }
}
