//! Who receives data: vendors (processors by kind, and apart those that also use the data for
//! their own purposes), cookies and the regions addressed. Where data goes is in `transfers`.

use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object};
use serde::Serialize;

use super::{filled, label, web};
use crate::facts::{Facts, VendorOrigin};
use crate::text;

/// One vendor, shared by the full list and the group or the list apart it is also in: each of
/// the 1,047 vendors of a large project is made once, not three times.
#[derive(Clone)]
pub(crate) struct Shared(Arc<VendorView>);

impl Serialize for Shared {
    /// Into a template value, as a [`VendorValue`] over the same vendor view, so converting a
    /// list of a thousand vendors copies no text and comparing two is comparing the Rust views;
    /// anywhere else (JSON), as the vendor view's fields.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            Value::from_object(VendorValue(Arc::clone(&self.0))).serialize(serializer)
        } else {
            self.0.serialize(serializer)
        }
    }
}

/// One vendor as templates see it: a map with the vendor view's fields, read from the view
/// when a template reads them. Two are the same input exactly when their views are equal, which
/// is what the section memo and the pieces compare ([`VendorValue::same`]).
#[derive(Debug)]
pub(crate) struct VendorValue(Arc<VendorView>);

/// The fields, in the order the view declares them (and serde writes them).
const VENDOR_FIELDS: [&str; 13] = [
    "name",
    "legal_entity",
    "does",
    "purpose",
    "data",
    "locations",
    "locations_adjusted",
    "region_unanswered",
    "received_in",
    "own_use",
    "own_purposes",
    "privacy_url",
    "opt_out_url",
];

impl VendorValue {
    /// Equal views: every field equal, so every template reads the same from both.
    pub(crate) fn same(&self, other: &VendorValue) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }

    /// A hash of the view, equal for equal views.
    pub(crate) fn hash_view(&self, state: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        self.0.hash(state);
    }
}

impl Object for VendorValue {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let v = &self.0;
        let text = |s: &Option<String>| s.as_deref().map_or(Value::from(()), Value::from);
        Some(match key.as_str()? {
            "name" => Value::from(v.name.as_str()),
            "legal_entity" => text(&v.legal_entity),
            "does" => Value::from(v.does.as_str()),
            "purpose" => text(&v.purpose),
            "data" => Value::from(v.data.clone()),
            "locations" => Value::from(v.locations.clone()),
            "locations_adjusted" => Value::from(v.locations_adjusted),
            "region_unanswered" => Value::from(v.region_unanswered),
            "received_in" => text(&v.received_in),
            "own_use" => text(&v.own_use),
            "own_purposes" => Value::from(v.own_purposes),
            "privacy_url" => text(&v.privacy_url),
            "opt_out_url" => text(&v.opt_out_url),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&VENDOR_FIELDS)
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

/// One vendor.
#[derive(Debug, Serialize, PartialEq, Hash)]
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
    /// Names of the countries where it processes data, the last item "possibly other countries"
    /// when our list does not know them to be all of them.
    locations: Vec<String>,
    /// The owner set the locations for their own set-up.
    locations_adjusted: bool,
    /// The owner picks its region and has not said which.
    region_unanswered: bool,
    /// Where the company that receives the data is established, when that is not among the
    /// countries where it processes it (PayPal UK Ltd, for a UK owner): the owner's transfer
    /// goes there.
    received_in: Option<String>,
    /// What it also uses the data for on its own account, when it does.
    own_use: Option<String>,
    /// It uses the data for purposes of its own (a controller, joint controller or third party).
    own_purposes: bool,
    /// Its privacy policy.
    privacy_url: Option<String>,
    /// Where people can opt out of its processing.
    opt_out_url: Option<String>,
}

/// The vendors of one kind.
#[derive(Serialize, PartialEq)]
pub(crate) struct VendorGroup {
    /// The kind's label.
    label: String,
    /// Its vendors.
    vendors: Vec<Shared>,
}

/// Cookies.
#[derive(Serialize, PartialEq)]
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
    /// Names of the vendors whose cookies are of no settled kind (security checks that
    /// authorities differ on).
    unsettled: Vec<String>,
    /// Labels, lower case, of the kinds other than strictly necessary: those the banner asks
    /// about.
    consent_kinds: Vec<String>,
}

/// One kind of cookie.
#[derive(Serialize, PartialEq)]
pub(crate) struct CookieKindView {
    /// The kind's label.
    label: String,
    /// What it is for, in a sentence.
    explanation: String,
    /// Names of the vendors that set it.
    vendors: Vec<String>,
}

/// One region addressed.
#[derive(Serialize, PartialEq)]
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

/// Every vendor with its kind's id, catalogue vendors first.
pub(super) fn vendors(facts: &Facts<'_>, s: &toml::Table) -> Vec<(String, Shared)> {
    let cat = facts.catalogues();
    // Looked up a few times for each of up to a thousand vendors; the first with an id, as
    // `Catalogues::category` finds it.
    let mut by_id = std::collections::HashMap::new();
    for c in &cat.categories {
        by_id.entry(c.id.as_str()).or_insert(c);
    }
    let other_countries = super::string(s, "transfers", "other_countries");
    // One table cell reads as one phrase: "Content you add, contact details and IP address".
    let labels = |ids: &[&str]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| by_id.get(id).copied())
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
    facts
        .vendors
        .list
        .iter()
        .map(|v| {
            let (purpose, privacy_url, opt_out_url) = match v.origin {
                VendorOrigin::Catalogue(c) => {
                    (None, Some(c.privacy_url.clone()), c.opt_out_url.clone())
                }
                VendorOrigin::Custom(c) => {
                    (filled(&c.purpose), web(&c.privacy_url), web(&c.opt_out_url))
                }
            };
            let view = VendorView {
                name: v.name.to_owned(),
                legal_entity: v.entity.map(str::to_owned),
                does: v.does.to_owned(),
                purpose,
                data: labels(&v.data),
                locations: {
                    let mut names: Vec<String> = v
                        .locations
                        .iter()
                        .filter_map(|c| cat.countries.get(c))
                        .map(|c| c.name.clone())
                        .collect();
                    if v.locations_open && !names.is_empty() {
                        names.push(other_countries.clone());
                    }
                    names
                },
                locations_adjusted: v.locations_adjusted,
                region_unanswered: v.region_unanswered,
                received_in: v
                    .receiving_country
                    .as_ref()
                    .filter(|code| !v.locations.contains(*code))
                    .and_then(|code| cat.countries.get(code))
                    .map(|c| c.name.clone()),
                own_use: v.own_use.map(str::to_owned),
                own_purposes: v.own_purposes(),
                privacy_url,
                opt_out_url,
            };
            (v.category.id.clone(), Shared(Arc::new(view)))
        })
        .collect()
}

/// The vendors that use data only for the owner, grouped by kind, in the catalogue's order of
/// kinds. Those with purposes of their own are listed apart ([`own_purposes`]).
pub(super) fn groups(facts: &Facts<'_>, vendors: &[(String, Shared)]) -> Vec<VendorGroup> {
    facts
        .catalogues()
        .vendor_categories
        .iter()
        .filter_map(|vc| {
            let members: Vec<Shared> = vendors
                .iter()
                .filter(|(c, v)| *c == vc.id && !v.0.own_purposes)
                .map(|(_, v)| v.clone())
                .collect();
            (!members.is_empty()).then(|| VendorGroup {
                label: vc.label.clone(),
                vendors: members,
            })
        })
        .collect()
}

/// The vendors that also use the data for their own purposes, in vendor order.
pub(super) fn own_purposes(vendors: &[(String, Shared)]) -> Vec<Shared> {
    vendors
        .iter()
        .filter(|(_, v)| v.0.own_purposes)
        .map(|(_, v)| v.clone())
        .collect()
}

/// What the vendors that are third parties under US state laws receive.
#[derive(Serialize, PartialEq)]
pub(crate) struct ThirdPartiesView {
    /// Labels of the data they receive, in catalogue order.
    data: Vec<String>,
    /// Labels of their kinds, in the catalogue's order of kinds.
    kinds: Vec<String>,
}

pub(super) fn third_parties(facts: &Facts<'_>) -> ThirdPartiesView {
    let cat = facts.catalogues();
    let third: Vec<_> = facts
        .vendors
        .list
        .iter()
        .filter(|v| v.ccpa_role == crate::catalogue::CcpaRole::ThirdParty && !v.data.is_empty())
        .collect();
    ThirdPartiesView {
        data: cat
            .categories
            .iter()
            .filter(|c| third.iter().any(|v| v.data.contains(&c.id.as_str())))
            .map(|c| c.label.clone())
            .collect(),
        kinds: cat
            .vendor_categories
            .iter()
            .filter(|k| third.iter().any(|v| v.category.id == k.id))
            .map(|k| k.label.clone())
            .collect(),
    }
}

/// The owner's group companies that receive data, as "Name, in Country".
pub(super) fn group_companies(facts: &Facts<'_>) -> Vec<String> {
    let cat = facts.catalogues();
    facts
        .answers()
        .vendors
        .group_companies
        .iter()
        .filter(|g| !g.name.trim().is_empty())
        .map(|g| {
            let code = g.country.trim().to_uppercase();
            match cat.countries.get(&code) {
                Some(c) => format!("{}, in {}", g.name.trim(), c.name),
                None => g.name.trim().to_owned(),
            }
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
        unsettled: names(&c.unsettled),
        consent_kinds: c
            .consent_kinds
            .iter()
            .map(|k| text::lower_first(&label(s, "cookie_kind", k)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::value::Serde;

    /// A vendor as templates see it has exactly its view's fields and values: as JSON (which
    /// tells `null` from `""` and `true` from `1`), the template value equals the view's own
    /// serialisation, key for key and in order, for every vendor of a large project.
    #[test]
    fn a_vendor_value_is_its_views_fields() {
        let library = crate::library::Library::load().expect("library loads");
        let mut large = crate::scale::large_project(&library, 40);
        large.vendors.custom[0].own_use = Some("Its own ads".into());
        large.vendors.custom[1].legal_entity = None;
        large.vendors.custom[2].privacy_url = None;
        let facts = Facts::derive(&large, library.catalogues());
        let strings = &library.language("en").expect("en").strings;
        let vendors: Vec<Shared> = vendors(&facts, strings)
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert!(vendors.len() > 40);
        for v in &vendors {
            let value = Value::from(Serde(v));
            assert!(value.downcast_object_ref::<VendorValue>().is_some());
            let from_value = serde_json::to_string(&value).expect("serialises");
            let from_view = serde_json::to_string(&*v.0).expect("serialises");
            assert_eq!(from_value, from_view);
        }
    }
}
