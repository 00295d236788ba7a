//! Rules of single states and provinces inside a region the owner addresses, and of one
//! country's law beside its data protection law: the US states that protect everyone under 18
//! from sale and targeted advertising (Connecticut, Colorado, Maryland), Quebec's parental
//! consent for children under 14 and its published governance policies, Washington's separate
//! policy for consumer health data, and Brazil's ban on profiling-based advertising to minors.

use super::registry::*;
use super::{At, Findings};
use crate::facts::Facts;
use crate::law::LawFacts;

/// Minors may use the service, data is sold, shared or used for targeted ads, and the owner
/// protects people only up to an age below 18 (or asks only teenagers under 16 to opt in).
pub(super) fn minors_under_18(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let c = &facts.children;
    // Unanswered, `children.minors-unanswered` speaks (and names these states too).
    if !facts.regions.has("us-states") || !c.minors_admitted || !c.minors_answered() {
        return;
    }
    if !facts.sale.sells_or_targets_ads() || c.protected_under.is_some_and(|a| a >= 18) {
        return;
    }
    let what = match c.protected_under {
        Some(age) => {
            format!("you leave out only people you know to be under {age}, and the policy says so")
        }
        None => "only 13- to 15-year-olds are asked to opt in".to_owned(),
    };
    f.add(
        &MINORS_UNDER_18_STATES,
        At::field("minors.excluded_under")
            .also("minors.opt_in_before_sale")
            .also("children.minimum_age")
            .also("sale_and_sharing")
            .also("jurisdictions"),
        format!(
            "People under 18 may use your service and you sell, share or target ads, but {what}. Connecticut bans selling the data of people you know to be under 18, and targeting ads at them, even with consent ({}); Maryland bans both for anyone you know or should know to be under 18 ({}); Colorado allows them for under-18s only with the minor's consent, or a parent's under 13 ({}).",
            law.cite("connecticut.minors"),
            law.cite("maryland.minors"),
            law.cite("colorado.minors"),
        ),
    );
}

/// Canada is addressed, children under 14 may use the service, and no parental consent is
/// described (Quebec s.4.1).
pub(super) fn quebec_under_14(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let c = &facts.children;
    if !facts.regions.has("ca") || !c.under_14_admitted || c.parental_consent_described {
        return;
    }
    let why = match c.minimum_age {
        _ if c.directed => "it is designed for children".to_owned(),
        Some(age) => format!("its minimum age is {age}"),
        None => "it sets no minimum age".to_owned(),
    };
    f.add(
        &QUEBEC_UNDER_14_CONSENT,
        At::field("children.parental_consent")
            .also("children.minimum_age")
            .also("children.directed_at_children")
            .also("jurisdictions"),
        format!(
            "Children under 14 may use your service ({why}), and you serve Canada. In Quebec, personal information about a child under 14 may be collected only with the consent of a parent or tutor, unless collecting it is clearly for the child's benefit ({}), and your answers do not say how a parent consents.",
            law.cite("quebec.minors-consent")
        ),
    );
}

/// Canada is addressed and the answers give neither a page about the owner's governance
/// policies nor a description of them (Quebec s.3.2).
pub(super) fn quebec_governance(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let g = &facts.governance;
    // A typed address that is not a web address is `url.malformed`, not missing.
    if !facts.regions.has("ca") || g.published() || g.url_typed {
        return;
    }
    f.add(
        &QUEBEC_GOVERNANCE_UNPUBLISHED,
        At::field("governance.url")
            .also("governance.description")
            .also("jurisdictions"),
        format!(
            "You serve Canada. In Quebec, an enterprise must have governance policies and practices for personal information, approved by its person in charge of the protection of personal information, and publish detailed information about them in simple and clear language on its website: in particular how it keeps and destroys the information, its staff's roles and responsibilities, and how it handles complaints ({}). Your answers give no page and no description.",
            law.cite("quebec.governance-policies")
        ),
    );
}

/// Canada is addressed and the answers name no privacy officer: the policy then names the
/// person with the highest authority, Quebec's default (s.3.1), and asks whether someone else
/// has the role.
pub(super) fn canada_person_in_charge(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    if !facts.regions.has("ca") || facts.answers().organisation.dpo.is_some() {
        return;
    }
    f.add(
        &CANADA_PERSON_IN_CHARGE_UNNAMED,
        At::field("organisation.dpo").also("jurisdictions"),
        format!(
            "You serve Canada and name no privacy officer. The policy says the person with the highest authority in your organisation is in charge of protecting personal information: that is the default in Quebec, where that person may delegate the role in writing, and the title and contact information of whoever has it must be on your website ({}).",
            law.cite("quebec.person-in-charge")
        ),
    );
}

/// Personal information of people in Quebec may leave Quebec and the owner has not said that
/// each such communication was assessed and put in a written agreement (s.17), which no policy
/// wording can stand in for.
pub(super) fn quebec_transfer_assessment(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let g = &facts.governance;
    if !g.leaves_quebec || g.outside_quebec_assessed == Some(true) {
        return;
    }
    let said = if g.outside_quebec_assessed == Some(false) {
        "You said you have not done this yet."
    } else {
        "Your answers do not say whether you did."
    };
    f.add(
        &QUEBEC_TRANSFER_ASSESSMENT,
        At::field("governance.outside_quebec_assessed").also("jurisdictions"),
        format!(
            "You serve Canada, and personal information of people in Quebec goes outside Quebec (to your vendors, or to you if you are based elsewhere). Before it does, Quebec's law asks you to assess the privacy impact (the information's sensitivity, why it is used, the protection measures, and the law where it goes) and to put the communication in a written agreement ({}). {said} The policy cannot do this for you.",
            law.cite("quebec.outside-quebec-assessment")
        ),
    );
}

/// Brazil is addressed, people under 18 may use the service, ads are targeted (shared for
/// targeted advertising, sent to an ad platform, or a targeted-advertising purpose), and the
/// owner does not leave under-18s out (ECA Digital Art. 22).
pub(super) fn brazil_profiling_ads(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let c = &facts.children;
    let targets_ads = facts.sale.shares || facts.sale.advertises;
    if !facts.regions.has("br")
        || !c.minors_admitted
        || !targets_ads
        || c.protected_under.is_some_and(|a| a >= 18)
    {
        return;
    }
    let why = match c.minimum_age {
        _ if c.directed => "it is designed for children".to_owned(),
        Some(age) => format!("its minimum age is {age}"),
        None => "it sets no minimum age".to_owned(),
    };
    let left_out = match c.protected_under {
        Some(age) => format!("you leave out only people you know to be under {age}"),
        None => "your answers do not leave people under 18 out of it".to_owned(),
    };
    f.add(
        &BRAZIL_PROFILING_ADS,
        At::field("minors.excluded_under")
            .also("children.minimum_age")
            .also("sale_and_sharing")
            .also("purposes")
            .also("jurisdictions"),
        format!(
            "People under 18 may use your service ({why}), you serve Brazil and you target ads, but {left_out}. Brazil's Digital Statute of Children and Adolescents (in force since 17 March 2026) bans using profiling to direct commercial advertising at children and adolescents ({}), for services directed at them or likely to be used by them ({}). As quoted, the ban has no \"known to be\" test, so check how you tell who is under 18.",
            law.cite("eca-digital.profiling-ads"),
            law.cite("eca-digital.scope")
        ),
    );
}

/// Consumer health data is collected from people in the US states without the separate policy
/// Washington's My Health My Data Act and Nevada's consumer health data law require.
pub(super) fn washington_health(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let s = &facts.sensitive;
    if !facts.regions.has("us-states") || s.consumer_health.is_empty() || s.has_health_data_policy {
        return;
    }
    let names: Vec<String> = s
        .consumer_health
        .iter()
        .map(|c| crate::text::lower_first(&c.label))
        .collect();
    f.add(
        &WASHINGTON_HEALTH_POLICY_MISSING,
        At::field("sensitive.health_data_policy_url")
            .also("data")
            .also("jurisdictions"),
        format!(
            "You collect {}, which Washington's My Health My Data Act counts as consumer health data ({}). The Act requires a separate consumer health data privacy policy, linked from your homepage ({}), and so does Nevada's law for the health data you use ({}); this policy is not one.",
            crate::text::join_and(&names),
            law.cite("washington.consumer-health-data"),
            law.cite("washington.health-data-policy"),
            law.cite("nevada.health-data-policy")
        ),
    );
}
