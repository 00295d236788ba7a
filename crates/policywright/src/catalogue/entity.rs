//! Where the companies that vendors contract through are established, for the vendors that
//! decide for themselves how to use the data they receive (independent or joint controllers).
//!
//! A transfer goes to the company that receives the data (the "importer" of the EDPB's
//! Guidelines 05/2021, law row `gdpr.transfer-criteria`); where such a company later processes
//! the data is its own doing, under its own safeguards. So for these vendors the owner's
//! transfer is to this country, and the vendor's processing countries are named apart.

use serde::Deserialize;

use super::vendor::SourceLevel;

/// One contracting company and its country.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The company's name, exactly as a vendor's `legal_entity`, `legal_entity_elsewhere` or
    /// `regional_entities` gives it.
    pub name: String,
    /// Where it is established: an ISO code in `countries.toml`.
    pub country: String,
    /// The page that gives its address or country; absent when unconfirmed.
    #[serde(default)]
    pub url: Option<String>,
    /// The date it was checked, `YYYY-MM-DD`.
    pub checked: String,
    /// How it was checked.
    pub level: SourceLevel,
}
