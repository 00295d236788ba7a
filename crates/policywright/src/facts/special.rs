//! Special-category data (GDPR Art. 9): for each purpose that uses some, the Art. 9(2) condition
//! it rests on, or none.

use super::data::{DataFacts, PurposeFacts, ResolvedPurpose};
use crate::model::{LegalBasis, SpecialCondition};

/// The purposes that use special-category data, and their Art. 9(2) conditions.
#[derive(Debug, Clone)]
pub struct SpecialFacts<'a> {
    /// Each purpose that uses special-category data and has a condition: the one the owner
    /// chose, or explicit consent when the purpose rests on consent and no other was chosen.
    pub with_condition: Vec<(ResolvedPurpose<'a>, SpecialCondition)>,
    /// Each purpose that uses special-category data with no condition: a finding on that purpose.
    pub without_condition: Vec<ResolvedPurpose<'a>>,
}

impl<'a> SpecialFacts<'a> {
    pub(super) fn derive(data: &DataFacts<'a>, purposes: &PurposeFacts<'a>) -> SpecialFacts<'a> {
        let special: Vec<&str> = data
            .collected
            .iter()
            .filter(|d| d.category.gdpr_special)
            .map(|d| d.category.id.as_str())
            .collect();
        let mut with_condition = Vec::new();
        let mut without_condition = Vec::new();
        for r in purposes.resolved.iter().filter(|r| {
            r.answer
                .categories
                .iter()
                .any(|c| special.contains(&c.as_str()))
        }) {
            let condition = r.answer.special_condition.or_else(|| {
                (r.answer.legal_basis == Some(LegalBasis::Consent))
                    .then_some(SpecialCondition::ExplicitConsent)
            });
            match condition {
                Some(c) => with_condition.push((*r, c)),
                None => without_condition.push(*r),
            }
        }
        SpecialFacts {
            with_condition,
            without_condition,
        }
    }

    /// Some purpose uses special-category data.
    pub fn used(&self) -> bool {
        !self.with_condition.is_empty() || !self.without_condition.is_empty()
    }

    /// Every purpose that uses special-category data rests on explicit consent.
    pub fn only_explicit_consent(&self) -> bool {
        self.without_condition.is_empty()
            && self
                .with_condition
                .iter()
                .all(|(_, c)| *c == SpecialCondition::ExplicitConsent)
    }
}
