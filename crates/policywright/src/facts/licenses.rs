//! The facts that license claims: a claim in the policy text ("We do not sell…", "We answer
//! within 45 days") is printed only when the fact named for it in `templates/claims.toml` holds.
//!
//! A license is a name for a yes-or-no conclusion of [`Facts`] (or of the law data), so the
//! manifest can name it. `in:<region>` holds when the owner addresses that region, whose law
//! then sets the obligation the claim states.

use super::Facts;
use crate::law::LawFacts;

/// Every license name the manifest may use, besides `in:<region>`.
pub const NAMES: &[&str] = &[
    "sale.none",
    "sale.minors-protected",
    "breach.authority-hours",
    "sensitive.permitted-uses-only",
    "cookies.consent-banner",
    "children.parental-consent-described",
    "children.minimum-age-set",
    "marketing.consent-basis",
    "customer-data.processor",
    "special.consent-basis",
    "purposes.change-notice-law",
    "vendors.processors",
];

/// Purposes for which the CCPA lets a business use sensitive personal information without
/// offering the right to limit (11 CCR §7027(m), as the law data cites it): providing the service,
/// security and fraud prevention and the like.
const SENSITIVE_PERMITTED: &[&str] = &[
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
];

/// Whether the license `name` holds; `None` when no license has that name.
pub fn holds(facts: &Facts<'_>, law: &LawFacts, name: &str) -> Option<bool> {
    if let Some(region) = name.strip_prefix("in:") {
        return Some(match region {
            "eu-or-uk" => facts.regions.has("eu") || facts.regions.has("uk"),
            _ => facts.regions.has(region),
        });
    }
    let p = facts.answers();
    Some(match name {
        "sale.none" => facts.sale.answered && !facts.sale.either(),
        "sale.minors-protected" => {
            let age = law
                .get("ccpa.minors-opt-in")
                .and_then(|f| f.age)
                .unwrap_or(16);
            !facts.sale.either()
                || facts
                    .children
                    .minimum_age
                    .is_some_and(|a| u32::from(a) >= age)
        }
        "breach.authority-hours" => p.breach.authority_within_hours.is_some_and(|h| h > 0),
        "sensitive.permitted-uses-only" => sensitive_permitted_only(facts),
        "cookies.consent-banner" => p.cookies.consent_banner,
        "children.parental-consent-described" => p
            .children
            .parental_consent
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty()),
        "children.minimum-age-set" => facts.children.minimum_age.is_some(),
        "marketing.consent-basis" => facts.purposes.resolved.iter().any(|r| {
            r.purpose.id == "marketing-emails"
                && r.answer.legal_basis == Some(crate::model::LegalBasis::Consent)
        }),
        "customer-data.processor" => p.processes_customer_data,
        "special.consent-basis" => facts.special_without_consent.is_empty(),
        // GDPR Art. 13(3) and LGPD Art. 9 §2: a new purpose is announced before it starts.
        "purposes.change-notice-law" => facts.regions.needs_legal_basis,
        // The sentence describes the vendors listed as processors: those with no purposes of
        // their own (catalogue role, the owner's settings, or the owner's own description).
        "vendors.processors" => facts.vendors.list.iter().any(|v| !v.own_purposes()),
        _ => return None,
    })
}

/// Every purpose that uses sensitive personal information is one the CCPA permits.
fn sensitive_permitted_only(facts: &Facts<'_>) -> bool {
    let sensitive: Vec<&str> = facts
        .data
        .sensitive_pi
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    facts.purposes.resolved.iter().all(|r| {
        SENSITIVE_PERMITTED.contains(&r.purpose.id.as_str())
            || !r
                .answer
                .categories
                .iter()
                .any(|c| sensitive.contains(&c.as_str()))
    })
}

/// True when `name` is a license [`holds`] knows.
pub fn is_known(name: &str, regions: &[&str]) -> bool {
    match name.strip_prefix("in:") {
        Some(region) => region == "eu-or-uk" || regions.contains(&region),
        None => NAMES.contains(&name),
    }
}
