//! The data protection authority that supervises an organisation established in the EEA, from
//! `templates/catalogues/authorities.toml`: one per country, or one per region where a country
//! splits supervision (Germany's federal states).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::PostalAddress;

/// One authority.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Name as used mid-sentence ("the Data Protection Commission").
    pub name: String,
    /// Its website.
    pub url: String,
    /// Region names and ISO 3166-2 codes that select this regional authority, lower case.
    #[serde(default, rename = "match")]
    pub matches: Vec<String>,
    /// Regional authorities, where the country has them, by region code.
    #[serde(default)]
    pub regions: BTreeMap<String, Authority>,
}

/// Every authority, by ISO country code.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Authorities(BTreeMap<String, Authority>);

/// The authority for an address, or why there is none.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    /// The authority that supervises an organisation at this address.
    Authority(&'a Authority),
    /// The country has regional authorities and the address names no region we know.
    RegionUnknown,
    /// The catalogue has no authority for the country.
    None,
}

impl Authorities {
    /// The authority supervising an organisation at `address` (country code upper case). A
    /// country with regional authorities is matched on the address's region, then its city
    /// (city states such as Berlin).
    pub fn for_address(&self, address: &PostalAddress) -> Found<'_> {
        let Some(country) = self.0.get(address.country.trim().to_uppercase().as_str()) else {
            return Found::None;
        };
        if country.regions.is_empty() {
            return Found::Authority(country);
        }
        let wanted: Vec<String> = [address.region.as_deref().unwrap_or(""), &address.city]
            .iter()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        for w in &wanted {
            if let Some(a) = country.regions.values().find(|a| a.matches.contains(w)) {
                return Found::Authority(a);
            }
        }
        Found::RegionUnknown
    }
}
