//! Where each project was last exported: the folder and the file name, kept in a small JSON file
//! of the app's own (beside the recent-projects list), never in the project file, so a project
//! shared with someone else does not carry the owner's folders. Changes take an OS lock on
//! `FILE.lock` beside it, as the recent list does, so two windows exporting at once both keep
//! their entry; each write is atomic.
//!
//! A project not saved yet has no path to file its place under: [`Unsaved`] keeps that place in
//! memory, one per window, and files it under the project's path when the project is first
//! saved, so the owner who exported before saving finds the folder again next time.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

/// How many projects the file remembers; the least recently exported go first.
pub const LIMIT: usize = 50;

/// Where a project's policy was last exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ExportPlace {
    /// The folder exported into.
    pub folder: PathBuf,
    /// The file name without extension.
    pub stem: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    project: PathBuf,
    #[serde(flatten)]
    place: ExportPlace,
}

/// The stored places, most recently exported first.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    places: Vec<Entry>,
}

/// The file of export places could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not remember where the policy was exported, in {path}: {source}")]
pub struct ExportPlacesError {
    path: PathBuf,
    source: std::io::Error,
}

/// A missing or unreadable file remembers nothing: losing it costs the owner one folder choice.
fn read(file: &Path) -> Stored {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn lock(file: &Path) -> std::io::Result<File> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut name = file.as_os_str().to_owned();
    name.push(".lock");
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(PathBuf::from(name))?;
    lock.lock()?;
    Ok(lock)
}

/// Records that `project` was exported to `place`, in the file `file`.
pub fn remember(file: &Path, project: &Path, place: ExportPlace) -> Result<(), ExportPlacesError> {
    let err = |source| ExportPlacesError {
        path: file.to_path_buf(),
        source,
    };
    let _lock = lock(file).map_err(err)?;
    let mut stored = read(file);
    stored.places.retain(|e| e.project != project);
    stored.places.insert(
        0,
        Entry {
            project: project.to_path_buf(),
            place,
        },
    );
    stored.places.truncate(LIMIT);
    let text = serde_json::to_vec_pretty(&stored).unwrap_or_default();
    crate::atomic::write(file, &text).map_err(err)
}

/// Where `project` was last exported, if the file remembers it.
pub fn recall(file: &Path, project: &Path) -> Option<ExportPlace> {
    read(file)
        .places
        .into_iter()
        .find(|e| e.project == project)
        .map(|e| e.place)
}

/// Where each window's project, while it is not saved yet, was exported: in memory only, by
/// window.
#[derive(Debug, Default)]
pub struct Unsaved(Mutex<HashMap<String, ExportPlace>>);

impl Unsaved {
    /// The places; a panic elsewhere while they were held leaves them as they were, still usable.
    fn places(&self) -> MutexGuard<'_, HashMap<String, ExportPlace>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records that the unsaved project in `window` was exported to `place`.
    pub fn remember(&self, window: &str, place: ExportPlace) {
        self.places().insert(window.to_owned(), place);
    }

    /// Where the unsaved project in `window` was exported, if it was.
    pub fn recall(&self, window: &str) -> Option<ExportPlace> {
        self.places().get(window).cloned()
    }

    /// Forgets the place of `window`'s unsaved project: the window moved on to another project.
    pub fn forget(&self, window: &str) {
        self.places().remove(window);
    }

    /// The project in `window` was saved at `project`: the place it was exported to while
    /// unsaved becomes that project's, in the file `file`. True when there was one. When the
    /// file cannot be written, the place stays with the window for the next save.
    pub fn carry_over(
        &self,
        window: &str,
        file: &Path,
        project: &Path,
    ) -> Result<bool, ExportPlacesError> {
        let mut places = self.places();
        let Some(place) = places.get(window).cloned() else {
            return Ok(false);
        };
        remember(file, project, place)?;
        places.remove(window);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(folder: &str, stem: &str) -> ExportPlace {
        ExportPlace {
            folder: PathBuf::from(folder),
            stem: stem.to_owned(),
        }
    }

    #[test]
    fn each_project_recalls_its_own_latest_place() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/export-places.json");
        let (a, b) = (Path::new("/p/a.policy.json"), Path::new("/p/b.policy.json"));
        assert_eq!(recall(&file, a), None, "nothing remembered yet");
        remember(&file, a, place("/site", "privacy")).unwrap();
        remember(&file, b, place("/other", "b")).unwrap();
        remember(&file, a, place("/site/legal", "privacy-policy")).unwrap();
        assert_eq!(
            recall(&file, a),
            Some(place("/site/legal", "privacy-policy"))
        );
        assert_eq!(recall(&file, b), Some(place("/other", "b")));
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.matches("a.policy.json").count(), 1, "{text}");
    }

    #[test]
    fn an_unsaved_projects_place_becomes_the_projects_when_it_is_first_saved() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export-places.json");
        let project = Path::new("/p/tea.policy.json");
        let unsaved = Unsaved::default();
        // Saving with no export yet remembers nothing.
        assert!(!unsaved.carry_over("main", &file, project).unwrap());
        assert!(!file.exists());

        unsaved.remember("main", place("/site", "privacy"));
        unsaved.remember("other", place("/elsewhere", "x"));
        assert_eq!(unsaved.recall("main"), Some(place("/site", "privacy")));
        assert!(unsaved.carry_over("main", &file, project).unwrap());
        assert_eq!(recall(&file, project), Some(place("/site", "privacy")));
        assert_eq!(unsaved.recall("main"), None, "the project has a path now");
        assert_eq!(unsaved.recall("other"), Some(place("/elsewhere", "x")));

        unsaved.forget("other");
        assert_eq!(unsaved.recall("other"), None);
    }

    #[test]
    fn a_place_that_cannot_be_filed_stays_with_the_window() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should be: it cannot be written.
        let file = dir.path().join("export-places.json");
        std::fs::create_dir_all(&file).unwrap();
        let unsaved = Unsaved::default();
        unsaved.remember("main", place("/site", "privacy"));
        let project = Path::new("/p/tea.policy.json");
        assert!(unsaved.carry_over("main", &file, project).is_err());
        assert_eq!(unsaved.recall("main"), Some(place("/site", "privacy")));
    }

    #[test]
    fn the_oldest_places_go_past_the_limit_and_a_broken_file_remembers_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("export-places.json");
        for i in 0..=LIMIT {
            let project = PathBuf::from(format!("/p/{i}.policy.json"));
            remember(&file, &project, place("/out", &i.to_string())).unwrap();
        }
        assert_eq!(recall(&file, Path::new("/p/0.policy.json")), None);
        assert!(recall(&file, Path::new("/p/1.policy.json")).is_some());
        std::fs::write(&file, "{ not json").unwrap();
        assert_eq!(recall(&file, Path::new("/p/1.policy.json")), None);
        remember(&file, Path::new("/p/x.policy.json"), place("/out", "x")).unwrap();
        assert_eq!(
            recall(&file, Path::new("/p/x.policy.json")),
            Some(place("/out", "x"))
        );
    }
}
