//! Each regime's territory and the destinations its law treats as adequate, read from
//! `templates/catalogues/transfer-mechanisms.toml`. The law facts named here carry the citations.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Country;
use crate::model::TransferSafeguard;

/// The code in a list that stands for every EEA country.
const EEA: &str = "EEA";

/// Every regime with rules on data sent abroad, by jurisdiction id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRegimes {
    /// The regimes.
    pub regime: BTreeMap<String, RegimeTerritory>,
}

/// One regime's territory and adequacy list.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegimeTerritory {
    /// Country codes inside it; `EEA` stands for every EEA country.
    pub territory: Vec<String>,
    /// Destinations its law recognises as adequate; `EEA` as above.
    #[serde(default)]
    pub adequate: Vec<String>,
    /// The law fact for the adequacy list.
    #[serde(default)]
    pub adequacy: Option<String>,
    /// `rest` when the list was read in full, so every other destination is known not adequate.
    #[serde(default)]
    pub not_adequate: Option<String>,
    /// The law fact of the US framework that makes certified recipients adequate.
    #[serde(default)]
    pub framework: Option<String>,
    /// The recipient safeguard that is contract clauses approved under this law.
    #[serde(default)]
    pub contracts: Option<TransferSafeguard>,
    /// Binding corporate rules approved under this law count.
    #[serde(default)]
    pub rules: bool,
    /// The policy states a mechanism for each destination (otherwise it only names countries).
    pub mechanisms: bool,
    /// Recipients without a mechanism under this law are flagged only when the organisation is
    /// based inside the territory (Brazil: a controller abroad that collects directly makes an
    /// international collection, not a transfer, Res. CD/ANPD 19/2024).
    #[serde(default)]
    pub exporter_mechanisms: bool,
}

fn listed(list: &[String], code: &str, country: Option<&Country>) -> bool {
    list.iter()
        .any(|c| c == code || (c == EEA && country.is_some_and(|c| c.eea)))
}

impl RegimeTerritory {
    /// `code` lies inside the regime's territory.
    pub fn contains(&self, code: &str, country: Option<&Country>) -> bool {
        listed(&self.territory, code, country)
    }

    /// The regime's law recognises `code` as adequate.
    pub fn adequate(&self, code: &str, country: Option<&Country>) -> bool {
        listed(&self.adequate, code, country)
    }

    /// The adequacy list was read in full, so a destination missing from it is known not to be
    /// adequate.
    pub fn list_complete(&self) -> bool {
        self.not_adequate.as_deref() == Some("rest")
    }
}
