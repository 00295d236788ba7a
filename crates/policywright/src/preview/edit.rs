//! Edits to a project as the app sends them: a path into the project's JSON and what to put
//! there. One keystroke is one small edit instead of the whole project.
//!
//! Edits are applied to the project's JSON form and the result read back through the same serde
//! rules as a project file, so an edit can never make a project that a saved file could not be.

use serde::Deserialize;
use serde_json::Value;

use crate::model::Project;

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum PathKey {
    /// An index into an array.
    Index(usize),
    /// A key of an object.
    Key(String),
}

/// A change to one place in the project.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum Edit {
    /// Puts `value` at `path`: replaces an array element or an object's key, or adds the key.
    Set {
        /// Where, from the project's root.
        path: Vec<PathKey>,
        /// The new value, as JSON.
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    /// Removes an object's key (an answer left blank).
    Remove {
        /// Where, from the project's root.
        path: Vec<PathKey>,
    },
}

/// An edit that does not fit the project.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The path does not lead to a place the edit can change.
    #[error("the edit's path {0} does not lead to an answer")]
    NoSuchPath(String),
    /// The edited answers are not a valid project.
    #[error("the edited answers are not a valid project: {0}")]
    Invalid(#[from] serde_json::Error),
}

fn describe(path: &[PathKey]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|k| match k {
            PathKey::Index(i) => format!("[{i}]"),
            PathKey::Key(k) => format!(".{k}"),
        })
        .collect();
    format!("`{}`", parts.concat())
}

/// The container the last step of `path` points into, and that last step.
fn parent<'a>(
    root: &'a mut Value,
    path: &'a [PathKey],
) -> Result<(&'a mut Value, &'a PathKey), EditError> {
    let no_path = || EditError::NoSuchPath(describe(path));
    let (last, steps) = path.split_last().ok_or_else(no_path)?;
    let mut at = root;
    for step in steps {
        at = match (at, step) {
            (Value::Object(map), PathKey::Key(k)) => map.get_mut(k),
            (Value::Array(items), PathKey::Index(i)) => items.get_mut(*i),
            _ => None,
        }
        .ok_or_else(no_path)?;
    }
    Ok((at, last))
}

fn apply_one(root: &mut Value, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::Set { path, value } => {
            let no_path = || EditError::NoSuchPath(describe(path));
            match parent(root, path)? {
                (Value::Object(map), PathKey::Key(k)) => {
                    map.insert(k.clone(), value.clone());
                }
                (Value::Array(items), PathKey::Index(i)) => {
                    *items.get_mut(*i).ok_or_else(no_path)? = value.clone();
                }
                _ => return Err(no_path()),
            }
        }
        Edit::Remove { path } => match parent(root, path)? {
            (Value::Object(map), PathKey::Key(k)) => {
                map.remove(k);
            }
            _ => return Err(EditError::NoSuchPath(describe(path))),
        },
    }
    Ok(())
}

/// Applies `edits` in order to `json` (a project's JSON form) and reads the result as a project.
/// On an error `json` may be partly edited; the caller keeps its previous copy.
pub fn apply_edits(json: &mut Value, edits: &[Edit]) -> Result<Project, EditError> {
    for edit in edits {
        apply_one(json, edit)?;
    }
    Ok(Project::deserialize(&*json)?)
}

/// Puts back what [`apply_edits_in_place`] replaced.
pub(crate) struct Undo(Box<dyn FnOnce(&mut Project) + Send>);

impl Undo {
    pub(crate) fn restore(self, project: &mut Project) {
        (self.0)(project);
    }
}

/// Applies `edits` (all or none) to `json`, the JSON form of `project`, and reads the result
/// into `project` in place (copying a 1,000-entry project took ~0.7 ms of a keystroke). A
/// keystroke edits one answer: when every edit lies under one top-level answer, only that answer
/// is read back (on a large project, reading all of it back costs more than everything else an
/// edit does); otherwise the whole project is. The [`Undo`] returned puts back what was
/// replaced. On an error `project` is unchanged and `json` may be partly edited.
pub(crate) fn apply_edits_in_place(
    project: &mut Project,
    json: &mut Value,
    edits: &[Edit],
) -> Result<Undo, EditError> {
    for edit in edits {
        apply_one(json, edit)?;
    }
    let mut keys = edits.iter().map(|e| match e {
        Edit::Set { path, .. } | Edit::Remove { path } => path.first(),
    });
    let first = keys.next().flatten();
    if let Some(PathKey::Key(key)) = first
        && keys.all(|k| k == first)
        && let Some(value) = json.get(key)
        && let Some(undo) = read_answer(project, key, value)?
    {
        return Ok(undo);
    }
    let old = std::mem::replace(project, Project::deserialize(&*json)?);
    Ok(Undo(Box::new(move |p| *p = old)))
}

/// Reads `value` into the answer named `key`, returning how to put back the answer it replaced;
/// None when `key` is not one listed here, and the caller reads the whole project instead. On an
/// error the answer is unchanged. The answers listed carry no serde attribute but `default`,
/// which does not apply to a value that is present, so reading one alone gives what reading the
/// whole project would.
fn read_answer(
    project: &mut Project,
    key: &str,
    value: &Value,
) -> Result<Option<Undo>, serde_json::Error> {
    macro_rules! answers {
        ($($name:ident),* $(,)?) => {
            match key {
                $(stringify!($name) => {
                    let old = std::mem::replace(&mut project.$name, Deserialize::deserialize(value)?);
                    Ok(Some(Undo(Box::new(move |p: &mut Project| p.$name = old))))
                })*
                _ => Ok(None),
            }
        };
    }
    answers!(
        language,
        effective_date,
        organisation,
        products,
        processes_customer_data,
        data,
        purposes,
        vendors,
        cookies,
        jurisdictions,
        children,
        marketing,
        sale_and_sharing,
        automated_decisions,
        transfers,
        security,
        certified_to,
        backups,
        breach,
        rights,
        policy_changes,
        style,
        minors,
        sensitive,
        ai,
        tracking,
        complaints,
        governance,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn blank() -> Value {
        serde_json::to_value(Project::blank()).expect("serialises")
    }

    fn key(k: &str) -> PathKey {
        PathKey::Key(k.to_owned())
    }

    #[test]
    fn edits_arrive_as_the_ui_writes_them() {
        let edits: Vec<Edit> = serde_json::from_value(json!([
            { "op": "set", "path": ["organisation", "legal_name"], "value": "Wren Ltd" },
            { "op": "set", "path": ["products"], "value": [{ "name": "App", "kind": "website" }] },
            { "op": "set", "path": ["products", 0, "name"], "value": "Wren app" },
            { "op": "set", "path": ["products", 0, "url"], "value": "https://wren.example" },
            { "op": "remove", "path": ["products", 0, "url"] },
        ]))
        .expect("edits parse");
        let mut json = blank();
        let project = apply_edits(&mut json, &edits).expect("applies");
        assert_eq!(project.organisation.legal_name, "Wren Ltd");
        assert_eq!(project.products.len(), 1);
        assert_eq!(project.products[0].name, "Wren app");
        assert_eq!(project.products[0].url, None);
    }

    #[test]
    fn a_path_that_leads_nowhere_is_an_error_naming_it() {
        let cases = [
            Edit::Set {
                path: vec![key("products"), PathKey::Index(3)],
                value: json!({}),
            },
            Edit::Set {
                path: vec![key("nothing"), key("here")],
                value: json!(1),
            },
            Edit::Remove {
                path: vec![key("jurisdictions"), PathKey::Index(0)],
            },
            Edit::Set {
                path: vec![],
                value: json!({}),
            },
        ];
        for edit in cases {
            let err = apply_edits(&mut blank(), std::slice::from_ref(&edit)).unwrap_err();
            assert!(matches!(err, EditError::NoSuchPath(_)), "{edit:?}: {err}");
        }
        let err = apply_edits(
            &mut blank(),
            &[Edit::Set {
                path: vec![key("products"), PathKey::Index(0)],
                value: json!({}),
            }],
        )
        .unwrap_err();
        assert!(err.to_string().contains("`.products[0]`"), "{err}");
    }

    #[test]
    fn an_edit_that_breaks_the_project_is_refused_like_a_bad_file() {
        let unknown = Edit::Set {
            path: vec![key("organisation"), key("nickname")],
            value: json!("x"),
        };
        let wrong_type = Edit::Set {
            path: vec![key("processes_customer_data")],
            value: json!("yes"),
        };
        for edit in [unknown, wrong_type] {
            let err = apply_edits(&mut blank(), &[edit]).unwrap_err();
            assert!(matches!(err, EditError::Invalid(_)), "{err}");
        }
    }

    /// Each answer read alone gives the project that reading all of it gives, and a bad value is
    /// refused the same way.
    #[test]
    fn reading_back_one_answer_equals_reading_back_the_whole_project() {
        let saas = crate::examples::example("saas").expect("saas example");
        let saas = crate::project_file::parse(saas, std::path::Path::new("saas")).expect("parses");
        let full = serde_json::to_value(&saas).expect("serialises");
        let Value::Object(answers) = &full else {
            panic!("a project is an object")
        };
        let mut read_alone = 0;
        for (name, value) in answers {
            let mut json = blank();
            let edit = [Edit::Set {
                path: vec![key(name)],
                value: value.clone(),
            }];
            let mut fast = Project::blank();
            let Ok(undo) = apply_edits_in_place(&mut fast, &mut json.clone(), &edit) else {
                panic!("{name} applies")
            };
            let whole = apply_edits(&mut json, &edit).expect("applies");
            assert_eq!(fast, whole, "{name}");
            undo.restore(&mut fast);
            assert_eq!(fast, Project::blank(), "{name} put back");
            let alone = read_answer(&mut Project::blank(), name, value).expect("reads");
            read_alone += usize::from(alone.is_some());
        }
        let expected = answers
            .keys()
            .filter(|k| !matches!(k.as_str(), "schema_version" | "saved_with"))
            .count();
        assert_eq!(
            read_alone, expected,
            "all but schema_version and saved_with"
        );
        let bad = [Edit::Set {
            path: vec![key("organisation"), key("nickname")],
            value: json!("x"),
        }];
        let mut project = Project::blank();
        let refused = apply_edits_in_place(&mut project, &mut blank(), &bad);
        assert!(matches!(refused, Err(EditError::Invalid(_))));
        assert_eq!(project, Project::blank(), "a refused edit changes nothing");
    }
}
