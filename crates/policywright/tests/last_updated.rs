//! The "Last updated" date is a claim that the text has not changed since: the policy carries a
//! published version's date only while its text is that version's text (the fourth legal read:
//! an export after an edit, or after our own text changed, kept the owner's old date).

mod common;

use common::{codes, document, example, html, library, markdown};
use policywright::export::{ExportOptions, Format, text};
use policywright::preview::preview;
use policywright::versions::{publish, sha256_hex};
use policywright::{Project, assemble::parse_date};

const UNPUBLISHED: &str = "versions.unpublished-changes";

fn published_shop() -> Project {
    publish(
        &example("shop"),
        library(),
        parse_date("2026-02-01").expect("date"),
        "",
    )
    .expect("publishes")
    .project
}

fn markdown_export(project: &Project) -> String {
    text(
        project,
        library(),
        &ExportOptions {
            format: Format::Md,
            fragment: false,
            front_matter: false,
        },
    )
    .expect("exports")
}

/// Replaces the latest version's stored text with `change(text)`, hashed anew, as if that text
/// had been published (by an older build, for instance).
fn restore_published(project: &mut Project, change: impl Fn(&str) -> String) {
    let last = project.history.last_mut().expect("a version");
    last.markdown = change(&last.markdown);
    last.markdown_sha256 = sha256_hex(last.markdown.as_bytes());
}

#[test]
fn nothing_published_shows_only_the_owners_effective_date() {
    let shop = example("shop");
    let md = markdown(&document(&shop));
    assert!(md.contains("Hollybank Tea · Effective date: 15 January 2026\n"));
    assert!(!md.contains("Last updated"));
    assert!(!html(&document(&shop), true).contains("Last updated"));
    assert!(!codes(&shop).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn the_published_text_carries_its_versions_date() {
    let shop = published_shop();
    let md = markdown_export(&shop);
    assert!(md.contains("Effective date: 15 January 2026 · Last updated: 1 February 2026\n"));
    assert!(
        html(&document(&shop), false)
            .contains("Last updated: <time datetime=\"2026-02-01\">1 February 2026</time>")
    );
    assert!(!codes(&shop).contains(&UNPUBLISHED.to_owned()));
    assert_eq!(
        preview(&shop, library())
            .expect("previews")
            .last_updated
            .as_deref(),
        Some("Effective date: 15 January 2026 · Last updated: 1 February 2026")
    );
}

#[test]
fn an_owners_edit_after_publishing_takes_the_date_off_until_the_next_version() {
    let mut shop = published_shop();
    shop.organisation.email = "privacy@example.org".into();
    let md = markdown_export(&shop);
    assert!(md.contains("privacy@example.org"));
    assert!(
        !md.contains("Last updated"),
        "the text changed after 1 February"
    );
    assert!(!html(&document(&shop), false).contains("Last updated"));
    let preview = preview(&shop, library()).expect("previews");
    assert_eq!(
        preview.last_updated.as_deref(),
        Some("Effective date: 15 January 2026")
    );
    let warning = common::finding(&shop, UNPUBLISHED);
    assert!(
        warning
            .message
            .contains("since version 1, published on 2026-02-01"),
        "{}",
        warning.message
    );
    assert_eq!(warning.field, "history");
    assert!(
        preview.findings.iter().any(|f| f.code == UNPUBLISHED),
        "the app shows the same warning"
    );

    let next = publish(
        &shop,
        library(),
        parse_date("2026-03-10").expect("date"),
        "New address",
    )
    .expect("publishes");
    assert!(
        !next.findings.iter().any(|f| f.code == UNPUBLISHED),
        "publishing is the fix, not something to warn about while doing it"
    );
    assert!(markdown_export(&next.project).contains("Last updated: 10 March 2026"));
    assert!(!codes(&next.project).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn an_edit_that_changes_no_word_keeps_the_date() {
    let mut shop = published_shop();
    shop.style.paper = Some(
        if shop.style.paper == Some(policywright::model::Paper::Letter) {
            policywright::model::Paper::A4
        } else {
            policywright::model::Paper::Letter
        },
    );
    assert!(markdown_export(&shop).contains("Last updated: 1 February 2026"));
    assert!(!codes(&shop).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn our_own_text_changing_since_the_version_takes_the_date_off() {
    let mut shop = published_shop();
    restore_published(&mut shop, |text| {
        text.replace(
            "We update this policy when our practices or the law change.",
            "We update this policy when our practices or the law change. An older sentence.",
        )
    });
    assert!(!markdown_export(&shop).contains("Last updated"));
    assert!(codes(&shop).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn a_newer_build_writing_the_same_words_keeps_the_date() {
    let mut shop = published_shop();
    restore_published(&mut shop, |text| {
        let start = text.rfind("<!-- Policywright ").expect("generator comment");
        format!(
            "{}<!-- Policywright 0.0.9, clause library 2025.1.1 -->\n",
            &text[..start]
        )
    });
    assert!(markdown_export(&shop).contains("Last updated: 1 February 2026"));
    assert!(!codes(&shop).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn a_stored_text_edited_by_hand_dates_nothing() {
    let mut shop = published_shop();
    let last = shop.history.last_mut().expect("a version");
    last.markdown.push_str("\nAdded by hand.\n");
    assert!(!markdown_export(&shop).contains("Last updated"));
    assert!(codes(&shop).contains(&UNPUBLISHED.to_owned()));
}

#[test]
fn a_first_version_under_a_law_that_asks_for_the_date_gives_its_effective_date() {
    // California's regulations and Minnesota's statute ask for the date the policy was last
    // updated; before any version is published, that is the first version's own date.
    for region in ["us-ca", "us-states"] {
        let mut shop = example("shop");
        shop.jurisdictions.push(region.into());
        let md = markdown(&document(&shop));
        assert!(
            md.contains("Effective date: 15 January 2026 · Last updated: 15 January 2026\n"),
            "{region}"
        );
    }
    // Once published, only the version dates the text, and a changed text shows no date.
    let mut shop = published_shop();
    shop.jurisdictions.push("us-ca".into());
    shop.organisation.email = "privacy@example.org".into();
    assert!(!markdown(&document(&shop)).contains("Last updated"));
}
