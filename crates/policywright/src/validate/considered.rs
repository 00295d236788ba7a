//! The owner's "considered" marks: checking them, and putting each reason on the warning it is
//! about. A mark changes nothing else: the warning is still listed and counted.

use super::registry::{CONSIDERED_ERROR, CONSIDERED_REASON_MISSING, CONSIDERED_UNKNOWN, rule};
use super::{At, Finding, Findings, Severity};
use crate::model::Project;

/// Marks that cannot apply: an unknown code, an error's code, or no reason.
pub(super) fn check(p: &Project, f: &mut Findings) {
    for (i, mark) in p.considered.iter().enumerate() {
        let at = At::item("considered", i, "code", &mark.code);
        match rule(mark.code.trim()) {
            None => {
                let message = format!("\"{}\" is not the code of a check we make.", mark.code);
                f.add(&CONSIDERED_UNKNOWN, at.child("code"), message);
            }
            Some(r) if r.severity == Severity::Error => {
                let message = format!(
                    "\"{}\" is an error, and errors cannot be marked as considered.",
                    mark.code
                );
                f.add(&CONSIDERED_ERROR, at.child("code"), message);
            }
            Some(_) if mark.reason.trim().is_empty() => {
                let message = "This mark gives no reason, so the warning is shown as before.";
                f.add(&CONSIDERED_REASON_MISSING, at.child("reason"), message);
            }
            Some(_) => {}
        }
    }
}

/// Puts the reason of the first mark about each warning on it. Errors are never marked.
pub(super) fn apply(p: &Project, findings: &mut [Finding]) {
    for finding in findings.iter_mut() {
        if finding.severity != Severity::Warning {
            continue;
        }
        let reason = p
            .considered
            .iter()
            .filter(|m| !m.reason.trim().is_empty())
            .find(|m| m.covers(&finding.code, &finding.paths));
        finding.considered = reason.map(|m| m.reason.trim().to_owned());
    }
}
