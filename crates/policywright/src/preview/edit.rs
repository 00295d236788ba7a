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
}
