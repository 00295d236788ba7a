//! A catalogue vendor: who it is, the role it plays for the owner under each law, what data it
//! receives, where it processes it, and where each of those facts was read.

use serde::{Deserialize, Serialize};

use super::DataCategory;
use crate::model::{CookieKind, TransferSafeguard};

/// The id in a vendor's `data` that stands for every kind of data the owner collects: a host
/// stores whatever the owner's service stores, so listing some kinds would understate it.
pub const ALL_DATA: &str = "all";

/// A service provider in the catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    /// Stable id used in project files.
    pub id: String,
    /// Name people know.
    pub name: String,
    /// Contracting legal entity for owners in the EEA, the UK and Switzerland.
    pub legal_entity: String,
    /// Contracting legal entity for owners elsewhere, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub legal_entity_elsewhere: Option<String>,
    /// Contracting entities for owners in particular countries, checked before the two above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub regional_entities: Vec<RegionalEntity>,
    /// Vendor category id.
    pub category: String,
    /// What this vendor does, when its category's phrase does not fit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub does: Option<String>,
    /// Its role under the GDPR for the service the owner uses.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub gdpr_role: GdprRole,
    /// Its role under the CCPA.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub ccpa_role: CcpaRole,
    /// What it also uses the data for on its own account, completing "it also uses it for …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub own_use: Option<String>,
    /// The owner's setting that decides whether [`Vendor::own_use`] applies (a field of
    /// `vendors.settings`); without one, it always applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub own_use_setting: Option<String>,
    /// Receiving data counts as sharing for targeted advertising under US state laws.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub ad_platform: bool,
    /// Data category ids it receives whenever it is used, whatever the owner collects.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub always: Vec<String>,
    /// Data category ids it may receive, when the owner collects them. [`ALL_DATA`] stands for
    /// every category; the loader replaces it by their ids (see [`Vendor::expand_all_data`]).
    pub data: Vec<String>,
    /// Its `data` was [`ALL_DATA`]: it may receive any data the owner collects.
    /// Sent to the wizard, which then says "any data you collect" instead of every label.
    #[serde(default, skip_deserializing)]
    pub receives_all_data: bool,
    /// Countries where it processes data, by default.
    pub locations: Vec<String>,
    /// Where it processes data for owners in particular countries, checked before `locations`
    /// (a service that stores an account in the region of the country given at sign-up).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub regional_locations: Vec<RegionalLocations>,
    /// The customer picks the region where its data is kept (a cloud host), and the vendor names
    /// no default: `locations` is only a suggestion for the owner, never printed as a fact.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub region_picked_by_owner: bool,
    /// Its `locations` may not be every country where it processes data: its terms let it
    /// process data wherever it or its sub-processors work, or our list could not confirm that
    /// the countries named are all of them. The policy then says it may process data in other
    /// countries too, until the owner gives the countries (an adjustment).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub locations_open: bool,
    /// Safeguard for transfers out of the EEA; `data-privacy-framework` means the recipient is
    /// certified under the EU–US framework, its UK Extension and the Swiss–US framework.
    #[serde(default)]
    pub safeguard: Option<TransferSafeguard>,
    /// Its privacy policy.
    pub privacy_url: String,
    /// Its opt-out page.
    #[serde(default)]
    pub opt_out_url: Option<String>,
    /// Kind of cookies it sets.
    #[serde(default)]
    pub cookies: Option<CookieKind>,
    /// It sets cookies whose kind is not settled: security checks that authorities differ on, so
    /// the policy does not call them strictly necessary (`cookies` is then unset).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub cookie_kind_unsettled: bool,
    /// No source confirmed the company `legal_entity` and `legal_entity_elsewhere` name (only
    /// the `regional_entities`, if any): the policy names no company for owners they would
    /// apply to, rather than one that may be wrong.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub default_entity_unconfirmed: bool,
    /// Owners' countries (catalogue codes) for which no source confirmed which of
    /// `legal_entity` and `legal_entity_elsewhere` applies (Google's terms in British English
    /// name no country): the policy names no company for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub entity_unconfirmed_in: Vec<String>,
    /// Where the role, entity and location facts were read.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub sources: Vec<VendorSource>,
}

impl Vendor {
    /// Replaces [`ALL_DATA`] in `data` by every category id, in catalogue order, so what the
    /// vendor receives is whatever of them the owner collects.
    pub(super) fn expand_all_data(&mut self, categories: &[DataCategory]) {
        if !self.data.iter().any(|d| d == ALL_DATA) {
            return;
        }
        self.receives_all_data = true;
        self.data = categories.iter().map(|c| c.id.clone()).collect();
    }

    /// The entity an owner in `country` (a catalogue code, when known) contracts with; `europe`
    /// says whether the owner is in the EEA, the UK or Switzerland. `None` when our list does not
    /// know it ([`Vendor::default_entity_unconfirmed`]).
    pub fn entity_for(&self, country: Option<&str>, europe: bool) -> Option<&str> {
        let regional = self
            .regional_entities
            .iter()
            .find(|e| country.is_some_and(|c| e.countries.iter().any(|x| x == c)));
        match (regional, &self.legal_entity_elsewhere, europe) {
            (Some(e), _, _) => Some(&e.name),
            _ if self.default_entity_unconfirmed
                || country.is_some_and(|c| self.entity_unconfirmed_in.iter().any(|x| x == c)) =>
            {
                None
            }
            (None, Some(other), false) => Some(other),
            _ => Some(&self.legal_entity),
        }
    }

    /// The countries where it processes the data of an owner in `country` (a catalogue code,
    /// when known): the first regional entry listing that country, else its default locations.
    pub fn locations_for(&self, country: Option<&str>) -> &[String] {
        self.regional_locations
            .iter()
            .find(|r| country.is_some_and(|c| r.countries.iter().any(|x| x == c)))
            .map_or(&self.locations, |r| &r.locations)
    }

    /// Every country code the entry names (locations, regional locations and the countries of
    /// regional entities and locations), with the field naming it, for the loader to check.
    pub(super) fn country_codes(&self) -> Vec<(String, &str)> {
        let mut codes: Vec<(String, &str)> = self
            .locations
            .iter()
            .map(|c| ("locations".to_owned(), c.as_str()))
            .collect();
        for (i, r) in self.regional_locations.iter().enumerate() {
            let countries = r
                .countries
                .iter()
                .map(|c| (format!("regional_locations[{i}].countries"), c));
            let locations = r
                .locations
                .iter()
                .map(|c| (format!("regional_locations[{i}].locations"), c));
            codes.extend(countries.chain(locations).map(|(f, c)| (f, c.as_str())));
        }
        for (i, e) in self.regional_entities.iter().enumerate() {
            codes.extend(
                e.countries
                    .iter()
                    .map(|c| (format!("regional_entities[{i}].countries"), c.as_str())),
            );
        }
        codes.extend(
            self.entity_unconfirmed_in
                .iter()
                .map(|c| ("entity_unconfirmed_in".to_owned(), c.as_str())),
        );
        codes
    }
}

/// Where a vendor processes the data of owners in some countries.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalLocations {
    /// Catalogue country codes of the owners it applies to.
    pub countries: Vec<String>,
    /// Catalogue country codes of where it processes their data.
    pub locations: Vec<String>,
}

/// The entity a vendor contracts through for owners in some countries.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalEntity {
    /// Catalogue country codes of the owners it contracts with.
    pub countries: Vec<String>,
    /// Its legal name.
    pub name: String,
}

/// A vendor's role under the GDPR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GdprRole {
    /// Processes data only on the owner's behalf (Art. 28).
    Processor,
    /// Decides for itself why and how it uses the data.
    Controller,
    /// Decides jointly with the owner, at least for collection (Art. 26).
    JointController,
}

/// A vendor's role under the CCPA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CcpaRole {
    /// A service provider or contractor, bound to use the data only for the owner.
    ServiceProvider,
    /// A third party.
    ThirdParty,
}

/// How a vendor fact was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceLevel {
    /// Read on the vendor's own page.
    V,
    /// Read in a secondary source.
    S,
    /// Not confirmed.
    U,
}

/// Where one kind of vendor fact was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorSource {
    /// Which fact: `role`, `entity` or `locations`, and `safeguard` where the transfer safeguard
    /// was read too.
    pub fact: String,
    /// The page read; absent when the fact is unconfirmed. Kept for the record: never printed in
    /// a policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date it was checked, `YYYY-MM-DD`.
    pub checked: String,
    /// How it was checked.
    pub level: SourceLevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: &str) -> DataCategory {
        toml::from_str(&format!(
            "id = \"{id}\"\nlabel = \"{id}\"\nexamples = []\nccpa = \"B\""
        ))
        .expect("a category")
    }

    fn vendor(data: &str, sources: &str) -> Vendor {
        toml::from_str(&format!(
            "id = \"host\"\nname = \"Host\"\nlegal_entity = \"Host Ltd\"\ncategory = \"hosting\"\n\
             gdpr_role = \"processor\"\nccpa_role = \"service-provider\"\ndata = {data}\n\
             locations = [\"DE\"]\nprivacy_url = \"https://host.example/privacy\"\n\
             sources = {sources}"
        ))
        .expect("a vendor")
    }

    #[test]
    fn all_stands_for_every_category_in_catalogue_order() {
        let cats = [category("name"), category("health"), category("logs")];
        let mut v = vendor("[\"all\"]", "[]");
        v.expand_all_data(&cats);
        assert!(v.receives_all_data);
        assert_eq!(v.data, ["name", "health", "logs"]);
        let mut v = vendor("[\"logs\"]", "[]");
        v.expand_all_data(&cats);
        assert!(!v.receives_all_data);
        assert_eq!(v.data, ["logs"]);
    }

    #[test]
    fn a_source_keeps_the_page_it_was_read_on() {
        let v = vendor(
            "[]",
            "[{ fact = \"role\", url = \"https://host.example/dpa\", checked = \"2026-12-07\", \
             level = \"V\" }, { fact = \"entity\", checked = \"2026-12-07\", level = \"U\" }]",
        );
        assert_eq!(
            v.sources[0].url.as_deref(),
            Some("https://host.example/dpa")
        );
        assert_eq!(v.sources[0].level, SourceLevel::V);
        assert_eq!(v.sources[1].url, None);
        assert_eq!(v.sources[1].level, SourceLevel::U);
    }
}
