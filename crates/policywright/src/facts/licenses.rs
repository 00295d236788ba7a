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
    "sensitive.opt-in",
    "minors.excluded",
    "minors.opt-in",
    "ai.provider-keeps-nothing",
    "ai.provider-no-training",
    "ai.no-own-training",
    "ai.no-llm-training",
    "tracking.off-by-default",
    "cookies.vendor-tracking",
    "breach.tell-people",
    "vendors.processors",
    "required.by-law",
    "marketing.sends-emails",
    "cookies.banner",
    "health.washington-policy",
    "backups.period",
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
                || facts
                    .children
                    .excluded_under
                    .is_some_and(|a| u32::from(a) >= age)
        }
        "breach.authority-hours" => p.breach.authority_within_hours.is_some_and(|h| h > 0),
        "sensitive.permitted-uses-only" => facts.sensitive.permitted_only(),
        // Only strictly necessary cookies before consent: a vendor cookie whose kind is
        // unsettled (reCAPTCHA's) may be set before the banner is answered.
        "cookies.consent-banner" => p.cookies.consent_banner && facts.cookies.unsettled.is_empty(),
        "children.parental-consent-described" => facts.children.parental_consent_described,
        "children.minimum-age-set" => facts.children.minimum_age.is_some(),
        "marketing.consent-basis" => facts.purposes.resolved.iter().any(|r| {
            r.purpose.id == "marketing-emails"
                && r.answer.legal_basis == Some(crate::model::LegalBasis::Consent)
        }),
        "customer-data.processor" => p.processes_customer_data,
        "special.consent-basis" => facts.special.only_explicit_consent(),
        // GDPR Art. 13(3) and LGPD Art. 9 §2: a new purpose is announced before it starts.
        // And "nothing else" must be true today: no vendor receives data no purpose uses.
        "purposes.change-notice-law" => {
            facts.regions.needs_legal_basis && facts.vendors.unused_data().is_empty()
        }
        "sensitive.opt-in" => facts.sensitive.opt_in_consent == Some(true),
        "minors.excluded" => facts.children.protected_under.is_some(),
        "minors.opt-in" => facts.sale.either() && facts.children.opt_in_before_sale,
        "ai.provider-keeps-nothing" => p.ai.provider_keeps_content == Some(false),
        "ai.provider-no-training" => p.ai.provider_trains == Some(false),
        "ai.no-own-training" => p.ai.trains_own_models == Some(false),
        // Connecticut's statement covers data sent to a provider that trains on it, too.
        "ai.no-llm-training" => {
            p.ai.trains_own_models == Some(false)
                && (!facts.vendors.uses_kind("ai") || p.ai.provider_trains == Some(false))
        }
        "tracking.off-by-default" => facts.tracking.off_by_default(),
        "cookies.vendor-tracking" => facts.cookies.vendor_tracking,
        "breach.tell-people" => p.breach.notify_affected_people,
        // The sentence describes the vendors listed as processors: those with no purposes of
        // their own (catalogue role, the owner's settings, or the owner's own description).
        "vendors.processors" => facts.vendors.list.iter().any(|v| !v.own_purposes()),
        // GDPR Art. 13(2)(e): data is a statutory requirement only when a purpose resting on a
        // legal obligation uses it.
        "required.by-law" => required_by_law(facts),
        // Honouring an opt-out means keeping a record of it (a suppression list).
        "marketing.sends-emails" => p.marketing.sends_emails,
        "cookies.banner" => p.cookies.consent_banner,
        // The owner gave the address of the separate policy Washington's Act asks for.
        "health.washington-policy" => facts.sensitive.has_health_data_policy,
        // The owner said how long a backup is kept (GDPR Art. 13(2)(a)).
        "backups.period" => facts.backups.period_days.is_some(),
        _ => return None,
    })
}

/// Some data people must give is used by a purpose resting on a legal obligation.
fn required_by_law(facts: &Facts<'_>) -> bool {
    facts.data.collected.iter().any(|d| {
        d.answer.required
            && facts.purposes.resolved.iter().any(|r| {
                r.answer.legal_basis == Some(crate::model::LegalBasis::LegalObligation)
                    && r.answer.categories.contains(&d.category.id)
            })
    })
}

/// True when `name` is a license [`holds`] knows.
pub fn is_known(name: &str, regions: &[&str]) -> bool {
    match name.strip_prefix("in:") {
        Some(region) => region == "eu-or-uk" || regions.contains(&region),
        None => NAMES.contains(&name),
    }
}
