//! Sensitive data under US laws: the CCPA's sensitive personal information (which purposes use
//! it, whether any goes beyond what the CCPA permits without a right to limit), the other state
//! laws' sensitive data (which differs: card details are the CCPA's, not Virginia's) and whether
//! people opt in first.

use super::data::{DataFacts, PurposeFacts, ResolvedPurpose};
use crate::catalogue::DataCategory;
use crate::model::Project;

/// Purposes for which the CCPA lets a business use sensitive personal information without
/// offering the right to limit (11 CCR §7027(m), as the law data cites it): providing the service,
/// security and fraud prevention and the like.
const PERMITTED: &[&str] = &[
    "provide-service",
    "accounts",
    "payments",
    "order-fulfilment",
    "customer-support",
    "service-messages",
    "security",
    "fraud-prevention",
    "error-monitoring",
    "legal-compliance",
    "tax-accounting",
    "bookings",
];

/// Sensitive personal information and its uses.
#[derive(Debug, Clone)]
pub struct SensitiveFacts<'a> {
    /// The collected categories the CCPA counts as sensitive.
    pub categories: Vec<&'a DataCategory>,
    /// Purposes that use sensitive personal information.
    pub purposes: Vec<ResolvedPurpose<'a>>,
    /// Those of them outside the CCPA's permitted purposes: people may limit them.
    pub beyond_permitted: Vec<ResolvedPurpose<'a>>,
    /// The sensitive categories those purposes use, in the order collected.
    pub beyond_categories: Vec<&'a DataCategory>,
    /// People opt in before sensitive data is used (US state laws); `None` when not answered.
    pub opt_in_consent: Option<bool>,
    /// The "Limit the Use of My Sensitive Personal Information" page, when one was given.
    pub has_limit_page: bool,
    /// The collected categories the other US state laws all count as sensitive data.
    pub us_states: Vec<&'a DataCategory>,
    /// The collected categories Washington's My Health My Data Act counts as consumer health
    /// data whatever the context (health, biometric, genetic).
    pub consumer_health: Vec<&'a DataCategory>,
    /// The owner gave the address of its separate Consumer Health Data Privacy Policy.
    pub has_health_data_policy: bool,
}

impl<'a> SensitiveFacts<'a> {
    pub(super) fn derive(
        p: &Project,
        data: &DataFacts<'a>,
        purposes: &PurposeFacts<'a>,
    ) -> SensitiveFacts<'a> {
        let ids: Vec<&str> = data.sensitive_pi.iter().map(|c| c.id.as_str()).collect();
        let using: Vec<ResolvedPurpose<'a>> = purposes
            .resolved
            .iter()
            .filter(|r| {
                r.answer
                    .categories
                    .iter()
                    .any(|c| ids.contains(&c.as_str()))
            })
            .copied()
            .collect();
        let beyond_permitted: Vec<ResolvedPurpose<'a>> = using
            .iter()
            .filter(|r| !PERMITTED.contains(&r.purpose.id.as_str()))
            .copied()
            .collect();
        let beyond_categories = data
            .sensitive_pi
            .iter()
            .copied()
            .filter(|c| {
                beyond_permitted
                    .iter()
                    .any(|r| r.answer.categories.contains(&c.id))
            })
            .collect();
        SensitiveFacts {
            beyond_permitted,
            beyond_categories,
            us_states: data
                .collected
                .iter()
                .map(|d| d.category)
                .filter(|c| c.us_sensitive)
                .collect(),
            consumer_health: data
                .collected
                .iter()
                .map(|d| d.category)
                .filter(|c| c.wa_consumer_health)
                .collect(),
            has_health_data_policy: crate::web_address::printable(
                &p.sensitive.health_data_policy_url,
            )
            .is_some(),
            categories: data.sensitive_pi.clone(),
            purposes: using,
            opt_in_consent: p.sensitive.opt_in_consent,
            has_limit_page: p
                .sensitive
                .limit_url
                .as_deref()
                .is_some_and(|u| !u.trim().is_empty()),
        }
    }

    /// Sensitive data is used only for purposes the CCPA permits.
    pub fn permitted_only(&self) -> bool {
        self.beyond_permitted.is_empty()
    }
}
