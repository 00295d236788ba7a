//! The assembled policy: what every renderer consumes. Built only by [`crate::assemble`].

use serde::Serialize;

/// A finished policy, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyDocument {
    /// Document title ("Privacy policy").
    pub title: String,
    /// The organisation the policy belongs to, as plain text (not escaped).
    pub organisation: String,
    /// Language key, e.g. `en`.
    pub language: String,
    /// Effective date as `YYYY-MM-DD`, when the project has a valid one.
    pub effective_date: Option<String>,
    /// Effective date spelt out for readers ("1 March 2026").
    pub effective_date_text: Option<String>,
    /// The date of the latest published version as `YYYY-MM-DD` (the effective date before the
    /// first one is published).
    pub last_updated: Option<String>,
    /// The last-updated date spelt out.
    pub last_updated_text: Option<String>,
    /// One-sentence description for HTML `meta` tags and front matter.
    pub description: String,
    /// Whether to show a table of contents.
    pub table_of_contents: bool,
    /// Paper size for printable output.
    pub paper: crate::model::Paper,
    /// Labels the renderers need, in the document's language.
    pub labels: Labels,
    /// Versions that produced this document.
    pub generator: Generator,
    /// Sections in reading order.
    pub sections: Vec<Section>,
}

/// Labels renderers print around the sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Labels {
    /// Heading of the table of contents.
    pub contents: String,
    /// "Effective date".
    pub effective: String,
    /// "Last updated".
    pub last_updated: String,
}

/// The program and clause-library versions behind a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Generator {
    /// Policywright's version.
    pub app_version: String,
    /// The clause library's version.
    pub library_version: String,
}

impl Generator {
    /// "Policywright 0.1.0, clause library 2026.11.1".
    pub fn describe(&self) -> String {
        format!(
            "Policywright {}, clause library {}",
            self.app_version, self.library_version
        )
    }
}

/// One section of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Section {
    /// Stable slug id, used as the anchor.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Body in CommonMark (with tables). Owner text in it is already escaped.
    pub body: String,
    /// The answers that called for this section.
    pub reasons: Vec<Reason>,
}

/// Why a section is in the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reason {
    /// Path of the answer, e.g. `vendors.catalogue`; empty for sections every policy has.
    pub field: String,
    /// The reason in plain words.
    pub says: String,
}
