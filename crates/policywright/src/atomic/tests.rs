//! Tests of atomic writes: what is at the target after a success, a failure and a kill.

use super::*;

/// The names in `dir`, sorted. Also used by the export tests.
pub(crate) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A writer that takes `room` bytes and then reports a full disk. Also used by the export tests.
pub(crate) struct FullDisk<'f> {
    pub(crate) file: &'f mut File,
    pub(crate) room: usize,
}

impl Write for FullDisk<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let n = self.file.write(&buf[..buf.len().min(self.room)])?;
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

fn full_after_100(file: &mut File) -> Box<dyn Write + '_> {
    Box::new(FullDisk { file, room: 100 })
}

#[test]
fn replaces_the_file_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.policy.json");
    fs::write(&target, "old").unwrap();
    write(&target, b"new").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"new");
    assert_eq!(names(dir.path()), ["a.policy.json"]);
}

#[test]
fn a_full_disk_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.html");
    fs::write(&target, "the previous export").unwrap();
    let options = Options {
        new_file: NewFile::Document,
        writer: Some(&full_after_100),
    };
    let err = stage(&target, &[b'x'; 10_000], &options)
        .err()
        .expect("the write must fail");
    assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    assert!(!err.to_string().contains(TEMP_MARK), "{err}");
    assert_eq!(fs::read(&target).unwrap(), b"the previous export");
    assert_eq!(names(dir.path()), ["a.html"]);
}

#[test]
fn nothing_changes_until_commit_and_a_dropped_stage_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.md");
    fs::write(&target, "old").unwrap();
    let staged = stage(&target, b"new", &Options::DOCUMENT).unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"old");
    let temps = temp_files(&target);
    assert_eq!(temps.len(), 1);
    let name = temps[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(".a.md.policywright-tmp-"), "{name}");
    assert_eq!(fs::read(&temps[0]).unwrap(), b"new");
    drop(staged);
    assert_eq!(names(dir.path()), ["a.md"]);
}

#[test]
fn orphans_of_the_target_go_and_live_or_other_temporary_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p.policy.json");
    let orphan = dir.path().join(".p.policy.json.policywright-tmp-AbC123");
    let other = dir.path().join(".q.policy.json.policywright-tmp-AbC123");
    fs::write(&orphan, "half a proj").unwrap();
    fs::write(&other, "someone else's").unwrap();
    // A save still running (here: this test holding the lock, as a writer does) is not an orphan.
    let live_path = dir.path().join(".p.policy.json.policywright-tmp-Live00");
    let live = File::create(&live_path).unwrap();
    live.lock().unwrap();
    write(&target, b"saved").unwrap();
    assert_eq!(
        names(dir.path()),
        [
            ".p.policy.json.policywright-tmp-Live00",
            ".q.policy.json.policywright-tmp-AbC123",
            "p.policy.json"
        ]
    );
    drop(live);
    // A lock lives as long as any copy of its file handle: another test of this binary that
    // starts a process at this moment hands the child a copy until the child's exec closes it,
    // so under load the released file can look held for a moment. Later saves take it then.
    let expected = [".q.policy.json.policywright-tmp-AbC123", "p.policy.json"];
    for _ in 0..100 {
        write(&target, b"saved again").unwrap();
        if names(dir.path()) == expected {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(names(dir.path()), expected);
}

#[test]
fn a_folder_at_the_target_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.bak");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside"), "keep").unwrap();
    let err = write(&target, b"new").unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
    assert_eq!(fs::read(target.join("inside")).unwrap(), b"keep");
}

#[test]
fn a_long_name_still_gives_a_valid_temporary_name() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(format!("{}.policy.json", "é".repeat(115)));
    write(&target, b"x").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"x");
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_symlink_at_the_target_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "IMPORTANT").unwrap();
        let target = dir.path().join("saas.html");
        symlink(&victim, &target).unwrap();
        stage(&target, b"<html>", &Options::DOCUMENT)
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"IMPORTANT");
        assert!(fs::symlink_metadata(&target).unwrap().is_file());
        assert_eq!(fs::read(&target).unwrap(), b"<html>");
    }

    #[test]
    fn an_existing_file_keeps_its_mode_and_new_files_get_the_asked_one() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared.policy.json");
        fs::write(&shared, "v1").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o664)).unwrap();
        write(&shared, b"v2").unwrap();
        assert_eq!(mode(&shared), 0o664);

        let private = dir.path().join("recovery.json");
        write(&private, b"x").unwrap();
        assert_eq!(mode(&private), 0o600);

        let like = dir.path().join("like.bak");
        stage(
            &like,
            b"x",
            &Options {
                new_file: NewFile::Like(&fs::metadata(&shared).unwrap()),
                writer: None,
            },
        )
        .unwrap()
        .commit()
        .unwrap();
        assert_eq!(mode(&like), 0o664);

        // A document gets what the umask allows, as from any editor: group and others may read
        // unless the umask says otherwise; never executable.
        let doc = dir.path().join("doc.html");
        stage(&doc, b"x", &Options::DOCUMENT)
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(mode(&doc) & 0o711, 0o600, "{:o}", mode(&doc));
    }

    #[test]
    fn a_fifo_at_the_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.policy.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system: nothing to test
        }
        let err = write(&fifo, b"x").unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }
}

#[test]
fn a_folder_that_refuses_new_files_is_named_and_other_errors_pass_through() {
    // Root may write anywhere, so the real case cannot be set up in every test run; the mapping
    // is what decides the message.
    let denied = folder_error(
        Path::new("/srv/shared"),
        io::Error::from(io::ErrorKind::PermissionDenied),
    );
    assert_eq!(denied.kind(), io::ErrorKind::PermissionDenied);
    assert!(
        denied
            .to_string()
            .starts_with("the folder /srv/shared is not writable"),
        "{denied}"
    );
    let full = folder_error(
        Path::new("/srv/shared"),
        io::Error::from(io::ErrorKind::StorageFull),
    );
    assert!(!full.to_string().contains("/srv/shared"), "{full}");
}
