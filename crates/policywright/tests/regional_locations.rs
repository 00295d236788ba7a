//! Where a catalogue vendor processes data can depend on the owner's country: a Microsoft 365
//! tenant is kept in the geography of the country given at sign-up. The facts resolve it once, an
//! owner's own adjustment still wins, and the vendor table and the transfer text follow.

mod common;

use common::{document, example, library, markdown};
use policywright::Facts;
use policywright::model::{Project, VendorAdjustment};

const M365: &str = "microsoft-365";

/// The SaaS example (a German company) with Microsoft 365 among its vendors, based in `country`.
fn with_microsoft_365(country: &str) -> Project {
    let mut p = example("saas");
    if !p.vendors.catalogue.iter().any(|v| v == M365) {
        p.vendors.catalogue.push(M365.into());
    }
    p.organisation.address.country = country.into();
    if !p.jurisdictions.iter().any(|j| j == "eu") {
        p.jurisdictions.push("eu".into());
    }
    p
}

fn locations(p: &Project) -> (Vec<String>, bool) {
    let facts = Facts::derive(p, library().catalogues());
    let v = facts
        .vendors
        .list
        .iter()
        .find(|v| v.name == "Microsoft 365")
        .expect("Microsoft 365 is in use");
    (v.locations.clone(), v.locations_adjusted)
}

fn row(p: &Project) -> String {
    markdown(&document(p))
        .lines()
        .find(|l| l.contains("**Microsoft 365**"))
        .expect("a Microsoft 365 row")
        .to_owned()
}

/// The recipients the EU regime's transfer facts route to `code`.
fn routed_to(p: &Project, code: &str) -> Vec<String> {
    let facts = Facts::derive(p, library().catalogues());
    let eu = facts.transfers.regime("eu").expect("the EU regime");
    eu.destinations
        .iter()
        .filter(|d| d.code == code)
        .flat_map(|d| d.routes.iter().map(|r| r.recipient.to_owned()))
        .collect()
}

#[test]
fn a_german_owner_keeps_microsoft_365_in_the_eu() {
    let p = with_microsoft_365("DE");
    let (codes, adjusted) = locations(&p);
    assert!(!adjusted);
    assert_eq!(codes.first().map(String::as_str), Some("DE"), "{codes:?}");
    assert!(!codes.iter().any(|c| c == "US"), "{codes:?}");
    let row = row(&p);
    assert!(row.contains("Germany"), "{row}");
    assert!(!row.contains("United States"), "{row}");
    // Nothing of it leaves the EEA, so the EU transfer text does not route it to the US.
    assert!(
        !routed_to(&p, "US").iter().any(|r| r == "Microsoft 365"),
        "{:?}",
        routed_to(&p, "US")
    );
    let md = markdown(&document(&p));
    let eea = md
        .split("### If you are in the European Economic Area: where your data goes")
        .nth(1)
        .map(|rest| rest.split("### ").next().unwrap_or(rest))
        .expect("an EEA part");
    assert!(eea.contains("The United States"), "{eea}");
    assert!(!eea.contains("Microsoft 365"), "{eea}");
    // For UK users the same vendor's EU countries are named, as adequate.
    let uk = md
        .split("### If you are in the United Kingdom: where your data goes")
        .nth(1)
        .expect("a UK part");
    let germany = uk
        .lines()
        .find(|l| l.starts_with("| Germany"))
        .expect("a Germany row");
    assert!(germany.contains("Microsoft 365"), "{germany}");
}

#[test]
fn an_owner_elsewhere_in_the_eea_gets_the_eu_geography() {
    let (codes, _) = locations(&with_microsoft_365("IT"));
    assert!(codes.iter().any(|c| c == "IE"), "{codes:?}");
    assert!(!codes.iter().any(|c| c == "US" || c == "DE"), "{codes:?}");
}

#[test]
fn a_us_owner_has_microsoft_365_in_the_united_states() {
    let p = with_microsoft_365("US");
    let (codes, _) = locations(&p);
    assert_eq!(codes, ["US"]);
    assert!(row(&p).contains("the United States"), "{}", row(&p));
    assert!(routed_to(&p, "US").iter().any(|r| r == "Microsoft 365"));
}

#[test]
fn a_uk_owner_has_core_data_in_the_uk_and_other_services_in_the_us() {
    let (codes, _) = locations(&with_microsoft_365("GB"));
    assert_eq!(codes, ["GB", "US"]);
}

#[test]
fn the_owners_adjustment_still_wins() {
    let mut p = with_microsoft_365("DE");
    p.vendors.adjustments.push(VendorAdjustment {
        vendor: M365.into(),
        locations: Some(vec!["US".into()]),
        ..VendorAdjustment::default()
    });
    let (codes, adjusted) = locations(&p);
    assert_eq!(codes, ["US"]);
    assert!(adjusted);
    let row = row(&p);
    assert!(row.contains("the United States"), "{row}");
    assert!(!row.contains("Germany"), "{row}");
    assert!(routed_to(&p, "US").iter().any(|r| r == "Microsoft 365"));
}

/// The vendor step shows each vendor's entity and countries for the owner's country: the preview
/// carries them, resolved by the core, for every catalogue vendor (chosen or not).
#[test]
fn the_preview_gives_the_vendor_step_each_vendor_for_the_owners_country() {
    let listed = |country: &str| {
        policywright::preview::preview(&with_microsoft_365(country), library())
            .expect("previews")
            .listed_vendors
    };
    let find = |list: &[policywright::preview::ListedVendor], id: &str| {
        list.iter()
            .find(|v| v.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} listed"))
    };
    let german = listed("DE");
    assert_eq!(german.len(), library().catalogues().vendors.len());
    assert!(find(&german, M365).locations.contains(&"DE".to_owned()));
    assert!(!find(&german, M365).locations.contains(&"US".to_owned()));
    assert_eq!(
        find(&german, "google-analytics").legal_entity.as_deref(),
        Some("Google Ireland Limited")
    );
    let american = listed("US");
    assert_eq!(find(&american, M365).locations, vec!["US".to_owned()]);
    assert_eq!(
        find(&american, "google-analytics").legal_entity.as_deref(),
        Some("Google LLC")
    );
    // Our list could not confirm HubSpot's company for an owner in the United States.
    assert_eq!(find(&american, "hubspot").legal_entity, None);
}
