//! Checks of recipients and where data goes: data a vendor receives that the owner does not list,
//! a setting that decides a vendor's role left unanswered, and transfers with no safeguard. The
//! form of the owner's adjustments is checked with the other answers (`answers.rs`).

use super::registry::*;
use super::{At, Findings};
use crate::facts::{Adequacy, Facts};
use crate::text;

/// What vendors receive, and the settings that decide their role.
pub(super) fn recipients(facts: &Facts<'_>, f: &mut Findings) {
    let cat = facts.catalogues();
    for v in &facts.vendors.list {
        if !v.uncollected.is_empty() {
            let labels: Vec<String> = v
                .uncollected
                .iter()
                .filter_map(|id| cat.category(id))
                .map(|c| text::lower_first(&c.label))
                .collect();
            f.add(
                &ALWAYS_RECEIVED_NOT_COLLECTED,
                At::field("data").also("vendors"),
                format!(
                    "{} receives {} whenever you use it, but you do not list {} among the data you collect, so the policy leaves {} out.",
                    v.name,
                    text::join_and(&labels),
                    if labels.len() == 1 { "it" } else { "them" },
                    if labels.len() == 1 { "it" } else { "them" },
                ),
            );
        }
        if v.region_unanswered {
            f.add(
                &REGION_UNANSWERED,
                At::field("vendors"),
                format!(
                    "With {}, you choose the region where your data is kept, and it names no default. Until you say which, the policy says only \"the region we chose\" and names no country for it.",
                    v.name
                ),
            );
        }
        if let Some(setting) = v.unanswered_setting {
            f.add(
                &VENDOR_SETTING_UNANSWERED,
                At::field(&format!("vendors.settings.{setting}")),
                format!(
                    "Whether {} also uses the data for its own purposes depends on a setting in your account. Until you answer, the policy says it does.",
                    v.name
                ),
            );
        }
    }
}

/// Recipients abroad with no safeguard under a law addressed.
pub(super) fn destinations(facts: &Facts<'_>, f: &mut Findings) {
    for r in &facts.transfers.regimes {
        if !r.needs_mechanisms {
            continue;
        }
        // Where the policy prints a mechanism per destination the preview says "no safeguard
        // named yet"; elsewhere (Brazil) it names none for this recipient.
        let policy = if r.territory.mechanisms {
            "The preview says \"no safeguard named yet\" there, and the policy cannot be exported until you name one."
        } else {
            "The policy names no safeguard for it, and cannot be exported until you name one."
        };
        for (recipient, country, adequacy) in r.unprotected() {
            let (name, short) = (&r.jurisdiction.name, &r.jurisdiction.short);
            // Where our law data could not confirm the country either way, the gap may be ours,
            // not the owner's, so it asks without blocking the export.
            let (rule, message) = if adequacy == Adequacy::Unconfirmed {
                (
                    &TRANSFER_ADEQUACY_UNCONFIRMED,
                    format!(
                        "{recipient} processes data in {country}, outside {name}. Our law data could not confirm whether {short}'s law recognises {country} as protecting personal data adequately, and no safeguard that its law accepts is named for the recipient. The preview says \"no safeguard named yet\" there."
                    ),
                )
            } else {
                (
                    &TRANSFER_WITHOUT_SAFEGUARD,
                    format!(
                        "{recipient} processes data in {country}, outside {name}, and no safeguard that {short}'s law accepts is named for it. {policy}"
                    ),
                )
            };
            f.add(rule, At::field("vendors"), message);
        }
    }
}

/// Brazil: a transfer under the ANPD's standard clauses comes with a notice in Portuguese that
/// the designated party publishes on its website (Res. CD/ANPD 19/2024, Annex II, Clause 14).
pub(super) fn brazil_notice(facts: &Facts<'_>, f: &mut Findings) {
    let recipients = facts.transfers.on_contracts("br");
    if recipients.is_empty() {
        return;
    }
    let mut names: Vec<String> = Vec::new();
    for n in recipients {
        if !names.iter().any(|m| m == n) {
            names.push(n.to_owned());
        }
    }
    f.add(
        &BRAZIL_PORTUGUESE_NOTICE,
        At::field("vendors"),
        format!(
            "You send data of people in Brazil to {} under the ANPD's standard contractual clauses. Those clauses ask the party named in them to publish, on its website, a notice in Portuguese and in plain language about the transfer; this app writes the policy in English only.",
            text::join_and(&names)
        ),
    );
}
