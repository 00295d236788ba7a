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
    let cut = &text[..text.len() / 2];
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
