//! People's choices and the owner's commitments: children, marketing, sale and sharing,
//! automated decisions, security, breaches, rights, changes and presentation.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{filled, label, string, web};
use crate::facts::Facts;
use crate::model::{Project, SecurityMeasure, WithdrawalMethod};

/// Children.
#[derive(Serialize, PartialEq)]
pub(crate) struct ChildrenView {
    /// The minimum age the owner set.
    minimum_age: Option<u8>,
    /// The service is designed for children.
    directed: bool,
    /// How parents give consent, in the owner's words.
    parental_consent: Option<String>,
    /// The written retention policy for children's data, in the owner's words.
    retention_policy: Option<String>,
    /// The policy states an age rule (a minimum age, or a service for children).
    applies: bool,
}

/// Marketing emails.
#[derive(Serialize, PartialEq)]
pub(crate) struct MarketingView {
    /// The owner sends marketing emails.
    sends_emails: bool,
    /// To existing customers about similar products, without asking first (soft opt-in).
    soft_opt_in: bool,
}

/// Selling and sharing.
#[derive(Serialize, PartialEq)]
pub(crate) struct SaleView {
    /// The owner sells personal information.
    sells: bool,
    /// The owner shares it for targeted advertising.
    shares: bool,
    /// Sells or shares.
    either: bool,
    /// Both questions have an answer.
    answered: bool,
    /// The "Do Not Sell or Share" page, when a well-formed web address.
    opt_out_url: Option<String>,
    /// Names of the vendors whose receiving data counts as sharing for targeted advertising (ad
    /// platforms, and embeds used for their own ads), in the owner's order. Named, not by kind:
    /// Google Maps is an embed too, and does not use the data for ads.
    ad_names: Vec<String>,
}

/// Automated decisions.
#[derive(Serialize, PartialEq)]
pub(crate) struct AutomatedView {
    /// The owner makes significant decisions by automated means.
    significant: bool,
    /// Their logic and effects, in the owner's words.
    description: Option<String>,
}

/// Breaches.
#[derive(Serialize, PartialEq)]
pub(crate) struct BreachView {
    /// The owner tells affected people.
    notify_people: bool,
    /// The hours within which the owner reports to the authority, when given.
    authority_hours: Option<u32>,
    /// People are told of a breach likely to put them at high risk (GDPR Art. 34).
    high_risk_rule: bool,
    /// Other regions' laws set their own threshold.
    other_rules: bool,
}

/// How people use their rights.
#[derive(Serialize, PartialEq)]
pub(crate) struct RightsView {
    /// The request form, when a well-formed web address.
    request_form_url: Option<String>,
    /// A toll-free number for requests.
    toll_free_phone: Option<String>,
    /// Labels of the ways to withdraw consent, in a fixed order.
    withdrawal: Vec<String>,
    /// Consent can be withdrawn by email.
    withdraw_by_email: bool,
    /// Marketing emails carry an unsubscribe link (a way to withdraw the owner named).
    unsubscribe_link: bool,
}

/// How people hear about changes.
#[derive(Serialize, PartialEq)]
pub(crate) struct ChangesView {
    /// By email.
    email: bool,
    /// In the app.
    in_app: bool,
    /// List the published versions with their dates and summaries.
    list_versions: bool,
}

/// Presentation.
#[derive(Serialize, PartialEq)]
pub(crate) struct StyleView {
    /// A short summary at the top.
    summary: bool,
    /// A section that explains legal terms.
    definitions: bool,
}

pub(super) fn children(facts: &Facts<'_>) -> ChildrenView {
    ChildrenView {
        minimum_age: facts.children.minimum_age,
        directed: facts.children.directed,
        parental_consent: filled(&facts.answers().children.parental_consent),
        retention_policy: filled(&facts.answers().children.retention_policy),
        applies: facts.children.age_stated(),
    }
}

pub(super) fn marketing(p: &Project) -> MarketingView {
    MarketingView {
        sends_emails: p.marketing.sends_emails,
        soft_opt_in: p.marketing.soft_opt_in,
    }
}

pub(super) fn sale(facts: &Facts<'_>) -> SaleView {
    SaleView {
        sells: facts.sale.sells,
        shares: facts.sale.shares,
        either: facts.sale.either(),
        answered: facts.sale.answered,
        opt_out_url: web(&facts.answers().sale_and_sharing.opt_out_url),
        ad_names: facts
            .vendors
            .ad_platforms()
            .map(|v| v.name.to_owned())
            .collect(),
    }
}

pub(super) fn automated(p: &Project) -> AutomatedView {
    AutomatedView {
        significant: p.automated_decisions.makes_significant_decisions,
        description: filled(&p.automated_decisions.description),
    }
}

/// Items once each, in the enum's order.
fn sorted_unique<T: Ord + Copy>(items: &[T]) -> Vec<T> {
    items
        .iter()
        .copied()
        .collect::<BTreeSet<T>>()
        .into_iter()
        .collect()
}

/// The measures' sentences; a certification names its standard when the owner gave one (the
/// owner's words, which the template escapes like every value it prints).
pub(super) fn security(p: &Project, standard: Option<&str>, s: &toml::Table) -> Vec<String> {
    sorted_unique(&p.security)
        .iter()
        .map(|m| match (m, standard) {
            (SecurityMeasure::Certification, Some(standard)) => {
                string(s, "security_named", "certification").replace("{standard}", standard)
            }
            _ => label(s, "security", m),
        })
        .collect()
}

pub(super) fn breach(p: &Project, regions: &crate::facts::Regions) -> BreachView {
    BreachView {
        notify_people: p.breach.notify_affected_people,
        authority_hours: p.breach.authority_within_hours.filter(|h| *h > 0),
        high_risk_rule: regions.high_risk_breach_rule,
        other_rules: regions.other_breach_rules,
    }
}

pub(super) fn rights(p: &Project, s: &toml::Table) -> RightsView {
    RightsView {
        request_form_url: web(&p.rights.request_form_url),
        toll_free_phone: filled(&p.rights.toll_free_phone),
        withdrawal: sorted_unique(&p.rights.consent_withdrawal)
            .iter()
            .map(|m| label(s, "withdrawal", m))
            .collect(),
        withdraw_by_email: p
            .rights
            .consent_withdrawal
            .contains(&WithdrawalMethod::Email),
        unsubscribe_link: p
            .rights
            .consent_withdrawal
            .contains(&WithdrawalMethod::UnsubscribeLink),
    }
}

pub(super) fn changes(p: &Project) -> ChangesView {
    ChangesView {
        email: p.policy_changes.email,
        in_app: p.policy_changes.in_app,
        list_versions: p.policy_changes.list_versions,
    }
}

pub(super) fn style(p: &Project) -> StyleView {
    StyleView {
        summary: p.style.summary,
        definitions: p.style.definitions,
    }
}
