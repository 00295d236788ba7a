//! Noticing that the open project's file changed on disk while the window had it open (a CLI
//! `policywright publish`, another window), before anything is saved: the window asks when it
//! gets the focus back, and offers to reload the file or to keep its own answers.
//!
//! The check compares the file's size and SHA-256 with what the window last read or wrote there
//! ([`OpenedFiles`]), the same record the save check uses. The window's own saves and publishes
//! update that record, and autosave writes the recovery file, not the project, so neither looks
//! like a change; while the window is itself reading or writing the file, there is nothing to
//! tell.

use std::path::PathBuf;

use policywright::project_file::{self, FileStamp};
use tauri::State;

use crate::commands::{CommandError, off_ui};
use crate::versions::OpenedFiles;

/// What is at `path` now, when it is no longer what this window last read or wrote there; none
/// when it is the same, when the window never read or wrote that file (so nothing else of the
/// disk is revealed), while the window is reading or writing it, or when the file is gone (the
/// next save writes it again).
#[tauri::command]
pub async fn disk_change<R: tauri::Runtime>(
    window: tauri::Window<R>,
    path: PathBuf,
    opened: State<'_, OpenedFiles>,
) -> Result<Option<FileStamp>, CommandError> {
    let label = window.label().to_owned();
    let Some(known) = opened.get(&label, &path) else {
        return Ok(None);
    };
    if opened.is_busy(&label, &path) {
        return Ok(None);
    }
    let now = off_ui({
        let path = path.clone();
        move || Ok(project_file::stamp(&path)?)
    })
    .await?;
    // Asked again after reading: a save that started meanwhile has updated the record, or will.
    if opened.is_busy(&label, &path) || opened.get(&label, &path).as_ref() != Some(&known) {
        return Ok(None);
    }
    Ok(now.filter(|now| *now != known))
}

/// The owner keeps this window's answers over the file that changed on disk: what `seen` says
/// (the change [`disk_change`] reported) becomes what the window expects there, so its next save
/// or publish replaces it without asking again. A later change on disk is still caught.
#[tauri::command]
pub fn keep_mine<R: tauri::Runtime>(
    window: tauri::Window<R>,
    path: PathBuf,
    seen: FileStamp,
    opened: State<'_, OpenedFiles>,
) -> Result<(), CommandError> {
    if opened.get(window.label(), &path).is_none() {
        return Err(CommandError::new(format!(
            "{}: this window has not opened that file",
            path.display()
        )));
    }
    opened.record(window.label(), &path, seen);
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::mock::{call, save_as, webview};

    fn publish_from_outside(path: &std::path::Path) {
        let lib = policywright::Library::load().unwrap();
        let on_disk = policywright::project_file::load(path).unwrap();
        let date = policywright::assemble::parse_date("2026-02-01").unwrap();
        let published =
            policywright::versions::publish(&on_disk, &lib, date, "From the command line.")
                .unwrap();
        policywright::project_file::save(&published.project, path, lib.version()).unwrap();
    }

    #[test]
    fn a_change_on_disk_is_told_before_a_save_and_never_after_the_window_s_own() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let path = dir.path().join("tea.policy.json");
        let project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        let check = || call(&w, "disk_change", json!({ "path": path })).unwrap();
        assert_eq!(
            check(),
            Value::Null,
            "never read or written: nothing to tell"
        );

        save_as(&w, dir.path(), &path, &project);
        assert_eq!(check(), Value::Null, "its own save");
        call(&w, "autosave", json!({ "project": project, "path": path })).unwrap();
        assert_eq!(check(), Value::Null, "autosave writes the recovery file");
        let opened = call(&w, "open_project", json!({ "path": path })).unwrap();
        let published = call(
            &w,
            "publish_version",
            json!({ "path": path, "project": opened, "date": "2026-01-20" }),
        )
        .unwrap();
        assert_eq!(check(), Value::Null, "its own publish");

        publish_from_outside(&path);
        let seen = check();
        assert_eq!(
            seen["sha256"].as_str().map(str::len),
            Some(64),
            "the CLI publish is told: {seen}"
        );
        call(&w, "keep_mine", json!({ "path": path, "seen": seen })).unwrap();
        assert_eq!(check(), Value::Null, "the owner chose to keep theirs");
        call(
            &w,
            "save_project",
            json!({ "path": path, "project": published["project"] }),
        )
        .expect("so the next save replaces the file without asking");
        assert_eq!(
            policywright::project_file::load(&path)
                .unwrap()
                .history
                .len(),
            1
        );
        let err = call(
            &w,
            "keep_mine",
            json!({ "path": dir.path().join("other.policy.json"), "seen": seen }),
        )
        .unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("not opened"));
    }
}
