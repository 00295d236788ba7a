//! The change summary: what the owner changed since the last published version, in plain
//! words drawn from the answers (never from a text diff): "Added vendor: Intercom (customer
//! support). Added data category: support messages. Now covers California."
//!
//! The old answers are frozen in the version in the format they were written in, so a copy of
//! them goes through the one migration chain ([`crate::project_file::migrate`]) first. Both
//! projects are then compared as JSON, answer by answer; [`phrases`] says how each answer's
//! change reads.

mod phrases;
#[cfg(test)]
mod tests;

use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use super::Version;
use crate::library::Library;
use crate::model::Project;
use phrases::{Names, Rule};

/// One change the owner made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OwnerChange {
    /// The answer that changed, e.g. `vendors.catalogue`.
    pub field: String,
    /// The change in plain words, ending with a full stop.
    pub says: String,
}

/// What the owner changed since a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeSummary {
    /// The version compared with; none when nothing was published yet.
    pub since: Option<u32>,
    /// The changes, in the order the wizard asks.
    pub changes: Vec<OwnerChange>,
}

impl ChangeSummary {
    /// The changes as one paragraph.
    pub fn text(&self) -> String {
        let says: Vec<&str> = self.changes.iter().map(|c| c.says.as_str()).collect();
        says.join(" ")
    }
}

/// A version's answers could not be read in the current format.
#[derive(Debug, thiserror::Error)]
#[error("version {number}'s answers could not be read: {reason}")]
pub struct OldAnswersError {
    /// The version.
    pub number: u32,
    /// Why.
    pub reason: String,
}

/// A copy of `version`'s answers, migrated to the current format. The stored JSON is not
/// touched.
pub fn old_answers(version: &Version) -> Result<Project, OldAnswersError> {
    let fail = |reason: String| OldAnswersError {
        number: version.number,
        reason,
    };
    let text = serde_json::to_string(&version.answers).map_err(|e| fail(e.to_string()))?;
    let name = format!("version {}", version.number);
    crate::project_file::parse(&text, Path::new(&name)).map_err(|e| fail(e.to_string()))
}

/// What changed since the latest published version (nothing when none was published).
pub fn since_latest(
    project: &Project,
    library: &Library,
) -> Result<ChangeSummary, OldAnswersError> {
    let Some(last) = super::latest(project) else {
        return Ok(ChangeSummary {
            since: None,
            changes: Vec::new(),
        });
    };
    let old = old_answers(last)?;
    Ok(ChangeSummary {
        since: Some(last.number),
        changes: between(&old, project, library),
    })
}

/// [`since_latest`] as text, empty when the old answers cannot be read: the generated summary
/// a publish records when the owner gives none.
pub fn summarise(project: &Project, library: &Library) -> ChangeSummary {
    since_latest(project, library).unwrap_or(ChangeSummary {
        since: None,
        changes: Vec::new(),
    })
}

/// Every change from `old` to `new`, in the order of [`phrases::PHRASES`].
pub fn between(old: &Project, new: &Project, library: &Library) -> Vec<OwnerChange> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(old), serde_json::to_value(new)) else {
        return Vec::new();
    };
    let mut walk = Walk {
        library,
        out: Vec::new(),
    };
    walk.value("", &a, &b);
    walk.out.sort_by_key(|(i, _)| *i);
    walk.out.into_iter().map(|(_, c)| c).collect()
}

struct Walk<'a> {
    library: &'a Library,
    out: Vec<(usize, OwnerChange)>,
}

const NULL: Value = Value::Null;

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Walk<'_> {
    fn push(&mut self, order: usize, field: &str, says: String) {
        self.out.push((
            order,
            OwnerChange {
                field: field.to_owned(),
                says,
            },
        ));
    }

    fn value(&mut self, path: &str, a: &Value, b: &Value) {
        if a == b {
            return;
        }
        if let Some((order, rule)) = phrases::rule(path) {
            return self.rule(order, rule, path, a, b);
        }
        let empty = Map::new();
        match (a.as_object(), b.as_object()) {
            (None, None) => {
                // Only reachable when a field lacks a phrase, which the schema test rules out.
                self.push(usize::MAX, path, format!("Changed an answer ({path})."));
            }
            (oa, ob) => {
                let (oa, ob) = (oa.unwrap_or(&empty), ob.unwrap_or(&empty));
                let mut keys: Vec<&String> = oa.keys().chain(ob.keys()).collect();
                keys.sort();
                keys.dedup();
                for key in keys {
                    let (x, y) = (oa.get(key).unwrap_or(&NULL), ob.get(key).unwrap_or(&NULL));
                    self.value(&child(path, key), x, y);
                }
            }
        }
    }

    fn rule(&mut self, order: usize, rule: Rule, path: &str, a: &Value, b: &Value) {
        let says = match rule {
            Rule::Ignore => return,
            Rule::Text(label) => text_change(label, a, b),
            Rule::Flag(on, off) => format!("{}.", if b.as_bool() == Some(true) { on } else { off }),
            Rule::Choice(label) => {
                format!("Changed {label} from {} to {}.", shown(a), shown(b))
            }
            Rule::Whole(label) | Rule::Part(label) => match (a.is_null(), b.is_null()) {
                (true, _) => format!("Added {label}."),
                (_, true) => format!("Removed {label}."),
                _ => format!("Changed {label}."),
            },
            Rule::Ids(added, removed, names) => {
                let (xs, ys) = (ids(a), ids(b));
                for id in ys.iter().filter(|id| !xs.contains(id)) {
                    let name = self.name(names, id);
                    self.push(order, path, format!("{}.", added.replace("{}", &name)));
                }
                for id in xs.iter().filter(|id| !ys.contains(id)) {
                    let name = self.name(names, id);
                    self.push(order, path, format!("{}.", removed.replace("{}", &name)));
                }
                return;
            }
            Rule::Keyed { key, noun, names } => {
                return self.keyed(order, path, (key, noun, names), a, b);
            }
        };
        self.push(order, path, says);
    }

    /// Entries matched by their key: added first, then removed, then changed in place.
    fn keyed(
        &mut self,
        order: usize,
        path: &str,
        (key, noun, names): (&str, &str, Names),
        a: &Value,
        b: &Value,
    ) {
        let entries = |v: &Value| -> Vec<(String, Value)> {
            v.as_array()
                .map(|items| {
                    items
                        .iter()
                        .map(|item| (item.get(key).map(plain).unwrap_or_default(), item.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (xs, ys) = (entries(a), entries(b));
        let find = |list: &[(String, Value)], k: &str| {
            list.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone())
        };
        for (k, _) in ys.iter().filter(|(k, _)| find(&xs, k).is_none()) {
            let says = format!("Added {noun}: {}.", self.name(names, k));
            self.push(order, path, says);
        }
        for (k, _) in xs.iter().filter(|(k, _)| find(&ys, k).is_none()) {
            let says = format!("Removed {noun}: {}.", self.name(names, k));
            self.push(order, path, says);
        }
        for (k, new) in &ys {
            let Some(old) = find(&xs, k).filter(|old| old != new) else {
                continue;
            };
            let parts = changed_parts(path, &old, new);
            let says = format!(
                "Changed {noun} {}: {}.",
                self.name(names, k),
                parts.join(", ")
            );
            self.push(order, path, says);
        }
    }

    fn name(&self, names: Names, id: &str) -> String {
        let cat = self.library.catalogues();
        let found = match names {
            Names::Plain => Some(id.to_owned()),
            Names::Spelled => Some(id.replace(['-', '_'], " ")),
            Names::Vendor => cat
                .vendor(id)
                .map(|v| match cat.vendor_category(&v.category) {
                    Some(kind) => format!("{} ({})", v.name, lower_first(&kind.label)),
                    None => v.name.clone(),
                }),
            Names::Category => cat.category(id).map(|c| lower_first(&c.label)),
            Names::Purpose => cat.purpose(id).map(|p| lower_first(&p.label)),
            Names::Region => cat.jurisdiction(id).map(|j| j.name.clone()),
        };
        // An id the catalogue no longer knows is still named, by its id.
        found.unwrap_or_else(|| id.to_owned())
    }
}

/// The labels of the parts of a keyed entry that differ.
fn changed_parts(path: &str, old: &Value, new: &Value) -> Vec<String> {
    let empty = Map::new();
    let (oa, ob) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = oa.keys().chain(ob.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut parts: Vec<(usize, String)> = keys
        .into_iter()
        .filter(|k| oa.get(*k) != ob.get(*k))
        .map(|k| match phrases::rule(&format!("{path}[].{k}")) {
            Some((i, Rule::Part(label))) => (i, label.to_owned()),
            _ => (usize::MAX, k.replace('_', " ")),
        })
        .collect();
    parts.sort();
    parts.into_iter().map(|(_, label)| label).collect()
}

fn text_change(label: &str, a: &Value, b: &Value) -> String {
    let (old, new) = (plain(a), plain(b));
    let short = |s: &str| s.chars().count() <= 80 && !s.contains('\n');
    match (old.trim().is_empty(), new.trim().is_empty()) {
        (true, _) => format!("Added {label}: “{}”.", new.trim()),
        (_, true) => format!("Removed {label}."),
        _ if short(&old) && short(&new) => {
            format!("Changed {label} from “{}” to “{}”.", old.trim(), new.trim())
        }
        _ => format!("Changed {label}."),
    }
}

/// A JSON value as text: strings as they are, others in JSON.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A choice for reading: "no answer", "yes", "no", numbers, or the choice's words.
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "no answer".to_owned(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::String(s) if s.trim().is_empty() => "no answer".to_owned(),
        Value::String(s) => s.replace(['-', '_'], " "),
        other => other.to_string(),
    }
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(plain).collect())
        .unwrap_or_default()
}

/// "Customer support" → "customer support", but "IP address" stays as it is.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}
