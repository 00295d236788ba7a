//! Transfers: the countries outside the organisation's home region where vendors process data,
//! and the safeguards that cover them.

use std::collections::BTreeSet;

use crate::catalogue::{Catalogues, Country};
use crate::model::{Project, TransferSafeguard};

use super::{Home, VendorFacts};

/// Data sent abroad.
#[derive(Debug, Clone)]
pub struct TransferFacts<'a> {
    /// Countries outside the home region (the EEA for an EEA organisation, otherwise its own
    /// country) where some vendor processes data, sorted by name.
    pub countries: Vec<&'a Country>,
    /// Safeguards in use: the owner's, each vendor's that sends data abroad, and an adequacy
    /// decision when an EEA organisation sends data to a country that has one.
    pub safeguards: BTreeSet<TransferSafeguard>,
}

impl<'a> TransferFacts<'a> {
    pub(super) fn derive(
        p: &Project,
        cat: &'a Catalogues,
        home: &Home,
        vendors: &VendorFacts<'_>,
    ) -> TransferFacts<'a> {
        let mut codes = BTreeSet::new();
        let mut safeguards: BTreeSet<TransferSafeguard> =
            p.transfers.safeguards.iter().copied().collect();
        for v in &vendors.list {
            let abroad: Vec<&String> = v
                .locations
                .iter()
                .filter(|c| !home.is_home(c, cat))
                .collect();
            if abroad.is_empty() {
                continue;
            }
            safeguards.extend(v.safeguard);
            // From the EEA, a country with an adequacy decision needs no further safeguard.
            if home.in_eea
                && abroad
                    .iter()
                    .any(|c| cat.countries.get(*c).is_some_and(|c| c.eu_adequacy))
            {
                safeguards.insert(TransferSafeguard::AdequacyDecision);
            }
            codes.extend(abroad.into_iter().cloned());
        }
        let mut countries: Vec<&'a Country> =
            codes.iter().filter_map(|c| cat.countries.get(c)).collect();
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        TransferFacts {
            countries,
            safeguards,
        }
    }

    /// Some data leaves the home region.
    pub fn any(&self) -> bool {
        !self.countries.is_empty()
    }
}
