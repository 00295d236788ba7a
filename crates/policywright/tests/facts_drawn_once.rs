//! Conclusions are drawn once, in `src/facts/`. The checks of what the answers add up to
//! (`src/validate/` except `answers.rs`, which judges each answer's form) and the clause context
//! (`src/assemble/view/`) take `&Facts`; this test fails when one of them reaches past the facts
//! to an answer that a fact already concludes from.

use std::fs;
use std::path::{Path, PathBuf};

/// Answers that facts conclude from, and the fact to read instead.
const CONCLUDED: &[(&str, &str)] = &[
    ("jurisdictions", "facts.regions"),
    ("sale_and_sharing.sells", "facts.sale"),
    ("sale_and_sharing.shares_for_targeted_ads", "facts.sale"),
    ("vendors.catalogue", "facts.vendors"),
    ("vendors.custom", "facts.vendors"),
    ("cookies.kinds", "facts.cookies"),
    ("cookies.do_not_track", "facts.signals"),
    ("cookies.honours_global_privacy_control", "facts.signals"),
    ("children.minimum_age", "facts.children"),
    ("children.directed_at_children", "facts.children"),
    ("organisation.address.country", "facts.home"),
    ("vendors.adjustments", "facts.vendors"),
    ("vendors.settings", "facts.vendors"),
    ("data", "facts.data"),
    ("purposes", "facts.purposes"),
    ("backups", "facts.backups"),
    ("certified_to", "facts.certification"),
    ("governance", "facts.governance"),
];

/// Catalogue flags that facts interpret, and the fact to read instead.
const INTERPRETED: &[(&str, &str)] = &[
    (".gdpr_special", "facts.data.special_category"),
    (".eea", "facts.home.in_eea"),
    (".eu_adequacy", "facts.transfers"),
    ("LegalBasis::Consent", "facts.purposes.uses_consent"),
    (
        "CookieKind::StrictlyNecessary",
        "facts.cookies.non_essential",
    ),
];

/// The names the answers go by in these modules.
const ANSWER_NAMES: &[&str] = &["p.", "answers.", "project.", "answers()."];

fn scanned() -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["validate", "assemble/view"] {
        for entry in fs::read_dir(src.join(dir)).expect("source folder") {
            let path = entry.expect("entry").path();
            let judges_form = path.file_name().is_some_and(|n| n == "answers.rs");
            if path.extension().is_some_and(|e| e == "rs") && !judges_form {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 8, "found only {files:?}");
    files
}

#[test]
fn checks_and_the_clause_context_read_conclusions_from_the_facts() {
    let mut problems = Vec::new();
    for path in scanned() {
        let text = fs::read_to_string(&path).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (field, instead) in CONCLUDED {
                for name in ANSWER_NAMES {
                    let raw = format!("{name}{field}");
                    // `p.data` must not match `p.data_foo`; a following identifier char means
                    // another field.
                    let hit = code.match_indices(&raw).any(|(at, _)| {
                        !code[at + raw.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                    if hit {
                        problems.push(format!(
                            "{}:{}: reads `{raw}`; use {instead}",
                            path.display(),
                            n + 1
                        ));
                    }
                }
            }
            for (flag, instead) in INTERPRETED {
                if code.contains(flag) {
                    problems.push(format!(
                        "{}:{}: interprets `{flag}`; use {instead}",
                        path.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The scan itself can fail: a line written the old way is caught.
#[test]
fn the_scan_catches_a_conclusion_drawn_outside_the_facts() {
    let old = "let sells = p.sale_and_sharing.sells == Some(true);";
    assert!(CONCLUDED.iter().any(|(f, _)| {
        ANSWER_NAMES
            .iter()
            .any(|n| old.contains(&format!("{n}{f}")))
    }));
    let old = "let home_eea = cat.countries.get(c).is_some_and(|c| c.eea);";
    assert!(INTERPRETED.iter().any(|(f, _)| old.contains(f)));
}
