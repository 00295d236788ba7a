//! Rules of single states and provinces (issue "Every claim licensed", the lawyer's open points):
//! Connecticut, Colorado and Maryland protect everyone under 18 from sale and targeted ads;
//! Quebec asks a parent's consent before collecting from a child under 14; Washington asks for a
//! separate consumer health data privacy policy. Each finding fires at its edge and not past it,
//! and names the law.

mod common;

use common::{document, example, fires, library, markdown, policy};
use policywright::Project;
use policywright::model::*;

const UNDER_18: &str = "children.minors-under-18-states";
const QUEBEC: &str = "children.quebec-under-14-consent";
const WASHINGTON: &str = "sensitive.washington-health-policy-missing";

fn app(change: impl FnOnce(&mut Project)) -> Project {
    let mut p = example("consumer-app");
    change(&mut p);
    p
}

fn message(p: &Project, code: &str) -> String {
    policywright::validate(p, library())
        .into_iter()
        .find(|f| f.code == code)
        .map(|f| f.text())
        .unwrap_or_default()
}

#[test]
fn excluding_only_under_16s_from_ads_falls_short_of_three_states() {
    let sixteen = app(|p| p.minors.excluded_under = Some(16));
    assert!(fires(&sixteen, UNDER_18));
    let text = message(&sixteen, UNDER_18);
    for cited in ["§42-529a", "§6-1-1308.5", "§14-4607", "under 16"] {
        assert!(text.contains(cited), "{cited} missing from: {text}");
    }
    assert!(text.contains("only Colorado lets you ask the minor's consent"));
    // 17 is still below 18; 18 is the edge.
    assert!(fires(
        &app(|p| p.minors.excluded_under = Some(17)),
        UNDER_18
    ));
    assert!(!fires(
        &app(|p| p.minors.excluded_under = Some(18)),
        UNDER_18
    ));
    // Opting teenagers in (California's rule) protects nobody aged 16 or 17.
    let opt_in = app(|p| {
        p.minors = Minors {
            excluded_under: None,
            opt_in_before_sale: true,
        }
    });
    assert!(fires(&opt_in, UNDER_18));
    assert!(message(&opt_in, UNDER_18).contains("only 13- to 15-year-olds"));
}

#[test]
fn the_under_18_rule_needs_the_us_states_minors_and_ads() {
    let sixteen = |change: fn(&mut Project)| {
        app(|p| {
            p.minors.excluded_under = Some(16);
            change(p);
        })
    };
    // Only adults: nobody under 18 to protect.
    assert!(!fires(
        &sixteen(|p| p.children.minimum_age = Some(18)),
        UNDER_18
    ));
    // California alone sets 16, which the answer meets.
    assert!(!fires(
        &sixteen(|p| p.jurisdictions.retain(|j| j != "us-states")),
        UNDER_18
    ));
    // No sale, no sharing, no ads of its own: nothing these rules restrict.
    let no_ads = sixteen(|p| {
        p.sale_and_sharing.shares_for_targeted_ads = Some(false);
        p.purposes.retain(|u| u.purpose != "advertising");
        p.vendors
            .catalogue
            .retain(|v| !["google-ads", "meta-pixel", "youtube"].contains(&v.as_str()));
    });
    let facts = policywright::Facts::derive(&no_ads, library().catalogues());
    assert!(
        !facts.sale.sells_or_targets_ads(),
        "the case is what it says"
    );
    assert!(!fires(&no_ads, UNDER_18));
    // Showing its own ads on other sites is targeted advertising, even with nothing shared.
    let own_ads = sixteen(|p| {
        p.sale_and_sharing.shares_for_targeted_ads = Some(false);
        p.vendors
            .catalogue
            .retain(|v| !["google-ads", "meta-pixel", "youtube"].contains(&v.as_str()));
    });
    assert!(fires(&own_ads, UNDER_18));
    // Unanswered: the older finding speaks, and now names the three states too.
    let unanswered = app(|p| p.minors = Minors::default());
    assert!(!fires(&unanswered, UNDER_18));
    assert!(message(&unanswered, "children.minors-unanswered").contains("Maryland"));
}

#[test]
fn quebec_asks_a_parent_for_children_under_14() {
    let thirteen = app(|p| p.children.minimum_age = Some(13));
    assert!(fires(&thirteen, QUEBEC));
    let text = message(&thirteen, QUEBEC);
    assert!(text.contains("P-39.1) s.4.1") && text.contains("minimum age is 13"));
    // 14 is the edge.
    assert!(!fires(&app(|p| p.children.minimum_age = Some(14)), QUEBEC));
    // No minimum age, or a service for children, admits under-14s.
    let none = app(|p| p.children.minimum_age = None);
    assert!(fires(&none, QUEBEC));
    assert!(message(&none, QUEBEC).contains("it sets no minimum age"));
    let directed = app(|p| p.children.directed_at_children = true);
    assert!(fires(&directed, QUEBEC));
    // Consent described clears it, and the policy prints the owner's words.
    let consent = app(|p| {
        p.children.minimum_age = Some(13);
        p.children.parental_consent =
            Some("A parent confirms by email before the account opens.".into());
    });
    assert!(!fires(&consent, QUEBEC));
    let printed = markdown(&document(&consent));
    assert!(printed.contains("This is how a parent gives consent for a child, in our own words"));
    assert!(printed.contains("A parent confirms by email before the account opens."));
    // Blank words describe nothing.
    assert!(fires(
        &app(|p| {
            p.children.minimum_age = Some(13);
            p.children.parental_consent = Some("  ".into());
        }),
        QUEBEC
    ));
    // Without Canada, Quebec's rule does not apply.
    assert!(!fires(
        &app(|p| {
            p.children.minimum_age = Some(13);
            p.jurisdictions.retain(|j| j != "ca");
        }),
        QUEBEC
    ));
}

#[test]
fn washington_asks_for_a_separate_health_data_policy() {
    let missing = app(|p| p.sensitive.health_data_policy_url = None);
    assert!(fires(&missing, WASHINGTON));
    let text = message(&missing, WASHINGTON);
    assert!(text.contains("RCW 19.373.020") && text.contains("this policy is not one"));
    assert!(text.contains("You collect health data,"), "{text}");
    // Biometric and genetic data count on their own; precise location alone does not.
    let biometric = app(|p| {
        p.sensitive.health_data_policy_url = None;
        p.data.retain(|d| d.category != "health");
        for u in &mut p.purposes {
            u.categories.retain(|c| c != "health");
        }
        let mut face = p.data[0].clone();
        face.category = "biometric".into();
        p.data.push(face);
    });
    assert!(fires(&biometric, WASHINGTON));
    let location_only = app(|p| {
        p.sensitive.health_data_policy_url = None;
        p.data.retain(|d| d.category != "health");
        for u in &mut p.purposes {
            u.categories.retain(|c| c != "health");
        }
    });
    assert!(
        location_only
            .data
            .iter()
            .any(|d| d.category == "precise-location")
    );
    assert!(!fires(&location_only, WASHINGTON));
    // California alone: the US-states section, where the link goes, is not written.
    assert!(!fires(
        &app(|p| {
            p.sensitive.health_data_policy_url = None;
            p.jurisdictions.retain(|j| j != "us-states");
        }),
        WASHINGTON
    ));
}

#[test]
fn the_health_data_policy_link_is_printed_only_when_given() {
    let text = policy("consumer-app", |_| {});
    assert!(text.contains(
        "If you live in Washington or Nevada: our Consumer Health Data Privacy Policy, which Washington's My Health My Data Act and Nevada's consumer health data law ask for, is at"
    ));
    assert!(text.contains("https://lumentrails.example/privacy/washington-health"));
    let without = policy("consumer-app", |p| {
        p.sensitive.health_data_policy_url = None
    });
    assert!(!without.contains("Consumer Health Data Privacy Policy"));
    // A malformed address is an error, and is not printed as a link.
    let bad = app(|p| p.sensitive.health_data_policy_url = Some("not a web address".into()));
    assert!(fires(&bad, "url.malformed"));
    assert!(fires(&bad, WASHINGTON));
    assert!(!markdown(&document(&bad)).contains("Consumer Health Data Privacy Policy"));
}
