//! The catalogue's vendor facts as the policy uses them: a host receives whatever data the owner
//! collects, contracting entities follow where the owner is, and the pages the facts were read on
//! stay in the catalogue, out of the policy.

mod common;

use common::{codes, document, example, html, library, markdown};
use policywright::Facts;
use policywright::catalogue::{ALL_DATA, SourceLevel};

#[test]
fn every_host_may_receive_every_kind_of_data() {
    let cat = library().catalogues();
    let all: Vec<&str> = cat.categories.iter().map(|c| c.id.as_str()).collect();
    let hosts: Vec<_> = cat
        .vendors
        .iter()
        .filter(|v| v.category == "hosting")
        .collect();
    assert!(hosts.len() >= 8, "{}", hosts.len());
    for v in hosts {
        assert!(v.receives_all_data, "{} lists only some data", v.id);
        let data: Vec<&str> = v.data.iter().map(String::as_str).collect();
        assert_eq!(data, all, "{}", v.id);
    }
    // The marker never survives loading, and no other kind of vendor is given everything.
    for v in &cat.vendors {
        assert!(!v.data.iter().any(|d| d == ALL_DATA), "{}", v.id);
        assert_eq!(v.receives_all_data, v.category == "hosting", "{}", v.id);
    }
}

#[test]
fn a_host_receives_exactly_what_the_owner_collects() {
    let p = example("saas");
    let cat = library().catalogues();
    let facts = Facts::derive(&p, cat);
    let aws = facts
        .vendors
        .list
        .iter()
        .find(|v| v.name == "Amazon Web Services")
        .expect("AWS is in the SaaS example");
    let collected: Vec<&str> = cat
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| p.data.iter().any(|d| d.category == *id))
        .collect();
    assert_eq!(aws.data, collected);
    assert!(aws.uncollected.is_empty());
    // The table names the kinds an understated list left out.
    let md = markdown(&document(&p));
    let row = md
        .lines()
        .find(|l| l.contains("**Amazon Web Services**"))
        .expect("AWS row");
    for label in [
        "Name",
        "support conversations",
        "usage data",
        "marketing choices",
    ] {
        assert!(row.contains(label), "{label} missing: {row}");
    }
    // Data the owner does not collect is not said to reach the host.
    assert!(!row.contains("health"), "{row}");
}

#[test]
fn contracting_entities_follow_where_the_owner_is() {
    let row = |example_name: &str, vendor: &str, country: &str| -> String {
        let mut p = example(example_name);
        p.organisation.address.country = country.into();
        let md = markdown(&document(&p));
        md.lines()
            .find(|l| l.contains(&format!("**{vendor}**")))
            .unwrap_or_else(|| panic!("no {vendor} row"))
            .to_owned()
    };
    assert!(row("shop", "PayPal", "GB").contains("(PayPal UK Ltd)"));
    assert!(row("shop", "PayPal", "JE").contains("(PayPal UK Ltd)"));
    // Markdown escapes the brackets and dots of the Luxembourg name.
    assert!(row("shop", "PayPal", "DE").contains("(PayPal \\(Europe\\) S\\.à r\\.l. et Cie"));
    assert!(row("shop", "PayPal", "US").contains("(PayPal, Inc.)"));
    assert!(row("saas", "Amazon Web Services", "DE").contains("(Amazon Web Services EMEA SARL)"));
    assert!(row("saas", "Amazon Web Services", "GB").contains("(Amazon Web Services EMEA SARL)"));
    assert!(
        row("saas", "Amazon Web Services", "AU")
            .contains("(Amazon Web Services Australia Pty Ltd)")
    );
    assert!(row("saas", "Amazon Web Services", "US").contains("(Amazon Web Services, Inc.)"));
}

#[test]
fn source_pages_are_recorded_but_never_printed() {
    let cat = library().catalogues();
    let stripe = cat.vendor("stripe").expect("stripe");
    let role = stripe
        .sources
        .iter()
        .find(|s| s.fact == "role")
        .expect("a role source");
    assert_eq!(role.level, SourceLevel::V);
    assert_eq!(
        role.url.as_deref(),
        Some("https://stripe.com/fr-in/legal/dpa")
    );
    let mut urls = 0;
    for name in ["shop", "saas", "consumer-app"] {
        let p = example(name);
        let doc = document(&p);
        let texts = [markdown(&doc), html(&doc, false)];
        for v in &cat.vendors {
            let links = [Some(&v.privacy_url), v.opt_out_url.as_ref()];
            for url in v.sources.iter().filter_map(|s| s.url.as_ref()) {
                if links.contains(&Some(url)) {
                    continue;
                }
                urls += 1;
                for t in &texts {
                    assert!(!t.contains(url.as_str()), "{name} prints {url}");
                }
            }
        }
    }
    assert!(urls > 100, "{urls}");
}

#[test]
fn every_setting_the_catalogue_names_is_one_the_owner_can_answer() {
    use policywright::model::VendorSettings;
    let named: Vec<&str> = library()
        .catalogues()
        .vendors
        .iter()
        .filter_map(|v| v.own_use_setting.as_deref())
        .collect();
    assert!(named.contains(&"hubspot_data_sharing"), "{named:?}");
    for name in named {
        assert!(VendorSettings::NAMES.contains(&name), "{name}");
    }
    // Each name reads its own field.
    let mut s = VendorSettings::default();
    assert!(s.is_empty());
    s.hubspot_data_sharing = Some(false);
    assert!(!s.is_empty());
    assert_eq!(s.get("hubspot_data_sharing"), Some(false));
    assert_eq!(s.get("google_analytics_data_sharing"), None);
}

/// The part of the sharing section listing companies that also use data for their own purposes.
fn listed_apart(md: &str) -> String {
    let sharing = md
        .find("Who we share it with\n")
        .map_or("", |start| &md[start..]);
    let sharing = &sharing[..sharing[1..].find("\n## ").map_or(sharing.len(), |i| i + 1)];
    sharing
        .split("### Companies that also")
        .nth(1)
        .unwrap_or("")
        .to_owned()
}

#[test]
fn h1_hubspot_follows_the_owners_data_sharing_setting() {
    let mut p = example("saas");
    let cat = library().catalogues();
    let hubspot = |p: &policywright::Project| {
        Facts::derive(p, cat)
            .vendors
            .list
            .iter()
            .find(|v| v.name == "HubSpot")
            .map(|v| (v.own_use.is_some(), v.unanswered_setting.is_some()))
            .expect("HubSpot is in the SaaS example")
    };
    let fires =
        |p: &policywright::Project| codes(p).iter().any(|c| c == "vendors.setting-unanswered");
    // Off, as the example's owner answered: a processor, listed with the others.
    p.vendors.settings.hubspot_data_sharing = Some(false);
    assert_eq!(hubspot(&p), (false, false));
    let md = markdown(&document(&p));
    assert!(md.contains("**HubSpot**"), "{md}");
    assert!(
        !listed_apart(&md).contains("HubSpot"),
        "{}",
        listed_apart(&md)
    );
    assert!(!fires(&p));
    // On: listed apart, saying what HubSpot uses the data for.
    p.vendors.settings.hubspot_data_sharing = Some(true);
    assert_eq!(hubspot(&p), (true, false));
    let apart = listed_apart(&markdown(&document(&p)));
    assert!(apart.contains("HubSpot"), "{apart}");
    assert!(apart.contains("mproving HubSpot's own products"), "{apart}");
    assert!(!fires(&p));
    // Unanswered counts as on, and a finding asks.
    p.vendors.settings.hubspot_data_sharing = None;
    assert_eq!(hubspot(&p), (true, true));
    assert!(listed_apart(&markdown(&document(&p))).contains("HubSpot"));
    assert!(fires(&p));
}
