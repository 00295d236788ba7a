//! Recovery files: while a window's answers differ from the saved project, the app writes them to
//! its own recovery file every few seconds, so a crash or a power cut costs at most those seconds.
//!
//! Each running app owns a [`Slot`]: `recovery-ID.json` for the answers and `recovery-ID.lock`,
//! which it holds an OS file lock on for as long as it runs. The operating system drops the lock
//! when the process ends, however it ends, so at start-up a recovery file whose lock can be taken
//! belongs to no running app: it is an [`Orphan`], left by a crash, and only those are offered for
//! restoring. Another window's live answers are never offered, and discarding or saving in one
//! window never touches another window's file. (`recovery.json`, from versions with one file
//! for everyone, has no owner either and is offered the same way.)
//!
//! The lock file is separate from the answers because the answers are replaced atomically (a new
//! file renamed over the old one), which would leave a lock on the old file behind.

use std::fs::File;
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

/// A recovery file could not be written, read or removed.
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
    /// The file is there but is not a recovery file this version can read.
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

/// Names: `recovery-ID.json` and `recovery-ID.lock`; the first version's `recovery.json` has the
/// stem `recovery`.
const PREFIX: &str = "recovery";
const ANSWERS: &str = ".json";
const LOCK: &str = ".lock";

fn lock_for(answers: &Path) -> PathBuf {
    answers.with_extension("lock")
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

/// The answers in `file`, if there is one. The project goes through the same repeat check,
/// migration chain and field decoding as a project file, so a recovery file written by an older
/// version is read the way its project file would be.
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

/// Removes a file; one that is already gone is fine.
fn remove(file: &Path) -> Result<(), RecoveryError> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(file)(e)),
        _ => Ok(()),
    }
}

/// Removes the recovery file; a file that is already gone is fine.
pub fn clear(file: &Path) -> Result<(), RecoveryError> {
    remove(file)
}

/// Takes the lock on `lock_path` if no running app holds it. `None`: someone does (or the file
/// vanished meanwhile, which means its owner is cleaning up).
fn try_lock(lock_path: &Path) -> Result<Option<File>, RecoveryError> {
    let file = match File::options().read(true).write(true).open(lock_path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(lock_path)(e)),
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(io(lock_path)(e)),
    }
}

/// Creates `lock_path` already locked, so that no one ever sees it unlocked while its owner
/// lives: the file is made and locked under a temporary name, then renamed into place. `None`
/// when the name is taken.
fn create_locked(lock_path: &Path) -> Result<Option<File>, RecoveryError> {
    let dir = lock_path.parent().unwrap_or(Path::new("."));
    let claim = tempfile::Builder::new()
        .prefix(".recovery-claim-")
        .tempfile_in(dir)
        .map_err(io(dir))?;
    claim.as_file().lock().map_err(io(claim.path()))?;
    match claim.persist_noclobber(lock_path) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(None),
        Err(e) => Err(io(lock_path)(e.error)),
    }
}

/// This app's own recovery file, and the lock that marks it as in use while the app runs.
#[derive(Debug)]
pub struct Slot {
    answers: PathBuf,
    lock_path: PathBuf,
    /// Held for the slot's life; the OS releases it when the process ends.
    _lock: File,
}

impl Slot {
    /// Claims a new slot in `dir` (created if needed), and tidies lock files that crashed apps
    /// left without answers.
    pub fn claim(dir: &Path) -> Result<Slot, RecoveryError> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        sweep_stale_locks(dir);
        let pid = std::process::id();
        for attempt in 0u32..100 {
            let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos();
            let id = format!("{pid:x}-{nanos:x}-{attempt}");
            let answers = dir.join(format!("{PREFIX}-{id}{ANSWERS}"));
            let lock_path = lock_for(&answers);
            // A leftover answers file under this name would be someone else's.
            if answers.exists() {
                continue;
            }
            if let Some(lock) = create_locked(&lock_path)? {
                return Ok(Slot {
                    answers,
                    lock_path,
                    _lock: lock,
                });
            }
        }
        Err(io(dir)(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "no free name for a recovery file",
        )))
    }

    /// The answers file.
    pub fn file(&self) -> &Path {
        &self.answers
    }

    /// Writes the answers, stamped with the current time.
    pub fn write(&self, path: Option<&Path>, project: &Project) -> Result<(), RecoveryError> {
        write(&self.answers, path, project)
    }

    /// The answers last written, if any.
    pub fn read(&self) -> Result<Option<Recovery>, RecoveryError> {
        read(&self.answers)
    }

    /// Removes the answers: they were saved, or the owner chose not to keep them.
    pub fn clear(&self) -> Result<(), RecoveryError> {
        remove(&self.answers)
    }

    /// The newest orphan in this slot's folder (see the module docs), now held by this app so no
    /// other window offers it too; `None` when there is none. Orphans that cannot be read are
    /// left alone, unless none can be read, and then the first one's error is returned.
    pub fn adopt_orphan(&self) -> Result<Option<Orphan>, RecoveryError> {
        let dir = self.answers.parent().unwrap_or(Path::new("."));
        let mut newest: Option<Orphan> = None;
        let mut first_error = None;
        for answers in files_in(dir, ANSWERS) {
            if answers == self.answers {
                continue;
            }
            let lock_path = lock_for(&answers);
            let lock = match try_lock(&lock_path)? {
                Some(lock) => lock,
                // No lock file at all: the first version's file, or an owner that is gone.
                None if !lock_path.exists() => match create_locked(&lock_path)? {
                    Some(lock) => lock,
                    None => continue,
                },
                None => continue,
            };
            let recovery = match read(&answers) {
                Ok(Some(recovery)) => recovery,
                // Restored or discarded by another app between the listing and the lock.
                Ok(None) => continue,
                Err(e) => {
                    first_error.get_or_insert(e);
                    continue;
                }
            };
            if newest
                .as_ref()
                .is_none_or(|n| n.recovery.saved_at < recovery.saved_at)
            {
                // Replacing an older candidate drops its lock, so a later start can offer it.
                newest = Some(Orphan {
                    recovery,
                    answers,
                    lock_path,
                    _lock: lock,
                });
            }
        }
        match (newest, first_error) {
            (Some(orphan), _) => Ok(Some(orphan)),
            (None, Some(e)) => Err(e),
            (None, None) => Ok(None),
        }
    }
}

impl Drop for Slot {
    /// Without answers left to recover, the lock file has no use; with answers (the app is closing
    /// with unsaved changes the owner did not discard) both stay, to be offered next time.
    fn drop(&mut self) {
        if !self.answers.exists() {
            let _ = std::fs::remove_file(&self.lock_path);
        }
    }
}

/// Recovery answers no running app owns, held (locked) by the app that offers them.
#[derive(Debug)]
pub struct Orphan {
    recovery: Recovery,
    answers: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl Orphan {
    /// The answers it holds.
    pub fn recovery(&self) -> &Recovery {
        &self.recovery
    }

    /// Makes the answers `slot`'s own: the file is renamed, so they are on disk throughout, and
    /// from now on they are the slot's unsaved answers.
    pub fn restore_into(self, slot: &Slot) -> Result<Recovery, RecoveryError> {
        std::fs::rename(&self.answers, &slot.answers).map_err(io(&self.answers))?;
        let _ = std::fs::remove_file(&self.lock_path);
        Ok(self.recovery)
    }

    /// Deletes the answers: the owner chose not to restore them.
    pub fn discard(self) -> Result<(), RecoveryError> {
        remove(&self.answers)?;
        let _ = std::fs::remove_file(&self.lock_path);
        Ok(())
    }
}

/// The `recovery*` files in `dir` ending in `ending`.
fn files_in(dir: &Path, ending: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(ending))
        })
        .collect();
    files.sort();
    files
}

/// Removes lock files whose app is gone and that guard no answers (an app that exited without
/// removing its lock file). Best effort: a file that cannot be removed costs nothing.
fn sweep_stale_locks(dir: &Path) {
    for lock_path in files_in(dir, LOCK) {
        if lock_path.with_extension("json").exists() {
            continue;
        }
        if let Ok(Some(_held)) = try_lock(&lock_path) {
            let _ = std::fs::remove_file(&lock_path);
        }
    }
}

#[cfg(test)]
mod tests;
