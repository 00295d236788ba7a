//! Recently opened projects, for the start screen: a short list of paths kept in a small JSON
//! file (the app chooses where, from the platform's config folder). Dates come from the project
//! files themselves when the list is read, so they are the real last-edited dates.
//!
//! Changes read, merge and write the list while holding an OS lock on `LIST.lock` beside it, so
//! two windows or processes remembering a project at the same moment both keep their entry. The
//! lock file is separate because the list itself is replaced by each atomic write; locks end with
//! the process, so a crash never leaves the list locked. Reading for display takes no lock: each
//! write is atomic, so a reader sees the old list or the new one.

use std::fs::{File, OpenOptions};
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
    /// The date of the latest published version (`YYYY-MM-DD`); none when the file is missing,
    /// unreadable or was never published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub last_published: Option<String>,
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

/// Takes the lock beside `list`, waiting for another writer to finish. The lock ends when the
/// returned file is dropped.
fn lock(list: &Path) -> Result<File, RecentError> {
    let err = |source| RecentError {
        path: list.to_path_buf(),
        source,
    };
    if let Some(dir) = list.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut name = list.as_os_str().to_owned();
    name.push(".lock");
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(PathBuf::from(name))
        .map_err(err)?;
    file.lock().map_err(err)?;
    Ok(file)
}

/// Puts `project` first in the list kept in `list`, dropping older entries past [`LIMIT`].
pub fn remember(list: &Path, project: &Path) -> Result<(), RecentError> {
    let _lock = lock(list)?;
    let mut stored = read(list);
    stored.paths.retain(|p| p != project);
    stored.paths.insert(0, project.to_path_buf());
    stored.paths.truncate(LIMIT);
    write(list, &stored)
}

/// Removes `project` from the list (after it was found missing, say).
pub fn forget(list: &Path, project: &Path) -> Result<(), RecentError> {
    let _lock = lock(list)?;
    let mut stored = read(list);
    let before = stored.paths.len();
    stored.paths.retain(|p| p != project);
    if stored.paths.len() == before {
        return Ok(());
    }
    write(list, &stored)
}

/// The latest version date in a project file, read without decoding the answers (unknown
/// fields are skipped), so a file of another format still shows its date.
fn last_published(path: &Path) -> Option<String> {
    #[derive(Deserialize)]
    struct Dates {
        #[serde(default)]
        history: Vec<Dated>,
    }
    #[derive(Deserialize)]
    struct Dated {
        date: String,
    }
    // A pipe would block the reader, and a huge file is not a project.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > crate::project_file::MAX_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    serde_json::from_slice::<Dates>(bytes)
        .ok()?
        .history
        .into_iter()
        .map(|d| d.date)
        .max()
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
                last_published: last_published(&path),
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
        assert_eq!(items[0].last_published, None, "never published");
        forget(&list_file, &dir.path().join("gone.policy.json")).unwrap();
        assert_eq!(list(&list_file).len(), 1);
    }

    #[test]
    fn the_last_published_date_comes_from_the_file_s_history() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        let project = dir.path().join("p.policy.json");
        let history = r#"{"schema_version": 1, "history": [{"number": 1, "date": "2026-01-05"}, {"number": 2, "date": "2026-11-30"}]}"#;
        std::fs::write(&project, history).unwrap();
        remember(&list_file, &project).unwrap();
        assert_eq!(
            list(&list_file)[0].last_published.as_deref(),
            Some("2026-11-30")
        );
        std::fs::write(&project, "not json").unwrap();
        assert_eq!(list(&list_file)[0].last_published, None);
    }

    #[test]
    fn writers_at_the_same_moment_all_keep_their_entry() {
        // Without the lock, two writers lost an entry in 298 of 300 trials; here eight threads
        // (each with its own lock handle, as separate processes have) race, 30 times over.
        for trial in 0..30 {
            let dir = tempfile::tempdir().unwrap();
            let list_file = dir.path().join("recent.json");
            let start = std::sync::Barrier::new(LIMIT);
            std::thread::scope(|s| {
                for i in 0..LIMIT {
                    let (start, list_file) = (&start, &list_file);
                    s.spawn(move || {
                        start.wait();
                        remember(list_file, Path::new(&format!("p{i}.policy.json"))).unwrap();
                    });
                }
            });
            let mut names: Vec<String> = list(&list_file).into_iter().map(|r| r.name).collect();
            names.sort();
            let expected: Vec<String> = (0..LIMIT).map(|i| format!("p{i}.policy.json")).collect();
            assert_eq!(names, expected, "trial {trial}");
        }
    }

    #[test]
    fn forgetting_while_others_remember_loses_none_of_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let list_file = dir.path().join("recent.json");
        remember(&list_file, Path::new("gone.policy.json")).unwrap();
        std::thread::scope(|s| {
            s.spawn(|| forget(&list_file, Path::new("gone.policy.json")).unwrap());
            for i in 0..4 {
                let list_file = &list_file;
                s.spawn(move || {
                    remember(list_file, Path::new(&format!("p{i}.policy.json"))).unwrap()
                });
            }
        });
        let names: Vec<String> = list(&list_file).into_iter().map(|r| r.name).collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(!names.contains(&"gone.policy.json".to_owned()));
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
