//! Recently opened projects, for the start screen: a short list of paths kept in a small JSON
//! file (the app chooses where, from the platform's config folder). Dates come from the project
//! files themselves when the list is read, so they are the real last-edited dates.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// How many projects the list keeps.
pub const LIMIT: usize = 8;

/// The stored list, most recent first.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    paths: Vec<PathBuf>,
}

/// One recent project as the start screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecentProject {
    /// Where the project file is.
    pub path: PathBuf,
    /// The file name, for display.
    pub name: String,
    /// When the file was last written (RFC 3339, UTC); none when it is missing.
    pub modified: Option<String>,
}

/// The recent-projects file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("could not update the list of recent projects in {path}: {source}")]
pub struct RecentError {
    path: PathBuf,
    source: std::io::Error,
}

/// A missing or unreadable list is an empty one: losing it costs the owner nothing but a shortcut.
fn read(list: &Path) -> Stored {
    std::fs::read(list)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn write(list: &Path, stored: &Stored) -> Result<(), RecentError> {
    let text = serde_json::to_vec_pretty(stored).unwrap_or_default();
    crate::atomic::write(list, &text).map_err(|source| RecentError {
        path: list.to_path_buf(),
        source,
    })
}

/// Puts `project` first in the list kept in `list`, dropping older entries past [`LIMIT`].
pub fn remember(list: &Path, project: &Path) -> Result<(), RecentError> {
    let mut stored = read(list);
    stored.paths.retain(|p| p != project);
    stored.paths.insert(0, project.to_path_buf());
    stored.paths.truncate(LIMIT);
    write(list, &stored)
}

/// Removes `project` from the list (after it was found missing, say).
pub fn forget(list: &Path, project: &Path) -> Result<(), RecentError> {
    let mut stored = read(list);
    let before = stored.paths.len();
    stored.paths.retain(|p| p != project);
    if stored.paths.len() == before {
        return Ok(());
    }
    write(list, &stored)
}

/// The list, most recent first, with each file's last-modified time.
pub fn list(list: &Path) -> Vec<RecentProject> {
    read(list)
        .paths
        .into_iter()
        .map(|path| {
            let modified = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| OffsetDateTime::from(t).format(&Rfc3339).ok());
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            RecentProject {
                path,
                name,
                modified,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("config").join("recent.json");
        for i in 0..LIMIT + 3 {
            remember(&list_file, &dir.path().join(format!("p{i}.policy.json"))).unwrap();
        }
        remember(&list_file, &dir.path().join("p5.policy.json")).unwrap();
        let names: Vec<String> = list(&list_file).into_iter().map(|r| r.name).collect();
        assert_eq!(names.len(), LIMIT);
        assert_eq!(names[0], "p5.policy.json");
        assert_eq!(names[1], format!("p{}.policy.json", LIMIT + 2));
        assert_eq!(names.iter().filter(|n| *n == "p5.policy.json").count(), 1);
    }

    #[test]
    fn dates_come_from_the_files_and_missing_files_have_none() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        let present = dir.path().join("here.policy.json");
        std::fs::write(&present, "{}").unwrap();
        remember(&list_file, &dir.path().join("gone.policy.json")).unwrap();
        remember(&list_file, &present).unwrap();
        let items = list(&list_file);
        assert!(items[0].modified.as_deref().is_some_and(|d| d.len() >= 20));
        assert_eq!(items[1].modified, None);
        forget(&list_file, &dir.path().join("gone.policy.json")).unwrap();
        assert_eq!(list(&list_file).len(), 1);
    }

    #[test]
    fn a_broken_list_reads_as_empty_and_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        std::fs::write(&list_file, "not json").unwrap();
        assert!(list(&list_file).is_empty());
        remember(&list_file, Path::new("a.policy.json")).unwrap();
        assert_eq!(list(&list_file).len(), 1);
    }
}
