//! No claim is printed when its license fails: for random valid projects, the fixed words of
//! every claim whose license does not hold are absent from the policy. The manifest's `renders`
//! words are checked against the templates, so a claim cannot escape by changing its wording.

mod common;
mod project_strategy;

use std::fs;
use std::path::Path;

use common::{document, library, markdown};
use policywright::Facts;
use project_strategy::generated_project;
use proptest::prelude::*;

#[test]
fn every_claim_names_words_its_template_prints_inside_its_block() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/clauses/en");
    for claim in library().claims().all() {
        let text = fs::read_to_string(dir.join(format!("{}.md", claim.section))).expect("template");
        let start = text
            .find(&format!("claim(\"{}\")", claim.id))
            .unwrap_or_else(|| panic!("{} is not used", claim.id));
        let block = &text[start..];
        let end = branch_end(block);
        assert!(
            block[..end].contains(&claim.renders),
            "claim {}: `{}` is not in its block",
            claim.id,
            claim.renders
        );
    }
}

/// Where the branch that starts at the beginning of `block` (just after its `if`) ends: at the
/// `elif`, `else` or `endif` of the same depth.
fn branch_end(block: &str) -> usize {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(i) = block[at..].find("{%") {
        let tag_at = at + i;
        let tag = block[tag_at + 2..].trim_start_matches('-').trim_start();
        if tag.starts_with("if ") {
            depth += 1;
        } else if tag.starts_with("endif") {
            if depth == 0 {
                return tag_at;
            }
            depth -= 1;
        } else if depth == 0 && (tag.starts_with("elif") || tag.starts_with("else")) {
            return tag_at;
        }
        at = tag_at + 2;
    }
    block.len()
}

/// The claims whose license fails for `project`, with the words they would print.
fn unlicensed(project: &policywright::Project) -> Vec<(String, String)> {
    let facts = Facts::derive(project, library().catalogues());
    let licensed = library().claims().licensed(&facts, library().law());
    library()
        .claims()
        .all()
        .filter(|c| !licensed.get(&c.id).copied().unwrap_or(false))
        .map(|c| (c.id.clone(), c.renders.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn no_claim_renders_when_its_fact_is_false(project in generated_project()) {
        let text = markdown(&document(&project));
        for (id, words) in unlicensed(&project) {
            prop_assert!(!text.contains(&words), "claim {id} printed without its license: `{words}`");
        }
    }
}

/// The property can fail: a project whose licenses hold prints the words it checks for.
#[test]
fn the_property_sees_printed_claims() {
    let app = common::example("consumer-app");
    let text = markdown(&document(&app));
    let all: Vec<_> = library()
        .claims()
        .all()
        .map(|c| c.renders.clone())
        .collect();
    let printed = all.iter().filter(|w| text.contains(w.as_str())).count();
    assert!(
        printed >= 5,
        "only {printed} claims found in the consumer app"
    );
    let mut no_answers = app.clone();
    no_answers.sale_and_sharing.sells = None;
    assert!(
        unlicensed(&no_answers)
            .iter()
            .any(|(id, _)| id == "no-sale"),
        "an unanswered sale question does not license 'we do not sell'"
    );
}
