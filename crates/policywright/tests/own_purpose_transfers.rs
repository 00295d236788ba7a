//! Companies that decide for themselves how to use the data (independent or joint
//! controllers) receive it where their contracting company is established: that is the owner's
//! transfer (EDPB Guidelines 05/2021, law row `gdpr.transfer-criteria`). Where they process it
//! next is named apart and asks the owner for no safeguard.

mod common;

use common::{codes, document, example, fires, library, markdown, section};
use policywright::model::{TransferSafeguard, VendorAdjustment};

/// The onward sentence of a regime's part of the transfer text.
fn onward_sentence(part: &str) -> &str {
    part.lines()
        .find(|l| l.starts_with("Some companies decide for themselves where to process your data"))
        .unwrap_or("")
}

/// The table row of `country` in `part`.
fn row<'a>(part: &'a str, country: &str) -> &'a str {
    part.lines()
        .find(|l| l.starts_with(&format!("| {country}")))
        .unwrap_or_else(|| panic!("no row for {country}: {part}"))
}

/// A regime's part of "Data sent abroad", from its heading to the next.
fn regime_part<'a>(md: &'a str, name: &str) -> &'a str {
    let abroad = section(md, "Data sent abroad");
    let part = abroad
        .split(&format!("### If you are in {name}: where your data goes"))
        .nth(1)
        .unwrap_or_else(|| panic!("no part for {name}: {abroad}"));
    part.split("### ").next().unwrap_or(part)
}

#[test]
fn h2_paypal_uk_receives_a_uk_shops_data_in_the_uk_and_its_own_transfers_ask_nothing_of_the_shop() {
    let mut p = example("shop");
    // Even without a safeguard for PayPal, nothing is missing: the shop hands the data to
    // PayPal UK Ltd in the UK, and PayPal decides where it goes next.
    p.vendors.adjustments.retain(|a| a.vendor != "paypal");
    let md = markdown(&document(&p));
    let uk = regime_part(&md, "the United Kingdom");
    let us_row = row(uk, "The United States");
    assert!(!us_row.contains("PayPal"), "{us_row}");
    assert!(!uk.lines().any(|l| l.starts_with("| Luxembourg")), "{uk}");
    assert_eq!(
        onward_sentence(uk),
        "Some companies decide for themselves where to process your data once they have it\\: PayPal may process it in the United States and possibly other countries; Royal Mail, DHL Express and Google Analytics may process it in countries not listed here."
    );
    assert!(
        !fires(&p, "transfers.recipient-without-safeguard"),
        "{:?}",
        codes(&p)
    );
    // For people in the EEA, the UK is outside: PayPal UK receives their data there.
    let eu = regime_part(&md, "the European Economic Area");
    let uk_row = row(eu, "The United Kingdom");
    assert!(uk_row.contains("PayPal"), "{uk_row}");
}

#[test]
fn h2_an_eea_shop_s_meta_pixel_data_goes_to_meta_ireland_and_the_us_is_named_as_metas_own_doing() {
    let mut p = example("shop");
    p.organisation.address.country = "DE".into();
    p.organisation.address.region = Some("Berlin".into());
    p.jurisdictions = vec!["eu".into()];
    p.vendors.catalogue.push("meta-pixel".into());
    let md = markdown(&document(&p));
    let abroad = section(&md, "Data sent abroad");
    let us_row = row(abroad, "The United States");
    assert!(!us_row.contains("Meta Pixel"), "{us_row}");
    assert!(
        onward_sentence(abroad).contains("Meta Pixel may process it in the United States"),
        "{abroad}"
    );
}

#[test]
fn h2_an_owners_locations_for_a_company_with_its_own_purposes_are_where_the_owner_sends_it() {
    let mut p = example("shop");
    p.vendors.adjustments.retain(|a| a.vendor != "paypal");
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: "paypal".into(),
        locations: Some(vec!["US".into()]),
        safeguards: vec![TransferSafeguard::UkIdta],
        ..VendorAdjustment::default()
    });
    let md = markdown(&document(&p));
    let uk = regime_part(&md, "the United Kingdom");
    let us_row = row(uk, "The United States");
    assert!(us_row.contains("PayPal"), "{us_row}");
    assert!(!onward_sentence(uk).contains("PayPal"), "{uk}");
}

#[test]
fn every_company_of_a_vendor_with_its_own_purposes_has_a_country_and_every_row_is_used() {
    use policywright::catalogue::GdprRole;
    let cat = library().catalogues();
    let mut named = std::collections::BTreeSet::new();
    for v in &cat.vendors {
        let mut entities = vec![v.legal_entity.as_str()];
        entities.extend(v.legal_entity_elsewhere.as_deref());
        entities.extend(v.regional_entities.iter().map(|r| r.name.as_str()));
        named.extend(entities.iter().copied());
        if matches!(
            v.gdpr_role,
            GdprRole::Controller | GdprRole::JointController
        ) {
            for e in entities {
                assert!(
                    cat.entity_country(e).is_some(),
                    "{}: no country for {e}",
                    v.id
                );
            }
        }
    }
    for e in &cat.entities {
        assert!(
            named.contains(e.name.as_str()),
            "entity {} names no vendor's company",
            e.name
        );
        assert!(cat.countries.contains_key(&e.country), "{}", e.name);
    }
}
