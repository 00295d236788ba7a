//! Where the organisation is, and which regions' laws the policy addresses.

use std::collections::BTreeSet;

use crate::catalogue::Catalogues;
use crate::model::Project;

/// Where the organisation is based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    /// Its country as a catalogue code (upper case), when the answer names a country we know.
    pub country: Option<String>,
    /// The country is in the European Economic Area, so the EEA is its home region for transfers
    /// and it needs no EU representative.
    pub in_eea: bool,
}

impl Home {
    pub(super) fn derive(p: &Project, cat: &Catalogues) -> Home {
        let code = p.organisation.address.country.trim().to_uppercase();
        let country = cat.countries.get(&code).map(|_| code);
        let in_eea = country
            .as_ref()
            .and_then(|c| cat.countries.get(c))
            .is_some_and(|c| c.eea);
        Home { country, in_eea }
    }

    /// The country is known and is not `code`.
    pub fn known_and_not(&self, code: &str) -> bool {
        self.country.as_deref().is_some_and(|c| c != code)
    }

    /// True when data in `code` stays in the home region: the EEA for an EEA organisation,
    /// otherwise its own country. With no known home country, every country is abroad.
    pub fn is_home(&self, code: &str, cat: &Catalogues) -> bool {
        if self.in_eea {
            cat.countries.get(code).is_some_and(|c| c.eea)
        } else {
            self.country.as_deref() == Some(code)
        }
    }
}

/// The regions the owner addresses (ids from `jurisdictions.toml`), and the groups of them that
/// the text and the checks speak of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regions {
    /// Every chosen region the catalogue knows, by id.
    pub chosen: BTreeSet<String>,
    /// The EEA, the UK or Switzerland: the GDPR family, whose rights the European section lists.
    pub europe: bool,
    /// A region whose law requires a legal basis for each purpose: the GDPR family or Brazil.
    pub needs_legal_basis: bool,
    /// California or another US state with a privacy law.
    pub us: bool,
    /// The EEA or the UK, where the ePrivacy rules ask consent for non-essential cookies.
    pub cookie_consent_law: bool,
    /// The EEA or the UK, where people must be told of a breach likely to put them at high risk
    /// (GDPR and UK GDPR Art. 34(1)). Other laws draw the line elsewhere (Canada: a real risk of
    /// significant harm; Australia: serious harm; many US states: any breach of certain data).
    pub high_risk_breach_rule: bool,
    /// A chosen region outside the EEA and the UK, whose breach rules are not Art. 34's.
    pub other_breach_rules: bool,
    /// A chosen law asks the policy to give the date it was last updated (California's
    /// regulations, Minnesota's statute: law rows `ccpa.last-updated-date`,
    /// `minnesota.last-updated-date`).
    pub asks_last_updated: bool,
}

impl Regions {
    pub(super) fn derive(p: &Project, cat: &Catalogues) -> Regions {
        let chosen: BTreeSet<String> = p
            .jurisdictions
            .iter()
            .filter(|id| cat.jurisdiction(id).is_some())
            .cloned()
            .collect();
        let has = |id: &str| chosen.contains(id);
        let europe = has("eu") || has("uk") || has("ch");
        Regions {
            europe,
            needs_legal_basis: europe || has("br"),
            us: has("us-ca") || has("us-states"),
            cookie_consent_law: has("eu") || has("uk"),
            high_risk_breach_rule: has("eu") || has("uk"),
            asks_last_updated: has("us-ca") || has("us-states"),
            other_breach_rules: chosen.iter().any(|id| id != "eu" && id != "uk"),
            chosen,
        }
    }

    /// The owner addresses the region with this id.
    pub fn has(&self, id: &str) -> bool {
        self.chosen.contains(id)
    }
}
