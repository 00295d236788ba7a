//! Answers that contradict each other, or leave out what a law asks the text to say: soft opt-in
//! on a consent-only basis, US sensitive data, minors, cookie-based analytics, Brazil's channel,
//! retention shorter than a law's, AI training, Quebec's technology notice, children's retention
//! and the German state authority. Each finding names every answer involved.

use super::registry::*;
use super::{At, Findings};
use crate::authorities::Found;
use crate::catalogue::DataCategory;
use crate::facts::Facts;
use crate::law::LawFacts;
use crate::model::{LegalBasis, Retention};

/// Marketing: the soft opt-in beside a consent-only basis (GDPR Art. 13(1)(c) for customers).
pub(super) fn marketing(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let Some(r) = facts
        .purposes
        .resolved
        .iter()
        .find(|r| r.purpose.id == "marketing-emails")
    else {
        return;
    };
    let interest_given = r
        .answer
        .legitimate_interest
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if facts.purposes.soft_opt_in_customers && facts.regions.needs_legal_basis && !interest_given {
        f.add(
            &SOFT_OPT_IN_ON_CONSENT,
            At::item("purposes", r.index, "purpose", &r.purpose.id)
                .child("legitimate_interest")
                .also(format!("purposes[purpose={}].legal_basis", r.purpose.id))
                .also("marketing.soft_opt_in"),
            format!(
                "Customers get marketing emails under the soft opt-in ({}), without consent, but this purpose rests on consent only. For customers the basis is legitimate interests, and the policy must say what that interest is.",
                law.cite("pecr.soft-opt-in")
            ),
        );
    }
}

/// Sensitive personal information under US laws: opt-in consent and the right to limit.
pub(super) fn sensitive(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let s = &facts.sensitive;
    // The states' own definition, not the CCPA's: card details alone do not call for opt-in.
    if facts.regions.has("us-states") && !s.us_states.is_empty() && s.opt_in_consent != Some(true) {
        let names = DataCategory::labels(&s.us_states);
        f.add(
            &SENSITIVE_WITHOUT_OPT_IN,
            At::field("sensitive.opt_in_consent").also("data").also("jurisdictions"),
            format!(
                "You collect {}, which US state laws count as sensitive data ({}), and most of them require people's opt-in consent first ({}).",
                crate::text::join_and(&names),
                law.cite("us-states.sensitive-data"),
                law.cite("us-states.sensitive-consent")
            ),
        );
    }
    if s.categories.is_empty() {
        return;
    }
    if facts.regions.has("us-ca") && !s.permitted_only() && !s.has_limit_page {
        let uses: Vec<String> = s
            .beyond_permitted
            .iter()
            .map(|r| r.purpose.label.clone())
            .collect();
        let mut at = At::field("sensitive.limit_url");
        for r in &s.beyond_permitted {
            at = at.also(format!("purposes[purpose={}].categories", r.purpose.id));
        }
        f.add(
            &SENSITIVE_NO_WAY_TO_LIMIT,
            at,
            format!(
                "Sensitive personal information is used for {}, beyond the purposes the CCPA permits, so Californians may limit its use, and there is no page to do it ({}).",
                crate::text::join_and(&uses),
                law.cite("ccpa.limit-sensitive")
            ),
        );
    }
}

/// Minors may use the service while data is sold, shared or used for profiling.
pub(super) fn minors(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let c = &facts.children;
    if !facts.regions.us || !c.minors_admitted || c.minors_answered() {
        return;
    }
    if !(facts.sale.either() || facts.profiling) {
        return;
    }
    f.add(
        &MINORS_UNANSWERED,
        At::field("minors.excluded_under")
            .also("children.minimum_age")
            .also("sale_and_sharing"),
        format!(
            "People under 18 may use your service, and you sell, share or profile. California requires opt-in before selling or sharing the data of under-16s ({}), Oregon bans targeted ads, profiling and sale for under-16s ({}), and Connecticut, Colorado and Maryland protect everyone under 18 ({}; {}; {}).",
            law.cite("ccpa.minors-opt-in"),
            law.cite("oregon.minors"),
            law.cite("connecticut.minors"),
            law.cite("colorado.minors"),
            law.cite("maryland.minors")
        ),
    );
}

/// Analytics that set cookies cannot rest on legitimate interests where the cookies need consent.
pub(super) fn analytics(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    if !facts.regions.cookie_consent_law || !facts.cookies.analytics {
        return;
    }
    for r in facts.purposes.resolved.iter().filter(|r| {
        r.purpose.id == "product-analytics"
            && r.answer.legal_basis == Some(LegalBasis::LegitimateInterests)
    }) {
        f.add(
            &ANALYTICS_COOKIES_ON_LEGITIMATE_INTERESTS,
            At::item("purposes", r.index, "purpose", &r.purpose.id)
                .child("legal_basis")
                .also("cookies.kinds")
                .also("vendors"),
            format!(
                "Analytics cookies are set on your site, and in the EU and the UK they need consent ({}; {}), but the analytics purpose rests on legitimate interests.",
                law.cite("eprivacy.cookie-consent"),
                law.cite("pecr.cookie-consent")
            ),
        );
    }
}

/// People in Brazil need the encarregado or another channel.
pub(super) fn brazil(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let p = facts.answers();
    let channel = p.organisation.dpo.is_some()
        || !p.organisation.email.trim().is_empty()
        || p.rights
            .request_form_url
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty());
    if facts.regions.has("br") && !channel {
        f.add(
            &BRAZIL_NO_CHANNEL,
            At::field("organisation.dpo")
                .also("organisation.email")
                .also("jurisdictions"),
            format!(
                "You serve people in Brazil but name no encarregado and no channel for their requests ({}).",
                law.cite("lgpd.encarregado")
            ),
        );
    }
}

/// Data deleted when the account closes, while a purpose resting on a legal obligation (such as
/// keeping invoices) uses it.
pub(super) fn retention(facts: &Facts<'_>, f: &mut Findings) {
    for d in &facts.data.collected {
        if !matches!(
            d.answer.retention,
            Some(Retention::UntilAccountClosed { .. })
        ) {
            continue;
        }
        let Some(r) = facts.purposes.resolved.iter().find(|r| {
            r.answer.legal_basis == Some(LegalBasis::LegalObligation)
                && r.answer.categories.contains(&d.category.id)
        }) else {
            continue;
        };
        f.add(
            &RETENTION_SHORTER_THAN_LAW,
            At::item("data", d.index, "category", &d.category.id)
                .child("retention")
                .also(format!("purposes[purpose={}].categories", r.purpose.id)),
            format!(
                "\"{}\" is deleted when the account closes, but \"{}\" uses it because a law requires it, and such laws usually keep records for years after that.",
                d.category.label, r.purpose.label
            ),
        );
    }
}

/// Answers a region's text needs: Connecticut's AI statement, Quebec's technology notice,
/// children's retention policy, and the German state authority.
pub(super) fn unanswered(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let p = facts.answers();
    let ai_vendor = facts.vendors.uses_kind("ai");
    if facts.regions.has("us-states")
        && (p.ai.trains_own_models.is_none() || (ai_vendor && p.ai.provider_trains.is_none()))
    {
        f.add(
            &LLM_STATEMENT_MISSING,
            At::field("ai.trains_own_models").also("ai.provider_trains"),
            format!(
                "Connecticut requires your policy to say whether you collect, use or sell personal data to train large language models ({}).",
                law.cite("connecticut.llm-statement")
            ),
        );
    }
    if facts.regions.has("ca") {
        if facts.tracking.locates_or_profiles && !facts.tracking.used {
            f.add(
                &TRACKING_UNANSWERED,
                At::field("tracking.identifies_locates_or_profiles")
                    .also("data")
                    .also("purposes"),
                format!(
                    "You collect precise location or profile people. Quebec requires telling people first when technology can identify, locate or profile them, and how to turn it on ({}).",
                    law.cite("quebec.technology-notice")
                ),
            );
        }
        if facts.tracking.used
            && p.tracking
                .how_to_switch
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            f.add(
                &TRACKING_HOW_MISSING,
                At::field("tracking.how_to_switch"),
                format!(
                    "Quebec requires telling people how to turn on the functions that identify, locate or profile them ({}).",
                    law.cite("quebec.technology-notice")
                ),
            );
        }
        on_without_consent(facts, f);
    }
    if facts.children.directed
        && p.children
            .retention_policy
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        f.add(
            &CHILDREN_RETENTION_POLICY_MISSING,
            At::field("children.retention_policy"),
            format!(
                "Your service is directed at children, and the amended COPPA Rule asks your notice to give your written retention policy for their data ({}).",
                law.cite("coppa.notice-2025")
            ),
        );
    }
    if facts.regions.has("eu") && matches!(facts.authority, Found::RegionUnknown) {
        f.add(
            &AUTHORITY_REGION_UNKNOWN,
            At::field("organisation.address.region"),
            format!(
                "In Germany each federal state's authority supervises the businesses in it ({}), and your address does not say which state you are in.",
                law.cite("de.state-supervision")
            ),
        );
    }
}

/// The owner says the functions that identify, locate or profile people are off until people
/// turn them on, while a purpose that profiles or locates them rests on another basis, or a
/// vendor locates or profiles them on its own account as the page loads.
fn on_without_consent(facts: &Facts<'_>, f: &mut Findings) {
    let t = &facts.tracking;
    if !(t.used && t.off_by_default_answer)
        || (t.on_without_consent.is_empty() && t.vendors_without_consent.is_empty())
    {
        return;
    }
    let mut at = At::field("tracking.off_by_default");
    for r in &t.on_without_consent {
        at = at.also(format!("purposes[purpose={}].legal_basis", r.purpose.id));
    }
    if !t.vendors_without_consent.is_empty() {
        at = at.also("vendors.catalogue");
    }
    let mut why = Vec::new();
    if !t.on_without_consent.is_empty() {
        let uses: Vec<String> = t
            .on_without_consent
            .iter()
            .map(|r| r.purpose.label.clone())
            .collect();
        why.push(format!(
            "{} {} without their consent",
            crate::text::join_and(&uses),
            if uses.len() == 1 { "runs" } else { "run" }
        ));
    }
    if !t.vendors_without_consent.is_empty() {
        let names: Vec<String> = t
            .vendors_without_consent
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        let one = names.len() == 1;
        why.push(format!(
            "as soon as your pages load, they send people's location or interests to {}, for {} own purposes (load {} only after people agree, through a consent banner that blocks {})",
            crate::text::join_and(&names),
            if one { "its" } else { "their" },
            if one { "it" } else { "them" },
            if one { "it" } else { "them" },
        ));
    }
    f.add(
        &TRACKING_ON_WITHOUT_CONSENT,
        at,
        format!(
            "You say the functions that identify, locate or profile people are off until they turn them on, but {}. The policy leaves that sentence out until the answers agree.",
            why.join(", and ")
        ),
    );
}
