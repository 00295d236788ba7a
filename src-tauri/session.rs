//! The app's own files outside projects: the recent-projects list and the autosave recovery
//! file. Their folders come from Tauri's path API at start-up (per-user config and data
//! folders on every platform); the core does the reading and writing.

use std::path::{Path, PathBuf};

use policywright::recent::{self, RecentProject};
use policywright::recovery::{self, Recovery};
use policywright::{Project, project_file};
use tauri::State;

use crate::commands::{CommandError, off_ui};

/// Where the app keeps its own files.
#[derive(Debug, Clone)]
pub struct AppFiles {
    /// The recent-projects list.
    pub recent: PathBuf,
    /// The autosave recovery file.
    pub recovery: PathBuf,
}

impl AppFiles {
    /// The files inside the platform's config and data folders for this app.
    pub fn in_dirs(config: &Path, data: &Path) -> Self {
        AppFiles {
            recent: config.join("recent-projects.json"),
            recovery: data.join("recovery.json"),
        }
    }

    /// Records an opened or saved project. Failing to update the list must not fail the save
    /// or open the owner asked for, so the error is only logged.
    pub fn remember(&self, project: &Path) {
        if let Err(e) = recent::remember(&self.recent, project) {
            eprintln!("policywright: {e}");
        }
    }
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

/// Opens a project file and puts it first in the recent list.
#[tauri::command]
pub async fn open_project(
    path: PathBuf,
    files: State<'_, AppFiles>,
) -> Result<Project, CommandError> {
    let files = files.inner().clone();
    off_ui(move || {
        let project = project_file::load(&path)?;
        files.remember(&path);
        Ok(project)
    })
    .await
}

/// Writes the unsaved answers to the recovery file.
#[tauri::command]
pub async fn autosave(
    project: Project,
    path: Option<PathBuf>,
    files: State<'_, AppFiles>,
) -> Result<(), CommandError> {
    let file = files.recovery.clone();
    off_ui(move || Ok(recovery::write(&file, path.as_deref(), &project)?)).await
}

/// The answers a previous session left unsaved, if any.
#[tauri::command]
pub fn pending_recovery(files: State<'_, AppFiles>) -> Result<Option<Recovery>, CommandError> {
    Ok(recovery::read(&files.recovery)?)
}

/// Removes the recovery file: after a save, or when the owner declines to restore.
#[tauri::command]
pub fn discard_recovery(files: State<'_, AppFiles>) -> Result<(), CommandError> {
    Ok(recovery::clear(&files.recovery)?)
}
