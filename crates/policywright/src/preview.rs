//! The live preview: everything the app shows beside the wizard, from one call. Each section
//! carries its HTML and stable id, so the app replaces only the sections that changed.

use serde::Serialize;

use crate::document::Reason;
use crate::library::Library;
use crate::model::Project;
use crate::render::html::body_html;
use crate::validate::{Finding, validate};

/// The preview of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preview {
    /// Document title.
    pub title: String,
    /// The organisation, as plain text.
    pub organisation: String,
    /// "Last updated: 1 March 2026", when the project has a valid date.
    pub last_updated: Option<String>,
    /// Sections in reading order.
    pub sections: Vec<PreviewSection>,
    /// Everything validation found.
    pub findings: Vec<Finding>,
    /// The PDF's paper: the owner's choice, or the usual one where the organisation is based.
    pub paper: crate::model::Paper,
}

/// One section as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewSection {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Body HTML; owner text in it is escaped.
    pub html: String,
    /// Why the section is included.
    pub reasons: Vec<Reason>,
}

/// Validates and assembles `project` for the preview.
pub fn preview(project: &Project, library: &Library) -> Result<Preview, crate::AssembleError> {
    let doc = crate::assemble(project, library)?;
    Ok(Preview {
        last_updated: doc
            .effective_date_text
            .as_ref()
            .map(|d| format!("{}: {d}", doc.labels.last_updated)),
        sections: doc
            .sections
            .iter()
            .map(|s| PreviewSection {
                id: s.id.clone(),
                title: s.title.clone(),
                html: body_html(&s.body),
                reasons: s.reasons.clone(),
            })
            .collect(),
        findings: validate(project, library),
        title: doc.title,
        organisation: doc.organisation,
        paper: doc.paper,
    })
}
