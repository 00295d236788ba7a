//! Atomic file writes: a temporary file in the same folder, flushed to disk, then renamed over
//! the target. A crash leaves either the old file or the new one, never half of each. The rename
//! is `tempfile`'s `persist`, which also replaces an existing file on Windows; a symlink at the
//! target is replaced by the rename, never written through.
//!
//! Temporary files are called `.NAME.policywright-tmp-<six random characters>`, so an owner who finds one knows
//! whose it is. The writer holds an OS lock on its temporary file until the rename; a temporary
//! file nobody holds a lock on was left by a write that was killed, and the next write of the same
//! target removes it. Locks end with the process that took them, so this never removes a file a
//! live save (in this process or another) is still writing.
//!
//! A target that already exists keeps its permissions (and, on Unix, its owner and group where the
//! system allows it): an atomic rename would otherwise give every save the temporary file's mode.
//! Errors never name the temporary file: callers name the file the owner asked for.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What every temporary file name contains after `.NAME`.
pub const TEMP_MARK: &str = ".policywright-tmp-";

/// Random characters after [`TEMP_MARK`].
const RANDOM_LEN: usize = 6;

/// Longest part of the target's name kept in a temporary file's name, so that the temporary
/// name stays under the usual 255-byte limit.
const NAME_KEEP: usize = 200;

/// Gives the write a different [`Write`] than the temporary file itself. Tests pass one that
/// fails part-way, the way a full disk does.
pub type WrapWriter = dyn for<'f> Fn(&'f mut File) -> Box<dyn Write + 'f>;

/// The permissions a file gets when there was no file at the target before.
#[derive(Debug, Clone, Copy)]
pub enum NewFile<'a> {
    /// Readable only by its owner (recovery file, recent list: they live in the app's folders).
    Private,
    /// What any program creating a document would give it (the system default, e.g. `umask`).
    Document,
    /// The same as another file: a backup copy gets the mode of the file it copies.
    Like(&'a Metadata),
}

/// How [`stage`] writes.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Permissions of a file that did not exist.
    pub new_file: NewFile<'a>,
    /// Wraps the temporary file's writer (tests only simulate a full disk with it).
    pub writer: Option<&'a WrapWriter>,
}

impl Options<'static> {
    /// Owner-only new files.
    pub const PRIVATE: Self = Options {
        new_file: NewFile::Private,
        writer: None,
    };
    /// New files as any document.
    pub const DOCUMENT: Self = Options {
        new_file: NewFile::Document,
        writer: None,
    };
}

/// A temporary file that holds the new bytes on disk, waiting to be renamed over its target.
/// Dropping it without [`Staged::commit`] removes it.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Staged {
    /// Renames the temporary file over the target.
    pub fn commit(self) -> io::Result<()> {
        let Staged { tmp, target } = self;
        // The lock stays held through the rename, so a cleaner never takes this file for an
        // orphan; it ends when the file is closed here.
        tmp.persist(&target).map_err(|e| e.error)?;
        sync_folder(&target);
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically, creating the parent folder if needed. A new file is
/// readable only by its owner.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(path, bytes, &Options::PRIVATE)?.commit()
}

/// Writes `bytes` to a temporary file next to `target` and flushes it to disk; nothing changes at
/// `target` until [`Staged::commit`]. Removes temporary files of `target` left by killed writes.
pub fn stage(target: &Path, bytes: &[u8], options: &Options<'_>) -> io::Result<Staged> {
    let dir = folder_of(target);
    fs::create_dir_all(&dir)?;
    let before = existing_file(target)?;
    remove_orphans(target);
    let prefix = temp_prefix(target);
    let mut tmp = loop {
        let tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .rand_bytes(RANDOM_LEN)
            .make_in(&dir, |path| create_new(path, options.new_file))
            .map_err(|e| folder_error(&dir, e))?;
        if lock_and_check(&tmp) {
            break tmp;
        }
    };
    let file = tmp.as_file_mut();
    match options.writer {
        Some(wrap) => {
            let mut writer = wrap(file);
            writer.write_all(bytes)?;
            writer.flush()?;
        }
        None => file.write_all(bytes)?,
    }
    match (&before, options.new_file) {
        (Some(meta), _) | (None, NewFile::Like(meta)) => keep_owner_and_mode(tmp.as_file(), meta),
        _ => {}
    }
    tmp.as_file().sync_all()?;
    Ok(Staged {
        tmp,
        target: target.to_path_buf(),
    })
}

/// The temporary files of `target` currently in its folder (live or orphaned).
pub fn temp_files(target: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.len() == prefix.len() + RANDOM_LEN && name.starts_with(&prefix)
        })
        .map(|e| e.path())
        .collect()
}

/// Removes the temporary files of `target` that no live writer holds: ones left by a save that
/// was killed. Best effort: a file that cannot be opened, locked or removed stays.
pub fn remove_orphans(target: &Path) {
    for path in temp_files(target) {
        let Ok(file) = File::open(&path) else {
            continue;
        };
        // Only a file nobody holds a lock on is an orphan; an error (a filesystem without locks)
        // means we cannot tell, so it stays.
        if file.try_lock().is_err() {
            continue;
        }
        // Windows cannot remove a file this process still has open.
        drop(file);
        let _ = fs::remove_file(&path);
    }
}

fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.policywright-tmp-` for the target's file name.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut end = name.len().min(NAME_KEEP);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}{TEMP_MARK}", &name[..end])
}

/// The metadata of the regular file at `target`, none when nothing (or a symlink, which the
/// rename replaces) is there; a folder or a device is refused rather than replaced.
fn existing_file(target: &Path) -> io::Result<Option<Metadata>> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(meta) if meta.file_type().is_symlink() => Ok(None),
        Ok(meta) if meta.is_dir() => Err(io::Error::other("it is a folder, not a file")),
        Ok(_) => Err(io::Error::other("it is not a regular file")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn create_new(path: &Path, mode: NewFile<'_>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Like any editor: the system's umask still applies to 0o666.
        options.mode(match mode {
            NewFile::Private => 0o600,
            NewFile::Document | NewFile::Like(_) => 0o666,
        });
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// Locks the new temporary file and checks that it is still the file at its path: a cleaner in
/// another process may have taken it for an orphan between its creation and the lock. `false`
/// means: make another one.
fn lock_and_check(tmp: &tempfile::NamedTempFile) -> bool {
    match tmp.as_file().try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return false,
        // No locks on this filesystem: cleaners cannot take it either.
        Err(fs::TryLockError::Error(_)) => return true,
    }
    same_file(tmp.as_file(), tmp.path())
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    // Windows refuses to remove a file another process holds open, so existing is enough.
    path.exists()
}

/// Gives the temporary file the old file's mode, owner and group (Unix); elsewhere the only
/// permission is read-only, which a save must not copy onto the file it then has to rename.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Owner first: changing it can clear set-id bits, which the mode then restores. Only root
    // may give a file away, and only a member may give it a group; either refusal leaves the
    // saver's own, which is what any editor does.
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
    let _ = file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777));
}

#[cfg(not(unix))]
fn keep_owner_and_mode(_file: &File, _old: &Metadata) {}

/// Flushes the folder entry of the rename, so a power cut right after a save keeps the new name.
#[cfg(unix)]
fn sync_folder(target: &Path) {
    if let Ok(dir) = File::open(folder_of(target)) {
        let _ = dir.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_folder(_target: &Path) {}

/// A temporary file that cannot be created is almost always a folder the user may not write.
fn folder_error(dir: &Path, e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::PermissionDenied {
        io::Error::new(
            e.kind(),
            format!("the folder {} is not writable ({e})", dir.display()),
        )
    } else {
        e
    }
}

#[cfg(test)]
pub(crate) mod tests;
