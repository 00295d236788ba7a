//! The app's own files outside projects: the recent-projects list and this app's autosave
//! recovery file. Their folders come from Tauri's path API at start-up (per-user config and data
//! folders on every platform); the core does the reading, writing and locking
//! (`policywright::recovery`: one recovery file per running app, and only files no running app
//! holds are offered for restoring).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use policywright::recent::{self, RecentProject};
use policywright::recovery::{self, Orphan, Recovery, Slot};
use policywright::{Project, project_file};
use tauri::{Manager, Runtime, State};

use crate::commands::{CommandError, off_ui};
use crate::open_requests::OpenRequests;
use crate::scope::Granted;

/// Where the app keeps its own files.
#[derive(Debug, Clone)]
pub struct AppFiles {
    /// The recent-projects list.
    pub recent: PathBuf,
}

impl AppFiles {
    /// Records an opened or saved project. Failing to update the list must not fail the save
    /// or open the owner asked for, so the error is only logged.
    pub fn remember(&self, project: &Path) {
        if let Err(e) = recent::remember(&self.recent, project) {
            eprintln!("policywright: {e}");
        }
    }
}

/// This app's recovery file, and the answers of a crashed app it is offering, if any.
#[derive(Debug)]
pub struct Recoveries {
    /// Why there is no slot, when the data folder could not be used: autosave then reports it.
    slot: Result<Slot, String>,
    offered: Mutex<Option<Orphan>>,
}

impl Recoveries {
    fn slot(&self) -> Result<&Slot, CommandError> {
        self.slot
            .as_ref()
            .map_err(|e| CommandError::new(format!("unsaved answers cannot be kept safe: {e}")))
    }

    fn offered(&self) -> std::sync::MutexGuard<'_, Option<Orphan>> {
        // A panic elsewhere while holding it leaves nothing half-changed: the value is an Option.
        self.offered.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes this app's recovery file: its answers were saved, or discarded on purpose.
    pub fn clear(&self) -> Result<(), CommandError> {
        Ok(self.slot()?.clear()?)
    }
}

/// Gives the app its files: the recent list in `config`, its own recovery file in `data`.
pub fn manage<R: Runtime>(app: &impl Manager<R>, config: &Path, data: &Path) {
    app.manage(AppFiles {
        recent: config.join("recent-projects.json"),
    });
    let slot = Slot::claim(data).map_err(|e| e.to_string());
    if let Err(e) = &slot {
        eprintln!("policywright: {e}");
    }
    app.manage(Arc::new(Recoveries {
        slot,
        offered: Mutex::new(None),
    }));
}

impl From<recovery::RecoveryError> for CommandError {
    fn from(e: recovery::RecoveryError) -> Self {
        CommandError::new(e.to_string())
    }
}

/// Recently opened projects, most recent first, with their last-edited dates.
#[tauri::command]
pub fn recent_projects(files: State<'_, AppFiles>) -> Vec<RecentProject> {
    recent::list(&files.recent)
}

/// Removes a project from the recent list.
#[tauri::command]
pub fn forget_recent(files: State<'_, AppFiles>, path: PathBuf) -> Result<(), CommandError> {
    recent::forget(&files.recent, &path).map_err(|e| CommandError::new(e.to_string()))
}

/// Opens a project file the owner chose (or one from the recent list) and puts it first in the
/// recent list; the window may then save it back.
/// What was read is recorded for the window, so its next save can tell whether the file changed
/// on disk in between.
#[tauri::command]
pub async fn open_project<R: Runtime>(
    window: tauri::Window<R>,
    path: PathBuf,
    files: State<'_, AppFiles>,
    granted: State<'_, Granted>,
    requests: State<'_, OpenRequests>,
    opened: State<'_, crate::versions::OpenedFiles>,
    places: State<'_, crate::export_places::ExportPlaces>,
) -> Result<Project, CommandError> {
    granted.check_project(&path, &files.recent)?;
    let files = files.inner().clone();
    let busy = opened.busy(window.label(), &path);
    let (project, stamp) = off_ui({
        let path = path.clone();
        move || {
            let read = project_file::load_stamped(&path)?;
            files.remember(&path);
            Ok(read)
        }
    })
    .await?;
    granted.project(&path);
    requests.opened(&path);
    opened.record(window.label(), &path, stamp);
    drop(busy);
    places.left(window.label());
    Ok(project)
}

type Shared<'a> = State<'a, Arc<Recoveries>>;

/// Writes the unsaved answers to this app's recovery file.
#[tauri::command]
pub async fn autosave(
    project: Project,
    path: Option<PathBuf>,
    recoveries: Shared<'_>,
) -> Result<(), CommandError> {
    let recoveries = Arc::clone(&recoveries);
    off_ui(move || Ok(recoveries.slot()?.write(path.as_deref(), &project)?)).await
}

/// Answers a crashed app left unsaved, if any; this app holds them until the owner decides.
#[tauri::command]
pub fn pending_recovery(recoveries: Shared<'_>) -> Result<Option<Recovery>, CommandError> {
    let mut offered = recoveries.offered();
    if offered.is_none() {
        *offered = recoveries.slot()?.adopt_orphan()?;
    }
    Ok(offered.as_ref().map(|o| o.recovery().clone()))
}

/// Takes the offered answers on as this app's unsaved answers; the project file they belong to
/// may be saved again.
#[tauri::command]
pub fn restore_recovery(
    recoveries: Shared<'_>,
    granted: State<'_, Granted>,
) -> Result<Recovery, CommandError> {
    let orphan = recoveries
        .offered()
        .take()
        .ok_or_else(|| CommandError::new("there are no unsaved answers to restore"))?;
    let restored = orphan.restore_into(recoveries.slot()?)?;
    if let Some(path) = &restored.path {
        granted.project(path);
    }
    Ok(restored)
}

/// Deletes the offered answers: the owner chose not to restore them.
#[tauri::command]
pub fn discard_recovered(recoveries: Shared<'_>) -> Result<(), CommandError> {
    match recoveries.offered().take() {
        Some(orphan) => Ok(orphan.discard()?),
        None => Ok(()),
    }
}

/// Removes this app's recovery file: after undoing back to the saved answers, or when the owner
/// closes without saving. Other apps' files are never touched.
#[tauri::command]
pub fn discard_recovery(recoveries: Shared<'_>) -> Result<(), CommandError> {
    recoveries.clear()
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::mock::{call, recovery_files, webview};

    fn project(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, name: &str) -> Value {
        let mut project = call(w, "new_project", json!({ "example": "saas" })).unwrap();
        project["organisation"]["legal_name"] = json!(name);
        project
    }

    fn names(dir: &std::path::Path) -> Vec<String> {
        recovery_files(dir)
            .iter()
            .map(|r| r["project"]["organisation"]["legal_name"].to_string())
            .collect()
    }

    #[test]
    fn two_apps_keep_their_own_recovery_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = webview(dir.path());
        let b = webview(dir.path());
        let alpha = project(&a, "Alpha Ltd");
        call(&a, "autosave", json!({ "project": alpha, "path": null })).unwrap();
        assert_eq!(
            call(&b, "pending_recovery", json!({})).unwrap(),
            Value::Null,
            "A is running: its answers are not B's to restore"
        );
        let bravo = project(&b, "Bravo Ltd");
        call(&b, "autosave", json!({ "project": bravo, "path": null })).unwrap();
        assert_eq!(names(dir.path()).len(), 2);

        // Discarding and saving in B leave A's protection in place.
        call(&b, "discard_recovery", json!({})).unwrap();
        call(&b, "discard_recovered", json!({})).unwrap();
        assert_eq!(names(dir.path()), ["\"Alpha Ltd\""]);
        call(&b, "autosave", json!({ "project": bravo, "path": null })).unwrap();
        let saved = dir.path().join("bravo.policy.json");
        std::fs::write(
            dir.path().join("dialog-answer"),
            saved.to_string_lossy().as_bytes(),
        )
        .unwrap();
        call(&b, "choose_save_path", json!({ "suggestedName": "bravo" })).unwrap();
        call(
            &b,
            "save_project",
            json!({ "path": saved, "project": bravo }),
        )
        .unwrap();
        assert_eq!(names(dir.path()), ["\"Alpha Ltd\""]);
    }

    #[test]
    fn a_crashed_app_s_answers_are_offered_once_then_restored_or_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        // What a crash leaves: answers, and a lock no process holds any more.
        let crashed = policywright::recovery::Slot::claim(&data).unwrap();
        let mut answers = policywright::Project::blank();
        answers.organisation.legal_name = "Crashed Ltd".into();
        crashed.write(None, &answers).unwrap();
        drop(crashed);

        let a = webview(dir.path());
        let b = webview(dir.path());
        let offered = call(&a, "pending_recovery", json!({})).unwrap();
        assert_eq!(
            offered["project"]["organisation"]["legal_name"],
            "Crashed Ltd"
        );
        assert_eq!(
            call(&a, "pending_recovery", json!({})).unwrap(),
            offered,
            "asking again gives the same answers"
        );
        assert_eq!(
            call(&b, "pending_recovery", json!({})).unwrap(),
            Value::Null,
            "A is offering them: B does not offer them too"
        );
        let restored = call(&a, "restore_recovery", json!({})).unwrap();
        assert_eq!(restored, offered);
        assert_eq!(names(dir.path()), ["\"Crashed Ltd\""], "kept, now as A's");
        assert!(
            call(&a, "restore_recovery", json!({})).is_err(),
            "restored once"
        );
        call(&a, "discard_recovery", json!({})).unwrap();
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn discarding_offered_answers_deletes_them_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let crashed = policywright::recovery::Slot::claim(&dir.path().join("data")).unwrap();
        crashed
            .write(None, &policywright::Project::blank())
            .unwrap();
        drop(crashed);
        let a = webview(dir.path());
        assert_ne!(
            call(&a, "pending_recovery", json!({})).unwrap(),
            Value::Null
        );
        call(&a, "discard_recovered", json!({})).unwrap();
        assert_eq!(recovery_files(dir.path()), Vec::<Value>::new());
        let b = webview(dir.path());
        assert_eq!(
            call(&b, "pending_recovery", json!({})).unwrap(),
            Value::Null
        );
    }
}
