//! Checks that depend on where the organisation is and whom it serves: representatives, children,
//! automated decisions and marketing.

use super::registry::*;
use super::{At, Findings};
use crate::facts::Facts;
use crate::law::LawFacts;

/// An organisation outside the EU or the UK that serves people there names a representative.
pub(super) fn representatives(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let o = &facts.answers().organisation;
    if facts.regions.has("eu")
        && facts.home.country.is_some()
        && !facts.home.in_eea
        && o.eu_representative.is_none()
    {
        f.add(
            &EU_REPRESENTATIVE_MISSING,
            At::field("organisation.eu_representative").also("jurisdictions"),
            format!(
                "You serve people in the EU from outside it, and the GDPR usually requires a representative in the EU ({}).",
                law.cite("gdpr.representative")
            ),
        );
    }
    if facts.regions.has("uk") && facts.home.known_and_not("GB") && o.uk_representative.is_none() {
        f.add(
            &UK_REPRESENTATIVE_MISSING,
            At::field("organisation.uk_representative").also("jurisdictions"),
            format!(
                "You serve people in the UK from outside it, and the UK GDPR usually requires a representative in the UK ({}).",
                law.cite("uk-gdpr.representative")
            ),
        );
    }
}

/// Children, automated decisions and marketing emails.
pub(super) fn people(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let p = facts.answers();
    if facts.children.under_13_admitted
        && p.children
            .parental_consent
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        f.add(
            &PARENTAL_CONSENT_MISSING,
            At::field("children.parental_consent"),
            format!(
                "Your service is open to children under 13, and COPPA requires verifiable consent from a parent first ({}).",
                law.cite("coppa.parental-consent")
            ),
        );
    }
    if p.automated_decisions.makes_significant_decisions
        && p.automated_decisions
            .description
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        f.add(
            &AUTOMATED_DESCRIPTION_MISSING,
            At::field("automated_decisions.description"),
            format!(
                "You make significant decisions by automated means, and the GDPR requires you to explain their logic and effects ({}).",
                law.cite("gdpr.automated-decisions-info")
            ),
        );
    }
    if p.marketing.sends_emails && !facts.purposes.has("marketing-emails") {
        f.add(
            &MARKETING_WITHOUT_PURPOSE,
            At::field("purposes").also("marketing.sends_emails"),
            "You send marketing emails, but no purpose says so.",
        );
    }
}
