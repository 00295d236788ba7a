//! End-to-end tests of the real desktop app: the release-like debug binary with its embedded UI,
//! driven through WebDriver (tauri-driver → WebKitWebDriver) on a private Xvfb display.
//!
//! Needs `tauri-driver` (cargo install), `WebKitWebDriver` (webkit2gtk-driver) and `Xvfb`;
//! `scripts/install-deps.sh` installs all three, and `scripts/test.sh` builds the app first.
//! Without them the tests say so and skip (and fail when `CI` is set). On failure they keep the driver log and a screenshot
//! in `target/e2e-artifacts/`.
//!
//! Each test gives the app its own config and data folders (`XDG_CONFIG_HOME`, `XDG_DATA_HOME`)
//! and answers native file dialogs through `POLICYWRIGHT_TEST_DIALOG` (see `src-tauri/dialogs.rs`):
//! the test writes the path a dialog should return, then clicks. Everything after the dialog is the
//! real app. Tests run one at a time: each starts a WebKit app, and the CI machine has two cores.
#![cfg(target_os = "linux")]

mod harness;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;
use harness::*;
use serde_json::{Value, json};

/// The PDF's text; None where poppler's pdftotext is missing (a failure when `CI` is set).
fn pdf_text(path: &Path) -> Option<String> {
    let Ok(out) = Command::new("pdftotext").arg(path).arg("-").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is not installed, and CI is set (scripts/install-deps.sh installs it)"
        );
        return None;
    };
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A little of `text` around the first `needle`, for failure messages.
fn around(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or(0);
    let start = text.floor_char_boundary(at.saturating_sub(150));
    let end = text.ceil_char_boundary((at + 150).min(text.len()));
    text[start..end].to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn app_starts_and_previews_the_examples() {
    within(LIMIT, previews_the_examples()).await;
}

async fn previews_the_examples() {
    let home = Home::new();
    let Some(s) = Session::start("preview", &home).await else {
        return;
    };
    s.check_accessibility("start screen").await;
    // The check itself can fail: an unlabelled text box is a critical violation.
    s.client()
        .execute(
            "const i = document.createElement('input'); i.id = 'unlabelled'; document.body.append(i);",
            vec![],
        )
        .await
        .expect("add an unlabelled input");
    let (_, problems) = s.accessibility_problems().await;
    assert!(
        problems.iter().any(|p| p.contains("#unlabelled")),
        "{problems:?}"
    );
    s.client()
        .execute("document.getElementById('unlabelled').remove();", vec![])
        .await
        .expect("remove it");
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text("section#summary h2", "At a glance").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    let sections = s
        .client()
        .find_all(Locator::Css("#preview section"))
        .await
        .expect("sections");
    assert!(
        sections.len() > 20,
        "the saas example has {} sections",
        sections.len()
    );

    s.click("#home").await;
    s.select("select#example", "shop").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Hollybank Tea").await;
    s.wait_for_text("section#marketing", "unsubscribe").await;
    let vendors = s.wait_for_text("section#vendors", "Royal Mail").await;
    assert!(
        !vendors.contains("Amazon Web Services"),
        "sections from the previous example were replaced"
    );
    assert!(
        s.client()
            .find(Locator::Css("section#our-role"))
            .await
            .is_err(),
        "a section the shop does not need is gone"
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_passes_the_accessibility_check_too() {
    within(LIMIT, dark_theme()).await;
}

/// The UI follows the system's colour scheme; a dark GTK theme makes WebKit report `dark`.
async fn dark_theme() {
    let home = Home::new();
    let Some(s) = Session::start_with("dark", &home, &[("GTK_THEME", "Adwaita:dark")]).await else {
        return;
    };
    let dark = s
        .client()
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await
        .expect("media query");
    assert_eq!(dark, Value::Bool(true), "WebKit reports the dark scheme");
    s.check_accessibility("start screen, dark").await;
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    for step in ["organisation", "purposes", "vendors", "review"] {
        s.click(&format!("#step-{step}")).await;
        s.check_accessibility(&format!("step {step}, dark")).await;
    }
    s.click("#export").await;
    s.check_accessibility("export dialog, dark").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blank_project_completed_step_by_step_exports_html_markdown_and_pdf() {
    within(LIMIT, complete_every_step_and_export()).await;
}

async fn complete_every_step_and_export() {
    let home = Home::new();
    let Some(s) = Session::start("complete-and-export", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.wait_for_text("#step-title", "Organisation and contacts")
        .await;
    s.wait_for_text("#step-organisation", "to fix").await;
    s.wait_for_text("#step-data", "not started").await;
    // The step's heading has focus; Tab moves to its first question.
    s.press("\u{E004}").await;
    assert_eq!(s.focused_id().await, "field-organisation-legal-name");

    // 1 Organisation: a name with characters that must stay text in every output.
    s.type_into("#field-organisation-legal-name", "Wren & <Sons> Ltd")
        .await;
    s.type_into("#field-organisation-email", "privacy@wren.example")
        .await;
    s.type_into("#field-organisation-address-street", "4 Mill Lane")
        .await;
    s.type_into("#field-organisation-address-city", "York")
        .await;
    s.type_into("#field-organisation-address-postal-code", "YO1 7HH")
        .await;
    s.type_into("#field-organisation-address-country", "gb")
        .await;
    s.set_value("#field-effective-date", "2026-12-01").await;
    s.wait_for_text(".policy-meta", "Wren & <Sons> Ltd").await;
    s.check_accessibility("step 1").await;

    // 2 What you offer.
    s.click("#step-offer").await;
    s.click("#add-product").await;
    s.type_into("#field-products-0-name", "Wren Online").await;
    s.type_into("#field-products-0-url", "https://wren.example")
        .await;
    s.check_accessibility("step 2").await;

    // 3 Data.
    s.click("#next").await;
    s.wait_for_text("#step-title", "Data you collect").await;
    s.click("#field-data-name").await;
    s.click("#field-data-contact-details").await;
    s.click("#field-data-purchase-history").await;
    s.wait_for("#field-data-2-source-automatically").await;
    let started = async || {
        let badge = s
            .displayed("#step-data .step-badge")
            .await?
            .text()
            .await
            .ok()?;
        (!badge.contains("not started")).then_some(())
    };
    assert!(
        s.poll(WAIT, started).await.is_ok(),
        "the data step counts as started"
    );
    s.check_accessibility("step 3").await;

    // 4 Purposes: the legal basis comes prefilled.
    s.click("#step-purposes").await;
    s.click("#field-purpose-provide-service").await;
    s.click("#field-purpose-payments").await;
    let basis = s.value("#field-purposes-0-legal-basis").await;
    assert_eq!(basis, "contract", "the usual basis is prefilled");
    s.check_accessibility("step 4").await;

    // 5 Vendors: search, then tick.
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "strip").await;
    s.wait_for_text("#vendor-count", "1 of").await;
    s.click("#field-vendor-stripe").await;
    s.wait_for_text("section#vendors", "Stripe").await;
    s.check_accessibility("step 5").await;

    // 6 Cookies.
    s.click("#step-cookies").await;
    s.click("#field-cookies-kinds-0").await;
    s.check_accessibility("step 6").await;

    // 7 Where users are.
    s.click("#step-where").await;
    s.click("#field-jurisdiction-uk").await;
    s.wait_for("section#europe").await;
    s.check_accessibility("step 7").await;

    // 8 Retention for every category, and security.
    s.click("#step-keeping").await;
    for i in 0..3 {
        s.select(&format!("#field-data-{i}-retention"), "period")
            .await;
        s.type_into(&format!("#field-data-{i}-retention-amount"), "6")
            .await;
    }
    s.click("#field-security-0").await;
    s.check_accessibility("step 8").await;

    // 9 Choices.
    s.click("#step-choices").await;
    s.click("#field-sale-and-sharing-sells-1").await;
    s.click("#field-sale-and-sharing-shares-for-targeted-ads-1")
        .await;
    s.check_accessibility("step 9").await;

    // 10 Review: nothing left to fix.
    s.click("#step-review").await;
    s.wait_for_text("#review-summary", "Ready to export").await;
    s.check_accessibility("step 10").await;

    // Export all three to a temporary folder.
    let out = home.path("export");
    std::fs::create_dir_all(&out).expect("export folder");
    s.click("#next").await;
    s.wait_for("#export-dialog").await;
    s.check_accessibility("export dialog").await;
    s.choose_export_folder(&home, &out).await;
    s.type_into("#export-stem", "wren-privacy").await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 3 file(s)").await;
    // Open hands the file to the desktop (here the stand-in xdg-open records it).
    let html_path = out.join("wren-privacy.html");
    s.click(&format!(
        "li[data-file='{}'] button:first-of-type",
        html_path.display()
    ))
    .await;
    wait_for("xdg-open to be called", Duration::from_secs(10), || {
        std::fs::read_to_string(home.path("opened.log"))
            .is_ok_and(|l| l.lines().any(|line| Path::new(line) == html_path))
    });
    let pdf_path = out.join("wren-privacy.pdf");
    s.click(&format!(
        "li[data-file='{}'] button:last-of-type",
        pdf_path.display()
    ))
    .await;
    // Show in folder: here no file manager service answers, so the folder itself is opened.
    wait_for("the folder to be opened", Duration::from_secs(10), || {
        std::fs::read_to_string(home.path("opened.log"))
            .is_ok_and(|l| l.lines().any(|line| Path::new(line) == out))
    });
    s.click("#copy-md").await;
    s.wait_for_text("#export-result", "Markdown copied to the clipboard")
        .await;

    let html = std::fs::read_to_string(out.join("wren-privacy.html")).expect("html");
    assert!(html.contains("Wren &amp; &lt;Sons&gt; Ltd"), "escaped name");
    assert!(!html.contains("<Sons>"), "no raw markup from the answers");
    assert!(html.contains("Stripe") && html.contains("privacy@wren.example"));
    assert!(html.contains("<html"), "a whole page");
    let md = std::fs::read_to_string(out.join("wren-privacy.md")).expect("markdown");
    assert_eq!(
        s.clipboard_text().as_deref(),
        Some(md.as_str()),
        "a paste gives the same Markdown as the exported file"
    );
    assert!(
        md.contains("Wren \\& \\<Sons\\> Ltd"),
        "Markdown escapes the name: {}",
        around(&md, "Sons")
    );
    assert!(md.contains("Stripe"));
    let pdf = out.join("wren-privacy.pdf");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("Wren & <Sons> Ltd"), "{text:.300}");
        assert!(text.contains("Stripe"));
    }
    exported_page_has_its_landmarks(&s, &html).await;
    s.finish().await;
}

/// The exported page, shown in the window in place of the app (this is the test's last use of the
/// app's page), passes axe-core's landmark rules: its content sits in a `<main>`.
async fn exported_page_has_its_landmarks(s: &Session, html: &str) {
    s.client()
        .execute(
            "document.open(); document.write(arguments[0]); document.close();",
            vec![json!(html)],
        )
        .await
        .expect("show the exported page");
    let rules = ["landmark-one-main", "region"];
    let every_impact = ["minor", "moderate", "serious", "critical"];
    let (passes, problems) = s.axe(&rules, &every_impact).await;
    assert!(
        passes == 2 && problems.is_empty(),
        "the exported page: {passes} of the landmark rules passed; {problems:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_project_reopens_after_relaunch_and_a_vendor_change_reaches_the_export() {
    within(LIMIT, save_relaunch_change_vendor()).await;
}

async fn save_relaunch_change_vendor() {
    let home = Home::new();
    let file = home.path("projects/tea.policy.json");
    home.folder("projects");
    {
        let Some(s) = Session::start_from_example("save-relaunch-1", &home, "shop").await else {
            return;
        };
        s.wait_for_text(".policy-meta", "Hollybank").await;
        s.save_as(&home, "projects/tea").await;
        s.finish().await;
    }
    assert!(
        file.is_file(),
        "the project was saved as {}",
        file.display()
    );

    let Some(s) = Session::start("save-relaunch-2", &home).await else {
        return;
    };
    s.wait_for_text("#recent-list", "tea.policy.json").await;
    s.wait_for_text("#recent-list", "last edited").await;
    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.wait_for_title("tea.policy.json").await;

    s.click("#step-vendors").await;
    s.click("#field-vendor-paypal").await;
    s.type_into("#vendor-search", "plausible").await;
    s.click("#field-vendor-plausible").await;
    s.wait_for_text("section#vendors", "Plausible").await;
    s.wait_for_title("• tea.policy.json").await;
    // Ctrl+S from the keyboard saves to the same file, without a dialog.
    s.press("\u{E009}s\u{E000}").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    let saved = std::fs::read_to_string(&file).expect("saved again");
    let saved: Value = serde_json::from_str(&saved).expect("a project file");
    let used = &saved["vendors"]["catalogue"];
    let uses = |id: &str| used.as_array().is_some_and(|l| l.iter().any(|v| v == id));
    assert!(uses("plausible") && !uses("paypal"), "vendors now: {used}");

    let out = home.path("export");
    std::fs::create_dir_all(&out).expect("export folder");
    s.click("#export").await;
    s.click("#fmt-md").await;
    s.click("#fmt-pdf").await;
    s.choose_export_folder(&home, &out).await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 1 file(s)").await;
    let html = std::fs::read_to_string(out.join("tea.html")).expect("html");
    assert!(
        html.contains("Plausible"),
        "the new vendor is in the policy"
    );
    // The owner's own retention note still names PayPal; the vendor entry (with its link) goes.
    assert!(
        !html.contains("paypal.com") && !html.contains("PayPal (Europe)"),
        "the removed vendor is gone: {}",
        around(&html, "paypal.com")
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_unsaved_changes_guard_fires_before_work_is_lost() {
    within(LIMIT, unsaved_changes_guard()).await;
}

async fn unsaved_changes_guard() {
    let home = Home::new();
    let Some(s) = Session::start("unsaved-guard", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.type_into("#field-organisation-legal-name", "Guarded Ltd")
        .await;
    s.wait_for_title("• Untitled").await;

    // Leaving for the start screen asks first; Cancel keeps the work.
    s.click("#home").await;
    s.wait_for("#unsaved-guard").await;
    s.check_accessibility("unsaved-changes dialog").await;
    s.click("#unsaved-guard button[data-value='cancel']").await;
    s.wait_gone("#unsaved-guard").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Guarded Ltd"
    );

    // Opening another project asks too; Save writes the file, then the other project opens.
    let other = home.path("other.policy.json");
    std::fs::write(
        &other,
        include_str!("../../../examples/consumer-app.policy.json"),
    )
    .expect("other project");
    home.answer_dialog(&other);
    s.click("#open").await;
    s.wait_for("#unsaved-guard").await;
    home.answer_dialog(&home.path("guarded"));
    s.click("#unsaved-guard button[data-value='save']").await;
    s.wait_for_title("other.policy.json").await;
    let saved = std::fs::read_to_string(home.path("guarded.policy.json")).expect("saved");
    assert!(saved.contains("Guarded Ltd"));

    // Ctrl+N with changes asks; Don't save discards them.
    s.type_into("#field-organisation-legal-name", "Changed")
        .await;
    s.wait_for_title("• other.policy.json").await;
    s.client()
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));",
            vec![],
        )
        .await
        .expect("Ctrl+N");
    s.wait_for("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='discard']").await;
    s.wait_for_title("Untitled").await;
    assert_eq!(s.value("#field-organisation-legal-name").await, "");
    assert!(
        std::fs::read_to_string(&other)
            .expect("other")
            .contains("Lumen Trails"),
        "discarded changes never reached the file"
    );

    // Closing the window with changes asks too: Cancel keeps the app open; Don't save closes it.
    s.type_into("#field-organisation-legal-name", "Closing Ltd")
        .await;
    s.wait_for_title("• Untitled").await;
    s.close_until_asked("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='cancel']").await;
    s.wait_gone("#unsaved-guard").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Closing Ltd"
    );
    s.close_until_asked("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='discard']").await;
    wait_for("the app to exit", Duration::from_secs(15), || {
        app_pids(&home).is_empty()
    });
    drop(s);
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_crash_the_app_offers_to_restore_the_unsaved_answers() {
    within(LIMIT, recovery_after_a_crash()).await;
}

async fn recovery_after_a_crash() {
    let home = Home::new();
    {
        let Some(s) = Session::start("recovery-1", &home).await else {
            return;
        };
        s.click("#new-blank").await;
        s.type_into("#field-organisation-legal-name", "Crash & Co")
            .await;
        s.type_into("#field-organisation-address-city", "Leeds")
            .await;
        // The autosave stamps the page; wait for it, then kill the app without warning.
        s.wait_for("body[data-autosaved-at]").await;
        let pids = app_pids(&home);
        assert!(!pids.is_empty(), "found the app process");
        for pid in pids {
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
        drop(s);
    }
    let Some(s) = Session::start("recovery-2", &home).await else {
        return;
    };
    s.wait_for_text("#recovery-message", "an unsaved project")
        .await;
    s.check_accessibility("start screen with recovery").await;
    // Starting something else first asks, because autosave would overwrite those answers.
    s.click("#new-blank").await;
    s.wait_for("#recovery-guard").await;
    s.click("#recovery-guard button[data-value='cancel']").await;
    s.wait_gone("#recovery-guard").await;
    s.click("#restore").await;
    s.wait_for_text(".policy-meta", "Crash & Co").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Crash & Co"
    );
    assert_eq!(s.value("#field-organisation-address-city").await, "Leeds");
    s.wait_for_title("• Untitled").await;
    s.finish().await;
}

/// Not a check: refreshes the README's screenshots from the real app
/// (`scripts/screenshots.sh` runs it).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots; run by scripts/screenshots.sh"]
async fn screenshots() {
    within(LIMIT, take_screenshots()).await;
}

async fn take_screenshots() {
    let home = Home::new();
    let Some(s) = Session::start("screenshots", &home).await else {
        return;
    };
    let out = workspace().join("docs/screenshots");
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    home.answer_dialog(&home.path("kestrel-metrics"));
    s.click("#save").await;
    s.wait_for_title("kestrel-metrics.policy.json").await;
    s.click("#home").await;
    s.wait_for_text("#recent-list", "kestrel-metrics").await;
    s.screenshot_to(&out.join("start-screen.png")).await;

    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.screenshot_to(&out.join("wizard-organisation.png")).await;
    s.click("#step-purposes").await;
    s.wait_for("#field-purpose-provide-service").await;
    s.screenshot_to(&out.join("wizard-purposes.png")).await;
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "a").await;
    s.screenshot_to(&out.join("wizard-vendors.png")).await;
    s.click("#step-review").await;
    s.wait_for("#review-summary").await;
    s.screenshot_to(&out.join("wizard-review.png")).await;
    std::fs::create_dir_all(home.path("export")).expect("export folder");
    s.click("#export").await;
    s.choose_export_folder(&home, &home.path("export")).await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported").await;
    s.screenshot_to(&out.join("export-dialog.png")).await;
    s.finish().await;

    let Some(s) =
        Session::start_with("screenshots-dark", &home, &[("GTK_THEME", "Adwaita:dark")]).await
    else {
        return;
    };
    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.click("#step-keeping").await;
    s.screenshot_to(&out.join("wizard-dark.png")).await;
    s.finish().await;
}

/// Not a check: the figures for the issue notes, from the release build
/// (`scripts/measure-release.sh` builds it and runs this).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "measures the release build; run by scripts/measure-release.sh"]
async fn release_figures() {
    within(LIMIT, measure_release()).await;
}

/// Proportional set size (kB) of a process, from /proc/PID/smaps_rollup.
fn pss_kb(pid: i32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The direct children of `pid` with their command names.
fn children(pid: i32) -> Vec<(i32, String)> {
    processes()
        .filter_map(|(child, dir)| {
            let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
            // The fields after the parenthesised name: state, then the parent pid.
            let (name, rest) = stat.split_once(") ")?;
            let parent = rest.split(' ').nth(1)?.parse::<i32>().ok()?;
            let comm = name.split_once(" (").map(|x| x.1).unwrap_or_default();
            (parent == pid).then(|| (child, comm.to_owned()))
        })
        .collect()
}

async fn measure_release() {
    let home = Home::new();
    let Some(s) = Session::start("release-figures", &home).await else {
        return;
    };
    let interactive = s.launched.elapsed();
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;

    let mut renders = Vec::new();
    let mut name = s.value("#field-organisation-legal-name").await;
    for i in 0..15 {
        // Found afresh each time: opening a project draws the step more than once.
        let field = s.wait_for("#field-organisation-legal-name").await;
        let key = if i % 2 == 0 { "x" } else { "y" };
        field.send_keys(key).await.expect("type");
        name.push_str(key);
        // The preview shows the new name once this edit's render is in; then read its time.
        s.wait_for_text("section#who-we-are", &name).await;
        let ms = s
            .client()
            .execute(
                "return document.getElementById('preview').dataset.renderMs;",
                vec![],
            )
            .await
            .expect("read render time");
        renders.push(
            ms.as_str()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN),
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    renders.sort_by(|a, b| a.total_cmp(b));
    let median = renders[renders.len() / 2];

    let mut lines = Vec::new();
    let mut total = 0;
    for pid in app_pids(&home) {
        let kb = pss_kb(pid);
        total += kb;
        lines.push(format!("  policywright-app (pid {pid}): {kb} kB"));
        for (child, name) in children(pid) {
            let kb = pss_kb(child);
            total += kb;
            lines.push(format!("  {name} (pid {child}): {kb} kB"));
        }
    }
    println!(
        "launch -> wizard interactive: {} ms (WebDriver session request to start screen ready)",
        interactive.as_millis()
    );
    println!(
        "edit -> preview updated (inside the app, saas example, {} edits): median {median:.1} ms, min {:.1}, max {:.1}",
        renders.len(),
        renders[0],
        renders[renders.len() - 1]
    );
    println!(
        "memory (PSS) after opening the saas example:\n{}\n  total: {} kB ({:.1} MiB)",
        lines.join("\n"),
        total,
        total as f64 / 1024.0
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "measures typing in the 1,000-entry project; run by scripts/measure-release.sh"]
async fn large_project_figures() {
    within(LIMIT, measure_large_project()).await;
}

/// Keystroke to preview updated, timed inside the page: from just before the input event (so the
/// UI's own work on the edit counts) until the preview's DOM shows the new name. `data-measure`
/// asks the app for its own marks (`data-timings`): edit recorded, request sent, response in,
/// preview shown, Svelte flushed. After the DOM shows the name, the next animation frame and a
/// forced style and layout are timed too.
const TIME_ONE_KEYSTROKE: &str = "
    const [key, field, section, done] = arguments;
    const input = document.getElementById(field);
    const preview = document.getElementById('preview');
    preview.dataset.measure = '';
    const started = performance.now();
    const shown = () => document.querySelector(section)?.textContent.includes(input.value);
    const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        const dom = performance.now();
        requestAnimationFrame(() => {
            const frame = performance.now();
            void document.body.offsetHeight;
            const laidOut = performance.now();
            done({ started, dom, frame, laidOut, app: JSON.parse(preview.dataset.timings || 'null') });
        });
    });
    observer.observe(preview, { childList: true, subtree: true, characterData: true });
    input.value += key;
    input.dispatchEvent(new Event('input', { bubbles: true }));
";

/// Each part of a keystroke, as (label, marks it runs between) over the marks the page returns;
/// `app.*` marks are the app's own (`data-timings`).
const PARTS: [(&str, &str, &str); 10] = [
    (
        "input event -> edit recorded (input handler, draft, history)",
        "started",
        "app.edited",
    ),
    (
        "edit recorded -> request sent (Svelte flush of the edit, diff)",
        "app.edited",
        "app.sent",
    ),
    (
        "request -> response (IPC + Rust command)",
        "app.sent",
        "app.received",
    ),
    (
        "response -> refresh resumes (merge, promise hops)",
        "app.received",
        "app.got",
    ),
    ("showPreview (section swap)", "app.got", "app.shown"),
    (
        "findings, vendors + Svelte flush",
        "app.shown",
        "app.flushed",
    ),
    ("status line + Svelte flush", "app.flushed", "app.done"),
    ("input event -> preview DOM updated", "started", "dom"),
    ("DOM updated -> next animation frame", "dom", "frame"),
    ("forced style + layout in that frame", "frame", "laidOut"),
];

async fn measure_large_project() {
    let home = Home::new();
    let library = policywright::Library::load().expect("library loads");
    let project = policywright::scale::large_project(&library, 1000);
    let file = home.path("large.policy.json");
    policywright::project_file::save(&project, &file, library.version()).expect("saved");
    let Some(s) = Session::start("large-project-figures", &home).await else {
        return;
    };
    home.answer_dialog(&file);
    s.click("#open-start").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.wait_for("#field-organisation-legal-name").await;

    const EDITS: usize = 30;
    let (typed, renders, marks) = time_keystrokes(
        &s,
        "field-organisation-legal-name",
        "section#who-we-are",
        EDITS,
    )
    .await;
    // A vendor's name is printed in the sections that list every vendor (1,047 here).
    // The step lists every catalogue vendor and a closed row for each of the 1,000 custom ones:
    // how long it takes to show is a figure of its own.
    let opened = std::time::Instant::now();
    s.click("#step-vendors").await;
    let row = "#open-custom-vendor-0";
    if s.poll(Duration::from_secs(60), async || s.displayed(row).await)
        .await
        .is_err()
    {
        s.fail(format!("`{row}` never appeared")).await;
    }
    let step_ms = opened.elapsed().as_secs_f64() * 1000.0;
    s.click(row).await;
    s.wait_for("#field-vendors-custom-0-name").await;
    let (vendor_typed, _, vendor_marks) =
        time_keystrokes(&s, "field-vendors-custom-0-name", "section#vendors", EDITS).await;
    let ipc = time_small_calls(&s).await;
    s.finish().await;
    for (what, figures) in [
        ("keystroke in the legal name -> preview DOM updated", typed),
        ("preview request -> shown (the app's own figure)", renders),
        (
            "keystroke in a vendor's name -> preview DOM updated",
            vendor_typed,
        ),
    ] {
        println!(
            "1,000-entry project, {what}, {} edits: {}",
            figures.len(),
            spread(figures)
        );
    }
    println!(
        "1,000-entry project, vendors step shown after its click (WebDriver round trips included): {step_ms:.0} ms"
    );
    println!("Legal name:");
    print_breakdown(&marks, &rust_edit_times(&library, &project, EDITS));
    println!("A vendor's name (the Rust line is the legal name's, for scale):");
    print_breakdown(&vendor_marks, &rust_edit_times(&library, &project, EDITS));
    println!(
        "  one small command's round trip (IPC alone, normalise_url): {}",
        spread(ipc)
    );
}

/// `edits` keystrokes typed into the field with id `field`, each timed until `section` shows the
/// field's new value: (keystroke to DOM, the app's own render figure, each keystroke's marks).
async fn time_keystrokes(
    s: &Session,
    field: &str,
    section: &str,
    edits: usize,
) -> (Vec<f64>, Vec<f64>, Vec<Value>) {
    let (mut typed, mut renders, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..edits {
        let key = if i % 2 == 0 { "x" } else { "y" };
        let page = s
            .client()
            .execute_async(
                TIME_ONE_KEYSTROKE,
                vec![json!(key), json!(field), json!(section)],
            )
            .await
            .expect("time a keystroke");
        typed.push(mark(&page, "dom") - mark(&page, "started"));
        marks.push(page);
        let render = s
            .client()
            .execute(
                "return document.getElementById('preview').dataset.renderMs;",
                vec![],
            )
            .await
            .expect("read render time");
        renders.push(
            render
                .as_str()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN),
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    (typed, renders, marks)
}

/// Round trips of a command that does next to nothing (`normalise_url`), timed in the page: the
/// fixed cost of one IPC call in this build.
async fn time_small_calls(s: &Session) -> Vec<f64> {
    let mut trips = Vec::new();
    for _ in 0..20 {
        let ms = s
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const started = performance.now();
                 window.__TAURI_INTERNALS__.invoke('normalise_url', { url: 'example.com' })
                     .then(() => done(performance.now() - started), () => done(null));",
                vec![],
            )
            .await
            .expect("time a small call");
        trips.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    trips
}

/// A mark from the page's figures (`app.sent` is the app's own); NaN when missing.
fn mark(page: &Value, name: &str) -> f64 {
    let value = match name.strip_prefix("app.") {
        Some(own) => &page["app"][own],
        None => &page[name],
    };
    value.as_f64().unwrap_or(f64::NAN)
}

/// "median M ms, min A, max B" of `figures`.
fn spread(mut figures: Vec<f64>) -> String {
    figures.sort_by(|a, b| a.total_cmp(b));
    format!(
        "median {:.1} ms, min {:.1}, max {:.1}",
        figures[figures.len() / 2],
        figures[0],
        figures[figures.len() - 1]
    )
}

/// The Rust side of each keystroke the page typed, timed in this process with the same build
/// profile as the app: the edits parsed from JSON, applied to the held project, the update
/// written as JSON (what the `preview_edit` command does, without IPC).
fn rust_edit_times(
    library: &policywright::Library,
    project: &policywright::Project,
    edits: usize,
) -> Vec<f64> {
    use policywright::preview::{Edit, LivePreview};
    let (mut live, _) = LivePreview::open(project.clone(), library).expect("opens");
    let mut name = project.organisation.legal_name.clone();
    (0..edits)
        .map(|i| {
            name.push(if i % 2 == 0 { 'x' } else { 'y' });
            let text =
                json!([{"op": "set", "path": ["organisation", "legal_name"], "value": name}])
                    .to_string();
            let started = std::time::Instant::now();
            let edits: Vec<Edit> = serde_json::from_str(&text).expect("edits parse");
            let update = live.edit(&edits, library).expect("edit applies");
            serde_json::to_string(&update).expect("update serialises");
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// Medians of each part of a keystroke, and the IPC share: request to response less the Rust
/// command's own time (medians of each, so only a rough split).
fn print_breakdown(marks: &[Value], rust: &[f64]) {
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    // The page's clock ticks in whole milliseconds: the mean of many keystrokes resolves parts
    // shorter than one tick better than the median does.
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    println!("Breakdown over {} keystrokes (median, mean):", marks.len());
    for (label, from, to) in PARTS {
        let parts: Vec<f64> = marks.iter().map(|m| mark(m, to) - mark(m, from)).collect();
        println!(
            "  {label}: {:.1} ms, {:.2} ms",
            median(parts.clone()),
            mean(&parts)
        );
    }
    let diff = median(marks.iter().map(|m| mark(m, "app.diffMs")).collect());
    println!("  of the request's preparation, diff: {diff:.2} ms");
    let round_trip = median(
        marks
            .iter()
            .map(|m| mark(m, "app.received") - mark(m, "app.sent"))
            .collect(),
    );
    let trips: Vec<f64> = marks
        .iter()
        .map(|m| mark(m, "app.received") - mark(m, "app.sent"))
        .collect();
    println!(
        "  Rust side alone (this process, same profile): {}, mean {:.2}",
        spread(rust.to_vec()),
        mean(rust)
    );
    println!(
        "  so IPC and the webview's JSON work: about {:.2} ms (medians), {:.2} ms (means)",
        round_trip - median(rust.to_vec()),
        mean(&trips) - mean(rust)
    );
}
