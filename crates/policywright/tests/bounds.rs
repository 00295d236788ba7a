//! Every number an owner types has a range in `model::bounds`: validation reports a number
//! outside it beside its answer, and the project schema states it.

mod common;

use std::collections::BTreeMap;

use common::{example, library};
use policywright::model::bounds::{self, BOUNDS, Bound};
use policywright::model::{Retention, RetentionUnit};
use policywright::{Finding, Project, Severity, validate};
use serde_json::Value;

/// The shop example with the answer of `bound` set to `value` (on its first data entry for a
/// retention number).
fn with(bound: &Bound, value: u32) -> Project {
    let mut p = example("shop");
    let small = || u8::try_from(value).expect("fits the answer's type");
    match bound.path {
        "children.minimum_age" => p.children.minimum_age = Some(small()),
        "minors.excluded_under" => p.minors.excluded_under = Some(small()),
        "breach.authority_within_hours" => p.breach.authority_within_hours = Some(value),
        "ai.provider_keeps_days" => p.ai.provider_keeps_days = Some(value),
        "backups.kept_days" => p.backups.kept_days = Some(value),
        "data[*].retention.amount" => {
            p.data[0].retention = Some(Retention::Period {
                amount: value,
                unit: RetentionUnit::Months,
                reason: None,
            })
        }
        "data[*].retention.grace_days" => {
            p.data[0].retention = Some(Retention::UntilAccountClosed { grace_days: value })
        }
        other => panic!("no way to set {other}: add it here"),
    }
    p
}

fn out_of_range(p: &Project) -> Vec<Finding> {
    validate(p, library())
        .into_iter()
        .filter(|f| f.code == "number.out-of-range")
        .collect()
}

/// Where the finding about `bound` shows: its path, with the first list item for `[*]`.
fn field(bound: &Bound) -> String {
    bound.path.replace("[*]", "[0]")
}

#[test]
fn a_number_at_either_end_of_its_range_is_accepted() {
    for b in BOUNDS {
        for value in [b.min, b.max, b.min + 1, b.max - 1] {
            assert_eq!(
                out_of_range(&with(b, value)),
                vec![],
                "{} = {value}",
                b.path
            );
        }
    }
}

#[test]
fn a_number_just_outside_its_range_is_an_error_beside_its_answer() {
    for b in BOUNDS {
        let mut outside = vec![b.max + 1];
        if b.min > 0 {
            outside.push(b.min - 1);
        }
        for value in outside {
            let found = out_of_range(&with(b, value));
            assert_eq!(found.len(), 1, "{} = {value}: {found:#?}", b.path);
            let f = &found[0];
            assert_eq!(f.severity, Severity::Error);
            assert_eq!(f.field, field(b));
            assert_eq!(
                f.message,
                format!(
                    "{} must be between {} and {}; it is {value}.",
                    b.name, b.min, b.max
                )
            );
        }
    }
}

#[test]
fn each_bound_is_the_range_the_wizard_has_always_allowed() {
    let ranges: Vec<(&str, u32, u32)> = BOUNDS.iter().map(|b| (b.path, b.min, b.max)).collect();
    assert_eq!(
        ranges,
        vec![
            ("data[*].retention.amount", 1, 1000),
            ("data[*].retention.grace_days", 0, 3650),
            ("backups.kept_days", 1, 3650),
            ("breach.authority_within_hours", 1, 720),
            ("children.minimum_age", 1, 21),
            ("minors.excluded_under", 13, 18),
            ("ai.provider_keeps_days", 1, 3650),
        ]
    );
}

#[test]
fn a_minimum_age_of_forty_names_the_answer_and_the_range() {
    let found = out_of_range(&with(&bounds::MINIMUM_AGE, 40));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field, "children.minimum_age");
    assert_eq!(found[0].paths, vec!["children.minimum_age"]);
    assert_eq!(
        found[0].message,
        "Minimum age must be between 1 and 21; it is 40."
    );
    // A retention finding names the data entry by its category, so it survives reordering.
    let found = out_of_range(&with(&bounds::RETENTION_AMOUNT, 0));
    let category = &example("shop").data[0].category;
    assert_eq!(
        found[0].paths,
        vec![format!("data[category={category}].retention.amount")]
    );
}

#[test]
fn the_examples_have_every_number_in_range() {
    for name in ["shop", "saas", "consumer-app"] {
        assert_eq!(out_of_range(&example(name)), vec![], "{name}");
    }
}

/// Every whole-number answer in the project schema, by path (`[*]` for list items), with the
/// range the schema states.
fn schema_numbers() -> BTreeMap<String, (Option<u64>, Option<u64>)> {
    let schema = serde_json::to_value(Project::json_schema()).expect("schema is JSON");
    let mut found = BTreeMap::new();
    walk(&schema, &schema, "", &mut found);
    found
}

fn walk(
    root: &Value,
    node: &Value,
    path: &str,
    found: &mut BTreeMap<String, (Option<u64>, Option<u64>)>,
) {
    if let Some(name) = node.get("$ref").and_then(Value::as_str) {
        let def = name.trim_start_matches("#/$defs/");
        walk(root, &root["$defs"][def], path, found);
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for branch in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk(root, branch, path, found);
        }
    }
    let types = match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if types.contains(&"integer") {
        let limit = |k: &str| node.get(k).and_then(Value::as_u64);
        found.insert(path.to_owned(), (limit("minimum"), limit("maximum")));
    }
    if let Some(items) = node.get("items") {
        walk(root, items, &format!("{path}[*]"), found);
    }
    for (name, child) in node
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let child_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        walk(root, child, &child_path, found);
    }
}

#[test]
fn every_number_in_the_project_has_a_bound_and_the_schema_states_it() {
    let mut numbers = schema_numbers();
    // The file format's version and the published versions' numbers are written by the app,
    // never typed.
    for by_the_app in ["schema_version", "history[*].number"] {
        assert!(
            numbers.remove(by_the_app).is_some(),
            "{by_the_app}: {numbers:?}"
        );
    }
    let expected: BTreeMap<String, (Option<u64>, Option<u64>)> = BOUNDS
        .iter()
        .map(|b| {
            let range = (Some(u64::from(b.min)), Some(u64::from(b.max)));
            (b.path.to_owned(), range)
        })
        .collect();
    assert_eq!(numbers, expected);
}
