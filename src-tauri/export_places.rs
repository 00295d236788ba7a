//! The export dialog's memory and care: where each project was last exported (kept in the app's
//! own settings, not the project file), and which files an export would overwrite, so the dialog
//! can ask first. The core keeps the places and names the files. A project not saved yet has its
//! place kept for its window until it is first saved; then it is filed under the project's path.

use std::path::{Path, PathBuf};

use policywright::export::{ExportOptions, existing_files};
use policywright::export_places::{self, ExportPlace, ExportPlacesError, Unsaved};
use tauri::{Manager, Runtime, State};

use crate::commands::{CommandError, export_stem};
use crate::scope::Granted;

/// The file of export places, in the app's config folder, and the places of projects not saved
/// yet, by window.
#[derive(Debug)]
pub struct ExportPlaces {
    file: PathBuf,
    unsaved: Unsaved,
}

impl ExportPlaces {
    /// The project in `window` was saved at `project`: a place it was exported to while unsaved
    /// becomes that project's.
    pub fn saved(&self, window: &str, project: &Path) -> Result<bool, ExportPlacesError> {
        self.unsaved.carry_over(window, &self.file, project)
    }

    /// `window` moved on to another project: the unsaved one's place goes with it.
    pub fn left(&self, window: &str) {
        self.unsaved.forget(window);
    }
}

/// Gives the app its export-places file in `config`.
pub fn manage<R: Runtime>(app: &impl Manager<R>, config: &Path) {
    app.manage(ExportPlaces {
        file: config.join("export-places.json"),
        unsaved: Unsaved::default(),
    });
}

/// Where the project saved at `project` was last exported, if anywhere; with no `project`, where
/// this window's unsaved project was. The folder was chosen by the owner, in this run or an
/// earlier one, so the window may export there again without the dialog.
#[tauri::command]
pub fn export_place<R: Runtime>(
    window: tauri::Window<R>,
    project: Option<PathBuf>,
    places: State<'_, ExportPlaces>,
    granted: State<'_, Granted>,
) -> Option<ExportPlace> {
    let place = match project {
        Some(project) => export_places::recall(&places.file, &project)?,
        None => places.unsaved.recall(window.label())?,
    };
    granted.export_folder(&place.folder);
    Some(place)
}

/// Records where the project saved at `project` was exported, or with no `project`, this
/// window's unsaved project (until it is saved): only into a folder the owner chose.
#[tauri::command]
pub fn remember_export_place<R: Runtime>(
    window: tauri::Window<R>,
    project: Option<PathBuf>,
    place: ExportPlace,
    places: State<'_, ExportPlaces>,
    granted: State<'_, Granted>,
) -> Result<(), CommandError> {
    granted.check_export_folder(&place.folder)?;
    export_stem(&place.stem)?;
    match project {
        Some(project) => export_places::remember(&places.file, &project, place)
            .map_err(|e| CommandError::new(e.to_string())),
        None => {
            places.unsaved.remember(window.label(), place);
            Ok(())
        }
    }
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

    use crate::mock::{call, choose, save_as, webview};

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

    #[test]
    fn a_place_chosen_before_the_first_save_is_the_projects_once_saved() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(&out).unwrap();
        let w = webview(dir.path());
        let project = call(&w, "new_project", json!({ "example": "shop" })).unwrap();
        assert_eq!(
            call(&w, "export_place", json!({ "project": null })).unwrap(),
            json!(null),
            "not exported yet"
        );
        choose(&w, dir.path(), "choose_export_folder", &out);
        let place = json!({ "folder": out, "stem": "privacy" });
        call(
            &w,
            "remember_export_place",
            json!({ "project": null, "place": place }),
        )
        .unwrap();
        assert_eq!(
            call(&w, "export_place", json!({ "project": null })).unwrap(),
            place,
            "the unsaved project's export dialog opens there again"
        );

        let path = dir.path().join("tea.policy.json");
        save_as(&w, dir.path(), &path, &project);
        // Another run of the app finds it under the project's path.
        let again = webview(dir.path());
        assert_eq!(
            call(&again, "export_place", json!({ "project": path })).unwrap(),
            place
        );
        assert_eq!(
            call(&w, "export_place", json!({ "project": null })).unwrap(),
            json!(null),
            "the next unsaved project starts afresh"
        );
    }

    #[test]
    fn a_new_project_does_not_take_the_unsaved_ones_place() {
        let dir = tempfile::tempdir().unwrap();
        let w = webview(dir.path());
        choose(&w, dir.path(), "choose_export_folder", dir.path());
        let place = json!({ "folder": dir.path(), "stem": "first" });
        let args = json!({ "project": null, "place": place });
        call(&w, "remember_export_place", args).unwrap();
        call(&w, "new_project", json!({ "example": null })).unwrap();
        assert_eq!(
            call(&w, "export_place", json!({ "project": null })).unwrap(),
            json!(null)
        );
    }
}
