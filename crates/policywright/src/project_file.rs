//! Reading and writing `*.policy.json` project files.
//!
//! Loading refuses anything but a regular file (a pipe would block the reader forever), reads at
//! most [`MAX_FILE_BYTES`], checks the JSON syntax and refuses a key given twice (errors name the
//! line and column), runs the [`migrate`] chain from the file's format to the current one, then
//! decodes every field (errors name the field path). The recovery file's project goes through the
//! same steps ([`deserialize_embedded`]).
//!
//! Saving is atomic ([`crate::atomic`]): a crash mid-save leaves either the old file or the new
//! one. Before it, the previous *different* version is kept as `NAME.bak` (a save that changes
//! nothing writes nothing), and the first save over a file in an older format keeps that file as
//! `NAME.vN.bak`, N its format, so the pre-upgrade file is never lost. A symlinked path saves to
//! the real file, which keeps its permissions. A project too large to load again is not saved.
//! The file is not hard-linked again: a rename gives it a new identity, as most editors do.

pub mod migrate;
mod strict;

use std::cell::RefCell;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Deserializer;

use crate::atomic::{self, NewFile, Options};
use crate::model::{Project, SCHEMA_VERSION, SavedWith};

/// Project files larger than this are refused, on load and (so every saved file opens again)
/// on save. The answers of a real project are a few kilobytes; each published version adds a
/// copy of them plus the policy's Markdown and the facts it used, about 100 kB for the examples
/// and about 2 MB for the 1,000-entry stress project ([`crate::scale`]). 16 MiB keeps more than
/// a hundred ordinary versions, or several of the stress project, while still refusing a wrong
/// file before reading gigabytes of it; a publish that would cross it is refused like any save.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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
        source: io::Error,
    },
    /// The path is a folder, a pipe or a device.
    #[error("{path}: this is {what}, not a project file")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead ("a folder", …).
        what: &'static str,
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
    /// The project would be too large to open again, so it was not saved.
    #[error(
        "{path}: not saved: the project would be {size} bytes, and a project file may have at most {max}, so it could not be opened again. Shorten the longest answers and save again."
    )]
    TooLargeToSave {
        /// The file.
        path: PathBuf,
        /// The project's size as JSON.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The file is not valid JSON (or not UTF-8 text).
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
    /// An object gives the same key twice.
    #[error(
        "{path}: line {line}, column {column}: field `{field}` is given twice; keep the one you mean and remove the other"
    )]
    Repeated {
        /// The file.
        path: PathBuf,
        /// Path of the repeated field, e.g. `organisation.legal_name`.
        field: String,
        /// 1-based line of the second one.
        line: usize,
        /// 1-based column of the second one.
        column: usize,
    },
    /// The format version is missing, not one this build reads, or could not be upgraded.
    #[error("{path}: {reason}")]
    Version {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: migrate::ChainError,
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
    /// The file is marked read-only, so a save does not replace it.
    #[error(
        "{path}: not saved: the file is read-only. Make it writable, or save under another name."
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Something else wrote the file since it was opened, so saving would lose that.
    #[error(
        "{path}: not saved: the file changed on disk after it was opened (another window, or `policywright publish`, wrote it). Open it again to see those changes, or save anyway to replace them."
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The previous version could not be kept, so the file was not replaced.
    #[error("{path}: not saved: the previous version could not be kept as {backup}: {source}")]
    Backup {
        /// The file being saved.
        path: PathBuf,
        /// The backup file.
        backup: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
}

/// Parses a project from the text of a project file. `path` is only used in error messages.
pub fn parse(text: &str, path: &Path) -> Result<Project, ProjectFileError> {
    // Windows editors may start UTF-8 files with a byte-order mark; it carries no content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let repeat = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = strict::value(&mut de, &repeat)
        .and_then(|value| de.end().map(|()| value))
        .map_err(|e| match repeat.into_inner() {
            Some(field) => ProjectFileError::Repeated {
                path: path.to_path_buf(),
                field,
                line: e.line(),
                column: e.column(),
            },
            None => ProjectFileError::Syntax {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            },
        })?;
    decode(value, path)
}

/// Runs the migration chain, then decodes the fields.
fn decode(value: serde_json::Value, path: &Path) -> Result<Project, ProjectFileError> {
    let (value, _) =
        migrate::Chain::CURRENT
            .run(value)
            .map_err(|reason| ProjectFileError::Version {
                path: path.to_path_buf(),
                reason,
            })?;
    serde_path_to_error::deserialize(value).map_err(|e| ProjectFileError::Field {
        path: path.to_path_buf(),
        field: e.path().to_string(),
        message: e.into_inner().to_string(),
    })
}

/// For `#[serde(deserialize_with = …)]` on a project inside another file (the recovery file):
/// the same repeat check, migration chain and field decoding as a project file. Errors name the
/// field under `project`; the caller names the file.
pub fn deserialize_embedded<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Project, D::Error> {
    let repeat = RefCell::new(None);
    let value = strict::value(deserializer, &repeat)?;
    decode(value, Path::new("project")).map_err(serde::de::Error::custom)
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
    parse(&read_text(path)?, path)
}

/// What a project file held when it was read: its size and SHA-256. Saving with the stamp from
/// opening ([`save_checked`]) refuses to replace a file something else wrote since. The hash
/// rather than the modification time, because some file systems keep times to the second or
/// two, and a copy can restore an old time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileStamp {
    /// Size in bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub len: u64,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
}

impl FileStamp {
    fn of(bytes: &[u8]) -> Self {
        FileStamp {
            len: bytes.len() as u64,
            sha256: crate::versions::sha256_hex(bytes),
        }
    }
}

/// Reads a project file with the stamp of what was read.
pub fn load_stamped(path: &Path) -> Result<(Project, FileStamp), ProjectFileError> {
    let text = read_text(path)?;
    let stamp = FileStamp::of(text.as_bytes());
    Ok((parse(&text, path)?, stamp))
}

/// The stamp of the file at `path` now; none when there is no file.
pub fn stamp(path: &Path) -> Result<Option<FileStamp>, ProjectFileError> {
    let real = resolve_links(path).map_err(|source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(previous(&real, path)?.map(|(bytes, _)| FileStamp::of(&bytes)))
}

/// [`save`], unless the file is no longer what `opened` says was read (another program wrote
/// it): then [`ProjectFileError::ChangedOnDisk`] and nothing is written. `None` saves without
/// the check (a new file, or the owner chose to replace the other changes). Returns the stamp
/// of the file as saved, for the next save.
pub fn save_checked(
    project: &Project,
    path: &Path,
    library_version: &str,
    opened: Option<&FileStamp>,
) -> Result<FileStamp, ProjectFileError> {
    if let Some(opened) = opened
        && stamp(path)?.as_ref() != Some(opened)
    {
        return Err(ProjectFileError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    save(project, path, library_version)?;
    Ok(FileStamp::of(
        stamped_json(project, library_version).as_bytes(),
    ))
}

/// The file's text, refusing what is not a regular file, too large, or not UTF-8.
fn read_text(path: &Path) -> Result<String, ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Asked before opening: opening a pipe blocks until something writes to it.
    let meta = fs::metadata(path).map_err(io)?;
    refuse_non_file(&meta, path)?;
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    refuse_non_file(&meta, path)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            max: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit so a file that grew after the size check is still refused.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ProjectFileError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        ProjectFileError::Syntax {
            path: path.to_path_buf(),
            line,
            column: String::from_utf8_lossy(&good[line_start..]).chars().count() + 1,
            message: "this is not UTF-8 text; save the file as UTF-8".into(),
        }
    })
}

fn refuse_non_file(meta: &Metadata, path: &Path) -> Result<(), ProjectFileError> {
    if meta.is_file() {
        return Ok(());
    }
    Err(ProjectFileError::NotAFile {
        path: path.to_path_buf(),
        what: if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a pipe or a device, say)"
        },
    })
}

/// The project as it is written to disk: pretty JSON with a final newline, in field order, so
/// saved files diff well.
pub fn to_json(project: &Project) -> String {
    let mut text = serde_json::to_string_pretty(project).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes a project file atomically in the current format, keeping the previous version as
/// `NAME.bak` (and a file in an older format as `NAME.vN.bak`), and records the app and library
/// versions that wrote it.
pub fn save(project: &Project, path: &Path, library_version: &str) -> Result<(), ProjectFileError> {
    save_with(project, path, library_version, &Options::DOCUMENT)
}

/// [`save`], writing through `options` (tests simulate a full disk with its writer).
pub(crate) fn save_with(
    project: &Project,
    path: &Path,
    library_version: &str,
    options: &Options<'_>,
) -> Result<(), ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = stamped_json(project, library_version);
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ProjectFileError::TooLargeToSave {
            path: path.to_path_buf(),
            size: text.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    // The owner's file is where the link points; replacing the link would leave it behind.
    let real = resolve_links(path).map_err(io)?;
    match previous(&real, path)? {
        Some((bytes, _)) if bytes == text.as_bytes() => {
            // Nothing to write, and the .bak keeps the version before this one; what a killed
            // save left beside either still goes.
            atomic::remove_orphans(&real);
            atomic::remove_orphans(&sibling(&real, ".bak"));
            return Ok(());
        }
        Some((bytes, meta)) => keep_previous(&real, path, &bytes, &meta, options, SCHEMA_VERSION)?,
        None => {}
    }
    atomic::stage(&real, text.as_bytes(), options)
        .and_then(atomic::Staged::commit)
        .map_err(io)
}

/// The text a save writes: the project in the current format, stamped with the versions.
fn stamped_json(project: &Project, library_version: &str) -> String {
    let mut stamped = project.clone();
    stamped.schema_version = SCHEMA_VERSION;
    stamped.saved_with = Some(SavedWith {
        app_version: crate::assemble::APP_VERSION.to_owned(),
        library_version: library_version.to_owned(),
    });
    to_json(&stamped)
}

/// Follows symlinks at the last component of `path`, even dangling ones (saving then creates
/// the file the link names).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The limit most systems put on a chain of links.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The bytes and metadata of the file a save replaces, if there is one.
fn previous(real: &Path, path: &Path) -> Result<Option<(Vec<u8>, Metadata)>, ProjectFileError> {
    let io = |source| ProjectFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match fs::symlink_metadata(real) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    refuse_non_file(&meta, path)?;
    // The rename would replace it anyway (it needs only the folder writable), overriding the
    // owner's "do not change this", so say so instead, as editors do.
    if meta.permissions().readonly() {
        return Err(ProjectFileError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(Some((fs::read(real).map_err(io)?, meta)))
}

/// Keeps the file about to be replaced: as `NAME.vN.bak` when it is in a format older than
/// `current` and there is none yet (the first upgrade's original is the one worth keeping), and
/// as `NAME.bak`.
fn keep_previous(
    real: &Path,
    path: &Path,
    bytes: &[u8],
    meta: &Metadata,
    options: &Options<'_>,
    current: u32,
) -> Result<(), ProjectFileError> {
    let like = Options {
        new_file: NewFile::Like(meta),
        writer: options.writer,
    };
    let mut backups = Vec::new();
    if let Some(version) = format_of(bytes).filter(|v| *v < u64::from(current)) {
        let versioned = sibling(real, &format!(".v{version}.bak"));
        if fs::symlink_metadata(&versioned).is_err() {
            backups.push(versioned);
        }
    }
    backups.push(sibling(real, ".bak"));
    for backup in backups {
        atomic::stage(&backup, bytes, &like)
            .and_then(atomic::Staged::commit)
            .map_err(|source| ProjectFileError::Backup {
                path: path.to_path_buf(),
                backup,
                source,
            })?;
    }
    Ok(())
}

/// A file name in the same folder as `path`: `path` plus `suffix` (e.g. `.bak`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The `schema_version` of a file's text, if it has a readable one.
fn format_of(bytes: &[u8]) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Format {
        schema_version: u64,
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    serde_json::from_slice::<Format>(bytes)
        .ok()
        .map(|f| f.schema_version)
}

#[cfg(test)]
mod tests;
