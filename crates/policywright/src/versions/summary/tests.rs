use serde_json::Value;

use super::phrases::{PHRASES, Rule};
use super::*;
use crate::model::{CollectedData, Source};

fn library() -> Library {
    Library::load().expect("library loads")
}

pub(crate) fn example(name: &str) -> Project {
    let text = crate::examples::example(name).expect("example");
    crate::project_file::parse(text, Path::new(name)).expect("parses")
}

/// Every property path of the project's JSON Schema, and whether it is a leaf (no properties
/// below it). `[]` stands for a list's entries.
fn schema_paths() -> Vec<(String, bool)> {
    let schema = serde_json::to_value(Project::json_schema()).expect("schema is JSON");
    let mut out = Vec::new();
    walk(&schema, &schema, "", &mut out, 0);
    out.sort();
    out.dedup();
    out
}

fn walk(node: &Value, root: &Value, path: &str, out: &mut Vec<(String, bool)>, depth: u32) -> bool {
    assert!(depth < 30, "the schema nests too deep at {path}");
    let node = match node.get("$ref").and_then(Value::as_str) {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("unresolved {r}")),
        None => node,
    };
    let mut has_properties = false;
    for key in ["anyOf", "oneOf", "allOf"] {
        for alt in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            has_properties |= walk(alt, root, path, out, depth + 1);
        }
    }
    if let Some(items) = node.get("items") {
        has_properties |= walk(items, root, &format!("{path}[]"), out, depth + 1);
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        has_properties = true;
        for (key, sub) in props {
            let p = child(path, key);
            let below = walk(sub, root, &p, out, depth + 1);
            out.push((p, !below));
        }
    }
    has_properties
}

fn covered(path: &str) -> bool {
    PHRASES.iter().any(|(q, rule)| {
        !matches!(rule, Rule::Keyed { .. })
            && (path == *q
                || path.starts_with(&format!("{q}."))
                || path.starts_with(&format!("{q}[]")))
    })
}

#[test]
fn every_field_of_the_schema_has_a_phrase() {
    let paths = schema_paths();
    assert!(paths.len() > 60, "the walk found the fields: {paths:?}");
    let missing: Vec<&String> = paths
        .iter()
        .filter(|(p, leaf)| *leaf && !covered(p))
        .map(|(p, _)| p)
        .collect();
    assert!(
        missing.is_empty(),
        "answers without a phrase in versions/summary/phrases.rs: {missing:?}"
    );
    let known: Vec<&String> = paths.iter().map(|(p, _)| p).collect();
    let stale: Vec<&str> = PHRASES
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| !known.iter().any(|k| k == p))
        .collect();
    assert!(
        stale.is_empty(),
        "phrases for fields the schema does not have: {stale:?}"
    );
}

#[test]
fn a_field_without_a_phrase_is_found() {
    // The check itself: a made-up leaf is not covered, a field inside a covered group is.
    assert!(!covered("organisation.fax"));
    assert!(covered("organisation.address.city"));
    assert!(covered("data[].retention.amount"));
    assert!(!covered("data[].colour"));
}

#[test]
fn the_summary_names_added_vendors_data_and_regions_in_plain_words() {
    let lib = library();
    let old = example("shop");
    let mut new = old.clone();
    new.vendors.catalogue.push("intercom".into());
    new.data.push(CollectedData {
        category: "support".into(),
        sources: vec![Source::Directly],
        required: false,
        retention: None,
        examples: Vec::new(),
    });
    new.jurisdictions.push("us-ca".into());
    let changes = between(&old, &new, &lib);
    let summary = ChangeSummary {
        since: Some(1),
        changes,
    };
    assert_eq!(
        summary.text(),
        "Added data category: support conversations. Added vendor: Intercom (customer support). Now covers California."
    );
    assert_eq!(summary.changes[1].field, "vendors.catalogue");
}

#[test]
fn changed_entries_removals_flags_and_text_each_read_as_one_sentence() {
    let lib = library();
    let old = example("shop");
    let mut new = old.clone();
    new.organisation.legal_name = "Hollybank Tea Ltd".into();
    new.jurisdictions.retain(|j| j != "eu");
    new.data[0].required = !new.data[0].required;
    new.marketing.sends_emails = !old.marketing.sends_emails;
    new.children.minimum_age = Some(16);
    let says: Vec<String> = between(&old, &new, &lib)
        .into_iter()
        .map(|c| c.says)
        .collect();
    assert_eq!(
        says,
        [
            "Changed the legal name from “Hollybank Tea Company Ltd” to “Hollybank Tea Ltd”."
                .to_owned(),
            "Changed data category name: whether people must give it.".to_owned(),
            "No longer covers the European Economic Area.".to_owned(),
            format!(
                "Changed the minimum age from {} to 16.",
                old.children
                    .minimum_age
                    .map_or("no answer".to_owned(), |a| a.to_string())
            ),
            if new.marketing.sends_emails {
                "Now sends marketing emails."
            } else {
                "No longer sends marketing emails."
            }
            .to_owned(),
        ]
    );
}

#[test]
fn no_changes_no_summary_and_the_history_is_not_an_answer() {
    let lib = library();
    let old = example("saas");
    let mut new = old.clone();
    new.saved_with = None;
    let published =
        crate::versions::publish(&new, &lib, time::macros::date!(2026 - 03 - 01), "First")
            .expect("publishes");
    assert_eq!(between(&old, &published.project, &lib), Vec::new());
    let since = since_latest(&published.project, &lib).expect("old answers read");
    assert_eq!(since.since, Some(1));
    assert!(since.changes.is_empty(), "{since:?}");
}

#[test]
fn the_summary_names_a_changed_vendor_setting() {
    let lib = library();
    let old = example("saas");
    let mut new = old.clone();
    new.vendors.settings.hubspot_data_sharing = Some(true);
    let changes = between(&old, &new, &lib);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].field, "vendors.settings.hubspot_data_sharing");
    assert!(
        changes[0].says.contains("the HubSpot data-sharing setting"),
        "{}",
        changes[0].says
    );
}

#[test]
fn the_summary_says_how_long_backups_are_now_kept() {
    let lib = library();
    let old = example("shop");
    let mut new = old.clone();
    new.backups.kept_days = Some(14);
    let says: Vec<String> = between(&old, &new, &lib)
        .into_iter()
        .map(|c| c.says)
        .collect();
    assert_eq!(says, ["Changed the days a backup is kept from 30 to 14."]);
    new.backups.kept_days = None;
    let changes = between(&old, &new, &lib);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].field, "backups.kept_days");
}
