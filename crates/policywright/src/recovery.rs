//! The recovery file: while the answers differ from the saved project, the app writes them here
//! every few seconds, so a crash or a power cut costs at most those seconds. A clean save, or
//! closing without saving on purpose, removes the file; finding it at start-up means the last
//! session ended without either, and the app offers to restore it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::model::Project;

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// The project file the answers belong to; none for a project not saved yet.
    pub path: Option<PathBuf>,
    /// When the answers were written (RFC 3339, UTC).
    pub saved_at: String,
    /// The answers.
    #[serde(deserialize_with = "crate::project_file::deserialize_embedded")]
    pub project: Project,
}

/// The recovery file could not be written, read or removed.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// Reading or writing failed.
    #[error("recovery file {path}: {source}")]
    Io {
        /// The recovery file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is there but does not hold answers this version can read.
    #[error("recovery file {path} cannot be read: {source}")]
    Unreadable {
        /// The recovery file.
        path: PathBuf,
        /// What is wrong with it.
        source: serde_json::Error,
    },
}

fn io(file: &Path) -> impl FnOnce(std::io::Error) -> RecoveryError + '_ {
    move |source| RecoveryError::Io {
        path: file.to_path_buf(),
        source,
    }
}

/// Writes the answers to `file` atomically, stamped with the current time.
pub fn write(file: &Path, path: Option<&Path>, project: &Project) -> Result<(), RecoveryError> {
    let recovery = Recovery {
        path: path.map(Path::to_path_buf),
        saved_at: OffsetDateTime::now_utc()
            .format(&Rfc3339)
            .unwrap_or_default(),
        project: project.clone(),
    };
    let bytes = serde_json::to_vec(&recovery).unwrap_or_default();
    crate::atomic::write(file, &bytes).map_err(io(file))
}

/// The answers in `file`, if there is one.
pub fn read(file: &Path) -> Result<Option<Recovery>, RecoveryError> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(file)(e)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|source| RecoveryError::Unreadable {
            path: file.to_path_buf(),
            source,
        })
}

/// Removes the recovery file; a file that is already gone is fine.
pub fn clear(file: &Path) -> Result<(), RecoveryError> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(file)(e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_read_clear_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data").join("recovery.json");
        assert_eq!(read(&file).unwrap(), None);
        let mut project = Project::blank();
        project.organisation.legal_name = "Wren & <Co>".into();
        let saved = dir.path().join("wren.policy.json");
        write(&file, Some(&saved), &project).unwrap();
        let back = read(&file).unwrap().unwrap();
        assert_eq!(back.project, project);
        assert_eq!(back.path.as_deref(), Some(saved.as_path()));
        assert!(back.saved_at.ends_with('Z'), "{}", back.saved_at);
        clear(&file).unwrap();
        clear(&file).unwrap();
        assert_eq!(read(&file).unwrap(), None);
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_blank_project() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recovery.json");
        std::fs::write(&file, "{\"path\": null, \"saved_at\": \"x\", \"proj").unwrap();
        let err = read(&file).unwrap_err().to_string();
        assert!(err.contains("cannot be read"), "{err}");
    }
}
