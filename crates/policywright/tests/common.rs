//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::Path;
use std::sync::OnceLock;

use policywright::render::{HtmlRenderer, MarkdownRenderer, Renderer};
use policywright::{Library, PolicyDocument, Project, assemble, examples, project_file};

pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::load().expect("the embedded library loads"))
}

pub fn example(name: &str) -> Project {
    let text = examples::example(name).expect("example exists");
    project_file::parse(text, Path::new(name)).expect("example parses")
}

/// The codes of the findings `check` reports for `project`, in the order reported.
pub fn codes(project: &Project) -> Vec<String> {
    policywright::validate(project, library())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// The finding with `code` that `check` reports for `project`; fails the test, naming the codes
/// reported, when there is none.
pub fn finding(project: &Project, code: &str) -> policywright::Finding {
    let found = policywright::validate(project, library());
    let codes: Vec<String> = found.iter().map(|f| f.code.clone()).collect();
    found
        .into_iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} finding among {codes:?}"))
}

pub fn document(project: &Project) -> PolicyDocument {
    assemble(project, library()).expect("assembles")
}

pub fn markdown(doc: &PolicyDocument) -> String {
    String::from_utf8(
        MarkdownRenderer {
            front_matter: false,
        }
        .render(doc, library())
        .expect("renders")
        .bytes,
    )
    .expect("utf-8")
}

pub fn html(doc: &PolicyDocument, fragment: bool) -> String {
    String::from_utf8(
        HtmlRenderer { fragment }
            .render(doc, library())
            .expect("renders")
            .bytes,
    )
    .expect("utf-8")
}

/// Problems a reader would see as broken text: leftover template syntax, empty brackets, empty
/// list items, headings with nothing under them.
pub fn hygiene_problems(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for bad in [
        "{{",
        "}}",
        "{%",
        "%}",
        "[]",
        "()",
        "( )",
        "[ ]",
        "..",
        " ,",
        " .",
        "undefined",
        "none",
    ] {
        for (i, line) in markdown.lines().enumerate() {
            // `..` is fine in an ellipsis-free policy only outside URLs.
            if line.contains(bad) && !line.contains("](<") {
                problems.push(format!("line {}: contains `{bad}`: {line}", i + 1));
            }
        }
    }
    let lines: Vec<&str> = markdown.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed == "-" || trimmed == "*" || trimmed.ends_with(". ") && trimmed.len() <= 3 {
            problems.push(format!("line {}: empty list item", i + 1));
        }
        if trimmed.starts_with("| ") && trimmed.contains("|  |") {
            problems.push(format!("line {}: empty table cell: {trimmed}", i + 1));
        }
        if trimmed.starts_with('#') {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            match next {
                None => problems.push(format!(
                    "line {}: heading at the end with nothing under it",
                    i + 1
                )),
                Some(n) if n.starts_with("## ") && trimmed.starts_with("## ") => {
                    problems.push(format!("line {}: empty section `{trimmed}`", i + 1))
                }
                _ => {}
            }
        }
    }
    problems
}

/// The Markdown policy of example `name` after `change` to its answers.
pub fn policy(name: &str, change: impl FnOnce(&mut Project)) -> String {
    let mut p = example(name);
    change(&mut p);
    markdown(&document(&p))
}

/// The section of a Markdown policy under the heading that ends with `title`.
pub fn section<'a>(text: &'a str, title: &str) -> &'a str {
    let start = text
        .find(&format!("{title}\n"))
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &text[start..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

/// Whether `check` reports a finding with `code` for `project`.
pub fn fires(project: &Project, code: &str) -> bool {
    codes(project).iter().any(|c| c == code)
}
