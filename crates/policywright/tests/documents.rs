//! Properties of assembled documents and their pages: determinism, hygiene, structure.

mod common;

use common::{document, example, html, hygiene_problems, library, markdown};
use policywright::{Library, assemble};

const EXAMPLES: [&str; 3] = ["saas", "shop", "consumer-app"];

#[test]
fn same_project_gives_byte_identical_output() {
    for name in EXAMPLES {
        let project = example(name);
        let fresh = Library::load().unwrap();
        let a = assemble(&project, library()).unwrap();
        let b = assemble(&project, &fresh).unwrap();
        assert_eq!(a, b, "{name}: document differs");
        assert_eq!(markdown(&a), markdown(&b), "{name}: markdown differs");
        assert_eq!(html(&a, false), html(&b, false), "{name}: html differs");
    }
}

#[test]
fn examples_have_no_placeholders_empty_items_or_empty_sections() {
    for name in EXAMPLES {
        let md = markdown(&document(&example(name)));
        let problems = hygiene_problems(&md);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

#[test]
fn hygiene_check_catches_broken_text() {
    assert!(!hygiene_problems("## A\n\n## B\n\ntext\n").is_empty());
    assert!(!hygiene_problems("Hello {{ name }}\n").is_empty());
    assert!(!hygiene_problems("- one\n-\n").is_empty());
    assert!(!hygiene_problems("text\n\n## Last\n").is_empty());
    assert!(hygiene_problems("## A\n\ntext\n").is_empty());
}

#[test]
fn sections_have_unique_stable_ids_and_reasons() {
    let doc = document(&example("saas"));
    let mut ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"summary"));
    assert_eq!(ids.last(), Some(&"definitions"));
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
    for s in &doc.sections {
        assert!(!s.reasons.is_empty(), "{} says why it is included", s.id);
        assert!(
            s.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is a slug",
            s.id
        );
    }
}

#[test]
fn sections_appear_only_when_answers_call_for_them() {
    let shop = document(&example("shop"));
    let ids: Vec<&str> = shop.sections.iter().map(|s| s.id.as_str()).collect();
    for absent in [
        "california",
        "us-states",
        "canada",
        "brazil",
        "australia",
        "our-role",
        "automated-decisions",
        "ai",
    ] {
        assert!(!ids.contains(&absent), "shop has no `{absent}` section");
    }
    for present in [
        "europe",
        "marketing",
        "cookies",
        "transfers",
        "privacy-contacts",
    ] {
        assert!(ids.contains(&present), "shop has a `{present}` section");
    }
    let saas = document(&example("saas"));
    assert!(
        saas.sections.iter().any(|s| s.id == "ai"),
        "an AI vendor calls for the AI section"
    );
    assert!(saas.sections.iter().any(|s| s.id == "our-role"));
}

#[test]
fn html_page_is_standalone_with_language_title_toc_and_styles() {
    let doc = document(&example("saas"));
    let page = html(&doc, false);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<title>Privacy policy – Kestrel</title>"));
    assert!(page.contains("<meta name=\"description\" content=\"How Kestrel collects"));
    assert!(page.contains("<meta name=\"generator\" content=\"Policywright "));
    assert!(page.contains("@media print") && page.contains("prefers-color-scheme: dark"));
    assert!(page.contains("Effective date: <time datetime=\"2026-03-01\">1 March 2026</time>"));
    assert!(
        page.contains("Last updated: <time datetime=\"2026-03-01\">1 March 2026</time>"),
        "nothing published yet, and California asks for the date: the first version's own"
    );
    for s in &doc.sections {
        assert!(
            page.contains(&format!("<li><a href=\"#{}\">", s.id)),
            "toc links {}",
            s.id
        );
        assert!(
            page.contains(&format!("<section id=\"{}\"", s.id)),
            "section {}",
            s.id
        );
    }
    assert!(!page.contains("<script"), "pages carry no script");
    let fragment = html(&doc, true);
    assert!(fragment.starts_with("<article class=\"policy\" lang=\"en\">"));
    assert!(!fragment.contains("<style>"));
}

#[test]
fn table_of_contents_can_be_switched_off() {
    let mut project = example("shop");
    project.style.table_of_contents = false;
    let doc = document(&project);
    assert!(!markdown(&doc).contains("## Contents"));
    assert!(!html(&doc, false).contains("<nav class=\"policy-toc\""));
}

#[test]
fn every_output_names_the_versions_that_made_it() {
    let doc = document(&example("shop"));
    let stamp = format!(
        "Policywright {}, clause library {}",
        policywright::APP_VERSION,
        library().version()
    );
    assert!(markdown(&doc).contains(&stamp));
    assert!(html(&doc, false).contains(&stamp));
    assert!(html(&doc, true).contains(&stamp));
}

#[test]
fn transfers_from_the_eea_to_an_adequate_country_cite_the_adequacy_decision() {
    let mut project = example("saas");
    project.vendors.catalogue.clear();
    project.vendors.adjustments.clear();
    project.jurisdictions = vec!["eu".into()];
    project.vendors.custom[0].locations = vec!["CH".into()];
    let md = markdown(&document(&project));
    let row = md
        .lines()
        .find(|l| l.starts_with("| Switzerland |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(row.contains("adequacy decision"), "{row}");
    project.vendors.custom[0].locations = vec!["DE".into()];
    let md = markdown(&document(&project));
    assert!(
        !md.contains("## Data sent abroad"),
        "no transfer within the EEA"
    );
}
