//! Tauri commands: check the input, call the core (off the UI thread where it can take time),
//! and turn any error into the one shape the UI receives.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use policywright::catalogue::Catalogues;
use policywright::export::{ExportOptions, ExportReport, export};
use policywright::{Library, Project, examples, project_file};
use serde::Serialize;
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::scope::Granted;
use crate::session::{AppFiles, Recoveries};

/// The error every command returns: a message for the owner, and the findings when the answers
/// are what stopped it.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    /// What went wrong, in plain words.
    pub message: String,
    /// Findings, when validation stopped an export.
    pub findings: Vec<policywright::Finding>,
    /// A stable code when the UI should act on the error rather than only show it:
    /// `changed-on-disk` (the file changed since it was opened; ask, then save with
    /// `overwrite`), `bad-date` (a publish date that cannot be used; shown beside the date).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub code: Option<String>,
}

impl CommandError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        CommandError {
            message: message.into(),
            findings: Vec::new(),
            code: None,
        }
    }
}

impl From<project_file::ProjectFileError> for CommandError {
    fn from(e: project_file::ProjectFileError) -> Self {
        CommandError::new(e.to_string())
    }
}

impl From<policywright::AssembleError> for CommandError {
    fn from(e: policywright::AssembleError) -> Self {
        CommandError::new(e.to_string())
    }
}

impl From<policywright::export::ExportError> for CommandError {
    fn from(e: policywright::export::ExportError) -> Self {
        let message = e.to_string();
        match e {
            policywright::export::ExportError::Invalid(findings) => CommandError {
                message,
                findings,
                code: None,
            },
            _ => CommandError::new(message),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError::new(e.to_string())
    }
}

type Shared<'a> = State<'a, Arc<Library>>;

/// Runs core work on a blocking thread so the window stays responsive.
pub(crate) async fn off_ui<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work).await?
}

/// An example project as the start screen offers it.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExampleChoice {
    /// The name `new_project` takes.
    pub name: String,
    /// What it is, for the picker.
    pub label: String,
}

/// The example projects, in the order the start screen lists them.
#[tauri::command]
pub fn examples() -> Vec<ExampleChoice> {
    examples::EXAMPLES
        .iter()
        .map(|e| ExampleChoice {
            name: e.name.to_owned(),
            label: e.label.to_owned(),
        })
        .collect()
}

/// A new project: blank, or a copy of an example.
#[tauri::command]
pub fn new_project<R: tauri::Runtime>(
    window: tauri::Window<R>,
    example: Option<String>,
    places: State<'_, crate::export_places::ExportPlaces>,
) -> Result<Project, CommandError> {
    places.left(window.label());
    match example {
        None => Ok(Project::blank()),
        Some(name) => {
            let text = examples::example(&name)
                .ok_or_else(|| CommandError::new(format!("there is no example called `{name}`")))?;
            Ok(project_file::parse(text, Path::new(&name))?)
        }
    }
}

pub(crate) fn project_path(path: &Path) -> Result<(), CommandError> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if !name.ends_with(project_file::EXTENSION) || name.len() == project_file::EXTENSION.len() {
        return Err(CommandError::new(format!(
            "{}: project files end in {}",
            path.display(),
            project_file::EXTENSION
        )));
    }
    Ok(())
}

/// Saves a project file atomically, keeping the previous version as `.bak`; then the project
/// heads the recent list and this app's recovery file, now redundant, goes. Refused with the
/// code `changed-on-disk` when the file changed since this window opened or saved it, unless
/// `overwrite`.
#[tauri::command]
#[allow(
    clippy::too_many_arguments,
    reason = "Tauri passes each argument and state separately"
)]
pub async fn save_project<R: tauri::Runtime>(
    window: tauri::Window<R>,
    path: PathBuf,
    project: Project,
    overwrite: Option<bool>,
    library: Shared<'_>,
    files: State<'_, AppFiles>,
    recoveries: State<'_, Arc<Recoveries>>,
    granted: State<'_, Granted>,
    opened: State<'_, crate::versions::OpenedFiles>,
    places: State<'_, crate::export_places::ExportPlaces>,
) -> Result<(), CommandError> {
    project_path(&path)?;
    granted.check_project(&path, &files.recent)?;
    let version = library.version().to_owned();
    let expected = opened.expected(window.label(), &path, overwrite.unwrap_or(false));
    let files = files.inner().clone();
    let recoveries = Arc::clone(&recoveries);
    let busy = opened.busy(window.label(), &path);
    let stamp = off_ui({
        let path = path.clone();
        move || {
            let stamp = crate::versions::save_checked(&project, &path, &version, expected)?;
            files.remember(&path);
            recoveries.clear()?;
            Ok(stamp)
        }
    })
    .await?;
    opened.record(window.label(), &path, stamp);
    drop(busy);
    // The project is saved either way; a folder not remembered costs the owner one choice.
    if let Err(error) = places.saved(window.label(), &path) {
        eprintln!("policywright: {error}");
    }
    Ok(())
}

/// The catalogues the wizard offers: data categories, purposes, vendors, jurisdictions.
#[tauri::command]
pub fn catalogue(library: Shared<'_>) -> Catalogues {
    library.catalogues().clone()
}

/// Puts the policy on the clipboard as Markdown or HTML.
#[tauri::command]
pub async fn copy_policy<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    project: Project,
    options: ExportOptions,
    library: Shared<'_>,
) -> Result<(), CommandError> {
    let library = Arc::clone(&library);
    let text =
        off_ui(move || Ok(policywright::export::text(&project, &library, &options)?)).await?;
    app.clipboard()
        .write_text(text)
        .map_err(|e| CommandError::new(format!("could not copy to the clipboard: {e}")))
}

/// Refuses a base name for exported files that is empty, hidden or leads into another folder.
pub(crate) fn export_stem(stem: &str) -> Result<(), CommandError> {
    if stem.trim().is_empty() || stem.contains(['/', '\\']) || stem.starts_with('.') {
        return Err(CommandError::new(format!(
            "`{stem}` is not a usable file name"
        )));
    }
    Ok(())
}

/// Writes export files into `dir`, a folder the owner chose in the export dialog: checks the
/// base name and the folder, runs `write` off the UI thread, then lets the files written be
/// opened or shown. The current policy and a past version both export through here.
pub(crate) async fn export_into(
    granted: &Granted,
    dir: PathBuf,
    stem: String,
    write: impl FnOnce(&Path, &str) -> Result<ExportReport, CommandError> + Send + 'static,
) -> Result<ExportReport, CommandError> {
    export_stem(&stem)?;
    granted.check_export_folder(&dir)?;
    let report = off_ui(move || write(&dir, &stem)).await?;
    granted.exported(&report.files);
    Ok(report)
}

/// Exports the policy as `<stem>.<ext>` into `dir`, a folder the owner chose in the export
/// dialog; the files written may then be opened or shown.
#[tauri::command]
pub async fn export_policy(
    project: Project,
    options: ExportOptions,
    dir: PathBuf,
    stem: String,
    library: Shared<'_>,
    granted: State<'_, Granted>,
) -> Result<ExportReport, CommandError> {
    let library = Arc::clone(&library);
    export_into(&granted, dir, stem, move |dir, stem| {
        Ok(export(&project, &library, &options, dir, stem)?)
    })
    .await
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Value, json};

    use crate::mock::{call, choose, recovery_files, save_as, webview};

    #[test]
    fn new_preview_save_open_and_export_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let choices = call(&w, "examples", json!({})).unwrap();
        assert_eq!(choices[1]["name"], "shop");
        assert_eq!(
            choices[1]["label"],
            "Online tea shop (UK; UK and EU customers)"
        );
        assert_eq!(choices.as_array().map(Vec::len), Some(3));
        let project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        assert_eq!(
            project["organisation"]["legal_name"],
            "Hollybank Tea Company Ltd"
        );

        let preview = call(
            &w,
            "preview_open",
            json!({ "project": project, "revision": 1 }),
        )
        .unwrap();
        assert_eq!(preview["sections"][0]["id"], "summary");
        assert!(
            preview["sections"][0]["html"]
                .as_str()
                .unwrap()
                .contains("<ul>")
        );

        let path = dir.path().join("tea.policy.json");
        save_as(&w, dir.path(), &path, &project);
        let opened = call(&w, "open_project", json!({ "path": path })).unwrap();
        assert_eq!(opened["organisation"], project["organisation"]);
        assert!(opened["saved_with"]["library_version"].is_string());

        let options = json!({ "format": "all", "fragment": false, "front_matter": true });
        choose(&w, dir.path(), "choose_export_folder", dir.path());
        let report = call(
            &w,
            "export_policy",
            json!({ "project": opened, "options": options, "dir": dir.path(), "stem": "tea" }),
        )
        .unwrap();
        assert_eq!(report["files"].as_array().unwrap().len(), 3);
        assert!(
            std::fs::read(dir.path().join("tea.pdf"))
                .unwrap()
                .starts_with(b"%PDF-")
        );
    }

    #[test]
    fn bad_input_comes_back_as_one_error_shape() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let blank = call(&w, "new_project", json!({ "example": null })).unwrap();
        let options = json!({ "format": "html", "fragment": true, "front_matter": false });
        choose(&w, dir.path(), "choose_export_folder", dir.path());
        let err = call(
            &w,
            "export_policy",
            json!({ "project": blank, "options": options, "dir": dir.path(), "stem": "x" }),
        )
        .unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("error(s) to fix"),
            "{err}"
        );
        assert!(
            err["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["field"] == "organisation.legal_name")
        );

        let err = call(
            &w,
            "export_policy",
            json!({ "project": blank, "options": options, "dir": dir.path(), "stem": "../evil" }),
        )
        .unwrap_err();
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("not a usable file name")
        );

        let err = call(
            &w,
            "save_project",
            json!({ "path": dir.path().join("notes.txt"), "project": blank }),
        )
        .unwrap_err();
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("project files end in .policy.json")
        );

        let broken = dir.path().join("broken.policy.json");
        std::fs::write(&broken, "{\"schema_version\": 1,").unwrap();
        choose(&w, dir.path(), "choose_project_to_open", &broken);
        let err = call(&w, "open_project", json!({ "path": broken })).unwrap_err();
        assert!(
            err["message"].as_str().unwrap().contains("line 1, column"),
            "{err}"
        );

        let err = call(&w, "new_project", json!({ "example": "bakery" })).unwrap_err();
        assert!(err["message"].as_str().unwrap().contains("bakery"));
        assert!(
            call(
                &w,
                "preview_open",
                json!({ "project": { "schema_version": 1 }, "revision": 1 })
            )
            .is_err(),
            "a project without an organisation is refused"
        );
    }

    #[test]
    fn saving_and_opening_keep_the_recent_list_and_saving_ends_recovery() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        assert_eq!(call(&w, "recent_projects", json!({})).unwrap(), json!([]));
        assert_eq!(
            call(&w, "pending_recovery", json!({})).unwrap(),
            Value::Null
        );

        let mut project = call(&w, "new_project", json!({ "example": "saas" })).unwrap();
        project["organisation"]["legal_name"] = json!("Unsaved Name Ltd");
        call(&w, "autosave", json!({ "project": project, "path": null })).unwrap();
        let written = recovery_files(dir.path());
        assert_eq!(written.len(), 1, "{written:?}");
        assert_eq!(
            written[0]["project"]["organisation"]["legal_name"],
            "Unsaved Name Ltd"
        );
        assert_eq!(written[0]["path"], Value::Null);
        assert_eq!(
            call(&w, "pending_recovery", json!({})).unwrap(),
            Value::Null,
            "the app's own live answers are not offered back to it"
        );

        let a = dir.path().join("a.policy.json");
        let b = dir.path().join("b.policy.json");
        save_as(&w, dir.path(), &a, &project);
        assert_eq!(
            recovery_files(dir.path()),
            Vec::<Value>::new(),
            "a save makes the recovery file redundant"
        );
        save_as(&w, dir.path(), &b, &project);
        call(&w, "open_project", json!({ "path": a })).unwrap();
        let recent = call(&w, "recent_projects", json!({})).unwrap();
        let names: Vec<&str> = recent
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["a.policy.json", "b.policy.json"]);
        assert!(recent[0]["modified"].is_string());

        call(&w, "autosave", json!({ "project": project, "path": a })).unwrap();
        assert_eq!(recovery_files(dir.path())[0]["path"], json!(a));
        call(&w, "discard_recovery", json!({})).unwrap();
        assert_eq!(recovery_files(dir.path()), Vec::<Value>::new());
        call(&w, "forget_recent", json!({ "path": b })).unwrap();
        assert_eq!(
            call(&w, "recent_projects", json!({}))
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn scripted_dialogs_answer_once_and_the_catalogue_reaches_the_ui() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        let answer = dir.path().join("dialog-answer");
        std::fs::write(&answer, dir.path().join("tea").to_string_lossy().as_bytes()).unwrap();
        let chosen = call(&w, "choose_save_path", json!({ "suggestedName": "x" })).unwrap();
        assert_eq!(chosen, json!(dir.path().join("tea.policy.json")));
        assert_eq!(
            call(&w, "choose_project_to_open", json!({})).unwrap(),
            Value::Null,
            "no answer written: the dialog was cancelled"
        );
        let catalogue = call(&w, "catalogue", json!({})).unwrap();
        assert!(
            catalogue["vendors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["id"] == "stripe")
        );
        assert!(
            catalogue["jurisdictions"][0]["applies"]
                .as_str()
                .unwrap()
                .contains("GDPR")
        );
    }
}
