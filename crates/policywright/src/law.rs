//! Facts of law: each deadline, age, threshold or right the policy text or a check states, as a
//! row of `templates/law/facts.toml` with its citation, the date the text was read, how it was
//! verified and where.
//!
//! Verification levels: `V` the wording was read in an official source; `V*` read verbatim in a
//! faithful reproduction; `S` a secondary source; `U` not confirmed. A `U` row cites only to the
//! article or section: loading refuses a `U` citation with a sub-paragraph, so an unconfirmed
//! letter is never printed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a fact of law was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    /// Read in an official source.
    #[serde(rename = "V")]
    Official,
    /// Read verbatim in a faithful reproduction of the official text.
    #[serde(rename = "V*")]
    Reproduction,
    /// Taken from a secondary source.
    #[serde(rename = "S")]
    Secondary,
    /// Not confirmed.
    #[serde(rename = "U")]
    Unconfirmed,
}

/// One fact of law.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawFact {
    /// Stable id, `law.topic`, used by templates and checks.
    pub id: String,
    /// The region it belongs to (a jurisdiction id, or `us-federal`, `eu-eprivacy`, `uk-pecr`).
    pub law: String,
    /// The rule as the policy relies on it, in our words.
    pub states: String,
    /// The citation printed (article level only for `U` rows).
    pub citation: String,
    /// The date of the text that was read, `YYYY-MM-DD`.
    pub as_of: String,
    /// How it was checked.
    pub verification: Verification,
    /// Where it was read.
    pub source: String,
    /// What was read, and anything uncertain.
    #[serde(default)]
    pub note: String,
    /// A deadline in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// The extension of a deadline, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_months: Option<u32>,
    /// A deadline in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The extension of a deadline, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_days: Option<u32>,
    /// An age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// A deadline in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// A look-back period in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookback_months: Option<u32>,
    /// An amount, as the law writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LawFile {
    fact: Vec<LawFact>,
}

/// The law data is inconsistent. Only a bad build can produce this; the tests load it.
#[derive(Debug, thiserror::Error)]
pub enum LawError {
    /// The file does not parse.
    #[error("law/facts.toml is invalid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A row breaks a rule of the data.
    #[error("law/facts.toml, fact `{id}`: {problem}")]
    Row {
        /// The fact.
        id: String,
        /// What is wrong.
        problem: String,
    },
}

/// Every fact of law the library relies on, by id.
#[derive(Debug, Clone, Default)]
pub struct LawFacts {
    facts: BTreeMap<String, LawFact>,
}

/// Ids the code (checks and templates) relies on; loading fails when one is missing.
pub const REQUIRED: &[&str] = &[
    "ccpa.opt-out-time",
    "quebec.person-in-charge",
    "quebec.outside-quebec-assessment",
    "nevada.health-data-policy",
    "gdpr.lawful-basis",
    "lgpd.legal-bases",
    "gdpr.special-category-consent",
    "gdpr.representative",
    "uk-gdpr.representative",
    "gdpr.automated-decisions-info",
    "coppa.parental-consent",
    "ccpa.gpc",
    "eprivacy.cookie-consent",
    "pecr.cookie-consent",
    "gdpr.response-time",
    "ccpa.lookback",
    "ccpa.minors-opt-in",
    "coppa.child-under-13",
    "fadp.response-time",
    "ccpa.response-time",
    "us-states.response-time",
    "pipeda.response-time",
    "lgpd.response-time",
    "gdpr.special-category-conditions",
    "uk.complaints-procedure",
    "us-states.sensitive-consent",
    "ccpa.limit-sensitive",
    "lgpd.encarregado",
    "pecr.soft-opt-in",
    "connecticut.llm-statement",
    "quebec.technology-notice",
    "coppa.notice-2025",
    "de.state-supervision",
    "oregon.minors",
    "connecticut.minors",
    "colorado.minors",
    "maryland.minors",
    "quebec.minors-consent",
    "quebec.governance-policies",
    "eca-digital.scope",
    "eca-digital.profiling-ads",
    "washington.health-data-policy",
    "washington.consumer-health-data",
    "gdpr.storage-period",
    "uk-gdpr.storage-period",
];

impl LawFacts {
    /// Parses and checks `law/facts.toml`.
    pub fn parse(text: &str) -> Result<LawFacts, LawError> {
        let file: LawFile = toml::from_str(text)?;
        let mut facts = BTreeMap::new();
        for fact in file.fact {
            check_row(&fact)?;
            let id = fact.id.clone();
            if facts.insert(id.clone(), fact).is_some() {
                return Err(row(&id, "the id is used twice"));
            }
        }
        for id in REQUIRED {
            if !facts.contains_key(*id) {
                return Err(row(id, "the code relies on it, but the file lacks it"));
            }
        }
        Ok(LawFacts { facts })
    }

    /// The fact with this id.
    pub fn get(&self, id: &str) -> Option<&LawFact> {
        self.facts.get(id)
    }

    /// The printable citation of a fact (ids the code uses are checked at load).
    pub fn cite<'s>(&'s self, id: &'s str) -> &'s str {
        self.facts.get(id).map_or(id, |f| f.citation.as_str())
    }

    /// Every fact, by id.
    pub fn all(&self) -> impl Iterator<Item = &LawFact> {
        self.facts.values()
    }
}

fn row(id: &str, problem: &str) -> LawError {
    LawError::Row {
        id: id.to_owned(),
        problem: problem.to_owned(),
    }
}

fn check_row(f: &LawFact) -> Result<(), LawError> {
    if time::Date::parse(
        &f.as_of,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .is_err()
    {
        return Err(row(&f.id, "`as_of` is not a YYYY-MM-DD date"));
    }
    if !(f.source.starts_with("https://") || f.source.starts_with("http://")) {
        return Err(row(&f.id, "`source` is not a web address"));
    }
    if f.states.trim().is_empty() || f.citation.trim().is_empty() {
        return Err(row(&f.id, "`states` and `citation` must say something"));
    }
    // An unconfirmed citation stops at the article or section: "Art. 12", "§1798.130".
    if f.verification == Verification::Unconfirmed && f.citation.contains('(') {
        return Err(row(
            &f.id,
            "an unconfirmed (U) citation must not name a sub-paragraph",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = r#"
[[fact]]
id = "x.y"
law = "eu"
states = "A rule."
citation = "GDPR Art. 12"
as_of = "2026-12-01"
verification = "U"
source = "https://example.org/"
"#;

    fn parse_one(text: &str) -> Result<LawFacts, LawError> {
        let file: LawFile = toml::from_str(text)?;
        for f in &file.fact {
            check_row(f)?;
        }
        Ok(LawFacts::default())
    }

    #[test]
    fn an_unconfirmed_row_never_cites_a_sub_paragraph() {
        assert!(parse_one(ROW).is_ok());
        let lettered = ROW.replace("Art. 12\"", "Art. 12(3)\"");
        let err = parse_one(&lettered).unwrap_err().to_string();
        assert!(err.contains("sub-paragraph"), "{err}");
        let confirmed = lettered.replace("\"U\"", "\"V\"");
        assert!(parse_one(&confirmed).is_ok());
    }

    #[test]
    fn rows_need_a_date_and_a_web_source() {
        assert!(parse_one(&ROW.replace("2026-12-01", "Dec 2026")).is_err());
        assert!(parse_one(&ROW.replace("https://example.org/", "example.org")).is_err());
    }

    #[test]
    fn a_missing_required_fact_fails_the_load() {
        let err = LawFacts::parse(ROW).unwrap_err().to_string();
        assert!(err.contains("the code relies on it"), "{err}");
    }
}
