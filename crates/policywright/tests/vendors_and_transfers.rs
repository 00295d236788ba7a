//! Vendors' roles and where data goes (legal review 2026-12, items H1, H2, H8, M5, M8, M16, L3,
//! L10): who uses data for its own purposes, the California sold-or-shared column, the countries
//! each law's section names and the mechanism under that law.

mod common;
mod project_strategy;

use common::{document, example, fires, library, markdown, section};
use policywright::model::{TransferSafeguard, VendorAdjustment};
use policywright::{Facts, Project};
use project_strategy::generated_project;
use proptest::prelude::*;

#[test]
fn h2_a_us_company_serving_canada_and_australia_names_the_united_states() {
    let p = example("consumer-app");
    assert_eq!(p.organisation.address.country, "US");
    let md = markdown(&document(&p));
    let canada = section(&md, "If you are in Canada");
    assert!(canada.contains("the United States"), "{canada}");
    assert!(
        canada.contains("We are based in the United States"),
        "{canada}"
    );
    let australia = section(&md, "If you are in Australia");
    assert!(australia.contains("the United States"), "{australia}");
    let brazil = section(&md, "If you are in Brazil");
    assert!(brazil.contains("the United States"), "{brazil}");
    // Stripe's and Cloudflare's lists are open: neither section calls the countries all of them.
    assert!(canada.contains("possibly other countries"), "{canada}");
    assert!(
        australia.contains("possibly other countries"),
        "{australia}"
    );
}

#[test]
fn h2_a_german_company_serving_canada_names_germany_and_its_vendors_countries() {
    let mut p = example("saas");
    p.jurisdictions.push("ca".into());
    let md = markdown(&document(&p));
    let canada = section(&md, "If you are in Canada");
    for country in ["Germany", "the United States"] {
        assert!(canada.contains(country), "{country} missing: {canada}");
    }
}

#[test]
fn m5_a_uk_shop_tells_eu_users_their_data_goes_to_the_uk_under_the_adequacy_decision() {
    let p = example("shop");
    assert_eq!(p.organisation.address.country, "GB");
    let md = markdown(&document(&p));
    let abroad = section(&md, "Data sent abroad");
    let eu = abroad
        .split("### If you are in the European Economic Area: where your data goes")
        .nth(1)
        .expect("an EEA part");
    let eu = eu.split("### ").next().unwrap_or(eu);
    let uk_row = eu
        .lines()
        .find(|l| l.starts_with("| The United Kingdom"))
        .unwrap_or_else(|| panic!("no UK row: {eu}"));
    assert!(uk_row.contains("Us"), "{uk_row}");
    assert!(uk_row.contains("adequacy decision"), "{uk_row}");
}

#[test]
fn m5_a_uk_shop_never_calls_eea_countries_less_protective() {
    let md = markdown(&document(&example("shop")));
    let abroad = section(&md, "Data sent abroad");
    let uk = abroad
        .split("### If you are in the United Kingdom: where your data goes")
        .nth(1)
        .expect("a UK part");
    let uk = uk.split("### ").next().unwrap_or(uk);
    // Luxembourg is where PayPal may take the data next, not where the shop sends it: it has no
    // row, and the sentence naming it calls it nothing.
    for country in ["Germany", "Canada"] {
        let row = uk
            .lines()
            .find(|l| l.starts_with(&format!("| {country}")))
            .unwrap_or_else(|| panic!("no row for {country}: {uk}"));
        assert!(row.contains("UK adequacy regulations"), "{row}");
    }
    assert!(!md.contains("may protect personal data less"), "{md}");
    let sentence = uk
        .lines()
        .find(|l| l.contains("has not recognised"))
        .unwrap_or("");
    for country in ["Germany", "Ireland", "Luxembourg", "Canada"] {
        assert!(!sentence.contains(country), "{sentence}");
    }
}

#[test]
fn h1_a_shop_using_meta_pixel_and_paypal_lists_them_as_using_data_for_their_own_purposes() {
    let mut p = example("shop");
    p.vendors.catalogue.push("meta-pixel".into());
    let md = markdown(&document(&p));
    let vendors = section(&md, "Who we share it with");
    let apart = vendors
        .split("### Companies that also use your data for their own purposes")
        .nth(1)
        .expect("a part for companies with their own purposes");
    for name in ["Meta Pixel", "PayPal", "Royal Mail", "DHL"] {
        assert!(apart.contains(name), "{name} not listed apart: {apart}");
    }
    assert!(apart.contains("facebook.com/privacy/policy"), "{apart}");
    // The processors' sentence stands above the processors only.
    let processors = vendors
        .split("### Companies that also")
        .next()
        .unwrap_or("");
    assert!(processors.contains("only on our instructions"));
    assert!(!processors.contains("**Meta Pixel**") && !processors.contains("**PayPal**"));
}

#[test]
fn h1_the_processor_sentence_prints_only_when_a_processor_is_listed() {
    let mut p = example("shop");
    p.vendors.catalogue = vec!["paypal".into(), "meta-pixel".into(), "royal-mail".into()];
    p.vendors.custom.clear();
    p.vendors.adjustments.clear();
    let md = markdown(&document(&p));
    assert!(!md.contains("only on our instructions"), "{md}");
    assert!(
        !md.contains("may not use it for their own purposes"),
        "{md}"
    );
}

#[test]
fn h1_google_analytics_follows_the_owners_data_sharing_setting() {
    let mut p = example("shop");
    p.vendors.settings.google_analytics_data_sharing = Some(false);
    let facts_off = {
        let md = markdown(&document(&p));
        section(&md, "Who we share it with").to_owned()
    };
    let apart_off = facts_off
        .split("### Companies that also")
        .nth(1)
        .unwrap_or("");
    assert!(!apart_off.contains("Google Analytics"), "{apart_off}");
    p.vendors.settings.google_analytics_data_sharing = None;
    let md = markdown(&document(&p));
    let apart = section(&md, "Who we share it with")
        .split("### Companies that also")
        .nth(1)
        .unwrap_or("")
        .to_owned();
    assert!(
        apart.contains("Google Analytics"),
        "unanswered counts as on: {apart}"
    );
    assert!(fires(&p, "vendors.setting-unanswered"));
}

#[test]
fn h8_the_california_sold_or_shared_column_follows_the_ad_vendors() {
    let mut p = example("consumer-app");
    let md = markdown(&document(&p));
    let ca = section(&md, "If you live in California");
    // The row whose category starts with `label` and whose examples start with `examples`.
    let row = |ca: &str, label: &str, examples: &str| -> String {
        ca.lines()
            .find(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                cells.len() > 2
                    && cells[0].starts_with(&format!("| {label}"))
                    && cells[1].starts_with(examples)
            })
            .unwrap_or_else(|| panic!("no row {label} | {examples}: {ca}"))
            .to_owned()
    };
    // Google Ads and Meta Pixel receive device identifiers and cookie IDs (identifiers); YouTube,
    // which uses what its embeds receive for its own ads, receives the IP address.
    let ip = row(ca, "Identifiers", "IP address");
    assert!(ip.ends_with("| Advertising and embedded content |"), "{ip}");
    // A category's rows split by who it is sold or shared to: the name and sign-in details go to
    // no ad platform, so their row does not say they are shared.
    let names = row(ca, "Identifiers", "Name, contact details");
    assert!(names.ends_with("| No one |"), "{names}");
    // The owner targets ads by approximate location, which the ad platforms place from the IP
    // address: geolocation is shared (a lawyer's read found "No one" here). Precise location
    // goes to no ad platform, so it has a row of its own (a later read found one "Geolocation
    // data" row, sold to advertisers, listing precise location).
    let approximate = row(ca, "Geolocation data", "Approximate location");
    assert!(approximate.ends_with("| Advertising |"), "{approximate}");
    let precise = row(ca, "Geolocation data", "Precise location");
    assert!(precise.ends_with("| No one |"), "{precise}");
    // Health data is medical information, in the customer records category, not audio or visual
    // information (law row ccpa.customer-records).
    assert!(row(ca, "Customer records", "").contains("Health data"));
    assert!(!row(ca, "Audio, electronic", "").contains("Health"));
    // Sensitive personal information is a category of its own, (v)(1)(L), listed as well.
    let sensitive = row(ca, "Sensitive personal information", "");
    assert!(
        sensitive.contains("Sign-in details, precise location and health data"),
        "{sensitive}"
    );
    // Without the vendors that use data for ads nothing is sold or shared, whatever else is
    // disclosed.
    p.vendors
        .catalogue
        .retain(|v| v != "google-ads" && v != "meta-pixel" && v != "youtube");
    p.sale_and_sharing.shares_for_targeted_ads = Some(false);
    let md = markdown(&document(&p));
    let ca = section(&md, "If you live in California");
    for line in ca
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Category"))
    {
        assert!(line.ends_with("| No one |"), "{line}");
    }
    assert!(!ca.contains("cross-context behavioural advertising"));
}

#[test]
fn h8_an_ad_platform_makes_the_policy_say_it_shares_even_if_the_owner_said_no() {
    let mut p = example("saas");
    p.vendors.catalogue.push("linkedin-insight".into());
    assert_eq!(p.sale_and_sharing.shares_for_targeted_ads, Some(false));
    let md = markdown(&document(&p));
    assert!(md.contains("We share some personal information for targeted advertising"));
    assert!(!md.contains("We do not sell your personal information"));
    assert!(fires(&p, "sale.advertising-vendor-without-sharing"));
}

#[test]
fn l10_recaptcha_is_a_processor_without_googles_privacy_policy() {
    let cat = library().catalogues();
    let v = cat.vendor("recaptcha").expect("recaptcha");
    assert_eq!(v.gdpr_role, policywright::catalogue::GdprRole::Processor);
    assert!(!v.privacy_url.contains("policies.google.com"));
    assert_ne!(v.legal_entity, "Google Ireland Limited");
    let md = markdown(&document(&example("shop")));
    let line = md
        .lines()
        .find(|l| l.contains("Google reCAPTCHA"))
        .expect("reCAPTCHA row");
    assert!(!line.contains("delivers it quickly"), "L3: {line}");
}

#[test]
fn m8_a_vendor_moved_to_germany_leaves_the_eea_transfer_text() {
    let mut p = example("saas");
    p.vendors.adjustments.retain(|a| a.vendor != "aws");
    let before = markdown(&document(&p));
    assert!(section(&before, "Who we share it with").contains("**Amazon Web Services**"));
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "aws".into(),
        locations: Some(vec!["DE".into()]),
        ..VendorAdjustment::default()
    });
    let md = markdown(&document(&p));
    let row = md
        .lines()
        .find(|l| l.contains("**Amazon Web Services**"))
        .expect("AWS row");
    assert!(row.contains("Germany (the region we chose)"), "{row}");
    let abroad = section(&md, "Data sent abroad");
    let us_row = abroad
        .lines()
        .find(|l| l.starts_with("| The United States"))
        .expect("US row");
    assert!(!us_row.contains("Amazon Web Services"), "{us_row}");
}

#[test]
fn m5_a_recipient_with_no_safeguard_under_uk_law_is_a_finding() {
    let mut p = example("shop");
    assert!(!fires(&p, "transfers.recipient-without-safeguard"));
    // Shopify in the United States, which UK law has not found adequate, with no UK safeguard.
    p.vendors.adjustments.retain(|a| a.vendor != "shopify");
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "shopify".into(),
        locations: Some(vec!["US".into()]),
        ..VendorAdjustment::default()
    });
    assert!(fires(&p, "transfers.recipient-without-safeguard"));
    if let Some(a) = p.vendors.adjustments.last_mut() {
        a.safeguards = vec![TransferSafeguard::UkIdta];
    }
    assert!(!fires(&p, "transfers.recipient-without-safeguard"));
}

#[test]
fn m16_advisers_and_tax_authorities_are_named() {
    let p = example("shop");
    assert!(p.purposes.iter().any(|u| u.purpose == "tax-accounting"));
    let md = markdown(&document(&p));
    let other = section(&md, "Other times we share data");
    assert!(other.contains("professional advisers"), "{other}");
    assert!(other.contains("tax authorities"), "{other}");
}

#[test]
fn h3_vendor_tables_name_only_data_the_owner_collects() {
    let mut p = example("shop");
    p.data.retain(|d| d.category != "ip-address");
    let md = markdown(&document(&p));
    let vendors = section(&md, "Who we share it with");
    assert!(!vendors.contains("IP address"), "{vendors}");
    assert!(fires(&p, "vendors.always-received-not-collected"));
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Every country a vendor table names, outside a regime's territory, appears in that regime's
/// transfer text; no adequate destination is called less protective.
fn transfers_agree_with_vendor_tables(p: &Project) -> Result<(), TestCaseError> {
    let cat = library().catalogues();
    let facts = Facts::derive(p, cat);
    let md = markdown(&document(p));
    for r in &facts.transfers.regimes {
        let title = match r.jurisdiction.id.as_str() {
            "ca" => "If you are in Canada",
            "au" => "If you are in Australia",
            "br" => "If you are in Brazil",
            _ => "Data sent abroad",
        };
        // A regime with nothing sent outside its territory may have no such section; a missing
        // section is a failure only when something should be named in it (a panic here would
        // let the shrinker trade the real failure for this one).
        let abroad = facts.vendors.list.iter().any(|v| {
            v.locations
                .iter()
                .any(|code| !r.territory.contains(code, Some(&cat.countries[code])))
        });
        if !abroad && r.destinations.is_empty() {
            continue;
        }
        let heading = format!("{title}\n");
        prop_assert!(md.contains(&heading), "no section {title}:\n{md}");
        let text = section(&md, title).to_owned();
        for v in &facts.vendors.list {
            for code in &v.locations {
                let country = &cat.countries[code];
                if r.territory.contains(code, Some(country)) {
                    continue;
                }
                prop_assert!(
                    text.contains(&country.name) || text.contains(&upper_first(&country.name)),
                    "{} ({}) missing from the {} text:\n{}",
                    country.name,
                    v.name,
                    r.jurisdiction.id,
                    text
                );
            }
        }
        for d in &r.destinations {
            if d.adequacy == policywright::facts::Adequacy::Adequate {
                let sentence = text
                    .lines()
                    .find(|l| l.contains("has not recognised"))
                    .unwrap_or("");
                prop_assert!(!sentence.contains(&d.country.name), "{sentence}");
            }
        }
    }
    prop_assert!(!md.contains("protect personal data less"));
    Ok(())
}

fn with_adjustments() -> impl Strategy<Value = Project> {
    (
        generated_project(),
        prop::collection::vec(
            prop::sample::select(vec![
                "DE", "US", "GB", "CA", "IE", "AU", "BR", "CH", "JP", "IN",
            ]),
            1..3,
        ),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut p, locations, which)| {
            if !p.vendors.catalogue.is_empty() {
                let vendor = p.vendors.catalogue[which.index(p.vendors.catalogue.len())].clone();
                p.vendors.adjustments.push(VendorAdjustment {
                    vendor,
                    locations: Some(locations.into_iter().map(str::to_owned).collect()),
                    ..VendorAdjustment::default()
                });
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_vendor_country_is_named_in_each_regimes_transfer_text(p in with_adjustments()) {
        transfers_agree_with_vendor_tables(&p)?;
    }
}

#[test]
fn the_examples_transfer_texts_agree_with_their_vendor_tables() {
    for name in ["saas", "shop", "consumer-app"] {
        transfers_agree_with_vendor_tables(&example(name)).unwrap();
    }
}

#[test]
fn m5_the_migration_keeps_global_safeguards_unassigned_and_invents_none() {
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1.policy.json");
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&v1).unwrap()).unwrap();
    assert_eq!(
        raw["transfers"]["safeguards"],
        serde_json::json!(["standard-contractual-clauses"])
    );
    let p = policywright::project_file::load(&v1).unwrap();
    assert_eq!(
        p.transfers.unassigned_safeguards,
        vec![TransferSafeguard::StandardContractualClauses]
    );
    // No recipient gained a safeguard it did not have.
    assert!(p.vendors.adjustments.is_empty());
    assert_eq!(
        p.vendors.custom[0].safeguard,
        Some(TransferSafeguard::AdequacyDecision)
    );
    assert!(fires(&p, "transfers.unassigned-safeguards"));
    // An empty list leaves nothing behind.
    let mut empty = raw.clone();
    empty["transfers"]["safeguards"] = serde_json::json!([]);
    let (migrated, from) = policywright::project_file::migrate::Chain::CURRENT
        .run(empty)
        .unwrap();
    assert_eq!(from, 1);
    assert_eq!(migrated["transfers"], serde_json::json!({}));
}

#[test]
fn l10_every_catalogue_vendor_fact_has_a_dated_source() {
    use policywright::catalogue::SourceLevel;
    for v in &library().catalogues().vendors {
        for fact in ["role", "entity", "locations"] {
            let s = v
                .sources
                .iter()
                .find(|s| s.fact == fact)
                .unwrap_or_else(|| panic!("{}: no source for its {fact}", v.id));
            assert_eq!(s.checked.len(), 10, "{}: date {}", v.id, s.checked);
            // A confirmed fact names the page it was read on; an unconfirmed one names none,
            // so no address is ever made up.
            match s.level {
                SourceLevel::V | SourceLevel::S => assert!(
                    s.url.as_deref().is_some_and(|u| u.starts_with("https://")),
                    "{}: {fact} is {:?} but has no page",
                    v.id,
                    s.level
                ),
                SourceLevel::U => {}
            }
        }
    }
}

#[test]
fn m5_every_law_fact_the_transfer_data_names_exists() {
    let laws = library().law();
    let regimes = &library().catalogues().transfer_regimes.regime;
    for id in ["eu", "uk", "ch", "ca", "au", "br"] {
        assert!(regimes.contains_key(id), "{id}");
    }
    for (id, r) in regimes {
        for fact in r.adequacy.iter().chain(&r.framework) {
            assert!(
                laws.get(fact).is_some(),
                "{id}: {fact} is not in law/facts.toml"
            );
        }
        // A destination is called not adequate only when the adequacy list was read in full.
        if r.list_complete() {
            let f = laws.get(r.adequacy.as_deref().unwrap_or_default()).unwrap();
            assert_ne!(
                f.verification,
                policywright::law::Verification::Unconfirmed,
                "{id}"
            );
        }
    }
    assert!(
        laws.get("gdpr.adequacy-uk")
            .is_some_and(|f| f.states.contains("27 December 2031"))
    );
}

#[test]
fn the_contracting_entity_follows_where_the_owner_is() {
    let entity = |country: &str| -> String {
        let mut p = example("shop");
        p.organisation.address.country = country.into();
        let md = markdown(&document(&p));
        md.lines()
            .find(|l| l.contains("**Shopify**"))
            .expect("Shopify row")
            .to_owned()
    };
    assert!(entity("GB").contains("(Shopify International Limited)"));
    assert!(entity("DE").contains("(Shopify International Limited)"));
    assert!(entity("US").contains("(Shopify Inc.)"));
    assert!(entity("AU").contains("(Shopify Commerce Singapore Pte. Ltd.)"));
    assert!(entity("BR").contains("(Shopify International Limited)"));
}

#[test]
fn m5_a_swiss_owner_names_the_swiss_clauses_only_where_the_owner_confirmed_them() {
    let mut p = example("saas");
    p.organisation.address.country = "CH".into();
    p.jurisdictions = vec!["ch".into()];
    p.vendors.adjustments.retain(|a| a.vendor != "sentry");
    let md = markdown(&document(&p));
    let us = md
        .lines()
        .find(|l| l.starts_with("| The United States"))
        .expect("US row")
        .to_owned();
    assert!(
        us.contains("Postmark, Sentry and OpenAI API\\: no safeguard named yet"),
        "{us}"
    );
    assert!(
        us.contains("certified under the Swiss–US Data Privacy Framework"),
        "{us}"
    );
    assert!(fires(&p, "transfers.recipient-without-safeguard"));
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "sentry".into(),
        safeguards: vec![TransferSafeguard::SwissSccs],
        ..VendorAdjustment::default()
    });
    let md = markdown(&document(&p));
    assert!(
        md.contains("Sentry\\: the European Commission's Standard Contractual Clauses with the changes Swiss law requires"),
        "{md}"
    );
    let germany = md
        .lines()
        .find(|l| l.starts_with("| Germany"))
        .expect("Germany row");
    assert!(
        germany.contains("Swiss Federal Council lists this country"),
        "{germany}"
    );
}
