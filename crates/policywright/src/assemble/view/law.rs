//! The facts of law the text states (deadlines, ages, look-back periods), so a template prints
//! the number from the cited law data instead of writing it in: `law['gdpr.response-time']`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::string;
use crate::law::{LawFact, LawFacts};

/// One fact of law, with its numbers also in words ("one", "two").
#[derive(Serialize, PartialEq)]
pub(crate) struct LawView {
    /// The citation, for a template that prints it.
    citation: String,
    /// The fact's numbers by name (`months`, `extension_months`, `days`, `age`…).
    #[serde(flatten)]
    numbers: BTreeMap<&'static str, u32>,
    /// The same numbers in words where the language has a word (`months_word`…), else digits.
    #[serde(flatten)]
    words: BTreeMap<String, String>,
}

fn numbers(f: &LawFact) -> BTreeMap<&'static str, u32> {
    [
        ("months", f.months),
        ("extension_months", f.extension_months),
        ("days", f.days),
        ("extension_days", f.extension_days),
        ("age", f.age),
        ("hours", f.hours),
        ("lookback_months", f.lookback_months),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect()
}

/// Every fact of law, by id, for the templates.
pub(super) fn law(law: &LawFacts, s: &toml::Table) -> BTreeMap<String, LawView> {
    law.all()
        .map(|f| {
            let numbers = numbers(f);
            let words = numbers
                .iter()
                .map(|(name, n)| {
                    let word = string(s, "number", &n.to_string());
                    let word = if word.starts_with("number.") {
                        n.to_string()
                    } else {
                        word
                    };
                    (format!("{name}_word"), word)
                })
                .collect();
            (
                f.id.clone(),
                LawView {
                    citation: f.citation.clone(),
                    numbers,
                    words,
                },
            )
        })
        .collect()
}
