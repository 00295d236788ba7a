//! What is collected, from where, for how long, why, and on what legal basis.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{filled, key, label, string};
use crate::catalogue::DataCategory;
use crate::facts::Facts;
use crate::model::{LegalBasis, Project, Retention, RetentionUnit, Source};

/// One collected category.
#[derive(Serialize, PartialEq)]
pub(crate) struct DataView {
    /// The category's label.
    label: String,
    /// Examples of what it covers.
    examples: Vec<String>,
    /// The retention period in words ("2 years"), unless retention is given as criteria.
    retention: Option<String>,
    /// Why that period, in the owner's words.
    retention_reason: Option<String>,
    /// How the owner decides how long to keep it, in the owner's words.
    retention_criteria: Option<String>,
}

/// Backups, where deleted data stays until they are replaced.
#[derive(Serialize, PartialEq)]
pub(crate) struct BackupsView {
    /// The owner keeps backups.
    kept: bool,
    /// The most a backup is kept, in words ("35 days"), when the owner said.
    period: Option<String>,
}

/// One source of data.
#[derive(Serialize, PartialEq)]
pub(crate) struct SourceView {
    /// The answer's kebab-case value, e.g. `third-parties`, for conditions.
    id: String,
    /// The source, e.g. "From you".
    label: String,
    /// Labels of the categories from it.
    categories: Vec<String>,
}

/// One CCPA category collected.
#[derive(Serialize, PartialEq)]
pub(crate) struct CcpaView {
    /// The statute's letter.
    letter: String,
    /// The statute's name for it.
    label: String,
    /// Labels of the collected categories in it.
    examples: Vec<String>,
    /// Some of it is sold or shared.
    sold_or_shared: bool,
    /// Labels of the kinds of vendor that receive it for a business purpose.
    disclosed_to: Vec<String>,
    /// Labels of the kinds of third party it is sold or shared to (ad platforms).
    shared_to: Vec<String>,
}

/// One purpose.
#[derive(Serialize, PartialEq)]
pub(crate) struct PurposeView {
    /// The purpose's label.
    label: String,
    /// What it means, in a sentence.
    description: String,
    /// The legal basis id (`consent`, `contract`…), when chosen.
    basis: Option<String>,
    /// The legal basis's label.
    basis_label: Option<String>,
    /// The legitimate interest in the owner's words (only with that basis, or for marketing to
    /// customers under the soft opt-in).
    legitimate_interest: Option<String>,
    /// The heading for that interest: the purpose's label, or the soft opt-in's.
    interest_label: String,
    /// Labels of the data it uses.
    categories: Vec<String>,
}

/// One legal basis in use.
#[derive(Serialize, PartialEq)]
pub(crate) struct BasisView {
    /// The basis's label.
    label: String,
    /// What it means, in a sentence.
    explanation: String,
    /// Labels of the purposes resting on it.
    purposes: Vec<String>,
}

/// The parts of the context drawn from the collected data.
pub(super) struct Data {
    pub data: Vec<DataView>,
    pub collected: BTreeMap<String, bool>,
    pub sensitive_pi: Vec<String>,
    pub required: Vec<String>,
    pub required_by_law: Vec<String>,
    pub required_by_law_for: Vec<String>,
    pub optional: Vec<String>,
    pub sources: Vec<SourceView>,
}

impl Data {
    pub(super) fn build(facts: &Facts<'_>, s: &toml::Table) -> Data {
        let collected = &facts.data.collected;
        let labels = |keep: &dyn Fn(&crate::facts::ResolvedData<'_>) -> bool| -> Vec<String> {
            collected
                .iter()
                .filter(|d| keep(d))
                .map(|d| d.category.label.clone())
                .collect()
        };
        // A purpose resting on a legal obligation uses the category.
        let by_law = |id: &str| {
            facts.purposes.resolved.iter().any(|r| {
                r.answer.legal_basis == Some(LegalBasis::LegalObligation)
                    && r.answer.categories.iter().any(|c| c == id)
            })
        };
        let sources = [
            Source::Directly,
            Source::Automatically,
            Source::ThirdParties,
            Source::PublicSources,
        ]
        .into_iter()
        .filter_map(|source| {
            let categories = labels(&|d| d.answer.sources.contains(&source));
            (!categories.is_empty()).then(|| SourceView {
                id: key(&source),
                label: label(s, "source", &source),
                categories,
            })
        })
        .collect();
        Data {
            data: collected
                .iter()
                .map(|d| DataView {
                    label: d.category.label.clone(),
                    examples: own_examples(d.answer).unwrap_or_else(|| d.category.examples.clone()),
                    retention: d.answer.retention.as_ref().and_then(|r| retention(r, s)),
                    retention_reason: match &d.answer.retention {
                        Some(Retention::Period { reason, .. }) => filled(reason),
                        _ => None,
                    },
                    retention_criteria: match &d.answer.retention {
                        Some(Retention::Criteria { description }) => {
                            filled(&Some(description.clone()))
                        }
                        _ => None,
                    },
                })
                .collect(),
            collected: collected
                .iter()
                .map(|d| (d.category.id.clone(), true))
                .collect(),
            sensitive_pi: DataCategory::labels(&facts.data.sensitive_pi),
            required: labels(&|d| d.answer.required),
            required_by_law: labels(&|d| d.answer.required && by_law(d.category.id.as_str())),
            // What the law requires that data for: the purposes resting on a legal obligation
            // that use some of it.
            required_by_law_for: facts
                .purposes
                .resolved
                .iter()
                .filter(|r| {
                    r.answer.legal_basis == Some(LegalBasis::LegalObligation)
                        && collected.iter().any(|d| {
                            d.answer.required && r.answer.categories.contains(&d.category.id)
                        })
                })
                .map(|r| r.purpose.description.clone())
                .collect(),
            optional: labels(&|d| !d.answer.required),
            sources,
        }
    }
}

/// The owner's examples for a category, trimmed, when any is given.
fn own_examples(d: &crate::model::CollectedData) -> Option<Vec<String>> {
    let own: Vec<String> = d
        .examples
        .iter()
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty())
        .collect();
    (!own.is_empty()).then_some(own)
}

/// The effective date spelt out with the language's month names.
pub(super) fn effective_date(p: &Project, s: &toml::Table) -> Option<String> {
    let months: Vec<String> = s
        .get("months")
        .and_then(|m| m.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    crate::assemble::parse_date(&p.effective_date)
        .map(|d| crate::assemble::dates::spell(d, &months))
}

/// A retention answer in words; criteria are printed separately, in the owner's words.
fn retention(r: &Retention, s: &toml::Table) -> Option<String> {
    match r {
        Retention::Period { amount, unit, .. } => Some(period(*amount, *unit, s)),
        Retention::UntilAccountClosed { grace_days } => Some(if *grace_days == 0 {
            string(s, "retention", "until_closed")
        } else {
            string(s, "retention", "until_closed_plus")
                .replace("{period}", &period(*grace_days, RetentionUnit::Days, s))
        }),
        Retention::Criteria { .. } => None,
    }
}

pub(super) fn backups(facts: &Facts<'_>, s: &toml::Table) -> BackupsView {
    BackupsView {
        kept: facts.backups.kept,
        period: facts
            .backups
            .period_days
            .map(|d| period(d, RetentionUnit::Days, s)),
    }
}

fn period(amount: u32, unit: RetentionUnit, s: &toml::Table) -> String {
    let unit_key = key(&unit);
    let word = if amount == 1 {
        string(s, "unit_one", &unit_key)
    } else {
        string(s, "unit", &unit_key)
    };
    format!("{amount} {word}")
}

pub(super) fn purposes(facts: &Facts<'_>, s: &toml::Table) -> Vec<PurposeView> {
    facts
        .purposes
        .resolved
        .iter()
        .map(|r| {
            let u = r.answer;
            let soft_opt_in =
                facts.purposes.soft_opt_in_customers && r.purpose.id == "marketing-emails";
            PurposeView {
                interest_label: if soft_opt_in {
                    string(s, "marketing", "soft_opt_in_label")
                } else {
                    r.purpose.label.clone()
                },
                label: r.purpose.label.clone(),
                description: r.purpose.description.clone(),
                basis: u.legal_basis.map(|b| key(&b)),
                basis_label: u.legal_basis.map(|b| label(s, "legal_basis", &b)),
                legitimate_interest: filled(&u.legitimate_interest).filter(|_| {
                    u.legal_basis == Some(LegalBasis::LegitimateInterests) || soft_opt_in
                }),
                categories: u
                    .categories
                    .iter()
                    .filter_map(|id| facts.catalogues().category(id))
                    .map(|c| c.label.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Each basis with its purposes; marketing to customers under the soft opt-in is listed under
/// legitimate interests (GDPR Art. 13(1)(c): the basis for each part of a purpose).
pub(super) fn bases(facts: &Facts<'_>, s: &toml::Table) -> Vec<BasisView> {
    let mut bases = facts.purposes.bases.clone();
    if facts.purposes.soft_opt_in_customers {
        bases.entry(LegalBasis::LegitimateInterests).or_default();
    }
    bases
        .iter()
        .map(|(b, purposes)| {
            let mut labels: Vec<String> = purposes.iter().map(|p| p.label.clone()).collect();
            if *b == LegalBasis::LegitimateInterests && facts.purposes.soft_opt_in_customers {
                labels.push(string(s, "marketing", "soft_opt_in_label"));
            }
            // Under the soft opt-in the marketing purpose rests on consent (a fact): only people
            // who signed up are on that basis.
            if facts.purposes.soft_opt_in_customers {
                for l in labels.iter_mut().filter(|l| **l == marketing_label(facts)) {
                    *l = string(s, "marketing", "consent_label");
                }
            }
            BasisView {
                label: label(s, "legal_basis", b),
                explanation: label(s, "legal_basis_explained", b),
                purposes: labels,
            }
        })
        .collect()
}

fn marketing_label(facts: &Facts<'_>) -> String {
    facts
        .catalogues()
        .purpose("marketing-emails")
        .map(|p| p.label.clone())
        .unwrap_or_default()
}

/// The CCPA table names recipients by what they are ("customer relationship management
/// providers"), not by the vendor group's heading, which can collide with a statutory category's
/// name ("Customer records").
pub(super) fn ccpa(facts: &Facts<'_>, s: &toml::Table) -> Vec<CcpaView> {
    let cat = facts.catalogues();
    let recipient = |k: &crate::catalogue::VendorCategory| {
        s.get("ccpa_recipient")
            .and_then(|g| g.get(&k.id))
            .and_then(|v| v.as_str())
            .map_or_else(|| k.label.clone(), str::to_owned)
    };
    facts
        .ccpa
        .iter()
        .map(|c| CcpaView {
            letter: c.letter.to_owned(),
            label: cat
                .ccpa_categories
                .get(c.letter)
                .cloned()
                .unwrap_or_else(|| c.letter.to_owned()),
            examples: c.categories.iter().map(|d| d.label.clone()).collect(),
            sold_or_shared: c.sold_or_shared(),
            disclosed_to: c.disclosed_to.iter().map(|k| recipient(k)).collect(),
            shared_to: c.shared_to.iter().map(|k| recipient(k)).collect(),
        })
        .collect()
}
