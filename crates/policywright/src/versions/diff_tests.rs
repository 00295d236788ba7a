//! The diff compares what a reader sees: Markdown's marks never show, a link's address does,
//! table cells differ word by word, and owner text stays text in HTML.

use std::path::Path;

use time::macros::date;

use super::diff::{PieceKind, PolicyDiff, SectionStatus, diff, diff_source};
use super::{current_markdown, publish};
use crate::library::Library;
use crate::model::Project;
use crate::project_file;

const HEAD: &str = "# Privacy policy\n\nHollybank Tea · Effective date: 15 January 2026\n\n## Contents\n\n1. [Who we are](#who-we-are)\n\n";

fn policy(body: &str) -> String {
    format!(
        "{HEAD}## <a id=\"who-we-are\"></a>Who we are\n\n{body}\n\n<!-- Policywright 0.1.0, clause library 1 -->\n"
    )
}

fn section<'a>(d: &'a PolicyDiff, id: &str) -> &'a super::diff::SectionDiff {
    d.sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no section {id}: {d:?}"))
}

fn all_text(d: &PolicyDiff) -> String {
    d.sections
        .iter()
        .flat_map(|s| s.pieces.iter().map(|p| p.text.as_str()))
        .collect()
}

#[test]
fn a_change_around_bold_and_linked_words_shows_the_reader_s_words() {
    let old = policy(
        "We use **Stripe** for payments. Read [their policy](<https://stripe.com/privacy>).",
    );
    let new = policy(
        "We use **Adyen** for payments. Read [their policy](<https://www.adyen.com/policies-and-disclaimer/privacy-policy>).",
    );
    let d = diff(&old, &new, "version 1", "the current answers");
    let s = section(&d, "who-we-are");
    assert_eq!(s.status, SectionStatus::Changed);
    let text = d.text();
    for mark in ["**", "](", "[their", "<https", "#who-we-are", "## "] {
        assert!(!text.contains(mark), "{mark:?} in {text}");
        assert!(!all_text(&d).contains(mark), "{mark:?} in the pieces");
    }
    assert!(
        text.contains("We use [-Stripe-]{+Adyen+} for payments. Read their policy [-(https://stripe.com/privacy).-]{+(https://www.adyen.com/policies-and-disclaimer/privacy-policy).+}"),
        "{text}"
    );
    let html = d.html(false);
    assert!(
        html.contains("We use <del>Stripe</del><ins>Adyen</ins> for payments."),
        "{html}"
    );
    assert!(!html.contains("<strong>") && !html.contains("**"), "{html}");
    // The source diff keeps the marks, for whoever wants them.
    let source = diff_source(&old, &new, "version 1", "the current answers").text();
    assert!(
        source.contains("[-**Stripe**-]{+**Adyen**+}") && source.contains("Markdown source"),
        "{source}"
    );
}

#[test]
fn a_section_where_only_bold_changed_reads_the_same() {
    let d = diff(
        &policy("We use **Stripe** for payments."),
        &policy("We use *Stripe* for payments."),
        "1",
        "2",
    );
    assert_eq!(section(&d, "who-we-are").status, SectionStatus::Same);
    assert!(
        diff_source(
            &policy("We use **Stripe** for payments."),
            &policy("We use *Stripe* for payments."),
            "1",
            "2"
        )
        .changed()
        .count()
            == 1
    );
}

#[test]
fn a_link_whose_address_alone_changed_is_a_change() {
    let old = policy(
        "| Provider | Links |\n|---|---|\n| **Stripe** | [Privacy policy](<https://stripe.com/privacy>) |",
    );
    let new = policy(
        "| Provider | Links |\n|---|---|\n| **Stripe** | [Privacy policy](<https://stripe.com/legal/privacy-center>) |",
    );
    let d = diff(&old, &new, "1", "2");
    let s = section(&d, "who-we-are");
    assert_eq!(s.status, SectionStatus::Changed, "{s:?}");
    let removed: Vec<&str> = s
        .pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Removed)
        .map(|p| p.text.as_str())
        .collect();
    let added: Vec<&str> = s
        .pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Added)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(removed, ["(https://stripe.com/privacy)"]);
    assert_eq!(added, ["(https://stripe.com/legal/privacy-center)"]);
    // A mail link whose text is its address shows the address once.
    let d = diff(
        &policy("Email [a\\@x.example](<mailto:a@x.example>)."),
        &policy("Email [b\\@x.example](<mailto:b@x.example>)."),
        "1",
        "2",
    );
    assert!(
        d.text().contains("Email [-a@x.example.-]{+b@x.example.+}"),
        "{}",
        d.text()
    );
}

#[test]
fn table_cells_differ_word_by_word_in_readable_rows() {
    let old = policy(
        "| Provider | Where |\n|---|---|\n| **Stripe** (Stripe Inc.) | the United States |\n| Royal Mail | the United Kingdom |",
    );
    let new = policy(
        "| Provider | Where |\n|---|---|\n| **Stripe** (Stripe Inc.) | the United States and Ireland |\n| Royal Mail | the United Kingdom |",
    );
    let d = diff(&old, &new, "1", "2");
    let text = d.text();
    assert!(
        text.contains("Provider · Where\nStripe (Stripe Inc.) · the United States{+ and Ireland+}\nRoyal Mail · the United Kingdom"),
        "{text}"
    );
    assert!(!text.contains('|'), "{text}");
}

fn shop() -> (Library, Project) {
    let lib = Library::load().expect("library loads");
    let text = crate::examples::example("shop").expect("example");
    let project = project_file::parse(text, Path::new("shop")).expect("parses");
    (lib, project)
}

#[test]
fn the_real_policy_diffs_in_the_reader_s_words_and_hostile_owner_text_stays_text() {
    let (lib, project) = shop();
    let v1 = publish(&project, &lib, date!(2026 - 02 - 01), "First.")
        .expect("publishes")
        .project;
    let mut now = v1.clone();
    now.organisation.trading_name =
        Some("<img src=x onerror=alert(1)> **Tea** [x](javascript:alert(1))".into());
    now.vendors.catalogue.push("intercom".into());
    let new = current_markdown(&now, &lib).expect("renders");
    let d = diff(&v1.history[0].markdown, &new, "version 1", "now");
    let vendors = section(&d, "vendors");
    assert_eq!(vendors.status, SectionStatus::Changed);
    let added: String = vendors
        .pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Added)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        added.contains("Intercom") && !added.contains("**") && !added.contains("]("),
        "{added}"
    );
    let text = d.text();
    assert!(!text.contains("](<") && !text.contains("\n| "), "{text}");
    assert!(
        text.contains("<img src=x onerror=alert(1)> **Tea** [x](javascript:alert(1))"),
        "the owner's text reads as they typed it: {text}"
    );
    let html = d.html(true);
    assert!(!html.contains("<img") && !html.contains("<a "), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}
