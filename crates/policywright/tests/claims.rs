//! Claims are licensed: every sentence that asserts or promises something sits inside a
//! `{% if claim("id") %}` block of a claim in `templates/claims.toml`, and is printed only when
//! the claim's license holds for the project.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{codes, document, example, finding, library, markdown};

/// Words that make a sentence a claim about the owner's practices or a promise.
const CLAIM_WORDS: &[&str] = &["we do not", "only", "never", "within", "always"];

fn templates() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/clauses");
    let mut files = Vec::new();
    for lang in fs::read_dir(dir).expect("clauses") {
        for entry in fs::read_dir(lang.expect("language").path()).expect("language folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 30, "found {}", files.len());
    files
}

/// The template's text with every `{{ … }}`, `{# … #}` and tag removed, and the text of
/// licensed branches (`{% if claim(…) %}`, `{% elif claim(…) %}`) left out. An `else` after a
/// claim branch is not licensed.
fn unlicensed_text(template: &str) -> String {
    let mut out = String::new();
    // One entry per open `if`: whether its current branch is a claim.
    let mut branches: Vec<bool> = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let next = ["{{", "{%", "{#"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        let Some((at, open)) = next else {
            if !branches.contains(&true) {
                out.push_str(rest);
            }
            break;
        };
        if !branches.contains(&true) {
            out.push_str(&rest[..at]);
        }
        let close = match open {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        let end = rest[at..].find(close).map_or(rest.len(), |e| at + e + 2);
        if open == "{%" {
            let tag = rest[at + 2..end - 2].trim().trim_matches('-').trim();
            let word = tag.split_whitespace().next().unwrap_or("");
            match word {
                "if" => branches.push(tag.contains("claim(")),
                "elif" => {
                    if let Some(last) = branches.last_mut() {
                        *last = tag.contains("claim(");
                    }
                }
                "else" => {
                    if let Some(last) = branches.last_mut() {
                        *last = false;
                    }
                }
                "endif" => {
                    branches.pop();
                }
                _ => {}
            }
        }
        out.push(' ');
        rest = &rest[end..];
    }
    out
}

fn claim_words_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for word in CLAIM_WORDS {
        for (at, _) in lower.match_indices(word) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            let bounded = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
            if bounded(before) && bounded(after) {
                let from = lower[..at].rfind('\n').map_or(0, |i| i + 1);
                let to = lower[at..].find('\n').map_or(lower.len(), |i| at + i);
                found.push(format!("`{word}` in: {}", text[from..to].trim()));
            }
        }
    }
    found
}

#[test]
fn claim_words_stand_only_inside_claim_blocks() {
    let mut problems = Vec::new();
    for path in templates() {
        let text = fs::read_to_string(&path).expect("readable");
        for found in claim_words_in(&unlicensed_text(&text)) {
            problems.push(format!("{}: {found}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "unlicensed claims:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_sees_claims_and_licensed_blocks() {
    let t = "We do not sell. {% if claim(\"no-sale\") %}We never sell.{% else %}We only \
             share.{% endif %} {{ x }} within";
    let text = unlicensed_text(t);
    assert!(!text.contains("never"));
    let words = claim_words_in(&text);
    assert_eq!(words.len(), 3, "{words:?}");
}

#[test]
fn every_claim_in_the_manifest_is_used_and_every_used_claim_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/clauses/en");
    let manifest = library().claims();
    for claim in manifest.all() {
        let text = fs::read_to_string(dir.join(format!("{}.md", claim.section)))
            .expect("section template");
        assert!(
            text.contains(&format!("claim(\"{}\")", claim.id)),
            "claim {} is not used in {}.md",
            claim.id,
            claim.section
        );
    }
    let ids = manifest.ids();
    for path in templates() {
        let text = fs::read_to_string(&path).expect("readable");
        for (at, _) in text.match_indices("claim(\"") {
            let rest = &text[at + 7..];
            let id = &rest[..rest.find('"').expect("closing quote")];
            assert!(
                ids.contains(id),
                "{}: claim {id} is not in claims.toml",
                path.display()
            );
        }
    }
}

/// H6: the California promise about minors needs a fact that makes it true.
#[test]
fn h6_no_promise_about_minors_when_sharing_and_admitting_teens() {
    let mut app = example("consumer-app");
    app.minors = policywright::model::Minors::default();
    assert!(app.sale_and_sharing.shares_for_targeted_ads == Some(true));
    assert!(app.children.minimum_age.is_some_and(|a| a < 16));
    let text = markdown(&document(&app));
    assert!(
        !text.contains("anyone we know to be under"),
        "unlicensed promise printed"
    );

    let mut adults = app.clone();
    adults.children.minimum_age = Some(18);
    // Nobody under 18 uses it, so the sentence can name the owner's higher age.
    assert!(markdown(&document(&adults)).contains("anyone we know to be under 18."));

    let mut excluded = app.clone();
    excluded.minors.excluded_under = Some(16);
    assert!(markdown(&document(&excluded)).contains("anyone we know to be under 16."));
}

/// H4: "We use this data only to provide our service" is printed only when every purpose that uses
/// sensitive personal information is one the CCPA permits.
#[test]
fn h4_sensitive_data_statement_only_when_true() {
    let app = example("consumer-app");
    let text = markdown(&document(&app));
    assert!(!text.contains("We do not use it to infer things about you"));
    // It names the sensitive data the other uses take (health data drives personalisation),
    // not all four sensitive categories as one "it".
    assert!(text.contains("We also use health data to personalise what you see"));
    assert!(text.contains("limit our use of sensitive personal information"));
}

/// The US-states list is the states' own definition of sensitive data (Va. Code §59.1-575 and
/// the like), not the CCPA's: sign-in and card details are not in it, so "We use it only after
/// you agree" does not cover data used to take payments.
#[test]
fn us_states_sensitive_data_is_the_states_definition_not_the_ccpas() {
    let app = example("consumer-app");
    let text = markdown(&document(&app));
    let section = text
        .split("Some of what we collect counts as sensitive data under these laws: ")
        .nth(1)
        .expect("the US-states sensitive sentence");
    let sentence = section.split('\n').next().unwrap_or_default();
    assert_eq!(
        sentence,
        "precise location and health data. We use it only after you agree."
    );
    // Card brand and last four digits are not sensitive data in any state (a lawyer's read: the
    // few states that count card numbers count them with their access codes).
    assert!(!text.contains("Connecticut and New Jersey"));

    // Card details alone: no opt-in sentence and no opt-in finding.
    let mut cards = app.clone();
    cards
        .data
        .retain(|d| d.category != "precise-location" && d.category != "health");
    for u in &mut cards.purposes {
        u.categories
            .retain(|c| c != "precise-location" && c != "health");
    }
    cards.sensitive.opt_in_consent = None;
    let text = markdown(&document(&cards));
    assert!(!text.contains("counts as sensitive data under these laws"));
    assert!(!text.contains("We use it only after you agree"));
    assert!(
        !codes(&cards).contains(&"sensitive.us-without-opt-in".to_owned()),
        "card details alone do not call for opt-in under the shared definition"
    );
}

/// A blank project that says nothing about selling gets no "we do not sell".
#[test]
fn no_sale_statement_without_an_answer() {
    let mut p = example("consumer-app");
    p.sale_and_sharing.sells = None;
    p.sale_and_sharing.shares_for_targeted_ads = None;
    let text = markdown(&document(&p));
    assert!(!text.contains("We do not sell your personal information"));
    p.sale_and_sharing.sells = Some(false);
    p.sale_and_sharing.shares_for_targeted_ads = Some(false);
    // Its ad platforms share data for targeted advertising whatever the answer says.
    assert!(!markdown(&document(&p)).contains("We do not sell your personal information"));
    // YouTube uses what its embeds receive for its own ads: that is sharing too.
    p.vendors
        .catalogue
        .retain(|v| v != "google-ads" && v != "meta-pixel" && v != "youtube");
    assert!(markdown(&document(&p)).contains("We do not sell your personal information"));
}

/// Catalogue text printed in a policy (category labels and examples, purpose descriptions, vendor
/// descriptions, regions' names and authorities) is fixed text like a template's, so it carries
/// no claim either. Help texts for the wizard (`applies`) are not printed and are left out.
#[test]
fn printed_catalogue_text_makes_no_claims() {
    const PRINTED: &[&str] = &[
        "label",
        "examples",
        "description",
        "does",
        "purpose",
        "data",
        "name",
        "law",
        "authority",
        "term",
        "ccpa_categories",
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/catalogues");
    let mut problems = Vec::new();
    for entry in fs::read_dir(dir).expect("catalogues") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("readable");
        let table: toml::Table = toml::from_str(&text).expect("catalogue parses");
        let mut strings = Vec::new();
        printed_strings(&toml::Value::Table(table), PRINTED, false, &mut strings);
        for s in strings {
            for found in claim_words_in(&s) {
                problems.push(format!("{}: {found}", path.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "claims in catalogues:\n{}",
        problems.join("\n")
    );
}

/// Collects the strings under keys in `printed`, at any depth.
fn printed_strings(value: &toml::Value, printed: &[&str], keep: bool, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if keep => out.push(s.clone()),
        toml::Value::Array(items) => {
            for v in items {
                printed_strings(v, printed, keep, out);
            }
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                printed_strings(v, printed, keep || printed.contains(&k.as_str()), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_catalogue_scan_sees_a_claim_in_an_example() {
    let table: toml::Table =
        toml::from_str("[[category]]\nid = \"x\"\nexamples = [\"password, stored only as a hash\"]\napplies = \"only here\"")
            .expect("parses");
    let mut strings = Vec::new();
    printed_strings(
        &toml::Value::Table(table),
        &["examples"],
        false,
        &mut strings,
    );
    assert_eq!(strings.len(), 1);
    assert_eq!(claim_words_in(&strings[0]).len(), 1);
}

/// Quebec s.8.1: "These functions are off until you turn them on" only while every purpose that
/// profiles people, or locates them from their IP address, waits for their consent.
#[test]
fn off_until_turned_on_only_while_profiling_waits_for_consent() {
    let app = example("consumer-app");
    assert!(markdown(&document(&app)).contains("These functions are off until you turn them on."));
    assert!(!codes(&app).contains(&"tracking.on-without-consent".to_owned()));

    let mut ads_by_default = app.clone();
    for u in &mut ads_by_default.purposes {
        if u.purpose == "advertising" {
            u.legal_basis = Some(policywright::model::LegalBasis::LegitimateInterests);
        }
    }
    let text = markdown(&document(&ads_by_default));
    assert!(text.contains("Our service uses technology that can identify you"));
    assert!(!text.contains("off until you turn them on"));
    assert!(codes(&ads_by_default).contains(&"tracking.on-without-consent".to_owned()));
}

/// Quebec s.8.1, a third lawyer's read: a Google Maps embed places the visitor from the IP address
/// for Google's own purposes as the page loads, whatever the owner's purposes rest on. The claim
/// holds only while the owner says the map waits for consent (a click-to-load placeholder); a
/// consent banner holds back only vendors that set cookies it asks about.
#[test]
fn off_until_turned_on_only_while_a_map_embed_waits_for_consent() {
    let app = example("consumer-app");
    assert!(
        app.vendors
            .adjustments
            .iter()
            .any(|a| a.vendor == "google-maps" && a.loads_after_consent)
    );
    let mut loads_with_page = app.clone();
    loads_with_page.vendors.adjustments.clear();
    let text = markdown(&document(&loads_with_page));
    assert!(text.contains("Our service uses technology that can identify you"));
    assert!(!text.contains("off until you turn them on"));
    let finding = finding(&loads_with_page, "tracking.on-without-consent");
    assert!(
        finding.message.contains("Google Maps embeds"),
        "{}",
        finding.message
    );
    // Google Ads sets marketing cookies, which the owner's consent banner asks about: it waits.
    assert!(
        !finding.message.contains("Google Ads"),
        "{}",
        finding.message
    );
}

/// California, a lawyer's fourth read: opting out and limiting have a 15-business-day deadline,
/// not the 45 days of requests to know, delete or correct; the right to limit is offered only
/// where sensitive data is used beyond what the law allows without it.
#[test]
fn california_deadlines_per_request_and_limit_only_where_it_applies() {
    let app = markdown(&document(&example("consumer-app")));
    assert!(app.contains("Within 45 days for a request to know, delete or correct."));
    assert!(app.contains("We act on a request to opt out or to limit within 15 business days."));
    let saas = markdown(&document(&example("saas")));
    assert!(saas.contains("Within 45 days for a request to know, delete or correct."));
    assert!(
        !saas.contains("within 15 business days"),
        "the SaaS neither sells nor shares"
    );
    assert!(!saas.contains("limit the use of sensitive personal information"));
}
