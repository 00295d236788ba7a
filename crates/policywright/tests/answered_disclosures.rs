//! Statements that the later, optional answers drive (issue "Every claim licensed"): the
//! supervising authority, the Art. 9 condition per purpose, minors, AI and Connecticut's LLM
//! statement, Quebec s.8.1, Australia's automated decisions, COPPA 2025 and the UK complaints
//! procedure. Each is printed from an answer, and only from it.

mod common;

use common::{codes, document, example, markdown, policy};
use policywright::model::*;

#[test]
fn an_eea_controller_names_its_own_authority_by_german_state() {
    let saas = policy("saas", |_| {});
    assert!(saas.contains("The authority that supervises us is the Berliner Beauftragte"));
    let munich = policy("saas", |p| {
        p.organisation.address.city = "München".into();
        p.organisation.address.region = Some("Bayern".into());
    });
    assert!(munich.contains("Bayerisches Landesamt für Datenschutzaufsicht"));
    let dublin = policy("saas", |p| {
        p.organisation.address.country = "IE".into();
        p.organisation.address.city = "Dublin".into();
    });
    assert!(dublin.contains("The authority that supervises us is the Data Protection Commission"));
    // A UK shop is not supervised by an EEA authority.
    assert!(!policy("shop", |_| {}).contains("The authority that supervises us"));
    let mut unknown = example("saas");
    unknown.organisation.address.city = "Springfield".into();
    assert!(codes(&unknown).contains(&"organisation.region-for-authority".to_owned()));
    assert!(!markdown(&document(&unknown)).contains("The authority that supervises us"));
}

#[test]
fn each_purpose_using_special_data_states_its_art_9_condition() {
    let mut p = example("shop");
    p.data.push(CollectedData {
        category: "health".into(),
        sources: vec![Source::Directly],
        required: false,
        retention: None,
        examples: vec![],
    });
    let booking = p
        .purposes
        .iter()
        .position(|u| u.purpose == "order-fulfilment")
        .expect("purpose");
    p.purposes[booking].categories.push("health".into());
    assert!(codes(&p).contains(&"purpose.special-category-without-consent".to_owned()));
    let text = markdown(&document(&p));
    assert!(!text.contains("We collect it only with your explicit consent"));

    p.purposes[booking].special_condition = Some(SpecialCondition::HealthCare);
    assert!(!codes(&p).contains(&"purpose.special-category-without-consent".to_owned()));
    let text = markdown(&document(&p));
    assert!(
        text.contains("providing health or social care"),
        "condition stated"
    );
    assert!(!text.contains("We collect it only with your explicit consent"));

    p.purposes[booking].special_condition = Some(SpecialCondition::ExplicitConsent);
    assert!(markdown(&document(&p)).contains("We collect it only with your explicit consent"));
}

#[test]
fn minors_left_out_of_ads_are_promised_only_when_answered() {
    // The hiking app leaves out under-18s, as Connecticut, Colorado and Maryland ask.
    let app = policy("consumer-app", |_| {});
    assert!(app.contains("anyone we know to be under 18, use it for targeted advertising"));
    let sixteen = policy("consumer-app", |p| p.minors.excluded_under = Some(16));
    assert!(sixteen.contains("anyone we know to be under 16, use it for targeted advertising"));
    let unanswered = policy("consumer-app", |p| p.minors = Minors::default());
    assert!(!unanswered.contains("use it to build a profile of them"));
    let opt_in = policy("consumer-app", |p| {
        p.minors = Minors {
            excluded_under: None,
            opt_in_before_sale: true,
        }
    });
    assert!(opt_in.contains("aged 13 to 15 only if they agree first"));
}

#[test]
fn connecticut_statement_follows_the_ai_answers() {
    let app = policy("consumer-app", |_| {});
    assert!(app.contains("If you live in Connecticut: we do not collect, use or sell"));
    let trains = policy("consumer-app", |p| p.ai.trains_own_models = Some(true));
    assert!(trains.contains("we use personal information to train our own large language models"));
    assert!(!trains.contains("we do not collect, use or sell"));
    let mut unanswered = example("consumer-app");
    unanswered.ai = Ai::default();
    assert!(codes(&unanswered).contains(&"ai.training-unanswered".to_owned()));
    assert!(!markdown(&document(&unanswered)).contains("If you live in Connecticut"));
}

#[test]
fn ai_section_states_the_providers_retention_and_training_as_answered() {
    let saas = policy("saas", |_| {});
    assert!(saas.contains("for up to 30 days"), "provider keeps content");
    assert!(saas.contains("may not use your content to train"));
    assert!(saas.contains("We do not use your personal data to train our own AI models"));
    let unanswered = policy("saas", |p| p.ai = Ai::default());
    assert!(!unanswered.contains("may not use your content to train"));
    assert!(!unanswered.contains("train our own AI models"));
}

#[test]
fn quebec_technology_notice_and_default() {
    let app = policy("consumer-app", |_| {});
    assert!(app.contains("can identify you, locate you or build a profile of you"));
    assert!(app.contains("These functions are off until you turn them on"));
    assert!(
        app.contains("switch them on under Settings"),
        "owner words printed"
    );
    let on = policy("consumer-app", |p| p.tracking.off_by_default = false);
    assert!(!on.contains("These functions are off until you turn them on"));
}

#[test]
fn australian_automated_decisions_are_described_when_made() {
    let app = policy("consumer-app", |p| {
        p.automated_decisions.makes_significant_decisions = true;
        p.automated_decisions.description = Some("We score route safety.".into());
    });
    assert!(app.contains("could significantly affect your rights or interests"));
    assert!(!policy("consumer-app", |_| {}).contains("could significantly affect your rights"));
}

#[test]
fn coppa_notice_names_recipients_and_the_retention_policy() {
    let mut p = example("shop");
    p.children.directed_at_children = true;
    p.children.parental_consent = Some("A parent confirms by card.".into());
    assert!(codes(&p).contains(&"children.retention-policy-missing".to_owned()));
    p.children.retention_policy = Some("We delete a child's account a year after last use.".into());
    assert!(!codes(&p).contains(&"children.retention-policy-missing".to_owned()));
    let text = markdown(&document(&p));
    assert!(text.contains("The companies that receive children's personal information"));
    assert!(text.contains("a year after last use"));
}

#[test]
fn cookie_tracking_sentence_needs_a_vendor_that_tracks() {
    let shop = policy("shop", |_| {});
    assert!(
        shop.contains("can recognise your browser across the websites"),
        "Google Analytics"
    );
    // Shopify, Stripe, PayPal and reCAPTCHA set only strictly necessary cookies.
    let necessary = policy("shop", |p| {
        p.vendors
            .catalogue
            .retain(|v| v != "google-analytics" && v != "klaviyo");
    });
    assert!(
        necessary.contains("Set by: "),
        "vendor cookies are still listed"
    );
    assert!(!necessary.contains("can recognise your browser"));
}
