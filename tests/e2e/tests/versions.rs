//! Versions in the real app (issue 13): a project with one published version is opened, changed,
//! its change summary and word-level diff shown, version 2 published; after a restart the history
//! lists both and version 1 exports byte for byte as it was published; the diff reads as the
//! policy does, without Markdown marks. And a file published from the command line while the
//! window has it open is noticed when the window gets the focus back, and before the window saves
//! over it.
//!
//! The fixture `tests/e2e/fixtures/tea-v1.policy.json` is the shop example published once with
//! `policywright publish --date 2026-02-01 --summary "First published version."`.
#![cfg(target_os = "linux")]

mod harness;

use std::path::{Path, PathBuf};

use harness::*;
use serde_json::Value;

fn fixture() -> PathBuf {
    workspace().join("tests/e2e/fixtures/tea-v1.policy.json")
}

fn read_project(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the project file");
    serde_json::from_str(&text).expect("a project file")
}

/// The project file copied into the test's home, and version 1's Markdown as published.
fn tea_project(home: &Home) -> (PathBuf, String) {
    home.folder("projects");
    let file = home.path("projects/tea.policy.json");
    std::fs::copy(fixture(), &file).expect("copy the fixture");
    let project = read_project(&file);
    assert_eq!(project["history"].as_array().map(Vec::len), Some(1));
    let published = project["history"][0]["markdown"]
        .as_str()
        .expect("version 1's text")
        .to_owned();
    (file, published)
}

#[tokio::test(flavor = "multi_thread")]
async fn publish_a_second_version_then_export_the_first_as_it_was() {
    within(LIMIT, publish_and_export_the_first()).await;
}

async fn publish_and_export_the_first() {
    let home = Home::new();
    let (file, first_text) = tea_project(&home);
    let arg = file.to_str().expect("a UTF-8 temp path");
    {
        let Some(s) = Session::start_with_args("versions-1", &home, &[], &[arg]).await else {
            return;
        };
        s.wait_for_title("tea.policy.json").await;
        s.click("#step-vendors").await;
        s.type_into("#vendor-search", "intercom").await;
        s.click("#field-vendor-intercom").await;
        s.wait_for_text("section#vendors", "Intercom").await;
        // Version 1's text is not what the answers give now, so its date is not the date the
        // policy was last updated.
        let meta = s
            .wait_for_text(".policy-meta", "Effective date: 15 January 2026")
            .await;
        assert!(!meta.contains("Last updated"), "{meta}");

        s.click("#versions").await;
        s.wait_for("#versions-dialog").await;
        s.wait_for_text(
            "#versions-intro",
            "Version 1 was published on 1 February 2026",
        )
        .await;
        s.wait_for_text("#change-list", "Added vendor: Intercom (customer support).")
            .await;
        // The core's diff: the vendor section gains Intercom, marked as added words (among other
        // insertions when our wording changed since version 1).
        let inserted = async || {
            let found = s
                .client()
                .execute(
                    "return [...document.querySelectorAll(\"#version-diff .diff-section[data-section='vendors'] ins\")].some((e) => e.textContent.includes('Intercom'));",
                    vec![],
                )
                .await
                .ok()?;
            (found == Value::Bool(true)).then_some(())
        };
        if s.poll(WAIT, inserted).await.is_err() {
            s.fail("the vendors diff never marked Intercom as added".into())
                .await;
        }
        no_markdown_in_the_diff(&s).await;
        assert_eq!(
            s.value("#publish-summary").await,
            "Added vendor: Intercom (customer support)."
        );
        s.check_accessibility("versions dialog").await;
        s.set_value("#publish-date", "2026-06-01").await;
        s.click("#publish").await;
        s.wait_for_text("#publish-done", "Published version 2")
            .await;
        s.wait_for("#version-history li[data-version='2']").await;
        s.wait_for_exact_title("tea.policy.json — Policywright")
            .await;
        s.click("#close-versions").await;
        s.wait_gone("#versions-dialog").await;
        s.wait_for_text(".policy-meta", "Last updated: 1 June 2026")
            .await;
        s.finish().await;
    }
    let saved = read_project(&file);
    assert_eq!(saved["history"].as_array().map(Vec::len), Some(2), "saved");
    assert_eq!(saved["history"][1]["date"], "2026-06-01");

    let Some(s) = Session::start("versions-2", &home).await else {
        return;
    };
    s.wait_for_text("#recent-list", "Published 1 June 2026")
        .await;
    s.click("#reopen-last").await;
    s.wait_for_title("tea.policy.json").await;
    s.click("#versions").await;
    s.wait_for_text(
        "#version-history li[data-version='2']",
        "Added vendor: Intercom (customer support).",
    )
    .await;
    s.wait_for_text(
        "#version-history li[data-version='1']",
        "First published version.",
    )
    .await;
    s.wait_for_text("#change-list", "No changes to your answers")
        .await;

    let out = home.path("export");
    std::fs::create_dir_all(&out).expect("export folder");
    s.click("#export-version-1").await;
    s.wait_for_text("#export-title", "Export version 1").await;
    s.click("#fmt-pdf").await;
    s.choose_export_folder(&home, &out).await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 2 file(s)").await;
    let md = std::fs::read(out.join("tea-v1.md")).expect("version 1's Markdown");
    assert!(
        md == first_text.as_bytes(),
        "version 1 exports byte for byte as published"
    );
    let html = std::fs::read_to_string(out.join("tea-v1.html")).expect("version 1's HTML");
    assert!(html.contains("Hollybank Tea") && !html.contains("Intercom"));
    s.finish().await;
}

/// The diff shows what a reader sees, inline and side by side: Intercom's new table row (its
/// name in bold, its privacy page a link) reads as words, with the page's address after its text,
/// and no Markdown marks anywhere.
async fn no_markdown_in_the_diff(s: &Session) {
    let row = "Intercom (Intercom R&D Unlimited Company) · Runs our help desk and chat.";
    let link = "Privacy policy (https://www.intercom.com/legal/privacy)";
    let vendors = "#version-diff .diff-section[data-section='vendors']";
    s.wait_for_text(vendors, row).await;
    let added = s
        .client()
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent).join('');",
            vec![serde_json::json!(format!("{vendors} ins"))],
        )
        .await
        .expect("reads the added words");
    let added = added.as_str().unwrap_or_default();
    assert!(
        added.contains(row) && added.contains(link),
        "the new row is marked as added: {added}"
    );
    let marks = ["**", "](", "\n| ", "|---", "<https", "## ", "<a id"];
    let inline = s.wait_for_text("#version-diff", link).await;
    for mark in marks {
        assert!(!inline.contains(mark), "{mark:?} in the diff:\n{inline}");
    }
    s.click("#diff-mode-side").await;
    let after = s.wait_for_text(&format!("{vendors} .diff-new"), row).await;
    for mark in marks {
        assert!(!after.contains(mark), "{mark:?} side by side:\n{after}");
    }
    s.click("#diff-mode-inline").await;
    s.wait_gone(".diff-new").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_published_from_the_command_line_meanwhile_is_not_saved_over_unasked() {
    within(LIMIT, changed_on_disk()).await;
}

/// What `policywright publish` does to the file: a new version, saved.
fn publish_from_outside(file: &Path) {
    let library = policywright::Library::load().expect("the clause library");
    let project = policywright::project_file::load(file).expect("the project");
    let date = policywright::assemble::parse_date("2026-03-01").expect("a date");
    let published = policywright::versions::publish(&project, &library, date, "From the CLI.")
        .expect("publishes");
    policywright::project_file::save(&published.project, file, library.version()).expect("saves");
}

async fn changed_on_disk() {
    let home = Home::new();
    let (file, _) = tea_project(&home);
    let arg = file.to_str().expect("a UTF-8 temp path");
    let Some(s) = Session::start_with_args("versions-disk", &home, &[], &[arg]).await else {
        return;
    };
    s.wait_for_title("tea.policy.json").await;
    s.type_into("#field-organisation-legal-name", "Hollybank Teas Ltd")
        .await;
    s.wait_for_title("• tea.policy.json").await;
    publish_from_outside(&file);
    let written = std::fs::read(&file).expect("the file");

    s.click("#save").await;
    s.wait_for_text("#changed-on-disk", "changed on disk").await;
    s.click("#changed-on-disk button[data-value='cancel']")
        .await;
    s.wait_for_text("#status", "Not saved").await;
    assert_eq!(
        std::fs::read(&file).expect("the file"),
        written,
        "untouched"
    );
    s.wait_for_title("• tea.policy.json").await;

    s.click("#save").await;
    s.click("#changed-on-disk button[data-value='reload']")
        .await;
    s.wait_for_text("#status", "Reloaded tea.policy.json").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    s.click("#step-organisation").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Hollybank Tea Company Ltd"
    );
    s.click("#versions").await;
    s.wait_for_text("#version-history li[data-version='2']", "From the CLI.")
        .await;
    assert_eq!(
        std::fs::read(&file).expect("the file"),
        written,
        "untouched"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_published_from_the_command_line_is_noticed_when_the_window_gets_the_focus() {
    within(LIMIT, noticed_on_focus()).await;
}

/// The window gets the focus back (as when the owner returns from a terminal), and waits until
/// the check that starts has finished.
async fn focus_returns(s: &Session) {
    let before = s
        .client()
        .execute("return document.body.dataset.diskCheckedAt ?? '';", vec![])
        .await
        .expect("reads the last check");
    s.client()
        .execute("window.dispatchEvent(new Event('focus'));", vec![])
        .await
        .expect("focus");
    let checked = async || {
        let now = s
            .client()
            .execute("return document.body.dataset.diskCheckedAt ?? '';", vec![])
            .await
            .ok()?;
        (now != before && now != Value::String(String::new())).then_some(())
    };
    if s.poll(WAIT, checked).await.is_err() {
        s.fail("no check for a change on disk followed the focus".into())
            .await;
    }
}

async fn noticed_on_focus() {
    let home = Home::new();
    let (file, _) = tea_project(&home);
    let arg = file.to_str().expect("a UTF-8 temp path");
    let Some(s) = Session::start_with_args("versions-focus", &home, &[], &[arg]).await else {
        return;
    };
    s.wait_for_title("tea.policy.json").await;
    // No false alarm after the window's own autosave (the recovery file) or save.
    s.type_into("#field-organisation-legal-name", "Hollybank Tea Group Ltd")
        .await;
    s.wait_for("body[data-autosaved-at]").await;
    focus_returns(&s).await;
    assert!(s.displayed("#disk-changed").await.is_none(), "autosave");
    s.click("#save").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    focus_returns(&s).await;
    assert!(s.displayed("#disk-changed").await.is_none(), "its own save");

    // `policywright publish` meanwhile: told on focus, before any save.
    s.type_into("#field-organisation-legal-name", "Unsaved Two Ltd")
        .await;
    s.wait_for_title("• tea.policy.json").await;
    publish_from_outside(&file);
    let written = std::fs::read(&file).expect("the file");
    focus_returns(&s).await;
    s.wait_for_text("#disk-changed", "tea.policy.json changed on disk")
        .await;
    s.wait_for_text(
        "#disk-changed",
        "loses your changes here since the last save",
    )
    .await;
    s.check_accessibility("changed-on-disk notice").await;
    assert_eq!(std::fs::read(&file).expect("the file"), written);
    s.click("#disk-reload").await;
    s.wait_for_text("#status", "Reloaded tea.policy.json").await;
    s.wait_gone("#disk-changed").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    s.click("#step-organisation").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Hollybank Tea Group Ltd",
        "the answers as saved, then published from the command line"
    );
    s.click("#versions").await;
    s.wait_for_text("#version-history li[data-version='2']", "From the CLI.")
        .await;
    s.click("#close-versions").await;
    s.wait_gone("#versions-dialog").await;

    // Again, and the owner keeps theirs: the next save replaces the file without asking.
    publish_from_outside(&file);
    s.type_into("#field-organisation-legal-name", "Hollybank Mine Ltd")
        .await;
    focus_returns(&s).await;
    s.click("#disk-keep").await;
    s.wait_for_text("#status", "Kept your answers").await;
    s.wait_gone("#disk-changed").await;
    s.click("#save").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    assert!(s.displayed("#changed-on-disk").await.is_none(), "not asked");
    let saved = read_project(&file);
    assert_eq!(saved["organisation"]["legal_name"], "Hollybank Mine Ltd");
    assert_eq!(saved["history"].as_array().map(Vec::len), Some(2));
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_versions_dialog_passes_the_accessibility_check_in_the_dark_theme() {
    within(LIMIT, dark_versions_dialog()).await;
}

/// The diff's marked words and the "on our side" labels have colours of their own in the dark.
async fn dark_versions_dialog() {
    let home = Home::new();
    let (file, _) = tea_project(&home);
    let arg = file.to_str().expect("a UTF-8 temp path");
    let env = [("GTK_THEME", "Adwaita:dark")];
    let Some(s) = Session::start_with_args("versions-dark", &home, &env, &[arg]).await else {
        return;
    };
    s.wait_for_title("tea.policy.json").await;
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "intercom").await;
    s.click("#field-vendor-intercom").await;
    s.click("#versions").await;
    s.wait_for("#version-diff .diff-section ins").await;
    s.check_accessibility("versions dialog, dark").await;
    s.click("#diff-mode-side").await;
    s.wait_for(".diff-new ins").await;
    s.check_accessibility("versions dialog side by side, dark")
        .await;
    s.finish().await;
}

/// The versions dialog for docs/screenshots/ (`scripts/screenshots.sh` runs it).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots/; run by scripts/screenshots.sh"]
async fn screenshots() {
    within(LIMIT, take_screenshots()).await;
}

async fn take_screenshots() {
    let home = Home::new();
    let (file, _) = tea_project(&home);
    let arg = file.to_str().expect("a UTF-8 temp path");
    let Some(s) = Session::start_with_args("versions-screenshots", &home, &[], &[arg]).await else {
        return;
    };
    let out = workspace().join("docs/screenshots");
    s.wait_for_title("tea.policy.json").await;
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "intercom").await;
    s.click("#field-vendor-intercom").await;
    s.wait_for_text("section#vendors", "Intercom").await;
    // Under Xvfb WebKitGTK paints the scrollbar of a scrolled pane behind over the dialog: the
    // review step is short.
    s.click("#step-review").await;
    s.click("#versions").await;
    s.wait_for_text("#change-list", "Intercom").await;
    s.wait_for("#version-diff .diff-section").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    s.screenshot_to(&out.join("versions.png")).await;
    s.click("#diff-mode-side").await;
    for (css, name) in [
        ("#version-diff", "versions-side-by-side.png"),
        ("#publish-title", "versions-publish.png"),
    ] {
        s.client()
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
                vec![serde_json::json!(css)],
            )
            .await
            .expect("scroll");
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        s.screenshot_to(&out.join(name)).await;
    }
    s.finish().await;
}
