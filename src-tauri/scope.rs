//! Where the window may read and write on disk. The webview is the least trusted part of the app
//! (it shows the owner's text, and the preview shows links), so the commands that open, write or
//! hand files to other apps take only paths the owner chose: a project picked in the Open or Save
//! dialog (or opened from there), one on the recent-projects list, a folder picked in the export
//! dialog, or a file the app itself exported. A path that merely arrives over IPC opens nothing.
//!
//! The grants live for the app's run, in app state; the recent list is read from its file each
//! time, so removing a project from it also withdraws it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::commands::CommandError;

/// The paths the owner has granted the window in this run.
#[derive(Debug, Default)]
pub struct Granted {
    projects: Mutex<HashSet<PathBuf>>,
    export_folders: Mutex<HashSet<PathBuf>>,
    exported: Mutex<HashSet<PathBuf>>,
}

/// A set is only ever inserted into or read; one left by a panicking thread is still whole.
fn lock(set: &Mutex<HashSet<PathBuf>>) -> MutexGuard<'_, HashSet<PathBuf>> {
    set.lock().unwrap_or_else(|e| e.into_inner())
}

impl Granted {
    /// A project file the owner picked in a dialog, opened or restored.
    pub fn project(&self, path: &Path) {
        lock(&self.projects).insert(path.to_path_buf());
    }

    /// A folder the owner picked to export into.
    pub fn export_folder(&self, dir: &Path) {
        lock(&self.export_folders).insert(dir.to_path_buf());
    }

    /// Files an export wrote.
    pub fn exported<'a>(&self, files: impl IntoIterator<Item = &'a PathBuf>) {
        lock(&self.exported).extend(files.into_iter().cloned());
    }

    /// `path` may be opened or saved: granted in this run, or on the recent list in `recent`.
    pub fn check_project(&self, path: &Path, recent: &Path) -> Result<(), CommandError> {
        let on_recent_list = || {
            policywright::recent::list(recent)
                .iter()
                .any(|r| r.path == path)
        };
        if lock(&self.projects).contains(path) || on_recent_list() {
            return Ok(());
        }
        Err(refused(
            path,
            "choose the project in the Open or Save dialog",
        ))
    }

    /// `dir` may be exported into: the owner picked it in this run.
    pub fn check_export_folder(&self, dir: &Path) -> Result<(), CommandError> {
        if lock(&self.export_folders).contains(dir) {
            return Ok(());
        }
        Err(refused(dir, "choose the folder in the export dialog"))
    }

    /// `file` may be opened or shown: the app exported it in this run.
    pub fn check_exported(&self, file: &Path) -> Result<(), CommandError> {
        if lock(&self.exported).contains(file) {
            return Ok(());
        }
        Err(refused(file, "export it first"))
    }
}

fn refused(path: &Path, instead: &str) -> CommandError {
    CommandError::new(format!(
        "Policywright did not offer {} in a dialog: {instead}",
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_was_granted_passes() {
        let dir = tempfile::tempdir().unwrap();
        let recent = dir.path().join("recent.json");
        let granted = Granted::default();
        let tea = dir.path().join("tea.policy.json");
        let other = dir.path().join("other.policy.json");
        assert!(granted.check_project(&tea, &recent).is_err());
        granted.project(&tea);
        assert!(granted.check_project(&tea, &recent).is_ok());
        assert!(granted.check_project(&other, &recent).is_err());
        policywright::recent::remember(&recent, &other).unwrap();
        assert!(granted.check_project(&other, &recent).is_ok(), "recent");
        policywright::recent::forget(&recent, &other).unwrap();
        assert!(granted.check_project(&other, &recent).is_err(), "withdrawn");

        let out = dir.path().join("out");
        let err = granted.check_export_folder(&out).unwrap_err();
        assert!(err.message.contains("choose the folder"), "{}", err.message);
        granted.export_folder(&out);
        assert!(granted.check_export_folder(&out).is_ok());
        assert!(
            granted.check_export_folder(dir.path()).is_err(),
            "not the parent"
        );

        let html = out.join("tea.html");
        assert!(granted.check_exported(&html).is_err());
        granted.exported([&html]);
        assert!(granted.check_exported(&html).is_ok());
        assert!(granted.check_exported(&out.join("tea.md")).is_err());
    }
}

/// The scope and the capability file at work, through IPC as the window calls them.
#[cfg(test)]
mod ipc_tests {
    use serde_json::{Value, json};

    use crate::mock::{call, call_from, choose, save_as, webview, webview_with_capabilities};

    fn message(err: Value) -> String {
        err["message"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| err.to_string())
    }

    #[test]
    fn commands_take_only_paths_the_owner_chose() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let project = call(&w, "new_project", json!({ "example": "saas" })).unwrap();

        let deep = dir.path().join("created/by/webview/z.policy.json");
        let err = call(
            &w,
            "save_project",
            json!({ "path": deep, "project": project }),
        );
        assert!(message(err.unwrap_err()).contains("did not offer"));
        assert!(!dir.path().join("created").exists(), "no folders made");

        let err = call(&w, "open_project", json!({ "path": "/etc/passwd" })).unwrap_err();
        assert!(message(err).contains("did not offer"));

        let victims = dir.path().join("victims");
        std::fs::create_dir(&victims).unwrap();
        std::fs::write(victims.join("index.html"), "VICTIM").unwrap();
        let options = json!({ "format": "html", "fragment": false, "front_matter": false });
        let export =
            json!({ "project": project, "options": options, "dir": victims, "stem": "index" });
        let err = call(&w, "export_policy", export.clone()).unwrap_err();
        assert!(message(err).contains("choose the folder"));
        assert_eq!(
            std::fs::read_to_string(victims.join("index.html")).unwrap(),
            "VICTIM"
        );
        for command in ["open_exported", "show_exported"] {
            let path = victims.join("index.html");
            let err = call(&w, command, json!({ "path": path })).unwrap_err();
            assert!(message(err).contains("export it first"), "{command}");
        }

        // Chosen in the dialogs: allowed.
        choose(&w, dir.path(), "choose_export_folder", &victims);
        let report = call(&w, "export_policy", export).unwrap();
        assert_eq!(report["files"], json!([victims.join("index.html")]));
        let mine = dir.path().join("mine.policy.json");
        save_as(&w, dir.path(), &mine, &project);

        // The next run may open it from the recent list, and save it back, but nothing else.
        let next = webview(dir.path());
        call(&next, "open_project", json!({ "path": mine })).unwrap();
        call(
            &next,
            "save_project",
            json!({ "path": mine, "project": project }),
        )
        .unwrap();
        let err = call(
            &next,
            "save_project",
            json!({ "path": deep, "project": project }),
        );
        assert!(err.is_err());
    }

    #[test]
    fn the_window_may_call_our_commands_and_only_the_core_calls_it_needs() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview_with_capabilities(dir.path());
        assert_eq!(
            call(&w, "examples", json!({})).unwrap()[0]["name"],
            json!("saas")
        );
        let denied = |cmd: &str, args: Value| {
            let err = call(&w, cmd, args).expect_err(cmd);
            let text = message(err);
            assert!(text.contains("not allowed"), "{cmd}: {text}");
        };
        // All of these were allowed by core:default or are plugin APIs the UI does not use.
        denied(
            "plugin:event|emit",
            json!({ "event": "x", "payload": null }),
        );
        denied("plugin:window|set_size", json!({ "label": "main" }));
        denied("plugin:window|close", json!({ "label": "main" }));
        denied("plugin:webview|print", json!({ "label": "main" }));
        denied("plugin:path|resolve_directory", json!({ "directory": 1 }));
        denied("plugin:app|version", json!({}));
        denied(
            "plugin:opener|open_url",
            json!({ "url": "https://example.com" }),
        );
        denied("plugin:opener|open_path", json!({ "path": "/etc/passwd" }));
        denied("plugin:dialog|open", json!({ "options": {} }));
        denied("plugin:clipboard-manager|read_text", json!({}));
        // What the UI does use passes the access check (the mock window may still fail it).
        for (cmd, args) in [
            (
                "plugin:window|set_title",
                json!({ "label": "main", "value": "t" }),
            ),
            ("plugin:window|destroy", json!({ "label": "main" })),
            (
                "plugin:event|unlisten",
                json!({ "event": "x", "eventId": 1 }),
            ),
        ] {
            if let Err(err) = call(&w, cmd, args) {
                let text = message(err);
                assert!(!text.contains("not allowed"), "{cmd}: {text}");
            }
        }
        // A page from anywhere else may call nothing at all.
        let err = call_from(&w, "https://evil.example/", "examples", json!({}));
        assert!(message(err.unwrap_err()).contains("not allowed"));
    }
}
