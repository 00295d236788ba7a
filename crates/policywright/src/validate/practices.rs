//! Checks of what is collected and why: sources, retention (backups too), purposes and their
//! legal bases.

use super::registry::*;
use super::{At, Findings};
use crate::catalogue::DataCategory;
use crate::facts::Facts;
use crate::law::LawFacts;
use crate::model::{LegalBasis, Retention};

/// Each collected category says where it comes from, how long it is kept and what uses it.
pub(super) fn data(facts: &Facts<'_>, f: &mut Findings) {
    for resolved in &facts.data.collected {
        let d = resolved.answer;
        let at = At::item("data", resolved.index, "category", &d.category);
        if d.sources.is_empty() {
            let message = "You have not said where this data comes from.";
            f.add(&DATA_SOURCES_MISSING, at.clone().child("sources"), message);
        }
        match &d.retention {
            None => f.add(
                &RETENTION_MISSING,
                at.clone().child("retention"),
                "You have not said how long you keep this data, and most privacy laws require it.",
            ),
            Some(Retention::Criteria { description }) if description.trim().is_empty() => f.add(
                &RETENTION_CRITERIA_EMPTY,
                at.clone().child("retention.description"),
                "You chose to describe how long you keep this data, but the description is empty.",
            ),
            _ => {}
        }
        if !facts.purposes.resolved.is_empty()
            && !facts.purposes.categories_used.contains(d.category.as_str())
        {
            f.add(&DATA_UNUSED, at, "No purpose uses this data.");
        }
    }
}

/// Each purpose has the legal basis its regions ask for, and uses only data that is collected.
pub(super) fn purposes(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    for resolved in &facts.purposes.resolved {
        let u = resolved.answer;
        let at = At::item("purposes", resolved.index, "purpose", &resolved.purpose.id);
        if u.legal_basis.is_none() && facts.regions.needs_legal_basis {
            f.add(
                &LEGAL_BASIS_MISSING,
                at.clone().child("legal_basis"),
                format!(
                    "This purpose has no legal basis. The GDPR ({}) and the LGPD ({}) require one for each purpose.",
                    law.cite("gdpr.lawful-basis"),
                    law.cite("lgpd.legal-bases"),
                ),
            );
        }
        if u.legal_basis == Some(LegalBasis::LegitimateInterests)
            && u.legitimate_interest
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            f.add(
                &LEGITIMATE_INTEREST_MISSING,
                at.clone().child("legitimate_interest"),
                "This purpose rests on your legitimate interests, but you have not said what they are.",
            );
        }
        for (k, c) in u.categories.iter().enumerate() {
            if !facts.data.collects(c) {
                f.add(
                    &PURPOSE_DATA_NOT_COLLECTED,
                    at.clone()
                        .child(&format!("categories[{k}]"))
                        .also(format!("data[category={c}]")),
                    format!("This purpose uses \"{c}\", which is not in the data you collect."),
                );
            }
        }
    }
    if facts.regions.needs_legal_basis {
        for (r, others) in facts.purposes.contract_for_others(&facts.data) {
            let names = DataCategory::labels(&others);
            f.add(
                &CONTRACT_FOR_OTHERS,
                At::item("purposes", r.index, "purpose", &r.purpose.id).child("legal_basis"),
                format!(
                    "This purpose rests on your contract, but it uses {}: the people they are about have no contract with you, and a contract covers only its parties ({}).",
                    crate::text::join_and(&names).to_lowercase(),
                    law.cite("gdpr.contract-basis")
                ),
            );
        }
    }
    if facts.regions.europe {
        for r in &facts.special.without_condition {
            f.add(
                &SPECIAL_CATEGORY_WITHOUT_CONSENT,
                At::item("purposes", r.index, "purpose", &r.purpose.id)
                    .child("special_condition")
                    .also(format!("purposes[purpose={}].legal_basis", r.purpose.id)),
                format!(
                    "\"{}\" uses special-category data, such as health data, and no Art. 9 condition covers it. Under the GDPR this data needs explicit consent or another condition ({}; {}).",
                    r.purpose.label,
                    law.cite("gdpr.special-category-consent"),
                    law.cite("gdpr.special-category-conditions")
                ),
            );
        }
    }
    if facts.purposes.uses_consent && facts.answers().rights.consent_withdrawal.is_empty() {
        f.add(
            &WITHDRAWAL_MISSING,
            At::field("rights.consent_withdrawal"),
            "Some purposes rely on consent, but you have not said how people withdraw it.",
        );
    }
}

/// An owner who keeps backups says how long, where the GDPR or the UK GDPR asks for the period
/// data is kept: deleted data stays in a backup until it is replaced.
/// A certification claimed without its standard: the policy can then only say "a recognised
/// standard", which readers cannot check.
pub(super) fn certification(facts: &Facts<'_>, f: &mut Findings) {
    if facts.certification.unnamed() {
        f.add(
            &CERTIFICATION_UNNAMED,
            At::field("certified_to").also("security".to_owned()),
            "You say your security is certified but not to which standard, so the policy says only \"a recognised standard\".",
        );
    }
}

pub(super) fn backups(facts: &Facts<'_>, law: &LawFacts, f: &mut Findings) {
    let laws: Vec<String> = [
        ("eu", "gdpr.storage-period"),
        ("uk", "uk-gdpr.storage-period"),
    ]
    .into_iter()
    .filter(|(region, _)| facts.regions.has(region))
    .map(|(_, id)| law.cite(id).to_owned())
    .collect();
    if laws.is_empty() || !facts.backups.period_missing {
        return;
    }
    let verb = if laws.len() == 1 { "asks" } else { "ask" };
    f.add(
        &BACKUP_PERIOD_MISSING,
        At::field("backups.kept_days").also("security".to_owned()),
        format!(
            "You keep backups but have not said for how long. Deleted data stays in them until they are replaced, and {} {verb} for the period data is kept or the criteria used to set it.",
            crate::text::join_and(&laws)
        ),
    );
}
