//! Loading and saving project files: round trips, atomic saves with a backup, and one clear error
//! for every kind of broken file.

mod common;

use std::path::Path;

use common::{example, library};
use policywright::model::{Project, SCHEMA_VERSION};
use policywright::project_file::{self, ProjectFileError};

#[test]
fn examples_round_trip_through_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["saas", "shop", "consumer-app"] {
        let project = example(name);
        let path = dir.path().join(format!("{name}.policy.json"));
        project_file::save(&project, &path, library().version()).unwrap();
        let loaded = project_file::load(&path).unwrap();
        let stamp = loaded
            .saved_with
            .clone()
            .expect("save records the versions");
        assert_eq!(stamp.library_version, library().version());
        assert_eq!(stamp.app_version, policywright::APP_VERSION);
        assert_eq!(
            Project {
                saved_with: None,
                ..loaded
            },
            project,
            "{name}"
        );
    }
}

#[test]
fn saving_over_a_file_keeps_the_previous_one_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.policy.json");
    let mut project = example("shop");
    project_file::save(&project, &path, "v1").unwrap();
    project.organisation.legal_name = "Renamed Ltd".into();
    project_file::save(&project, &path, "v1").unwrap();
    let backup = project_file::load(&dir.path().join("mine.policy.json.bak")).unwrap();
    assert_eq!(backup.organisation.legal_name, "Hollybank Tea Company Ltd");
    assert_eq!(
        project_file::load(&path).unwrap().organisation.legal_name,
        "Renamed Ltd"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary files are left behind: {leftovers:?}"
    );
}

#[test]
fn saved_files_are_stable_pretty_json() {
    let text = project_file::to_json(&example("saas"));
    assert!(text.ends_with("}\n"));
    assert_eq!(
        text,
        project_file::to_json(&project_file::parse(&text, Path::new("x")).unwrap())
    );
}

fn parse_err(text: &str) -> ProjectFileError {
    project_file::parse(text, Path::new("broken.policy.json")).expect_err("must fail")
}

#[test]
fn truncated_json_names_line_and_column() {
    let text = project_file::to_json(&example("shop"));
    // Trimmed so the file ends inside a line: a cut just after a newline is column 0.
    let cut = text[..text.len() / 2].trim_end();
    match parse_err(cut) {
        ProjectFileError::Syntax { line, column, .. } => assert!(line > 1 && column > 0),
        other => panic!("expected a syntax error, got {other}"),
    }
    let msg = parse_err("{\n  \"schema_version\": 1,\n  oops\n}").to_string();
    assert!(msg.contains("line 3, column 3"), "{msg}");
}

#[test]
fn wrong_types_and_unknown_fields_name_the_field() {
    let mut value: serde_json::Value =
        serde_json::from_str(&project_file::to_json(&example("shop"))).unwrap();
    value["organisation"]["legal_name"] = serde_json::json!(42);
    let msg = parse_err(&value.to_string()).to_string();
    assert!(msg.contains("field `organisation.legal_name`"), "{msg}");

    let mut value: serde_json::Value =
        serde_json::from_str(&project_file::to_json(&example("shop"))).unwrap();
    value["data"][2]["retention"]["unit"] = serde_json::json!("fortnights");
    let msg = parse_err(&value.to_string()).to_string();
    assert!(msg.contains("field `data[2].retention"), "{msg}");

    let mut value: serde_json::Value =
        serde_json::from_str(&project_file::to_json(&example("shop"))).unwrap();
    value["organisation"]["emial"] = serde_json::json!("typo@example.com");
    let msg = parse_err(&value.to_string()).to_string();
    assert!(msg.contains("emial"), "{msg}");
}

#[test]
fn unknown_or_missing_schema_version_is_refused_clearly() {
    let newer = format!("{{\"schema_version\": {}}}", SCHEMA_VERSION + 1);
    assert!(
        parse_err(&newer)
            .to_string()
            .contains("Update Policywright")
    );
    assert!(
        parse_err("{\"schema_version\": 0}")
            .to_string()
            .contains("not a format Policywright knows")
    );
    assert!(
        parse_err("{\"schema_version\": \"one\"}")
            .to_string()
            .contains("of the wrong type")
    );
    assert!(
        parse_err("{}")
            .to_string()
            .contains("does not look like a Policywright project file")
    );
    assert!(
        parse_err("[1, 2]")
            .to_string()
            .contains("does not look like")
    );
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.policy.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    match project_file::load(&path) {
        Err(ProjectFileError::TooLarge { size, .. }) => assert_eq!(size, 50 * 1024 * 1024),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_the_path() {
    let msg = project_file::load(Path::new("no/such/file.policy.json"))
        .unwrap_err()
        .to_string();
    assert!(msg.starts_with("no/such/file.policy.json"), "{msg}");
}

#[test]
fn json_schema_in_docs_is_current() {
    let schema = serde_json::to_string_pretty(&Project::json_schema()).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/project.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == schema,
        "docs/project.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p policywright json_schema`"
    );
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_project_too_large_to_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.policy.json");
    let mut project = example("saas");
    project_file::save(&project, &path, "v1").unwrap();
    let before = std::fs::read(&path).unwrap();
    project.organisation.legal_name = "x".repeat(project_file::MAX_FILE_BYTES as usize);
    match project_file::save(&project, &path, "v1") {
        Err(e @ ProjectFileError::TooLargeToSave { .. }) => {
            let message = e.to_string();
            assert!(message.contains("big.policy.json") && message.contains("not saved"));
        }
        other => panic!("expected TooLargeToSave, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Just under the limit saves and opens again.
    let base = project_file::to_json(&example("saas")).len() + 200;
    project.organisation.legal_name = "x".repeat(project_file::MAX_FILE_BYTES as usize - base);
    project_file::save(&project, &path, "v1").unwrap();
    assert_eq!(
        project_file::load(&path)
            .unwrap()
            .organisation
            .legal_name
            .len(),
        project.organisation.legal_name.len()
    );
}

#[test]
fn bak_keeps_the_previous_different_version_across_saves_without_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.policy.json");
    let bak = dir.path().join("mine.policy.json.bak");
    let mut project = example("shop");
    project_file::save(&project, &path, "v1").unwrap();
    let first = std::fs::read(&path).unwrap();
    project.organisation.legal_name = "Renamed Ltd".into();
    project_file::save(&project, &path, "v1").unwrap();
    assert_eq!(std::fs::read(&bak).unwrap(), first);
    // Ctrl+S again, and again: nothing changed, so the .bak still holds the first version.
    project_file::save(&project, &path, "v1").unwrap();
    project_file::save(&project, &path, "v1").unwrap();
    assert_eq!(std::fs::read(&bak).unwrap(), first);
    assert_eq!(
        project_file::load(&path).unwrap().organisation.legal_name,
        "Renamed Ltd"
    );
    assert_eq!(
        leftovers(dir.path()),
        ["mine.policy.json", "mine.policy.json.bak"]
    );
}

#[test]
fn temporary_files_left_by_a_killed_save_go_with_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.policy.json");
    project_file::save(&example("shop"), &path, "v1").unwrap();
    // What a save killed after writing half its temporary file leaves.
    let orphan = dir.path().join(".mine.policy.json.policywright-tmp-q1W2e3");
    std::fs::write(&orphan, "{\"schema_version\": 1, \"organ").unwrap();
    let bak_orphan = dir
        .path()
        .join(".mine.policy.json.bak.policywright-tmp-r4T5y6");
    std::fs::write(&bak_orphan, "{\"schema_version\": 1, \"organ").unwrap();
    let other = dir
        .path()
        .join(".other.policy.json.policywright-tmp-q1W2e3");
    std::fs::write(&other, "not this file's").unwrap();
    // Even a save that changes nothing cleans up.
    project_file::save(&example("shop"), &path, "v1").unwrap();
    assert!(!orphan.exists());
    assert!(
        !bak_orphan.exists(),
        "nor what a save killed while writing the .bak left"
    );
    assert!(
        other.exists(),
        "another file's temporary file is not ours to remove"
    );
}

#[test]
fn a_key_given_twice_is_an_error_naming_it() {
    let text = project_file::to_json(&example("shop"));
    let twice = text.replacen(
        "\"legal_name\":",
        "\"legal_name\": \"FIRST\",\n    \"legal_name\":",
        1,
    );
    match parse_err(&twice) {
        e @ ProjectFileError::Repeated { .. } => {
            let message = e.to_string();
            assert!(
                message.contains("`organisation.legal_name` is given twice"),
                "{message}"
            );
            assert!(message.contains("broken.policy.json: line "), "{message}");
        }
        other => panic!("expected Repeated, got {other}"),
    }
    let twice = text.replacen("{\n", "{\n  \"schema_version\": 1,\n", 1);
    assert!(
        parse_err(&twice)
            .to_string()
            .contains("`schema_version` is given twice")
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_bad_utf8_is_located() {
    let text = project_file::to_json(&example("shop"));
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        project_file::parse(&with_bom, Path::new("x")).unwrap(),
        example("shop")
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.policy.json");
    let mut bytes = b"{\n  \"schema_version\": 1,\n  \"x\": \"caf".to_vec();
    bytes.extend([0xe9, b'"', b'}']);
    std::fs::write(&path, bytes).unwrap();
    let message = project_file::load(&path).unwrap_err().to_string();
    assert!(
        message.contains("line 3, column 12") && message.contains("UTF-8"),
        "{message}"
    );
}

#[test]
fn a_folder_is_refused_on_load_and_save_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.policy.json");
    std::fs::create_dir(&path).unwrap();
    let message = project_file::load(&path).unwrap_err().to_string();
    assert!(
        message.contains("x.policy.json: this is a folder"),
        "{message}"
    );
    let message = project_file::save(&example("shop"), &path, "v1")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("x.policy.json: this is a folder"),
        "{message}"
    );
}

#[test]
fn a_folder_in_place_of_the_bak_names_the_bak_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.policy.json");
    project_file::save(&example("shop"), &path, "v1").unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::create_dir(dir.path().join("p.policy.json.bak")).unwrap();
    let mut changed = example("shop");
    changed.organisation.legal_name = "Changed".into();
    let message = project_file::save(&changed, &path, "v1")
        .unwrap_err()
        .to_string();
    assert!(message.contains("p.policy.json.bak"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.policy.json");
    project_file::save(&example("shop"), &path, "v1").unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let mut changed = example("shop");
    changed.organisation.legal_name = "Changed".into();
    let message = project_file::save(&changed, &path, "v1")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("locked.policy.json: not saved: the file is read-only"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(leftovers(dir.path()), ["locked.policy.json"]);
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    #[test]
    fn saving_through_a_symlink_updates_the_real_file_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("synced");
        std::fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("p.policy.json");
        let link = dir.path().join("p.policy.json");
        let mut project = example("shop");
        project_file::save(&project, &real, "v1").unwrap();
        let first = std::fs::read(&real).unwrap();
        // A relative link, as `ln -s synced/p.policy.json` makes.
        symlink("synced/p.policy.json", &link).unwrap();
        project.organisation.legal_name = "Through The Link Ltd".into();
        project_file::save(&project, &link, "v1").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            project_file::load(&real).unwrap().organisation.legal_name,
            "Through The Link Ltd"
        );
        assert_eq!(
            std::fs::read(real_dir.join("p.policy.json.bak")).unwrap(),
            first
        );
        assert_eq!(leftovers(dir.path()), ["p.policy.json", "synced"]);
    }

    #[test]
    fn saving_keeps_the_mode_and_group_of_the_file_and_gives_them_to_the_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.policy.json");
        let mut project = example("shop");
        project_file::save(&project, &path, "v1").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        // Another group where this user may set one (root may set any); else its own.
        let own = std::fs::metadata(&path).unwrap().gid();
        let group = if std::os::unix::fs::chown(&path, None, Some(own + 4242)).is_ok() {
            own + 4242
        } else {
            own
        };
        project.organisation.legal_name = "Changed".into();
        project_file::save(&project, &path, "v1").unwrap();
        for file in [path.clone(), dir.path().join("shared.policy.json.bak")] {
            let meta = std::fs::metadata(&file).unwrap();
            assert_eq!(
                meta.permissions().mode() & 0o7777,
                0o640,
                "{}",
                file.display()
            );
            assert_eq!(meta.gid(), group, "{}", file.display());
        }
    }

    fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || tx.send(f()));
        rx.recv_timeout(Duration::from_secs(5))
            .expect("returned at once instead of waiting for a writer to the pipe")
    }

    #[test]
    fn a_fifo_is_refused_at_once_on_load_and_save() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.policy.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let path = fifo.clone();
        let message = within_5s(move || project_file::load(&path).unwrap_err().to_string());
        assert!(message.contains("not a regular file"), "{message}");
        let message = within_5s(move || {
            project_file::save(&Project::blank(), &fifo, "v1")
                .unwrap_err()
                .to_string()
        });
        assert!(message.contains("not a regular file"), "{message}");
    }
}

#[test]
fn considered_marks_are_saved_and_a_project_without_them_does_not_mention_them() {
    let blank = project_file::to_json(&Project::blank());
    assert!(!blank.contains("considered"), "{blank}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marked.policy.json");
    let mut project = example("shop");
    project.considered = vec![policywright::model::Considered {
        code: "organisation.uk-representative-missing".into(),
        path: Some("organisation.uk_representative".into()),
        reason: "We serve UK customers only now and then (UK GDPR Art. 27(2)).".into(),
    }];
    project_file::save(&project, &path, "v1").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"considered\""), "{text}");
    assert_eq!(
        project_file::load(&path).unwrap().considered,
        project.considered
    );
}
