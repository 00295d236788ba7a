//! Reading and writing `*.policy.json` project files.
//!
//! Loading reads at most [`MAX_FILE_BYTES`], checks the JSON syntax (errors name the line and
//! column), then the format version, then every field (errors name the field path). Saving is
//! atomic: the new file is written to a temporary file in the same folder, flushed to disk and
//! renamed over the old one, which is first copied to `NAME.policy.json.bak`. A crash mid-save
//! leaves either the old file or the new one, never half of one.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{Project, SCHEMA_VERSION, SavedWith};

/// Project files larger than this are refused (real ones are a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// The file extension of project files.
pub const EXTENSION: &str = ".policy.json";

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectFileError {
    /// The file could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is larger than any real project.
    #[error(
        "{path}: the file is {size} bytes; a project file is at most {max} bytes, so this is probably not a project file"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The file is not valid JSON.
    #[error("{path}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The format version is missing or not one this build reads.
    #[error("{path}: {message}")]
    Version {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A field has the wrong type or an unknown name.
    #[error("{path}: field `{field}`: {message}")]
    Field {
        /// The file.
        path: PathBuf,
        /// Path of the field, e.g. `organisation.email`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

/// Parses a project from the text of a project file. `path` is only used in error messages.
pub fn parse(text: &str, path: &Path) -> Result<Project, ProjectFileError> {
    let path = path.to_path_buf();
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ProjectFileError::Syntax {
            path: path.clone(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
    match value.get("schema_version").map(|v| v.as_u64()) {
        None => {
            return Err(ProjectFileError::Version {
                path,
                message: "no `schema_version`: this does not look like a Policywright project file"
                    .into(),
            });
        }
        Some(Some(v)) if v == u64::from(SCHEMA_VERSION) => {}
        Some(Some(v)) if v > u64::from(SCHEMA_VERSION) => {
            return Err(ProjectFileError::Version {
                path,
                message: format!(
                    "`schema_version` is {v}, but this version of Policywright reads only up to {SCHEMA_VERSION}. Update Policywright to open it."
                ),
            });
        }
        Some(other) => {
            return Err(ProjectFileError::Version {
                path,
                message: format!(
                    "`schema_version` {} is not a format Policywright knows (expected {SCHEMA_VERSION})",
                    other.map_or_else(|| "of the wrong type".to_owned(), |v| v.to_string())
                ),
            });
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        ProjectFileError::Field {
            path,
            field,
            message: e.into_inner().to_string(),
        }
    })
}

/// serde_json appends " at line L column C"; the error already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Reads a project file.
pub fn load(path: &Path) -> Result<Project, ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_path_buf(),
            size,
            max: MAX_FILE_BYTES,
        });
    }
    let mut text = String::new();
    // Read one byte past the limit so a file that grew after the size check is still refused.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_path_buf(),
            size: text.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    parse(&text, path)
}

/// The project as it is written to disk: pretty JSON with a final newline, in field order, so
/// saved files diff well.
pub fn to_json(project: &Project) -> String {
    let mut text = serde_json::to_string_pretty(project).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes a project file atomically, keeping the previous version as `NAME.bak`, and records the
/// app and library versions that wrote it.
pub fn save(project: &Project, path: &Path, library_version: &str) -> Result<(), ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut stamped = project.clone();
    stamped.saved_with = Some(SavedWith {
        app_version: crate::assemble::APP_VERSION.to_owned(),
        library_version: library_version.to_owned(),
    });
    if path.exists() {
        let mut backup = path.as_os_str().to_owned();
        backup.push(".bak");
        crate::atomic::write(Path::new(&backup), &fs::read(path).map_err(io)?).map_err(io)?;
    }
    crate::atomic::write(path, to_json(&stamped).as_bytes()).map_err(io)
}
