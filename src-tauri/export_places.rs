//! The export dialog's memory and care: where each project was last exported (kept in the app's
//! own settings, not the project file), and which files an export would overwrite, so the dialog
//! can ask first. The core keeps the places and names the files.

use std::path::PathBuf;

use policywright::export::{ExportOptions, existing_files};
use policywright::export_places::{self, ExportPlace};
use tauri::{Manager, Runtime, State};

use crate::commands::{CommandError, export_stem};
use crate::scope::Granted;

/// The file of export places, in the app's config folder.
#[derive(Debug, Clone)]
pub struct ExportPlaces(pub PathBuf);

/// Gives the app its export-places file in `config`.
pub fn manage<R: Runtime>(app: &impl Manager<R>, config: &std::path::Path) {
    app.manage(ExportPlaces(config.join("export-places.json")));
}

/// Where the project saved at `project` was last exported, if anywhere. The folder was chosen by
/// the owner in an earlier run, so the window may export there again without the dialog.
#[tauri::command]
pub fn export_place(
    project: PathBuf,
    places: State<'_, ExportPlaces>,
    granted: State<'_, Granted>,
) -> Option<ExportPlace> {
    let place = export_places::recall(&places.0, &project)?;
    granted.export_folder(&place.folder);
    Some(place)
}

/// Records where the project saved at `project` was exported: only into a folder the owner chose.
#[tauri::command]
pub fn remember_export_place(
    project: PathBuf,
    place: ExportPlace,
    places: State<'_, ExportPlaces>,
    granted: State<'_, Granted>,
) -> Result<(), CommandError> {
    granted.check_export_folder(&place.folder)?;
    export_stem(&place.stem)?;
    export_places::remember(&places.0, &project, place)
        .map_err(|e| CommandError::new(e.to_string()))
}

/// The files that exports with `options` into `dir` as `stem` would overwrite; with `version`,
/// the files of that published version (`<stem>-v<version>`).
#[tauri::command]
pub fn existing_exports(
    options: Vec<ExportOptions>,
    dir: PathBuf,
    stem: String,
    version: Option<u32>,
    granted: State<'_, Granted>,
) -> Result<Vec<PathBuf>, CommandError> {
    export_stem(&stem)?;
    granted.check_export_folder(&dir)?;
    let stem = match version {
        Some(number) => policywright::versions::export::version_stem(&stem, number),
        None => stem,
    };
    Ok(existing_files(&options, &dir, &stem))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::mock::{call, choose, webview};

    #[test]
    fn the_export_place_is_remembered_per_project_and_existing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(&out).unwrap();
        let w = webview(dir.path());
        let project = dir.path().join("tea.policy.json");
        let place = json!({ "folder": out, "stem": "privacy" });
        let refused = call(
            &w,
            "remember_export_place",
            json!({ "project": project, "place": place }),
        );
        assert!(
            refused.is_err(),
            "a folder the owner never chose is not remembered"
        );

        choose(&w, dir.path(), "choose_export_folder", &out);
        call(
            &w,
            "remember_export_place",
            json!({ "project": project, "place": place }),
        )
        .unwrap();
        let html = json!({ "format": "html", "fragment": false, "front_matter": false });
        let args = json!({ "options": [html], "dir": out, "stem": "privacy" });
        assert_eq!(
            call(&w, "existing_exports", args.clone()).unwrap(),
            json!([])
        );
        std::fs::write(out.join("privacy.html"), "old").unwrap();
        assert_eq!(
            call(&w, "existing_exports", args).unwrap(),
            json!([out.join("privacy.html")])
        );

        // Another run of the app recalls it, and may export there without the dialog.
        let again = webview(dir.path());
        let other = dir.path().join("other.policy.json");
        assert_eq!(
            call(&again, "export_place", json!({ "project": other })).unwrap(),
            json!(null)
        );
        assert_eq!(
            call(&again, "export_place", json!({ "project": project })).unwrap(),
            place
        );
        let exists = json!({ "options": [html], "dir": out, "stem": "privacy" });
        assert!(
            call(&again, "existing_exports", exists).is_ok(),
            "the recalled folder is granted"
        );
    }
}
