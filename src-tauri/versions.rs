//! The version commands: publish, history, change summary, diff and export of a past version,
//! as thin wrappers over `policywright::versions`; and the record of what each window's open
//! project file held when it was read, so a save does not silently replace a file something
//! else (another window, a CLI publish) wrote since.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use policywright::export::{ExportOptions, ExportReport};
use policywright::project_file::{self, FileStamp, ProjectFileError};
use policywright::versions::diff::PolicyDiff;
use policywright::versions::our_side::{self, OurSide};
use policywright::versions::summary::{self, ChangeSummary};
use policywright::versions::{self, PublishError};
use policywright::{Finding, Library, Project};
use serde::Serialize;
use tauri::State;

use crate::commands::{CommandError, off_ui};
use crate::scope::Granted;
use crate::session::{AppFiles, Recoveries};

/// The error code of a save refused because the file changed on disk; the UI asks the owner
/// and saves again with `overwrite`.
pub const CHANGED_ON_DISK: &str = "changed-on-disk";

/// What each window's project files held when it last read or wrote them, by window and path;
/// and which of them a window is reading or writing right now.
#[derive(Default)]
pub struct OpenedFiles {
    stamps: Mutex<HashMap<(String, PathBuf), FileStamp>>,
    busy: Mutex<HashSet<(String, PathBuf)>>,
}

/// While alive, `window` is reading or writing `path` (an open, a save or a publish), so what is
/// on disk may be newer than its record without anything else having written it. Dropped after
/// the record.
pub struct Busy<'a> {
    files: &'a OpenedFiles,
    key: (String, PathBuf),
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.files
            .busy
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.key);
    }
}

impl OpenedFiles {
    /// Records what `window` read or wrote at `path`.
    pub fn record(&self, window: &str, path: &Path, stamp: FileStamp) {
        self.stamps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((window.to_owned(), path.to_path_buf()), stamp);
    }

    /// What `window` last read or wrote at `path`, if anything.
    pub fn get(&self, window: &str, path: &Path) -> Option<FileStamp> {
        self.stamps
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&(window.to_owned(), path.to_path_buf()))
            .cloned()
    }

    /// What a save by `window` to `path` expects to find there: what it last read or wrote, or
    /// nothing with `overwrite` (the owner chose to replace whatever is there).
    pub fn expected(&self, window: &str, path: &Path, overwrite: bool) -> Option<FileStamp> {
        if overwrite {
            None
        } else {
            self.get(window, path)
        }
    }

    /// Marks `window` as reading or writing `path` until the returned guard is dropped: keep it
    /// until after [`OpenedFiles::record`].
    pub fn busy(&self, window: &str, path: &Path) -> Busy<'_> {
        let key = (window.to_owned(), path.to_path_buf());
        self.busy
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.clone());
        Busy { files: self, key }
    }

    /// Whether `window` is reading or writing `path` now.
    pub fn is_busy(&self, window: &str, path: &Path) -> bool {
        self.busy
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&(window.to_owned(), path.to_path_buf()))
    }
}

/// The error code of a publish date that cannot be used (not a date, or before the last
/// version's): the UI shows it beside the date field.
pub const BAD_DATE: &str = "bad-date";

impl From<PublishError> for CommandError {
    fn from(e: PublishError) -> Self {
        let message = e.to_string();
        match e {
            PublishError::Invalid(findings) => CommandError {
                message,
                findings,
                code: None,
            },
            PublishError::DateBeforeLast { .. } => CommandError {
                message,
                findings: Vec::new(),
                code: Some(BAD_DATE.to_owned()),
            },
            _ => CommandError::new(message),
        }
    }
}

/// Saves `project` to `path` through the core, unless the file is no longer `expected` (what the
/// window read or wrote there): then refused with [`CHANGED_ON_DISK`] as its code. Returns what
/// was written, for the window's record.
pub fn save_checked(
    project: &Project,
    path: &Path,
    library_version: &str,
    expected: Option<FileStamp>,
) -> Result<FileStamp, CommandError> {
    project_file::save_checked(project, path, library_version, expected.as_ref()).map_err(|e| {
        let changed = matches!(e, ProjectFileError::ChangedOnDisk { .. });
        let mut error = CommandError::new(e.to_string());
        if changed {
            error.code = Some(CHANGED_ON_DISK.to_owned());
        }
        error
    })
}

/// What a publish did.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PublishOutcome {
    /// The project with its new version: the window's answers from now on.
    pub project: Project,
    /// The new version's number.
    pub number: u32,
    /// Warnings about the answers.
    pub findings: Vec<Finding>,
    /// Notes about the dates.
    pub notes: Vec<String>,
}

/// Publishes the answers as a new version dated `date` (`YYYY-MM-DD`, default today) and saves
/// the project file, refusing when the file changed on disk since the window read it (unless
/// `overwrite`). Like a save, it makes this app's recovery file redundant.
#[tauri::command]
#[allow(
    clippy::too_many_arguments,
    reason = "Tauri passes each argument and state separately"
)]
pub async fn publish_version<R: tauri::Runtime>(
    window: tauri::Window<R>,
    path: PathBuf,
    project: Project,
    summary: Option<String>,
    date: Option<String>,
    overwrite: Option<bool>,
    library: State<'_, Arc<Library>>,
    files: State<'_, AppFiles>,
    recoveries: State<'_, Arc<Recoveries>>,
    granted: State<'_, Granted>,
    opened: State<'_, OpenedFiles>,
) -> Result<PublishOutcome, CommandError> {
    crate::commands::project_path(&path)?;
    granted.check_project(&path, &files.recent)?;
    let date = match date.as_deref() {
        None => versions::today(),
        Some(text) => policywright::assemble::parse_date(text).ok_or_else(|| CommandError {
            message: format!("date: \"{text}\" is not a date; write it as 2026-03-01"),
            findings: Vec::new(),
            code: Some(BAD_DATE.to_owned()),
        })?,
    };
    let expected = opened.expected(window.label(), &path, overwrite.unwrap_or(false));
    let library = Arc::clone(&library);
    let files = files.inner().clone();
    let recoveries = Arc::clone(&recoveries);
    let busy = opened.busy(window.label(), &path);
    let (published, stamp) = off_ui({
        let path = path.clone();
        move || {
            let summary = summary.unwrap_or_default();
            let published = versions::publish(&project, &library, date, &summary)?;
            let stamp = save_checked(&published.project, &path, library.version(), expected)?;
            files.remember(&path);
            recoveries.clear()?;
            Ok((published, stamp))
        }
    })
    .await?;
    opened.record(window.label(), &path, stamp);
    drop(busy);
    Ok(PublishOutcome {
        project: published.project,
        number: published.number,
        findings: published.findings,
        notes: published.notes,
    })
}

/// One published version, without its stored answers and text.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct VersionRow {
    /// Its number.
    pub number: u32,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// What changed.
    pub summary: String,
    /// The stored text still matches its hash.
    pub intact: bool,
    /// The clause library it was written with.
    pub library_version: String,
}

/// The project's published versions, oldest first.
#[tauri::command]
pub fn version_history(project: Project) -> Vec<VersionRow> {
    project
        .history
        .iter()
        .map(|v| VersionRow {
            number: v.number,
            date: v.date.clone(),
            summary: v.summary.clone(),
            intact: versions::published_markdown(v).is_ok(),
            library_version: v.content.library_version.clone(),
        })
        .collect()
}

/// What changed since the last published version: the owner's changes and ours.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Changes {
    /// The owner's changes, in plain words.
    pub owner: ChangeSummary,
    /// What changed in our library, catalogues or law data; none when nothing was published.
    pub ours: Option<OurSide>,
}

/// The change summary and what changed on our side, since the last published version.
#[tauri::command]
pub async fn change_summary(
    project: Project,
    library: State<'_, Arc<Library>>,
) -> Result<Changes, CommandError> {
    let library = Arc::clone(&library);
    off_ui(move || {
        let fail = |e: summary::OldAnswersError| CommandError::new(e.to_string());
        Ok(Changes {
            owner: summary::since_latest(&project, &library).map_err(fail)?,
            ours: our_side::since_latest(&project, &library).map_err(fail)?,
        })
    })
    .await
}

/// The word-level difference from version `from` (default: the latest) to version `to`
/// (default: the current answers).
#[tauri::command]
pub async fn version_diff(
    project: Project,
    from: Option<u32>,
    to: Option<u32>,
    library: State<'_, Arc<Library>>,
) -> Result<PolicyDiff, CommandError> {
    let library = Arc::clone(&library);
    off_ui(move || {
        let fail = |e: versions::VersionError| CommandError::new(e.to_string());
        let latest = versions::latest(&project)
            .ok_or_else(|| fail(versions::VersionError::NothingPublished))?;
        let text = |number: u32| -> Result<(String, String), CommandError> {
            let v = versions::find(&project, number).map_err(fail)?;
            let md = versions::published_markdown(v).map_err(fail)?;
            Ok((md.to_owned(), format!("version {} ({})", v.number, v.date)))
        };
        let (old, from_label) = text(from.unwrap_or(latest.number))?;
        let (new, to_label) = match to {
            Some(number) => text(number)?,
            None => (
                versions::current_markdown(&project, &library).map_err(fail)?,
                "the current answers".to_owned(),
            ),
        };
        Ok(versions::diff::diff(&old, &new, &from_label, &to_label))
    })
    .await
}

/// Exports published version `number` into `dir` (a folder the owner chose) as
/// `<stem>-v<number>.<ext>`: its Markdown as published, HTML and PDF from its stored text.
#[tauri::command]
pub async fn export_version(
    project: Project,
    number: u32,
    options: ExportOptions,
    dir: PathBuf,
    stem: String,
    library: State<'_, Arc<Library>>,
    granted: State<'_, Granted>,
) -> Result<ExportReport, CommandError> {
    let library = Arc::clone(&library);
    crate::commands::export_into(&granted, dir, stem, move |dir, stem| {
        versions::export::export_version(&project, number, &library, &options, dir, stem)
            .map_err(|e| CommandError::new(e.to_string()))
    })
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mock::{call, choose, recovery_files, save_as, webview};

    #[test]
    fn a_save_over_a_file_changed_on_disk_is_refused_with_a_code_until_the_owner_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let path = dir.path().join("tea.policy.json");
        let project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        save_as(&w, dir.path(), &path, &project);
        let opened = call(&w, "open_project", json!({ "path": path })).unwrap();

        // `policywright publish` writes the file while the window has it open.
        let lib = policywright::Library::load().unwrap();
        let on_disk = policywright::project_file::load(&path).unwrap();
        let published = policywright::versions::publish(
            &on_disk,
            &lib,
            policywright::assemble::parse_date("2026-02-01").unwrap(),
            "From the command line.",
        )
        .unwrap();
        policywright::project_file::save(&published.project, &path, lib.version()).unwrap();
        let written = std::fs::read(&path).unwrap();

        let err = call(
            &w,
            "save_project",
            json!({ "path": path, "project": opened }),
        )
        .unwrap_err();
        assert_eq!(err["code"], super::CHANGED_ON_DISK, "{err}");
        assert!(err["message"].as_str().unwrap().contains("changed on disk"));
        assert_eq!(std::fs::read(&path).unwrap(), written, "nothing lost");
        call(
            &w,
            "save_project",
            json!({ "path": path, "project": opened, "overwrite": true }),
        )
        .expect("the owner chose to replace it");
        call(
            &w,
            "save_project",
            json!({ "path": path, "project": opened }),
        )
        .expect("what this window wrote is what it expects now");
    }

    #[test]
    fn publish_list_summarise_diff_and_export_a_version() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let path = dir.path().join("tea.policy.json");
        let project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        save_as(&w, dir.path(), &path, &project);
        call(&w, "autosave", json!({ "project": project, "path": path })).unwrap();
        assert_eq!(recovery_files(dir.path()).len(), 1);
        let first = call(
            &w,
            "publish_version",
            json!({ "path": path, "project": project, "summary": "First.", "date": "2026-02-01" }),
        )
        .unwrap();
        assert_eq!(first["number"], 1);
        let mut project = first["project"].clone();
        assert_eq!(
            policywright::project_file::load(&path)
                .unwrap()
                .history
                .len(),
            1,
            "publishing saved the file"
        );
        assert!(
            recovery_files(dir.path()).is_empty(),
            "so the recovery file is redundant"
        );
        project["vendors"]["catalogue"]
            .as_array_mut()
            .unwrap()
            .push("intercom".into());
        let changes = call(&w, "change_summary", json!({ "project": project })).unwrap();
        assert_eq!(
            changes["owner"]["changes"][0]["says"],
            "Added vendor: Intercom (customer support)."
        );
        assert_eq!(changes["ours"]["parts"], json!([]));
        let diff = call(&w, "version_diff", json!({ "project": project })).unwrap();
        assert!(
            diff["sections"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["status"] == "changed"),
            "{diff}"
        );
        let second = call(
            &w,
            "publish_version",
            json!({ "path": path, "project": project, "date": "2026-06-01" }),
        )
        .unwrap();
        let err = call(
            &w,
            "publish_version",
            json!({ "path": path, "project": second["project"], "date": "2026-05-01" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], super::BAD_DATE, "{err}");
        let err = call(
            &w,
            "publish_version",
            json!({ "path": path, "project": second["project"], "date": "June" }),
        )
        .unwrap_err();
        assert_eq!(err["code"], super::BAD_DATE, "{err}");
        let rows = call(
            &w,
            "version_history",
            json!({ "project": second["project"] }),
        )
        .unwrap();
        assert_eq!(
            rows[1]["summary"],
            "Added vendor: Intercom (customer support)."
        );
        assert_eq!(rows[0]["intact"], true);

        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        choose(&w, dir.path(), "choose_export_folder", &out);
        let options = json!({ "format": "md", "fragment": false, "front_matter": false });
        let report = call(
            &w,
            "export_version",
            json!({ "project": second["project"], "number": 1, "options": options, "dir": out, "stem": "tea" }),
        )
        .unwrap();
        assert_eq!(report["files"].as_array().unwrap().len(), 1);
        let md = std::fs::read_to_string(out.join("tea-v1.md")).unwrap();
        assert_eq!(
            md,
            first["project"]["history"][0]["markdown"].as_str().unwrap()
        );
    }
}
