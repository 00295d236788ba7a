//! What changed on our side since a version: the clause library, the catalogues or the law data
//! it was made with differ from this build's (the content hashes say which), and what that
//! would change in the text and why.
//!
//! The reasons come from the catalogue entries and law facts the version stored, compared with
//! what this build says for the *same answers* (a migrated copy of the version's), so an owner's
//! change never shows here. The text change is the version's stored Markdown against those
//! same answers written by this build, so only our changes are in it.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::diff::{PolicyDiff, SectionStatus, diff};
use super::summary::{OldAnswersError, old_answers};
use super::{Version, content_hashes};
use crate::library::Library;
use crate::model::Project;

/// One reason the text would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OurChange {
    /// What changed: `vendor:stripe`, `law:ccpa.response-time`.
    pub about: String,
    /// The change in plain words.
    pub says: String,
}

/// What changed on our side since a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OurSide {
    /// The version compared with.
    pub since: u32,
    /// Which parts of our content differ: "clause wording", "catalogues", "law data".
    pub parts: Vec<String>,
    /// Why, from the stored facts against the current ones.
    pub reasons: Vec<OurChange>,
    /// Titles of the policy's parts whose words would change.
    pub sections: Vec<String>,
    /// The version's text against the same answers written today.
    pub diff: PolicyDiff,
}

impl OurSide {
    /// Nothing on our side changed the text or its facts.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty() && self.reasons.is_empty() && self.sections.is_empty()
    }
}

/// Compares the latest version with this build's content; none when nothing was published.
pub fn since_latest(
    project: &Project,
    library: &Library,
) -> Result<Option<OurSide>, OldAnswersError> {
    match super::latest(project) {
        None => Ok(None),
        Some(last) => compare(project, last, library).map(Some),
    }
}

/// Compares `version` (one of `project`'s) with this build's content.
pub fn compare(
    project: &Project,
    version: &Version,
    library: &Library,
) -> Result<OurSide, OldAnswersError> {
    let now = content_hashes(library);
    let then = &version.content;
    let parts = [
        (then.clauses != now.clauses, "clause wording"),
        (then.catalogues != now.catalogues, "catalogues"),
        (then.law != now.law, "law data"),
    ]
    .into_iter()
    .filter(|(changed, _)| *changed)
    .map(|(_, name)| name.to_owned())
    .collect();
    let mut old = old_answers(version)?;
    // The history as it stood, so the dates and any list of versions come out as published.
    old.history = project
        .history
        .iter()
        .filter(|v| v.number <= version.number)
        .cloned()
        .collect();
    let current = super::snapshot::used_facts(&old, library);
    let mut reasons = vendors(&version.used.vendors, &current.vendors, library);
    reasons.extend(law(&version.used.law, &current.law));
    let today = super::current_markdown(&old, library).unwrap_or_default();
    let diff = diff(
        &version.markdown,
        &today,
        &format!("version {} as published", version.number),
        "the same answers written today",
    );
    let sections = diff
        .sections
        .iter()
        .filter(|s| s.status != SectionStatus::Same)
        .map(|s| s.title.clone())
        .collect();
    Ok(OurSide {
        since: version.number,
        parts,
        reasons,
        sections,
        diff,
    })
}

/// How a vendor's catalogue fields read.
fn vendor_field(key: &str) -> String {
    match key {
        "name" => "its name".to_owned(),
        "legal_entity" => "the company that handles the data".to_owned(),
        "category" => "the kind of service".to_owned(),
        "data" => "the data it usually receives".to_owned(),
        "locations" => "where it processes data".to_owned(),
        "safeguard" => "the safeguard for data sent abroad".to_owned(),
        "privacy_url" => "its privacy policy address".to_owned(),
        "opt_out_url" => "its opt-out page".to_owned(),
        "cookies" => "the cookies it sets".to_owned(),
        other => other.replace('_', " "),
    }
}

fn vendors(
    then: &BTreeMap<String, Value>,
    now: &BTreeMap<String, Value>,
    library: &Library,
) -> Vec<OurChange> {
    let mut out = Vec::new();
    for (id, old) in then {
        let name = old
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(id)
            .to_owned();
        let about = format!("vendor:{id}");
        let Some(new) = now.get(id) else {
            out.push(OurChange {
                about,
                says: format!("{name} is no longer in our vendor catalogue, so the policy would no longer describe it; describe it yourself as a custom vendor if you still use it."),
            });
            continue;
        };
        for key in keys(old, new) {
            let (a, b) = (old.get(&key), new.get(&key));
            if a == b {
                continue;
            }
            let show = |v: Option<&Value>| shown(v, key == "locations", library);
            out.push(OurChange {
                about: about.clone(),
                says: format!(
                    "{name}: {} changed from {} to {}.",
                    vendor_field(&key),
                    show(a),
                    show(b)
                ),
            });
        }
    }
    out
}

fn law(then: &BTreeMap<String, Value>, now: &BTreeMap<String, Value>) -> Vec<OurChange> {
    let cite = |v: &Value, id: &str| {
        v.get("citation")
            .and_then(Value::as_str)
            .unwrap_or(id)
            .to_owned()
    };
    let mut out = Vec::new();
    for (id, old) in then {
        let about = format!("law:{id}");
        match now.get(id) {
            None => out.push(OurChange {
                about,
                says: format!("We no longer rely on {} in the text.", cite(old, id)),
            }),
            Some(new) if new != old => {
                let fields: Vec<String> = keys(old, new)
                    .into_iter()
                    .filter(|k| old.get(k) != new.get(k))
                    .map(|k| k.replace('_', " "))
                    .collect();
                let states = new
                    .get("states")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                out.push(OurChange {
                    about,
                    says: format!(
                        "Our reading of {} changed ({}). It now says: {states}",
                        cite(new, id),
                        fields.join(", ")
                    ),
                });
            }
            Some(_) => {}
        }
    }
    for (id, new) in now.iter().filter(|(id, _)| !then.contains_key(*id)) {
        let states = new
            .get("states")
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.push(OurChange {
            about: format!("law:{id}"),
            says: format!(
                "A legal requirement new to our law data applies: {} says: {states}",
                cite(new, id)
            ),
        });
    }
    out
}

fn keys(a: &Value, b: &Value) -> Vec<String> {
    let mut keys: Vec<String> = a
        .as_object()
        .into_iter()
        .chain(b.as_object())
        .flat_map(|o| o.keys().cloned())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// A catalogue value for reading; country codes become country names.
fn shown(v: Option<&Value>, countries: bool, library: &Library) -> String {
    let name = |code: &str| {
        if countries && let Some(c) = library.catalogues().countries.get(code) {
            return c.name.clone();
        }
        code.replace('-', " ")
    };
    match v {
        None | Some(Value::Null) => "nothing".to_owned(),
        Some(Value::String(s)) => name(s),
        Some(Value::Array(items)) => {
            let names: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), name))
                .collect();
            if names.is_empty() {
                "nothing".to_owned()
            } else {
                names.join(", ")
            }
        }
        Some(other) => other.to_string(),
    }
}
