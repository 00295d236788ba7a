//! Who receives data and where it goes: vendors, cookies, transfers and the regions addressed.

use serde::Serialize;

use super::{filled, label, string, web};
use crate::facts::{Facts, VendorOrigin};
use crate::model::TransferSafeguard;
use crate::text;

/// One vendor.
#[derive(Serialize, Clone)]
pub(crate) struct VendorView {
    /// Its name.
    name: String,
    /// The company that processes the data, when known.
    legal_entity: Option<String>,
    /// What vendors of its kind do, in a phrase.
    does: String,
    /// What the owner uses it for, in the owner's words (custom vendors).
    purpose: Option<String>,
    /// Labels of the data it receives, as one phrase ("Contact details and IP address").
    data: Vec<String>,
    /// Names of the countries where it processes data.
    locations: Vec<String>,
    /// The safeguard for transfers abroad, as a label.
    safeguard: Option<String>,
    /// Its privacy policy.
    privacy_url: Option<String>,
    /// Where people can opt out of its processing.
    opt_out_url: Option<String>,
}

/// The vendors of one kind.
#[derive(Serialize)]
pub(crate) struct VendorGroup {
    /// The kind's label.
    label: String,
    /// Its vendors.
    vendors: Vec<VendorView>,
}

/// Cookies.
#[derive(Serialize)]
pub(crate) struct CookiesView {
    /// Any cookie is set, by the owner or a vendor.
    any: bool,
    /// Each kind set, with who sets it.
    kinds: Vec<CookieKindView>,
    /// A kind other than strictly necessary is set (by the owner or a vendor).
    non_essential: bool,
    /// The owner asks consent with a banner before setting non-essential cookies.
    consent_banner: bool,
    /// Do Not Track switches analytics and marketing cookies off.
    dnt_honoured: bool,
    /// Global Privacy Control is honoured.
    gpc: bool,
    /// The owner's separate cookie policy.
    policy_url: Option<String>,
    /// Names of the vendors that set cookies.
    third_party: Vec<String>,
}

/// One kind of cookie.
#[derive(Serialize)]
pub(crate) struct CookieKindView {
    /// The kind's label.
    label: String,
    /// What it is for, in a sentence.
    explanation: String,
    /// Names of the vendors that set it.
    vendors: Vec<String>,
}

/// One region addressed.
#[derive(Serialize)]
pub(crate) struct JurisdictionView {
    /// Its id, e.g. `us-ca`.
    id: String,
    /// Its name ("the European Economic Area").
    name: String,
    /// A short name ("EEA").
    short: String,
    /// The law, named in full.
    law: String,
    /// The law's word for personal data.
    term: String,
    /// The authority people can complain to.
    authority: String,
    /// The authority's page.
    authority_url: String,
}

/// Transfers abroad.
#[derive(Serialize)]
pub(crate) struct TransfersView {
    /// Some data leaves the home region.
    any: bool,
    /// The home region's name ("the EEA" or the country).
    home: String,
    /// Names of the countries outside it, sorted.
    countries: Vec<String>,
    /// Labels of the safeguards in use.
    safeguards: Vec<String>,
}

/// Every vendor with its kind's id, catalogue vendors first.
pub(super) fn vendors(facts: &Facts<'_>, s: &toml::Table) -> Vec<(String, VendorView)> {
    let cat = facts.catalogues();
    // One table cell reads as one phrase: "Content you add, contact details and IP address".
    let labels = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| cat.category(id))
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.label.clone()
                } else {
                    text::lower_first(&c.label)
                }
            })
            .collect()
    };
    let safeguard = |g: Option<TransferSafeguard>| g.map(|g| label(s, "safeguard", &g));
    facts
        .vendors
        .list
        .iter()
        .map(|v| {
            let (legal_entity, purpose, privacy_url, opt_out_url) = match v.origin {
                VendorOrigin::Catalogue(c) => (
                    Some(c.legal_entity.clone()),
                    None,
                    Some(c.privacy_url.clone()),
                    c.opt_out_url.clone(),
                ),
                VendorOrigin::Custom(c) => (
                    filled(&c.legal_entity),
                    filled(&c.purpose),
                    web(&c.privacy_url),
                    web(&c.opt_out_url),
                ),
            };
            let view = VendorView {
                name: v.name.to_owned(),
                legal_entity,
                does: v.category.does.clone(),
                purpose,
                data: labels(v.data),
                locations: v
                    .locations
                    .iter()
                    .filter_map(|c| cat.countries.get(c))
                    .map(|c| c.name.clone())
                    .collect(),
                safeguard: safeguard(v.safeguard),
                privacy_url,
                opt_out_url,
            };
            (v.category.id.clone(), view)
        })
        .collect()
}

/// The vendors grouped by kind, in the catalogue's order of kinds.
pub(super) fn groups(facts: &Facts<'_>, vendors: &[(String, VendorView)]) -> Vec<VendorGroup> {
    facts
        .catalogues()
        .vendor_categories
        .iter()
        .filter_map(|vc| {
            let members: Vec<VendorView> = vendors
                .iter()
                .filter(|(c, _)| *c == vc.id)
                .map(|(_, v)| v.clone())
                .collect();
            (!members.is_empty()).then(|| VendorGroup {
                label: vc.label.clone(),
                vendors: members,
            })
        })
        .collect()
}

pub(super) fn cookies(facts: &Facts<'_>, s: &toml::Table) -> CookiesView {
    let p = facts.answers();
    let c = &facts.cookies;
    let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    CookiesView {
        any: c.any(),
        non_essential: c.non_essential,
        kinds: c
            .by_kind
            .iter()
            .map(|(k, vendors)| CookieKindView {
                label: label(s, "cookie_kind", k),
                explanation: label(s, "cookie_kind_explained", k),
                vendors: names(vendors),
            })
            .collect(),
        consent_banner: p.cookies.consent_banner,
        dnt_honoured: facts.signals.do_not_track,
        gpc: facts.signals.global_privacy_control,
        policy_url: web(&p.cookies.cookie_policy_url),
        third_party: names(&c.third_party),
    }
}

pub(super) fn transfers(facts: &Facts<'_>, s: &toml::Table) -> TransfersView {
    let cat = facts.catalogues();
    let home = if facts.home.in_eea {
        string(s, "transfers", "eea")
    } else {
        facts
            .home
            .country
            .as_ref()
            .and_then(|c| cat.countries.get(c))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| string(s, "transfers", "our_country"))
    };
    TransfersView {
        any: facts.transfers.any(),
        home,
        countries: facts
            .transfers
            .countries
            .iter()
            .map(|c| c.name.clone())
            .collect(),
        safeguards: facts
            .transfers
            .safeguards
            .iter()
            .map(|g| label(s, "safeguard", g))
            .collect(),
    }
}

pub(super) fn jurisdictions(facts: &Facts<'_>) -> Vec<JurisdictionView> {
    facts
        .catalogues()
        .jurisdictions
        .iter()
        .filter(|j| facts.regions.has(&j.id))
        .map(|j| JurisdictionView {
            id: j.id.clone(),
            name: j.name.clone(),
            short: j.short.clone(),
            law: j.law.clone(),
            term: j.term.clone(),
            authority: j.authority.clone(),
            authority_url: j.authority_url.clone(),
        })
        .collect()
}
