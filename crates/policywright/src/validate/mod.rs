//! Validation: every problem in a project's answers, each with a stable code from the
//! [`registry`], the answers it concerns and how to fix it. Errors block export; warnings point at
//! answers that leave a required disclosure out or contradict each other.
//!
//! Two kinds of check live here. [`answers`] checks that each answer is well formed (an email is
//! an email, an id is in the catalogue); it reads the raw project because that is its job.
//! The topic modules check what the answers add up to, and read only the [`Facts`], the same
//! conclusions the policy text is written from, so a check can never disagree with the text.

mod answers;
mod at;
mod clashes;
mod considered;
mod local;
mod practices;
mod regions;
pub mod registry;
mod sharing;
mod transfers;

use serde::Serialize;

use crate::facts::Facts;
use crate::library::Library;
use crate::model::Project;

pub use answers::FormMemo;
pub use at::At;
use registry::Rule;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The policy cannot be exported until this is fixed.
    Error,
    /// The policy can be exported, but probably says something wrong or leaves something out.
    Warning,
}

/// One problem with the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Stable code of the rule that found it, e.g. `cookies.non-essential-without-consent`.
    pub code: String,
    /// How serious it is.
    pub severity: Severity,
    /// Where the wizard shows it: the path of the answer with list positions, e.g.
    /// `organisation.email` or `vendors.custom[0].privacy_url`.
    pub field: String,
    /// Every answer it concerns, with list items named by their id instead of their position
    /// (`data[category=health].retention`, `vendors.catalogue[=stripe]`,
    /// `vendors.custom[name=Acme]`), so the path stays right when the list is reordered.
    pub paths: Vec<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, in plain words.
    pub fix: String,
    /// The owner's reason, when they marked this warning as considered (see
    /// [`crate::model::Considered`]). It is still a warning: it counts and is listed as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub considered: Option<String>,
}

impl Finding {
    /// The message and the fix as one text, as the CLI and the wizard show it.
    pub fn text(&self) -> String {
        format!("{} {}", self.message, self.fix)
    }
}

/// The findings of one validation, in the order the checks run.
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    /// Records a finding of `rule` at `at`.
    pub(crate) fn add(&mut self, rule: &Rule, at: At, message: impl Into<String>) {
        self.0.push(Finding::of(rule, at, message));
    }
}

impl Finding {
    /// A finding of `rule` at `at`, for checks that run outside [`check_remembering`] (the
    /// comparison with the published text needs the assembled policy).
    pub(crate) fn of(rule: &Rule, at: At, message: impl Into<String>) -> Finding {
        let (field, paths) = at.into_parts();
        Finding {
            code: rule.code.to_owned(),
            severity: rule.severity,
            field,
            paths,
            message: message.into(),
            fix: rule.fix.to_owned(),
            considered: None,
        }
    }
}

/// True when at least one error is among the findings.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Checks a project against the library's catalogues.
///
/// Besides the answers, this compares the text they give with the latest published version's
/// ([`crate::versions::current`]), which needs the policy assembled; the live preview makes
/// that comparison from the policy it assembles anyway.
pub fn validate(project: &Project, library: &Library) -> Vec<Finding> {
    validate_on(project, library, crate::versions::today())
}

/// [`validate`] as on the day `today`, which the reminder to review the policy counts from.
pub fn validate_on(project: &Project, library: &Library, today: time::Date) -> Vec<Finding> {
    let facts = Facts::derive(project, library.catalogues());
    let mut findings = check_on(&facts, library, today);
    findings.extend(crate::versions::current::finding_for(&facts, library));
    findings
}

/// Checks the answers behind `facts`, today.
pub fn check(facts: &Facts<'_>, library: &Library) -> Vec<Finding> {
    check_on(facts, library, crate::versions::today())
}

/// Checks the answers behind `facts` as on the day `today`.
pub fn check_on(facts: &Facts<'_>, library: &Library, today: time::Date) -> Vec<Finding> {
    check_remembering(facts, library, today, &mut FormMemo::default())
}

/// [`check_on`] with the findings of the long lists' per-entry checks kept in `memo` between
/// calls (the live preview's, for one library): the same findings, in the same order.
pub fn check_remembering(
    facts: &Facts<'_>,
    library: &Library,
    today: time::Date,
    memo: &mut FormMemo,
) -> Vec<Finding> {
    let mut f = Findings(Vec::new());
    answers::check(facts.answers(), library, memo, &mut f);
    answers::adjustments(facts.answers(), library.catalogues(), &mut f);
    let law = library.law();
    practices::data(facts, &mut f);
    practices::purposes(facts, law, &mut f);
    practices::backups(facts, law, &mut f);
    practices::certification(facts, &mut f);
    sharing::vendors(facts, &mut f);
    sharing::sale(facts, law, &mut f);
    sharing::cookies(facts, law, &mut f);
    sharing::undeclared_cookie_kinds(facts, &mut f);
    regions::representatives(facts, law, &mut f);
    regions::people(facts, law, &mut f);
    clashes::marketing(facts, law, &mut f);
    clashes::sensitive(facts, law, &mut f);
    clashes::minors(facts, law, &mut f);
    local::minors_under_18(facts, law, &mut f);
    local::quebec_under_14(facts, law, &mut f);
    local::quebec_governance(facts, law, &mut f);
    local::canada_person_in_charge(facts, law, &mut f);
    local::quebec_transfer_assessment(facts, law, &mut f);
    local::brazil_profiling_ads(facts, law, &mut f);
    local::washington_health(facts, law, &mut f);
    clashes::analytics(facts, law, &mut f);
    clashes::brazil(facts, law, &mut f);
    clashes::retention(facts, &mut f);
    clashes::unanswered(facts, law, &mut f);
    transfers::recipients(facts, &mut f);
    transfers::destinations(facts, &mut f);
    transfers::brazil_notice(facts, &mut f);
    considered::check(facts.answers(), &mut f);
    considered::apply(facts.answers(), &mut f.0);
    crate::versions::reminder::check(facts, law, today, &mut f);
    f.0
}
