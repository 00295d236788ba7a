//! The data collected and the purposes it serves, resolved against the catalogues.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{Catalogues, DataCategory, Purpose};
use crate::model::{CollectedData, LegalBasis, Project, PurposeUse, Source};

/// One collected category the catalogue knows: the owner's answer and the catalogue entry.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedData<'a> {
    /// Its position in the answers' `data` list.
    pub index: usize,
    /// The answer (sources, retention, required).
    pub answer: &'a CollectedData,
    /// The catalogue's category (label, examples, legal classes).
    pub category: &'a DataCategory,
}

/// What is collected.
#[derive(Debug, Clone)]
pub struct DataFacts<'a> {
    /// Known categories in the owner's order; a category listed twice counts once (the first).
    pub collected: Vec<ResolvedData<'a>>,
    /// A GDPR special category (Art. 9) is among them, such as health data.
    pub special_category: bool,
    /// The GDPR special categories among them, in the owner's order.
    pub special: Vec<&'a DataCategory>,
    /// Categories the CCPA counts as sensitive personal information.
    pub sensitive_pi: Vec<&'a DataCategory>,
    /// Some data comes from other companies or from public sources, not from the person.
    pub from_others: bool,
}

impl<'a> DataFacts<'a> {
    pub(super) fn derive(p: &'a Project, cat: &'a Catalogues) -> DataFacts<'a> {
        let mut seen = BTreeSet::new();
        let collected: Vec<ResolvedData<'a>> = p
            .data
            .iter()
            .enumerate()
            .filter(|(_, d)| seen.insert(d.category.as_str()))
            .filter_map(|(index, d)| {
                cat.category(&d.category).map(|category| ResolvedData {
                    index,
                    answer: d,
                    category,
                })
            })
            .collect();
        DataFacts {
            special_category: collected.iter().any(|d| d.category.gdpr_special),
            special: collected
                .iter()
                .filter(|d| d.category.gdpr_special)
                .map(|d| d.category)
                .collect(),
            sensitive_pi: collected
                .iter()
                .filter(|d| d.category.sensitive_pi)
                .map(|d| d.category)
                .collect(),
            from_others: collected.iter().any(|d| {
                d.answer
                    .sources
                    .iter()
                    .any(|s| matches!(s, Source::ThirdParties | Source::PublicSources))
            }),
            collected,
        }
    }

    /// The category with this id is collected.
    pub fn collects(&self, id: &str) -> bool {
        self.collected.iter().any(|d| d.category.id == id)
    }

    /// The collected category with this id, if any.
    pub fn get(&self, id: &str) -> Option<&ResolvedData<'a>> {
        self.collected.iter().find(|d| d.category.id == id)
    }
}

/// One purpose the catalogue knows: the owner's answer and the catalogue entry.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedPurpose<'a> {
    /// Its position in the answers' `purposes` list.
    pub index: usize,
    /// The answer (legal basis, legitimate interest, data used).
    pub answer: &'a PurposeUse,
    /// The catalogue's purpose (label, description).
    pub purpose: &'a Purpose,
}

/// Why data is used, and on what legal bases.
#[derive(Debug, Clone)]
pub struct PurposeFacts<'a> {
    /// Known purposes in the owner's order; a purpose listed twice counts once (the first).
    pub resolved: Vec<ResolvedPurpose<'a>>,
    /// Each legal basis in use, in the order of GDPR Art. 6(1), with the purposes resting on it.
    pub bases: BTreeMap<LegalBasis, Vec<&'a Purpose>>,
    /// Some purpose rests on consent.
    pub uses_consent: bool,
    /// Some purpose rests on legitimate interests, counting marketing emails to customers under
    /// the soft opt-in, which rest on them whatever the marketing purpose's own basis.
    pub uses_legitimate_interests: bool,
    /// Customers get marketing emails under the soft opt-in (PECR reg. 22(3)) while the
    /// marketing purpose rests on consent: for customers the basis is legitimate interests.
    pub soft_opt_in_customers: bool,
    /// Some purpose is direct marketing (people may object to it at any time).
    pub direct_marketing: bool,
    /// Ids of every data category some purpose uses.
    pub categories_used: BTreeSet<&'a str>,
}

impl<'a> PurposeFacts<'a> {
    pub(super) fn derive(p: &'a Project, cat: &'a Catalogues) -> PurposeFacts<'a> {
        let mut seen = BTreeSet::new();
        let resolved: Vec<ResolvedPurpose<'a>> = p
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, u)| seen.insert(u.purpose.as_str()))
            .filter_map(|(index, u)| {
                cat.purpose(&u.purpose).map(|purpose| ResolvedPurpose {
                    index,
                    answer: u,
                    purpose,
                })
            })
            .collect();
        let mut bases: BTreeMap<LegalBasis, Vec<&'a Purpose>> = BTreeMap::new();
        for r in &resolved {
            if let Some(b) = r.answer.legal_basis {
                bases.entry(b).or_default().push(r.purpose);
            }
        }
        let soft_opt_in_customers = p.marketing.soft_opt_in
            && resolved.iter().any(|r| {
                r.purpose.id == "marketing-emails"
                    && r.answer.legal_basis == Some(LegalBasis::Consent)
            });
        PurposeFacts {
            uses_consent: bases.contains_key(&LegalBasis::Consent),
            uses_legitimate_interests: bases.contains_key(&LegalBasis::LegitimateInterests)
                || soft_opt_in_customers,
            soft_opt_in_customers,
            direct_marketing: resolved.iter().any(|r| r.purpose.direct_marketing),
            categories_used: resolved
                .iter()
                .flat_map(|r| r.answer.categories.iter().map(String::as_str))
                .collect(),
            bases,
            resolved,
        }
    }

    /// The purpose with this id is listed.
    pub fn has(&self, id: &str) -> bool {
        self.resolved.iter().any(|r| r.purpose.id == id)
    }

    /// Purposes resting on a contract that use data about people who are not party to it (people
    /// a customer invites), with those categories: a contract covers only its parties (GDPR
    /// Art. 6(1)(b)).
    pub fn contract_for_others(
        &self,
        data: &DataFacts<'a>,
    ) -> Vec<(ResolvedPurpose<'a>, Vec<&'a DataCategory>)> {
        self.resolved
            .iter()
            .filter(|r| r.answer.legal_basis == Some(LegalBasis::Contract))
            .filter_map(|r| {
                let others: Vec<&'a DataCategory> = data
                    .collected
                    .iter()
                    .map(|d| d.category)
                    .filter(|c| c.about_others && r.answer.categories.contains(&c.id))
                    .collect();
                (!others.is_empty()).then_some((*r, others))
            })
            .collect()
    }
}
