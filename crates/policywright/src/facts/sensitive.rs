//! Sensitive personal information under US state laws: which purposes use it, whether any goes
//! beyond what the CCPA permits without a right to limit, and whether people opt in first.

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
    /// People opt in before sensitive data is used (US state laws); `None` when not answered.
    pub opt_in_consent: Option<bool>,
    /// The "Limit the Use of My Sensitive Personal Information" page, when one was given.
    pub has_limit_page: bool,
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
        SensitiveFacts {
            categories: data.sensitive_pi.clone(),
            beyond_permitted: using
                .iter()
                .filter(|r| !PERMITTED.contains(&r.purpose.id.as_str()))
                .copied()
                .collect(),
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
