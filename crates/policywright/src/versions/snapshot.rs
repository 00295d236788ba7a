//! Publishing: the snapshot a [`Version`] keeps, and how one is made.
//!
//! A version must still mean what it meant after every later update of Policywright, so it keeps
//! what it was made from, not references to it: the answers as raw JSON with their own
//! `schema_version` (a later build migrates a *copy* when it compares them, never the stored
//! JSON), the Markdown as published with its SHA-256, hashes of the library's content, and the
//! catalogue entries and law facts the text rested on.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use time::Date;

use crate::document::PolicyDocument;
use crate::facts::Facts;
use crate::library::Library;
use crate::model::{Paper, Project, SCHEMA_VERSION};
use crate::render::{MarkdownRenderer, Renderer};
use crate::validate::{Finding, has_errors, validate};

/// One published version of the policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// 1 for the first version, then one more each time.
    pub number: u32,
    /// The day it was published, `YYYY-MM-DD`: the policy's "Last updated" date.
    pub date: String,
    /// What changed, in the owner's words (or the generated summary when they gave none).
    #[serde(default)]
    pub summary: String,
    /// The answers as published: the project's JSON without its history, in the format named
    /// by its own `schema_version`. Never migrated in place.
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub answers: Value,
    /// The policy as published, in Markdown (no front matter).
    pub markdown: String,
    /// SHA-256 of `markdown`'s UTF-8 bytes, in lowercase hex.
    pub markdown_sha256: String,
    /// The document fields HTML and PDF need besides the sections.
    pub header: Header,
    /// What the text was made with.
    pub content: ContentHashes,
    /// The catalogue and law facts the text used, as they were.
    pub used: UsedFacts,
}

/// The parts of a policy outside its sections, as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Document title.
    pub title: String,
    /// The organisation, as plain text.
    pub organisation: String,
    /// Language key.
    pub language: String,
    /// Effective date, `YYYY-MM-DD`.
    pub effective_date: Option<String>,
    /// Effective date spelt out.
    pub effective_date_text: Option<String>,
    /// Last-updated date, `YYYY-MM-DD`.
    pub last_updated: Option<String>,
    /// Last-updated date spelt out.
    pub last_updated_text: Option<String>,
    /// One-sentence description.
    pub description: String,
    /// Whether the table of contents was shown.
    pub table_of_contents: bool,
    /// Paper size of the PDF.
    pub paper: Paper,
    /// "Contents", "Effective date", "Last updated" in the document's language.
    pub labels: [String; 3],
    /// Policywright's version and the clause library's.
    pub generator: [String; 2],
}

/// Hashes (SHA-256, hex) of the library's content when a version was published. Two versions
/// made with equal hashes read the same templates, catalogues and law data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ContentHashes {
    /// The clause library's version number.
    pub library_version: String,
    /// Clause templates, manifests, strings, page shells and claims.
    pub clauses: String,
    /// The catalogues (vendors, data categories, purposes, regions, countries).
    pub catalogues: String,
    /// The law data.
    pub law: String,
}

/// The catalogue entries and facts of law a published text rested on, by id, as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct UsedFacts {
    /// Each catalogue vendor the policy named.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub vendors: BTreeMap<String, Value>,
    /// Each fact of law for the regions the policy addressed (without the research notes).
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub law: BTreeMap<String, Value>,
}

/// A publish that happened: the project with its new version, and what the owner should know.
#[derive(Debug, Clone)]
pub struct Published {
    /// The project with the new version appended to its history.
    pub project: Project,
    /// The new version's number.
    pub number: u32,
    /// Warnings about the answers (errors stop the publish), and about the dates.
    pub findings: Vec<Finding>,
    /// Notes about the dates, in plain words.
    pub notes: Vec<String>,
}

/// Why a version could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The answers have errors.
    #[error("the project has {} error(s) to fix before it can be published", .0.iter().filter(|f| f.severity == crate::Severity::Error).count())]
    Invalid(Vec<Finding>),
    /// The date is before the last version's.
    #[error(
        "the date {date} is before version {last}'s date, {last_date}; a new version cannot be older than the one before it"
    )]
    DateBeforeLast {
        /// The date asked for.
        date: String,
        /// The latest version.
        last: u32,
        /// Its date.
        last_date: String,
    },
    /// Assembly failed.
    #[error(transparent)]
    Assemble(#[from] crate::AssembleError),
    /// The renderer failed.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// The answers could not be written as JSON.
    #[error("the answers could not be frozen: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Today's date in UTC: the default publish date, and the clock of the reminder.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// Publishes the current answers as a new version dated `date`. `summary` is the owner's; when it
/// is blank, the generated change summary stands in. Refuses answers with errors, like export.
pub fn publish(
    project: &Project,
    library: &Library,
    date: Date,
    summary: &str,
) -> Result<Published, PublishError> {
    let mut findings = validate(project, library);
    if has_errors(&findings) {
        return Err(PublishError::Invalid(findings));
    }
    // Publishing is what that warning asks for.
    findings.retain(|f| f.code != crate::validate::registry::UNPUBLISHED_CHANGES.code);
    let last = super::latest(project);
    if let Some(last) = last
        && crate::assemble::parse_date(&last.date).is_some_and(|d| d > date)
    {
        return Err(PublishError::DateBeforeLast {
            date: date.to_string(),
            last: last.number,
            last_date: last.date.clone(),
        });
    }
    let summary = match summary.trim() {
        "" => super::summary::summarise(project, library).text(),
        given => given.to_owned(),
    };
    let number = last.map_or(1, |v| v.number + 1);
    let mut next = project.clone();
    // The entry goes in before the text is written, so the text's "Last updated" and its list
    // of changes include this version.
    next.history.push(Version {
        number,
        date: date.to_string(),
        summary,
        answers: frozen_answers(project)?,
        markdown: String::new(),
        markdown_sha256: String::new(),
        header: Header::default_for(project),
        content: content_hashes(library),
        used: used_facts(project, library),
    });
    let doc = crate::assemble::assemble_with_latest_date(&next, library)?;
    let markdown = String::from_utf8_lossy(
        &MarkdownRenderer {
            front_matter: false,
        }
        .render(&doc, library)?
        .bytes,
    )
    .into_owned();
    let notes = date_notes(project, last, date);
    if let Some(entry) = next.history.last_mut() {
        entry.markdown_sha256 = sha256_hex(markdown.as_bytes());
        entry.markdown = markdown;
        entry.header = Header::of(&doc);
    }
    Ok(Published {
        project: next,
        number,
        findings,
        notes,
    })
}

/// The effective date should not lie before the new version: a changed text cannot have taken
/// effect before it was published. A note, not an error: the owner may be re-publishing the
/// same text.
fn date_notes(project: &Project, last: Option<&Version>, date: Date) -> Vec<String> {
    let effective = crate::assemble::parse_date(&project.effective_date);
    match (last, effective) {
        (Some(last), Some(effective)) if effective.to_string() <= last.date => vec![format!(
            "The effective date, {effective}, is not after version {}'s date ({}). If this version changes what you do, set the date it takes effect (answer `effective_date`) and publish again.",
            last.number, last.date
        )],
        (None, Some(effective)) if effective > date => vec![format!(
            "The policy takes effect on {effective}, after today's version date {date}: publish it where people can read it before then."
        )],
        _ => Vec::new(),
    }
}

/// The answers as JSON in the current format, without the history and the save stamp (they
/// are not answers, and the history inside each version would grow the file quadratically).
fn frozen_answers(project: &Project) -> Result<Value, serde_json::Error> {
    let mut value = serde_json::to_value(project)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("history");
        object.remove("saved_with");
        object.insert("schema_version".into(), SCHEMA_VERSION.into());
    }
    Ok(value)
}

/// The catalogue vendors the project names and the law facts of the regions it addresses
/// (plus those not tied to one region, such as US federal law), as JSON.
pub(super) fn used_facts(project: &Project, library: &Library) -> UsedFacts {
    let catalogues = library.catalogues();
    let facts = Facts::derive(project, catalogues);
    let vendors = project
        .vendors
        .catalogue
        .iter()
        .filter_map(|id| catalogues.vendor(id))
        .filter_map(|v| Some((v.id.clone(), serde_json::to_value(v).ok()?)))
        .collect();
    let law = library
        .law()
        .all()
        .filter(|f| facts.regions.has(&f.law) || catalogues.jurisdiction(&f.law).is_none())
        .filter_map(|f| {
            let mut value = serde_json::to_value(f).ok()?;
            if let Some(object) = value.as_object_mut() {
                // Research notes are long and never printed.
                object.remove("note");
                object.remove("source");
            }
            Some((f.id.clone(), value))
        })
        .collect();
    UsedFacts { vendors, law }
}

/// The content hashes of `library`.
pub fn content_hashes(library: &Library) -> ContentHashes {
    let mut clauses = Sha256::new();
    let mut catalogues = Sha256::new();
    let mut law = Sha256::new();
    for (path, bytes) in library.embedded_files() {
        let hasher = if path.starts_with("catalogues/") {
            &mut catalogues
        } else if path.starts_with("law/") {
            &mut law
        } else {
            &mut clauses
        };
        // Path and length first, so moving bytes from one file to the next changes the hash.
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    ContentHashes {
        library_version: library.version().to_owned(),
        clauses: hex(&clauses.finalize()),
        catalogues: hex(&catalogues.finalize()),
        law: hex(&law.finalize()),
    }
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Header {
    fn default_for(project: &Project) -> Self {
        Header {
            title: String::new(),
            organisation: String::new(),
            language: project.language.clone(),
            effective_date: None,
            effective_date_text: None,
            last_updated: None,
            last_updated_text: None,
            description: String::new(),
            table_of_contents: false,
            paper: Paper::A4,
            labels: Default::default(),
            generator: Default::default(),
        }
    }

    fn of(doc: &PolicyDocument) -> Self {
        Header {
            title: doc.title.clone(),
            organisation: doc.organisation.clone(),
            language: doc.language.clone(),
            effective_date: doc.effective_date.clone(),
            effective_date_text: doc.effective_date_text.clone(),
            last_updated: doc.last_updated.clone(),
            last_updated_text: doc.last_updated_text.clone(),
            description: doc.description.clone(),
            table_of_contents: doc.table_of_contents,
            paper: doc.paper,
            labels: [
                doc.labels.contents.clone(),
                doc.labels.effective.clone(),
                doc.labels.last_updated.clone(),
            ],
            generator: [
                doc.generator.app_version.clone(),
                doc.generator.library_version.clone(),
            ],
        }
    }

    /// The document this header and `sections` make, for the HTML and PDF renderers.
    pub fn document(&self, sections: Vec<crate::document::Section>) -> PolicyDocument {
        let [contents, effective, last_updated] = self.labels.clone();
        let [app_version, library_version] = self.generator.clone();
        PolicyDocument {
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            language: self.language.clone(),
            effective_date: self.effective_date.clone(),
            effective_date_text: self.effective_date_text.clone(),
            last_updated: self.last_updated.clone(),
            last_updated_text: self.last_updated_text.clone(),
            description: self.description.clone(),
            table_of_contents: self.table_of_contents,
            paper: self.paper,
            labels: crate::document::Labels {
                contents,
                effective,
                last_updated,
            },
            generator: crate::document::Generator {
                app_version,
                library_version,
            },
            sections,
        }
    }
}
