//! The live preview's commands. Each window's project stays here between keystrokes, so an edit
//! sends a path and a value and gets back only the sections that changed, instead of the whole
//! project going over IPC, being parsed and every section's HTML coming back.
//!
//! The UI numbers the states it sends. An edit names the state it applies to (`base`); when the
//! window's project is at another one (a lost or reordered request) the edit is refused and the
//! UI sends the whole project again, so the two sides never silently disagree.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use policywright::preview::{Edit, LiveError, LivePreview, Preview, PreviewUpdate};
use policywright::{Library, Project};
use tauri::{Manager, Runtime, State, WindowEvent};

use crate::commands::{CommandError, off_ui};

/// A window's project, with the number the UI gave its state.
struct Live {
    revision: u32,
    preview: LivePreview,
}

/// Every window's live preview, by window label.
#[derive(Default)]
pub struct LivePreviews(Mutex<HashMap<String, Arc<Mutex<Option<Live>>>>>);

impl LivePreviews {
    /// The window's slot, and whether it was just made (the caller then watches for the window
    /// closing, to drop its project).
    fn slot(&self, label: &str) -> (Arc<Mutex<Option<Live>>>, bool) {
        let mut all = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let new = !all.contains_key(label);
        let slot = all.entry(label.to_owned()).or_default();
        (Arc::clone(slot), new)
    }

    fn forget(&self, label: &str) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(label);
    }
}

impl From<LiveError> for CommandError {
    fn from(e: LiveError) -> Self {
        CommandError::new(e.to_string())
    }
}

/// Starts the window's live preview on `project` (numbered `revision` by the UI) and returns the
/// full preview. Also the way back after a refused edit.
#[tauri::command]
pub async fn preview_open<R: Runtime>(
    webview: tauri::Webview<R>,
    project: Project,
    revision: u32,
    library: State<'_, Arc<Library>>,
    previews: State<'_, LivePreviews>,
) -> Result<Preview, CommandError> {
    let label = webview.label().to_owned();
    let (slot, new) = previews.slot(&label);
    if new {
        let app = webview.app_handle().clone();
        webview.window().on_window_event(move |event| {
            if let WindowEvent::Destroyed = event {
                app.state::<LivePreviews>().forget(&label);
            }
        });
    }
    let library = Arc::clone(&library);
    off_ui(move || {
        let (preview, shown) = LivePreview::open(project, &library)?;
        *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(Live { revision, preview });
        Ok(shown)
    })
    .await
}

/// Applies `edits` to the window's project at `base`, which then becomes `revision`; returns what
/// changed in the preview. All or nothing: a refused edit leaves the project at `base`.
#[tauri::command]
pub async fn preview_edit<R: Runtime>(
    webview: tauri::Webview<R>,
    base: u32,
    revision: u32,
    edits: Vec<Edit>,
    library: State<'_, Arc<Library>>,
    previews: State<'_, LivePreviews>,
) -> Result<PreviewUpdate, CommandError> {
    let (slot, _) = previews.slot(webview.label());
    let library = Arc::clone(&library);
    off_ui(move || {
        let mut guard = slot.lock().unwrap_or_else(PoisonError::into_inner);
        let live = match guard.as_mut() {
            Some(live) if live.revision == base => live,
            Some(live) => {
                return Err(CommandError::new(format!(
                    "the preview is at answers {}, not {base}; send them all again",
                    live.revision
                )));
            }
            None => return Err(CommandError::new("no project is open for the preview")),
        };
        let update = live.preview.edit(&edits, &library)?;
        live.revision = revision;
        Ok(update)
    })
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::mock::{call, webview};

    fn sections(preview: &Value) -> Vec<String> {
        preview["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s["id"].as_str().expect("id").to_owned())
            .collect()
    }

    #[test]
    fn an_edit_returns_only_the_sections_it_changed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let w = webview(dir.path());
        let project = call(&w, "new_project", json!({ "example": "shop" })).expect("project");
        let full = call(
            &w,
            "preview_open",
            json!({ "project": project, "revision": 1 }),
        )
        .expect("opens");
        let edit = json!([{ "op": "set", "path": ["organisation", "email"], "value": "tea@elsewhere.example" }]);
        let update = call(
            &w,
            "preview_edit",
            json!({ "base": 1, "revision": 2, "edits": edit }),
        )
        .expect("edits");
        assert_eq!(update["order"], json!(sections(&full)));
        let changed = update["changed"].as_array().expect("changed");
        assert!(!changed.is_empty());
        assert!(changed.len() < full["sections"].as_array().expect("sections").len());
        assert!(changed.iter().any(|s| {
            s["html"]
                .as_str()
                .unwrap_or_default()
                .contains("tea@elsewhere.example")
        }));

        let same = call(
            &w,
            "preview_edit",
            json!({ "base": 2, "revision": 3, "edits": [] }),
        )
        .expect("edits");
        assert_eq!(same["changed"], json!([]), "nothing changed, nothing sent");
        assert_eq!(
            same["findings"],
            Value::Null,
            "findings unchanged, not sent"
        );
        let broken =
            json!([{ "op": "set", "path": ["organisation", "email"], "value": "tea at home" }]);
        let update = call(
            &w,
            "preview_edit",
            json!({ "base": 3, "revision": 4, "edits": broken }),
        )
        .expect("edits");
        assert!(
            update["findings"]
                .as_array()
                .expect("findings changed, so sent")
                .iter()
                .any(|f| f["field"] == "organisation.email"),
            "{update}"
        );
    }

    #[test]
    fn an_edit_on_other_answers_or_a_broken_one_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let w = webview(dir.path());
        let err = call(
            &w,
            "preview_edit",
            json!({ "base": 0, "revision": 1, "edits": [] }),
        )
        .unwrap_err();
        assert!(
            err["message"]
                .as_str()
                .unwrap_or_default()
                .contains("no project")
        );

        let project = call(&w, "new_project", json!({ "example": "saas" })).expect("project");
        call(
            &w,
            "preview_open",
            json!({ "project": project, "revision": 5 }),
        )
        .expect("opens");
        let name =
            json!([{ "op": "set", "path": ["organisation", "trading_name"], "value": "Renamed" }]);
        let err = call(
            &w,
            "preview_edit",
            json!({ "base": 4, "revision": 6, "edits": name }),
        )
        .unwrap_err();
        assert!(
            err["message"]
                .as_str()
                .unwrap_or_default()
                .contains("send them all again"),
            "{err}"
        );

        let broken = json!([
            { "op": "set", "path": ["organisation", "legal_name"], "value": "Half GmbH" },
            { "op": "set", "path": ["children"], "value": "many" },
        ]);
        assert!(
            call(
                &w,
                "preview_edit",
                json!({ "base": 5, "revision": 6, "edits": broken })
            )
            .is_err()
        );
        let update = call(
            &w,
            "preview_edit",
            json!({ "base": 5, "revision": 6, "edits": name }),
        )
        .expect("the project is still at 5, without the refused edit");
        assert_eq!(update["organisation"], "Renamed");
    }
}
