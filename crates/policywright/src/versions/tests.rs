use std::path::Path;

use time::macros::date;

use super::*;
use crate::export::{ExportOptions, Format};
use crate::project_file;

fn library() -> Library {
    Library::load().expect("library loads")
}

fn example(name: &str) -> Project {
    let text = crate::examples::example(name).expect("example");
    project_file::parse(text, Path::new(name)).expect("parses")
}

fn published(name: &str, on: time::Date) -> (Library, Project) {
    let lib = library();
    let p = publish(&example(name), &lib, on, "First version.").expect("publishes");
    (lib, p.project)
}

#[test]
fn a_version_keeps_the_answers_the_text_its_hash_and_what_it_was_made_with() {
    let (lib, project) = published("shop", date!(2026 - 02 - 01));
    let v = &project.history[0];
    assert_eq!(
        (v.number, v.date.as_str(), v.summary.as_str()),
        (1, "2026-02-01", "First version.")
    );
    assert_eq!(v.answers["schema_version"], crate::model::SCHEMA_VERSION);
    assert!(
        v.answers.get("history").is_none(),
        "no history inside a version"
    );
    assert_eq!(
        v.answers["organisation"]["legal_name"],
        "Hollybank Tea Company Ltd"
    );
    assert_eq!(sha256_hex(v.markdown.as_bytes()), v.markdown_sha256);
    assert_eq!(v.content, content_hashes(&lib));
    assert_eq!(v.used.vendors["stripe"]["name"], "Stripe");
    assert!(
        v.used.law.contains_key("gdpr.response-time"),
        "the shop addresses the EU"
    );
    assert!(
        !v.used.law.contains_key("ccpa.response-time"),
        "but not California"
    );
    assert!(v.used.law.values().all(|f| f.get("note").is_none()));
    assert!(
        v.markdown
            .contains("Effective date: 15 January 2026 · Last updated: 1 February 2026"),
        "{}",
        &v.markdown[..300]
    );
    assert_eq!(
        v.markdown,
        current_markdown(&project, &lib).expect("renders")
    );
}

#[test]
fn versions_are_numbered_and_never_dated_before_the_last() {
    let (lib, project) = published("shop", date!(2026 - 02 - 01));
    let second = publish(&project, &lib, date!(2026 - 02 - 01), "").expect("same day is fine");
    assert_eq!(second.number, 2);
    assert_eq!(second.project.history.len(), 2);
    match publish(&second.project, &lib, date!(2026 - 01 - 31), "") {
        Err(PublishError::DateBeforeLast { last: 2, .. }) => {}
        other => panic!("expected DateBeforeLast, got {other:?}"),
    }
    let mut broken = project.clone();
    broken.organisation.email = "nobody".into();
    assert!(matches!(
        publish(&broken, &lib, date!(2026 - 03 - 01), ""),
        Err(PublishError::Invalid(_))
    ));
}

#[test]
fn a_summary_left_blank_is_generated_from_the_answers() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    project.vendors.catalogue.push("intercom".into());
    let second = publish(&project, &lib, date!(2026 - 05 - 01), "  ").expect("publishes");
    assert_eq!(
        second.project.history[1].summary,
        "Added vendor: Intercom (customer support)."
    );
}

#[test]
fn the_history_survives_save_and_load_and_old_answers_stay_as_written() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    // A version written by an older format keeps its own schema_version and fields.
    let mut old = project.history[0].clone();
    old.number = 0;
    old.answers["schema_version"] = 0.into();
    old.answers["a_field_of_format_0"] = "kept".into();
    project.history.insert(0, old.clone());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop.policy.json");
    project_file::save(&project, &path, lib.version()).expect("saves");
    let loaded = project_file::load(&path).expect("loads");
    assert_eq!(loaded.history, project.history);
    assert_eq!(loaded.history[0].answers["a_field_of_format_0"], "kept");
}

#[test]
fn a_past_version_exports_byte_for_byte_and_renders_from_its_stored_text() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    let original = project.history[0].markdown.clone();
    project.organisation.trading_name = Some("Hollybank Teas".into());
    let project = publish(&project, &lib, date!(2026 - 06 - 01), "Renamed.")
        .expect("publishes")
        .project;
    let dir = tempfile::tempdir().expect("temp dir");
    let options = ExportOptions {
        format: Format::All,
        fragment: false,
        front_matter: false,
    };
    let report =
        export::export_version(&project, 1, &lib, &options, dir.path(), "tea").expect("exports");
    assert_eq!(report.files.len(), 3);
    assert_eq!(
        std::fs::read(dir.path().join("tea-v1.md")).expect("md"),
        original.as_bytes()
    );
    let html = std::fs::read_to_string(dir.path().join("tea-v1.html")).expect("html");
    assert!(
        html.contains("Hollybank Tea ·") && !html.contains("Hollybank Teas"),
        "the old name"
    );
    assert!(html.contains("datetime=\"2026-02-01\""));
    assert!(
        std::fs::read(dir.path().join("tea-v1.pdf"))
            .expect("pdf")
            .starts_with(b"%PDF-")
    );

    let mut tampered = project.clone();
    tampered.history[0].markdown.push_str("We sell nothing.\n");
    assert!(matches!(
        export::export_version(&tampered, 1, &lib, &options, dir.path(), "tea"),
        Err(export::VersionExportError::Version(
            VersionError::Tampered { number: 1 }
        ))
    ));
    assert!(matches!(
        export::export_version(&project, 7, &lib, &options, dir.path(), "tea"),
        Err(export::VersionExportError::Version(
            VersionError::NoSuchVersion { number: 7, .. }
        ))
    ));
}

#[test]
fn a_catalogue_change_shows_on_our_side_not_as_the_owner_s_change() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    // What an older catalogue would have stored: Stripe somewhere else, and other hashes.
    let v = &mut project.history[0];
    v.used.vendors.get_mut("stripe").expect("stripe")["locations"] = serde_json::json!(["IE"]);
    v.content.catalogues = "an older catalogue".into();
    v.markdown = v.markdown.replacen("Stripe", "Stripe (old entry)", 1);
    v.markdown_sha256 = sha256_hex(v.markdown.as_bytes());

    let owner = summary::since_latest(&project, &lib).expect("reads");
    assert!(
        owner.changes.is_empty(),
        "the owner changed nothing: {owner:?}"
    );
    let ours = our_side::since_latest(&project, &lib)
        .expect("reads")
        .expect("published");
    assert_eq!(ours.parts, ["catalogues"]);
    assert_eq!(ours.reasons.len(), 1, "{:?}", ours.reasons);
    assert_eq!(ours.reasons[0].about, "vendor:stripe");
    assert!(
        ours.reasons[0]
            .says
            .starts_with("Stripe: where it processes data changed from Ireland to "),
        "{}",
        ours.reasons[0].says
    );
    assert!(!ours.sections.is_empty(), "the text would change");
    assert!(
        ours.diff.text().contains("[-(old entry)-]") || ours.diff.text().contains("(old entry)")
    );
}

#[test]
fn nothing_changed_on_our_side_when_the_content_is_the_same() {
    let (lib, project) = published("saas", date!(2026 - 03 - 01));
    let ours = our_side::since_latest(&project, &lib)
        .expect("reads")
        .expect("published");
    assert!(ours.is_empty(), "{ours:?}");
}

#[test]
fn a_new_law_fact_for_a_covered_region_is_named_as_a_new_requirement() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    project.history[0].used.law.remove("gdpr.response-time");
    let ours = our_side::since_latest(&project, &lib)
        .expect("reads")
        .expect("published");
    assert!(
        ours.reasons
            .iter()
            .any(|r| r.about == "law:gdpr.response-time" && r.says.contains("GDPR Art. 12(3)")),
        "{:?}",
        ours.reasons
    );
}

#[test]
fn the_review_reminder_counts_twelve_months_from_the_last_version() {
    let (lib, project) = published("saas", date!(2026 - 03 - 01));
    let codes = |today| -> Vec<String> {
        crate::validate::validate_on(&project, &lib, today)
            .into_iter()
            .map(|f| f.code)
            .collect()
    };
    assert!(codes(date!(2027 - 02 - 28)).is_empty());
    let late = crate::validate::validate_on(&project, &lib, date!(2027 - 03 - 01));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].code, "versions.review-overdue");
    assert!(
        late[0].message.contains("Cal. Civ. Code §1798.130(a)(5)"),
        "saas covers California"
    );
    let (lib, shop) = published("shop", date!(2026 - 03 - 01));
    let late = crate::validate::validate_on(&shop, &lib, date!(2028 - 01 - 01));
    assert!(
        !late[0].message.contains("1798"),
        "the shop does not cover California"
    );
    let never = crate::validate::validate_on(&example("shop"), &lib, date!(2040 - 01 - 01));
    assert!(never.is_empty(), "nothing published, nothing to review");
}

#[test]
fn the_policy_can_list_its_versions_newest_first() {
    let (lib, mut project) = published("shop", date!(2026 - 02 - 01));
    project.history[0].summary = "First *version* {{ x }}".into();
    project.policy_changes.list_versions = true;
    let p2 = publish(&project, &lib, date!(2026 - 07 - 10), "Added a vendor.")
        .expect("publishes")
        .project;
    let md = &p2.history[1].markdown;
    let list = md
        .split("newest first:")
        .nth(1)
        .expect("the list is printed");
    let v2 = list
        .find("**Version 2, 10 July 2026**: Added a vendor.")
        .expect("v2");
    let v1 = list
        .find("**Version 1, 1 February 2026**: First")
        .expect("v1");
    assert!(v2 < v1);
    assert!(!md.contains("{{"), "owner text cannot open a template tag");
    project.policy_changes.list_versions = false;
    assert!(
        !current_markdown(&project, &lib)
            .expect("renders")
            .contains("newest first")
    );
}

#[test]
fn the_live_preview_keeps_the_history_aside() {
    let (lib, project) = published("shop", date!(2026 - 02 - 01));
    let (mut live, shown) =
        crate::preview::LivePreview::open(project.clone(), &lib).expect("opens");
    assert_eq!(
        shown.last_updated.as_deref(),
        Some("Effective date: 15 January 2026 · Last updated: 1 February 2026"),
        "the text is version 1's, so it carries its date"
    );
    assert!(
        !shown
            .findings
            .iter()
            .any(|f| f.code == "versions.unpublished-changes")
    );
    assert_eq!(live.history(), project.history.as_slice());
    assert!(
        live.project().history[0].markdown.is_empty(),
        "only what the text shows"
    );
    let edit = crate::preview::Edit::Set {
        path: vec![crate::preview::PathKey::Key("effective_date".into())],
        value: "2026-03-01".into(),
    };
    let update = live.edit(&[edit], &lib).expect("edits");
    assert_eq!(
        update.last_updated.as_deref(),
        Some("Effective date: 1 March 2026"),
        "the text is no longer version 1's, so its date is not the date it was last updated"
    );
    let findings = update.findings.expect("the findings changed");
    let warning = findings
        .iter()
        .find(|f| f.code == "versions.unpublished-changes")
        .expect("the owner is told to publish");
    assert!(
        warning
            .message
            .contains("version 1, published on 2026-02-01")
    );
    assert_eq!(live.project().history.len(), 1);
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_not_saved_over() {
    let lib = library();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop.policy.json");
    project_file::save(&example("shop"), &path, lib.version()).expect("saves");
    let (project, opened) = project_file::load_stamped(&path).expect("loads");
    // Another program (a CLI publish) writes the file.
    let other = publish(&project, &lib, date!(2026 - 02 - 01), "")
        .expect("publishes")
        .project;
    project_file::save(&other, &path, lib.version()).expect("saves");
    let before = std::fs::read(&path).expect("reads");
    match project_file::save_checked(&project, &path, lib.version(), Some(&opened)) {
        Err(e @ project_file::ProjectFileError::ChangedOnDisk { .. }) => {
            assert!(e.to_string().contains("changed on disk"));
        }
        other => panic!("expected ChangedOnDisk, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        before,
        "nothing written"
    );
    let now = project_file::stamp(&path).expect("stamps").expect("exists");
    let saved =
        project_file::save_checked(&other, &path, lib.version(), Some(&now)).expect("saves");
    assert_eq!(Some(saved), project_file::stamp(&path).expect("stamps"));
}

#[test]
fn versions_of_the_stress_project_fit_the_size_cap() {
    let lib = library();
    let mut project = crate::scale::large_project(&lib, 1000);
    // Publishing needs no errors: name a safeguard under each law for every catalogue vendor.
    project.vendors.adjustments = project
        .vendors
        .catalogue
        .iter()
        .map(|id| crate::model::VendorAdjustment {
            vendor: id.clone(),
            safeguards: vec![
                crate::model::TransferSafeguard::StandardContractualClauses,
                crate::model::TransferSafeguard::UkIdta,
                crate::model::TransferSafeguard::SwissSccs,
            ],
            ..crate::model::VendorAdjustment::default()
        })
        .collect();
    let base = project_file::to_json(&project).len();
    project = publish(&project, &lib, date!(2026 - 02 - 01), "")
        .expect("publishes")
        .project;
    let one = project_file::to_json(&project).len() - base;
    let (_, shop) = published("shop", date!(2026 - 02 - 01));
    let small = project_file::to_json(&shop).len() - project_file::to_json(&example("shop")).len();
    eprintln!("one version adds {one} bytes to the stress project, {small} to the shop");
    assert!(small < 200_000, "an ordinary version stays small: {small}");
    assert!(
        (base + 4 * one) as u64 <= project_file::MAX_FILE_BYTES,
        "four versions of the stress project fit: {base} + 4 × {one}"
    );
}
