//! The migration chain: every fixture (one real file per format) opens, the runner applies the
//! steps in order, a save over an older format keeps it as `NAME.vN.bak`, and the recovery file's
//! project goes through the same chain.

use std::path::{Path, PathBuf};

use policywright::model::SCHEMA_VERSION;
use policywright::project_file::migrate::{Chain, ChainError, OLDEST, StepError};
use policywright::project_file::{self, ProjectFileError};
use policywright::recovery;
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// (format, path) of every `vN.policy.json` fixture.
fn fixture_files() -> Vec<(u32, PathBuf)> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_owned();
            let version = name.strip_prefix('v')?.strip_suffix(".policy.json")?;
            Some((version.parse().ok()?, path))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn there_is_a_fixture_for_every_format_and_every_fixture_opens() {
    let versions: Vec<u32> = fixture_files().iter().map(|(v, _)| *v).collect();
    let expected: Vec<u32> = (OLDEST..=SCHEMA_VERSION).collect();
    assert_eq!(
        versions, expected,
        "one fixture per format, v{OLDEST} to v{SCHEMA_VERSION}"
    );
    for (version, path) in fixture_files() {
        let raw: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(raw["schema_version"], json!(version), "{}", path.display());
        let project = project_file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(project.schema_version, SCHEMA_VERSION);
        assert!(
            project.saved_with.is_some(),
            "a fixture is a file a save wrote"
        );
    }
}

/// Every property the JSON Schema names appears somewhere in `values` (in at least one item of
/// each list), so the fixture exercises every field of its format.
fn missing(schema: &Value, defs: &Value, values: &[&Value], at: &str, out: &mut Vec<String>) {
    let schema = resolve(schema, defs);
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            let children: Vec<&Value> = values
                .iter()
                .filter_map(|v| v.get(name))
                .filter(|v| !v.is_null())
                .collect();
            if children.is_empty() {
                out.push(format!("{at}.{name}"));
            } else {
                missing(sub, defs, &children, &format!("{at}.{name}"), out);
            }
        }
    }
    if let Some(items) = schema.get("items") {
        let all: Vec<&Value> = values
            .iter()
            .filter_map(|v| v.as_array())
            .flatten()
            .collect();
        if !all.is_empty() {
            missing(items, defs, &all, &format!("{at}[]"), out);
        }
    }
}

fn resolve<'a>(schema: &'a Value, defs: &'a Value) -> &'a Value {
    if let Some(name) = schema.get("$ref").and_then(Value::as_str) {
        let name = name.rsplit('/').next().unwrap_or_default();
        return resolve(&defs[name], defs);
    }
    for key in ["anyOf", "allOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array)
            && let Some(one) = options
                .iter()
                .find(|o| o.get("type") != Some(&json!("null")))
        {
            return resolve(one, defs);
        }
    }
    schema
}

#[test]
fn the_current_formats_fixture_is_complete_and_exactly_what_a_save_writes() {
    let path = fixtures().join(format!("v{SCHEMA_VERSION}.policy.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    let raw: Value = serde_json::from_str(&text).unwrap();
    let project = project_file::parse(&text, &path).unwrap();
    let saved: Value = serde_json::from_str(&project_file::to_json(&project)).unwrap();
    assert_eq!(
        raw, saved,
        "nothing in the fixture is dropped or defaulted on load"
    );
    let schema: Value = serde_json::to_value(policywright::Project::json_schema()).unwrap();
    let mut gaps = Vec::new();
    missing(&schema, &schema["$defs"], &[&raw], "", &mut gaps);
    assert!(gaps.is_empty(), "the fixture leaves out {gaps:?}");
}

/// Test steps that leave a trail, and check that the chain set the format they read.
fn step(mut value: Value, from: u64) -> Result<Value, StepError> {
    if value["schema_version"] != json!(from) {
        return Err(StepError {
            field: "schema_version".into(),
            message: format!("step {from} saw {}", value["schema_version"]),
        });
    }
    value["trail"]
        .as_array_mut()
        .expect("trail")
        .push(json!(format!("{from}->{}", from + 1)));
    Ok(value)
}

fn one_to_two(v: Value) -> Result<Value, StepError> {
    step(v, 1)
}
fn two_to_three(v: Value) -> Result<Value, StepError> {
    step(v, 2)
}
fn three_to_four(v: Value) -> Result<Value, StepError> {
    step(v, 3)
}
fn refuses(_: Value) -> Result<Value, StepError> {
    Err(StepError {
        field: "organisation.email".into(),
        message: "two addresses where one is expected".into(),
    })
}

const TEST_CHAIN: Chain<'static> = Chain {
    oldest: 1,
    steps: &[one_to_two, two_to_three, three_to_four],
};

#[test]
fn the_runner_applies_the_steps_from_the_files_format_in_order() {
    let (value, from) = TEST_CHAIN
        .run(json!({"schema_version": 1, "trail": []}))
        .unwrap();
    assert_eq!(from, 1);
    assert_eq!(value["trail"], json!(["1->2", "2->3", "3->4"]));
    assert_eq!(value["schema_version"], json!(4));

    let (value, from) = TEST_CHAIN
        .run(json!({"schema_version": 3, "trail": []}))
        .unwrap();
    assert_eq!((from, &value["trail"]), (3, &json!(["3->4"])));

    let (value, from) = TEST_CHAIN
        .run(json!({"schema_version": 4, "trail": []}))
        .unwrap();
    assert_eq!((from, &value["trail"]), (4, &json!([])));
}

#[test]
fn the_runner_refuses_unknown_formats_and_names_a_failing_step() {
    let run = |v: Value| TEST_CHAIN.run(v).unwrap_err();
    assert!(matches!(
        run(json!({"schema_version": 5})),
        ChainError::TooNew {
            found: 5,
            newest: 4
        }
    ));
    assert!(matches!(
        run(json!({"schema_version": 0})),
        ChainError::Unknown { .. }
    ));
    assert!(matches!(
        run(json!({"schema_version": "1"})),
        ChainError::Unknown { .. }
    ));
    assert!(matches!(run(json!({"trail": []})), ChainError::Missing));

    let failing = Chain {
        oldest: 1,
        steps: &[one_to_two, refuses, three_to_four],
    };
    let err = failing
        .run(json!({"schema_version": 1, "trail": []}))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not upgrade it from format 2 to 3: field `organisation.email`: two addresses where one is expected"
    );
}

#[test]
fn a_save_over_a_file_in_an_older_format_keeps_it_as_its_versioned_bak() {
    // The current format is the first, so "older" here is a synthetic format 0; the unit test in
    // project_file does the same with the v1 fixture under a pretend format 2.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.policy.json");
    let original = "{\"schema_version\": 0, \"answers\": \"as format 0 had them\"}\n";
    std::fs::write(&path, original).unwrap();
    let project = project_file::load(&fixtures().join("v1.policy.json")).unwrap();
    project_file::save(&project, &path, "lib").unwrap();
    let versioned = dir.path().join("old.policy.json.v0.bak");
    assert_eq!(std::fs::read_to_string(&versioned).unwrap(), original);
    // Later saves leave it alone.
    let mut changed = project.clone();
    changed.organisation.legal_name = "Changed".into();
    project_file::save(&changed, &path, "lib").unwrap();
    assert_eq!(std::fs::read_to_string(&versioned).unwrap(), original);
    // A file already in the current format gets no versioned copy.
    let current = dir.path().join("current.policy.json");
    project_file::save(&project, &current, "lib").unwrap();
    project_file::save(&changed, &current, "lib").unwrap();
    let names = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(names, 5, "old, old.bak, old.v0.bak, current, current.bak");
}

fn recovery_file(project: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recovery.json");
    let text = format!(
        "{{\"path\": null, \"saved_at\": \"2026-12-01T00:00:00Z\", \"project\": {project}}}"
    );
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

#[test]
fn a_recovery_file_goes_through_the_chain() {
    for (_, path) in fixture_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let (_dir, file) = recovery_file(&text);
        let restored = recovery::read(&file).unwrap().expect("a recovery");
        assert_eq!(restored.project, project_file::parse(&text, &path).unwrap());
    }
    let newer = format!("{{\"schema_version\": {}}}", SCHEMA_VERSION + 1);
    let (_dir, file) = recovery_file(&newer);
    let message = recovery::read(&file).unwrap_err().to_string();
    assert!(
        message.contains("recovery.json") && message.contains("Update Policywright"),
        "{message}"
    );

    let twice = r#"{"schema_version": 1, "language": "en", "language": "de", "organisation": {}}"#;
    let (_dir, file) = recovery_file(twice);
    let message = recovery::read(&file).unwrap_err().to_string();
    assert!(message.contains("`language` is given twice"), "{message}");

    let wrong = r#"{"schema_version": 1, "organisation": {"legal_name": 42}}"#;
    let (_dir, file) = recovery_file(wrong);
    let message = recovery::read(&file).unwrap_err().to_string();
    assert!(
        message.contains("field `organisation.legal_name`"),
        "{message}"
    );
}

#[test]
fn chain_errors_name_the_file() {
    let err =
        project_file::parse("{\"schema_version\": 99}", Path::new("far.policy.json")).unwrap_err();
    assert!(matches!(err, ProjectFileError::Version { .. }));
    assert!(
        err.to_string()
            .starts_with("far.policy.json: `schema_version` is 99"),
        "{err}"
    );
}
