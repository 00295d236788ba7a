//! Native file dialogs, and opening exported files with the system's apps.
//!
//! WebDriver cannot click inside a native dialog, so the end-to-end tests start the app with
//! `POLICYWRIGHT_TEST_DIALOG` naming a file: every dialog then reads its answer from that file
//! (a path, or nothing for "cancelled") and removes it, instead of showing a window. Everything
//! after the dialog runs as usual. Without the variable, the real dialogs appear.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::commands::CommandError;
use crate::scope::Granted;
use policywright::project_file::EXTENSION;

/// The environment variable that replaces dialogs with an answer file, for tests.
pub const TEST_DIALOG_VAR: &str = "POLICYWRIGHT_TEST_DIALOG";

/// Where dialog answers come from, decided once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Dialogs {
    scripted: Option<PathBuf>,
}

impl Dialogs {
    /// Native dialogs, unless the test variable is set.
    pub fn from_env() -> Self {
        Dialogs {
            scripted: std::env::var_os(TEST_DIALOG_VAR)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
        }
    }

    /// Dialogs answered from `file`.
    #[cfg(test)]
    pub fn scripted(file: PathBuf) -> Self {
        Dialogs {
            scripted: Some(file),
        }
    }

    /// The scripted answer, consumed so that it cannot answer a second dialog by accident.
    fn scripted_answer(file: &Path) -> Option<PathBuf> {
        let text = std::fs::read_to_string(file).ok()?;
        let _ = std::fs::remove_file(file);
        let text = text.trim();
        (!text.is_empty()).then(|| PathBuf::from(text))
    }
}

enum Ask {
    Open,
    Save(String),
    Folder,
}

async fn ask<R: Runtime>(
    app: AppHandle<R>,
    dialogs: &Dialogs,
    what: Ask,
) -> Result<Option<PathBuf>, CommandError> {
    if let Some(file) = dialogs.scripted.clone() {
        return Ok(Dialogs::scripted_answer(&file));
    }
    // The blocking calls must stay off the main thread, which runs the dialog itself.
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        let builder = app.dialog().file();
        match what {
            Ask::Open => builder
                .add_filter("Policywright project", &["json"])
                .blocking_pick_file(),
            Ask::Save(name) => builder
                .add_filter("Policywright project", &["json"])
                .set_file_name(name)
                .blocking_save_file(),
            Ask::Folder => builder.blocking_pick_folder(),
        }
    })
    .await?;
    chosen
        .map(|p| {
            p.into_path()
                .map_err(|e| CommandError::new(format!("the chosen location is not a file: {e}")))
        })
        .transpose()
}

/// Asks which project to open; the window may then open it.
#[tauri::command]
pub async fn choose_project_to_open<R: Runtime>(
    app: AppHandle<R>,
    dialogs: State<'_, Dialogs>,
    granted: State<'_, Granted>,
) -> Result<Option<PathBuf>, CommandError> {
    let chosen = ask(app, &dialogs, Ask::Open).await?;
    if let Some(path) = &chosen {
        granted.project(path);
    }
    Ok(chosen)
}

/// Asks where to save the project, suggesting `suggested_name`; the answer always ends in
/// `.policy.json`, whatever the dialog let the owner type, and the window may then write it.
#[tauri::command]
pub async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    dialogs: State<'_, Dialogs>,
    granted: State<'_, Granted>,
    suggested_name: String,
) -> Result<Option<PathBuf>, CommandError> {
    let chosen = ask(app, &dialogs, Ask::Save(suggested_name))
        .await?
        .map(with_project_extension);
    if let Some(path) = &chosen {
        granted.project(path);
    }
    Ok(chosen)
}

fn with_project_extension(path: PathBuf) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(EXTENSION) {
        return path;
    }
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    path.with_file_name(format!("{stem}{EXTENSION}"))
}

/// Asks for the folder to export into; the window may then export there.
#[tauri::command]
pub async fn choose_export_folder<R: Runtime>(
    app: AppHandle<R>,
    dialogs: State<'_, Dialogs>,
    granted: State<'_, Granted>,
) -> Result<Option<PathBuf>, CommandError> {
    let chosen = ask(app, &dialogs, Ask::Folder).await?;
    if let Some(dir) = &chosen {
        granted.export_folder(dir);
    }
    Ok(chosen)
}

/// Besides being exported in this run (see `scope`), a file to open or show must still be an
/// existing policy file, by full path.
fn exported_file(path: &Path) -> Result<(), CommandError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if !path.is_absolute() || !matches!(ext, "html" | "md" | "pdf") || !path.is_file() {
        return Err(CommandError::new(format!(
            "{} is not an exported policy",
            path.display()
        )));
    }
    Ok(())
}

/// Opens an exported file with the system's default app for it.
#[tauri::command]
pub fn open_exported<R: Runtime>(
    app: AppHandle<R>,
    granted: State<'_, Granted>,
    path: PathBuf,
) -> Result<(), CommandError> {
    granted.check_exported(&path)?;
    exported_file(&path)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| CommandError::new(format!("could not open {}: {e}", path.display())))
}

/// Shows an exported file in the system's file manager. Where no file manager answers the
/// request to select it (a Linux desktop without the FileManager1 service), the folder is opened
/// instead, which is the next best thing.
#[tauri::command]
pub fn show_exported<R: Runtime>(
    app: AppHandle<R>,
    granted: State<'_, Granted>,
    path: PathBuf,
) -> Result<(), CommandError> {
    granted.check_exported(&path)?;
    exported_file(&path)?;
    let opener = app.opener();
    let Err(reveal) = opener.reveal_item_in_dir(&path) else {
        return Ok(());
    };
    let folder = path.parent().unwrap_or(&path);
    opener
        .open_path(folder.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            CommandError::new(format!(
                "could not show {}: {reveal}; opening its folder failed too: {e}",
                path.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_projects_always_get_the_project_extension() {
        for (typed, expected) in [
            ("/p/tea", "/p/tea.policy.json"),
            ("/p/tea.json", "/p/tea.policy.json"),
            ("/p/tea.policy.json", "/p/tea.policy.json"),
            ("/p/tea.txt", "/p/tea.txt.policy.json"),
        ] {
            assert_eq!(
                with_project_extension(PathBuf::from(typed)),
                PathBuf::from(expected)
            );
        }
    }

    #[test]
    fn a_scripted_answer_is_used_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("answer");
        std::fs::write(&file, "/tmp/x.policy.json\n").unwrap();
        assert_eq!(
            Dialogs::scripted_answer(&file),
            Some(PathBuf::from("/tmp/x.policy.json"))
        );
        assert_eq!(Dialogs::scripted_answer(&file), None, "consumed");
        std::fs::write(&file, "").unwrap();
        assert_eq!(Dialogs::scripted_answer(&file), None, "cancelled");
    }

    #[test]
    fn only_exported_policies_can_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("p.pdf");
        std::fs::write(&pdf, "%PDF-").unwrap();
        assert!(exported_file(&pdf).is_ok());
        let script = dir.path().join("run.sh");
        std::fs::write(&script, "echo").unwrap();
        assert!(exported_file(&script).is_err());
        assert!(exported_file(Path::new("p.pdf")).is_err(), "relative");
        assert!(exported_file(&dir.path().join("missing.pdf")).is_err());
    }
}
