//! The PDF, checked with the tools people use on PDFs: pdftotext (every heading and paragraph,
//! in reading order), qpdf (structure, outline, links) and pdffonts (embedded subset fonts).
//! Each test skips only where poppler-utils or qpdf are missing, and fails then when `CI` is set.

mod common;

use std::path::Path;
use std::process::Command;

use common::{document, example, library};
use policywright::PolicyDocument;
use policywright::model::Paper;
use policywright::render::{PdfRenderer, Renderer};
use pulldown_cmark::{Event, Parser, Tag};

const EXAMPLES: [&str; 3] = ["saas", "shop", "consumer-app"];

/// Whether `tool` is installed. A missing tool skips the test on a developer's machine; with `CI`
/// set it fails it, so a skip is never counted as a pass.
fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is not installed, and CI is set (scripts/install-deps.sh installs it)"
        );
        eprintln!("skipping: {tool} is not installed");
    }
    found
}

fn pdf(doc: &PolicyDocument) -> Vec<u8> {
    PdfRenderer.render(doc, library()).expect("renders").bytes
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn output(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every piece of text of a section, in order: its title, then each text run of its body.
fn expected_texts(doc: &PolicyDocument) -> Vec<String> {
    let mut texts = vec![squash(&doc.title)];
    for s in &doc.sections {
        texts.push(squash(&s.title));
        for event in Parser::new_ext(&s.body, pulldown_cmark::Options::ENABLE_TABLES) {
            if let Event::Text(t) | Event::Code(t) = event {
                let t = squash(&t);
                if !t.is_empty() {
                    texts.push(t);
                }
            }
        }
    }
    texts
}

#[test]
fn every_heading_and_paragraph_is_in_the_text_in_reading_order() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let doc = document(&example(name));
        let path = write(dir.path(), name, &pdf(&doc));
        let raw = output("pdftotext", &["-raw", "-enc", "UTF-8", &path, "-"]);
        // Running footers interrupt a paragraph that continues on the next page; read past them.
        let footer = format!("{} – {}", doc.title, doc.organisation);
        let body: Vec<&str> = raw
            .lines()
            .filter(|l| !(l.starts_with(&footer) && l.contains(" of ")))
            .collect();
        assert!(
            raw.lines().count() > body.len(),
            "{name}: footers were found"
        );
        let text = squash(&body.join("\n"));
        let mut at = 0;
        for piece in expected_texts(&doc) {
            match text[at..].find(&piece) {
                Some(i) => at += i + piece.len(),
                None => panic!("{name}: `{piece}` is missing or out of order after byte {at}"),
            }
        }
    }
}

#[test]
fn qpdf_finds_no_errors() {
    if !have("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let path = write(dir.path(), name, &pdf(&document(&example(name))));
        let out = Command::new("qpdf")
            .args(["--check", &path])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn only_embedded_subset_fonts_are_used() {
    if !have("pdffonts") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let path = write(dir.path(), name, &pdf(&document(&example(name))));
        let listing = output("pdffonts", &[&path]);
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{name}: no fonts");
        for row in fonts {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let (font, emb, sub) = (cols[0], cols[cols.len() - 5], cols[cols.len() - 4]);
            assert!(
                font.len() > 7 && font.as_bytes()[6] == b'+',
                "{name}: {font} is not a subset name"
            );
            assert!(
                font[..6].chars().all(|c| c.is_ascii_uppercase()),
                "{name}: {font}"
            );
            assert_eq!((emb, sub), ("yes", "yes"), "{name}: {row}");
            assert!(
                font.contains("DejaVuSans"),
                "{name}: {font} does not come from the embedded DejaVu"
            );
        }
    }
}

fn qpdf_json(path: &str) -> serde_json::Value {
    serde_json::from_str(&output("qpdf", &["--json", path])).unwrap()
}

fn flatten(outlines: &serde_json::Value, out: &mut Vec<String>) {
    for item in outlines.as_array().into_iter().flatten() {
        out.push(item["title"].as_str().unwrap_or_default().to_owned());
        flatten(&item["kids"], out);
    }
}

#[test]
fn outline_mirrors_the_headings_and_links_are_clickable() {
    if !have("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let doc = document(&example(name));
        let path = write(dir.path(), name, &pdf(&doc));
        let json = qpdf_json(&path);

        let mut expected = Vec::new();
        for s in &doc.sections {
            expected.push(s.title.clone());
            for line in s.body.lines() {
                if let Some(sub) = line.strip_prefix("### ") {
                    expected.push(sub.to_owned());
                }
            }
        }
        let mut outline = Vec::new();
        flatten(&json["outlines"], &mut outline);
        assert_eq!(outline, expected, "{name}: outline");
        let top: Vec<&str> = json["outlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["title"].as_str().unwrap())
            .collect();
        assert_eq!(
            top.len(),
            doc.sections.len(),
            "{name}: sections are the top level"
        );

        let mut uris = Vec::new();
        let mut internal = 0;
        for (_, obj) in json["qpdf"][1].as_object().unwrap() {
            let value = &obj["value"];
            if value["/Type"] != "/Page" {
                continue;
            }
            for annot in value["/Annots"].as_array().into_iter().flatten() {
                match annot["/A"]["/S"].as_str() {
                    Some("/URI") => uris.push(
                        annot["/A"]["/URI"]
                            .as_str()
                            .unwrap_or_default()
                            .trim_start_matches("u:")
                            .to_owned(),
                    ),
                    Some("/GoTo") => internal += 1,
                    other => panic!("{name}: unexpected link action {other:?}"),
                }
            }
        }
        let mut linked = Vec::new();
        for s in &doc.sections {
            for event in Parser::new_ext(&s.body, pulldown_cmark::Options::ENABLE_TABLES) {
                if let Event::Start(Tag::Link { dest_url, .. }) = event
                    && !dest_url.starts_with('#')
                {
                    linked.push(dest_url.to_string());
                }
            }
        }
        for url in &linked {
            assert!(uris.contains(url), "{name}: no link annotation for {url}");
        }
        assert!(
            internal >= doc.sections.len(),
            "{name}: every contents entry links to its section"
        );
    }
}

#[test]
fn same_project_gives_byte_identical_pdf() {
    for name in EXAMPLES {
        let doc = document(&example(name));
        assert_eq!(pdf(&doc), pdf(&doc), "{name}");
    }
}

#[test]
fn metadata_language_and_dates_come_from_the_project() {
    if !have("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = document(&example("saas"));
    let path = write(dir.path(), "saas", &pdf(&doc));
    let info = output("pdfinfo", &[&path]);
    assert!(
        info.contains("Title:           Privacy policy – Kestrel"),
        "{info}"
    );
    assert!(info.contains("Author:          Kestrel"), "{info}");
    assert!(
        info.contains("Subject:         How Kestrel collects"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Sun Mar  1 00:00:00 2026 UTC"),
        "{info}"
    );
    assert!(!info.contains("PDF/X"), "no false PDF/X claim: {info}");
    assert!(info.contains("A4"), "{info}");
    let json = qpdf_json(&path);
    let catalog = json["qpdf"][1]
        .as_object()
        .unwrap()
        .values()
        .find(|o| o["value"]["/Type"] == "/Catalog")
        .unwrap();
    assert_eq!(catalog["value"]["/Lang"], "u:en");
}

#[test]
fn paper_follows_the_country_unless_chosen() {
    let mut project = example("consumer-app");
    let letter = document(&project);
    assert_eq!(letter.paper, Paper::Letter, "a US organisation gets Letter");
    project.style.paper = Some(Paper::A4);
    assert_eq!(document(&project).paper, Paper::A4);
    assert_eq!(document(&example("shop")).paper, Paper::A4);
    if !have("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "letter", &pdf(&letter));
    assert!(output("pdfinfo", &[&path]).contains("612 x 792 pts (letter)"));
}

#[test]
fn a_character_the_font_lacks_is_replaced_visibly_with_a_warning() {
    let mut project = example("shop");
    project.organisation.trading_name = Some("Hollybank 漢 Tea".into());
    let doc = document(&project);
    let rendered = PdfRenderer.render(&doc, library()).expect("renders");
    assert_eq!(rendered.warnings.len(), 1, "{:?}", rendered.warnings);
    assert!(
        rendered.warnings[0].contains("U+6F22"),
        "{:?}",
        rendered.warnings
    );
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "missing", &rendered.bytes);
    let text = output("pdftotext", &["-enc", "UTF-8", &path, "-"]);
    assert!(
        text.contains("Hollybank \u{FFFD} Tea"),
        "{}",
        &text[..300.min(text.len())]
    );
}

#[test]
fn hostile_and_huge_answers_still_give_a_valid_pdf() {
    let mut project = example("saas");
    let long_word = "https://example.com/".to_owned() + &"verylongpathsegment".repeat(400);
    project.organisation.trading_name = Some(format!("<script>\u{202E}evil\u{200B} {long_word}"));
    project.vendors.custom[0].purpose = Some("x ".repeat(20_000));
    let doc = document(&project);
    let bytes = pdf(&doc);
    assert!(bytes.starts_with(b"%PDF-"));
    if !have("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile", &bytes);
    assert!(
        Command::new("qpdf")
            .args(["--check", &path])
            .output()
            .unwrap()
            .status
            .success()
    );
}
