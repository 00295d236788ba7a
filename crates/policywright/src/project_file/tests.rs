//! Saving under failure: a full disk at each step of a save, and the pre-upgrade backup.

use std::io::Write;

use super::*;
use crate::model::Project;

thread_local! {
    /// Bytes left on this test thread's simulated disk.
    static ROOM: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Writes to the file until [`ROOM`] runs out, then reports a full disk.
struct Limited<'f> {
    file: &'f mut File,
}

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let room = ROOM.get();
        if room == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let n = self.file.write(&buf[..buf.len().min(room)])?;
        ROOM.set(room - n);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

fn limited(file: &mut File) -> Box<dyn Write + '_> {
    Box::new(Limited { file })
}

fn project(name: &str) -> Project {
    let mut project = Project::blank();
    project.organisation.legal_name = name.into();
    project
}

fn saved_bytes(name: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.policy.json");
    save(&project(name), &path, "lib").unwrap();
    fs::read(path).unwrap()
}

#[test]
fn a_full_disk_at_any_point_leaves_the_file_and_bak_as_they_were() {
    let old = saved_bytes("Old Ltd");
    let older = saved_bytes("Older Ltd");
    let new_len = saved_bytes("New Ltd with a longer name").len();
    // Room for nothing, for part of the .bak, for the .bak but not all of the new file.
    for room in [0, old.len() / 2, old.len() + new_len / 2] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.policy.json");
        fs::write(&path, &old).unwrap();
        fs::write(dir.path().join("p.policy.json.bak"), &older).unwrap();
        ROOM.set(room);
        let options = Options {
            new_file: NewFile::Document,
            writer: Some(&limited),
        };
        let err = save_with(
            &project("New Ltd with a longer name"),
            &path,
            "lib",
            &options,
        )
        .expect_err("the disk is full");
        let message = err.to_string();
        assert!(message.contains("p.policy.json"), "{message}");
        assert!(!message.contains(atomic::TEMP_MARK), "{message}");
        assert_eq!(fs::read(&path).unwrap(), old, "room {room}");
        let bak = fs::read(dir.path().join("p.policy.json.bak")).unwrap();
        // The .bak is either untouched or already the old file: both keep a good version.
        assert!(bak == older || bak == old, "room {room}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "room {room}");
    }
}

#[test]
fn a_file_in_an_older_format_is_kept_as_its_versioned_bak_once() {
    let fixture = include_bytes!("../../tests/fixtures/v1.policy.json");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.policy.json");
    fs::write(&path, fixture).unwrap();
    let meta = fs::metadata(&path).unwrap();
    // As a build whose current format is 2 would, replacing a format-1 file.
    keep_previous(&path, &path, fixture, &meta, &Options::DOCUMENT, 2).unwrap();
    let versioned = dir.path().join("old.policy.json.v1.bak");
    assert_eq!(fs::read(&versioned).unwrap(), fixture);
    assert_eq!(
        fs::read(dir.path().join("old.policy.json.bak")).unwrap(),
        fixture
    );
    // A later upgrade of another format-1 copy keeps the first original.
    keep_previous(
        &path,
        &path,
        b"{\"schema_version\": 1}",
        &meta,
        &Options::DOCUMENT,
        2,
    )
    .unwrap();
    assert_eq!(fs::read(&versioned).unwrap(), fixture);
    // Files already in the current format get only the .bak.
    keep_previous(&path, &path, fixture, &meta, &Options::DOCUMENT, 1).unwrap();
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
}
