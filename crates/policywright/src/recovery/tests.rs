//! Tests of recovery files. Dropping a [`Slot`] that has answers is what a crash does to it: the
//! files stay and the OS lock goes, because the lock belongs to the open file, not the process.
use super::*;

fn named(name: &str) -> Project {
    let mut project = Project::blank();
    project.organisation.legal_name = name.into();
    project
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A slot whose app "crashed" with `name` unsaved: its files stay, its lock is gone.
fn crashed_with(dir: &Path, name: &str) -> PathBuf {
    let slot = Slot::claim(dir).unwrap();
    slot.write(None, &named(name)).unwrap();
    let file = slot.file().to_path_buf();
    drop(slot);
    file
}

#[test]
fn write_read_clear_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data").join("recovery.json");
    assert_eq!(read(&file).unwrap(), None);
    let project = named("Wren & <Co>");
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

#[test]
fn the_answers_are_read_as_a_project_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recovery.json");
    let mut project = serde_json::to_value(named("Future Ltd")).unwrap();
    project["schema_version"] = 99.into();
    let stored =
        serde_json::json!({ "path": null, "saved_at": "2026-01-01T00:00:00Z", "project": project });
    std::fs::write(&file, stored.to_string()).unwrap();
    let err = read(&file).unwrap_err();
    assert!(matches!(err, RecoveryError::Unreadable { .. }), "{err:?}");
    assert!(err.to_string().contains("Update Policywright"), "{err}");
}

#[test]
fn each_app_has_its_own_file_and_a_live_one_is_never_offered() {
    let dir = tempfile::tempdir().unwrap();
    let a = Slot::claim(dir.path()).unwrap();
    let b = Slot::claim(dir.path()).unwrap();
    assert_ne!(a.file(), b.file());
    a.write(None, &named("Alpha Ltd")).unwrap();
    b.write(None, &named("Bravo Ltd")).unwrap();
    assert!(a.adopt_orphan().unwrap().is_none(), "B is running");
    assert!(b.adopt_orphan().unwrap().is_none(), "A is running");
    // Saving or discarding in B leaves A's file alone.
    b.clear().unwrap();
    let a_answers = a.read().unwrap().unwrap();
    assert_eq!(a_answers.project.organisation.legal_name, "Alpha Ltd");
    assert_eq!(b.read().unwrap(), None);
}

#[test]
fn after_a_crash_the_next_app_is_offered_only_the_crashed_answers() {
    let dir = tempfile::tempdir().unwrap();
    let live = Slot::claim(dir.path()).unwrap();
    live.write(None, &named("Live Ltd")).unwrap();
    crashed_with(dir.path(), "Crashed Ltd");

    let next = Slot::claim(dir.path()).unwrap();
    let orphan = next
        .adopt_orphan()
        .unwrap()
        .expect("the crashed app's answers");
    assert_eq!(
        orphan.recovery().project.organisation.legal_name,
        "Crashed Ltd"
    );
    // While one app offers them, another starting now does not offer them too.
    let other = Slot::claim(dir.path()).unwrap();
    assert!(other.adopt_orphan().unwrap().is_none());

    orphan.discard().unwrap();
    assert!(
        other.adopt_orphan().unwrap().is_none(),
        "discarded for good"
    );
    assert_eq!(
        live.read()
            .unwrap()
            .unwrap()
            .project
            .organisation
            .legal_name,
        "Live Ltd",
        "the live app's answers are untouched"
    );
}

#[test]
fn restoring_makes_the_answers_the_new_app_s_own() {
    let dir = tempfile::tempdir().unwrap();
    let crashed = crashed_with(dir.path(), "Crashed Ltd");
    let next = Slot::claim(dir.path()).unwrap();
    let orphan = next.adopt_orphan().unwrap().unwrap();
    let restored = orphan.restore_into(&next).unwrap();
    assert_eq!(restored.project.organisation.legal_name, "Crashed Ltd");
    assert!(!crashed.exists() && !lock_for(&crashed).exists());
    assert_eq!(
        next.read().unwrap(),
        Some(restored),
        "on disk all along, now as the new app's"
    );
    // Should the new app crash too, they are offered again.
    drop(next);
    let third = Slot::claim(dir.path()).unwrap();
    let again = third.adopt_orphan().unwrap().unwrap();
    assert_eq!(
        again.recovery().project.organisation.legal_name,
        "Crashed Ltd"
    );
}

#[test]
fn the_newest_orphan_comes_first_and_the_others_wait_their_turn() {
    let dir = tempfile::tempdir().unwrap();
    crashed_with(dir.path(), "Older Ltd");
    std::thread::sleep(std::time::Duration::from_millis(20));
    crashed_with(dir.path(), "Newer Ltd");
    let next = Slot::claim(dir.path()).unwrap();
    let first = next.adopt_orphan().unwrap().unwrap();
    assert_eq!(
        first.recovery().project.organisation.legal_name,
        "Newer Ltd"
    );
    first.discard().unwrap();
    let second = next.adopt_orphan().unwrap().unwrap();
    assert_eq!(
        second.recovery().project.organisation.legal_name,
        "Older Ltd"
    );
}

#[test]
fn the_single_file_of_earlier_versions_is_offered_too() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("recovery.json"),
        None,
        &named("Legacy Ltd"),
    )
    .unwrap();
    let next = Slot::claim(dir.path()).unwrap();
    let orphan = next.adopt_orphan().unwrap().unwrap();
    assert_eq!(
        orphan.recovery().project.organisation.legal_name,
        "Legacy Ltd"
    );
    let other = Slot::claim(dir.path()).unwrap();
    assert!(other.adopt_orphan().unwrap().is_none(), "held by the first");
    orphan.discard().unwrap();
    drop((next, other));
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

#[test]
fn an_unreadable_orphan_does_not_hide_a_readable_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("recovery.json"), "{ not json").unwrap();
    let next = Slot::claim(dir.path()).unwrap();
    let err = next.adopt_orphan().unwrap_err();
    assert!(err.to_string().contains("cannot be read"), "{err}");
    crashed_with(dir.path(), "Readable Ltd");
    let orphan = next.adopt_orphan().unwrap().unwrap();
    assert_eq!(
        orphan.recovery().project.organisation.legal_name,
        "Readable Ltd"
    );
}

#[test]
fn lock_files_without_answers_are_tidied() {
    let dir = tempfile::tempdir().unwrap();
    let slot = Slot::claim(dir.path()).unwrap();
    let lock = lock_for(slot.file());
    assert!(lock.exists());
    drop(slot);
    assert!(!lock.exists(), "a clean exit removes its lock file");

    // An exit that skipped the tidying (or a crash with nothing unsaved) leaves one behind.
    std::fs::write(dir.path().join("recovery-dead.lock"), "").unwrap();
    let live = Slot::claim(dir.path()).unwrap();
    let next = Slot::claim(dir.path()).unwrap();
    let left = names(dir.path());
    assert!(!left.contains(&"recovery-dead.lock".to_owned()), "{left:?}");
    assert!(lock_for(live.file()).exists(), "a live app's lock stays");
    assert!(lock_for(next.file()).exists());
}
