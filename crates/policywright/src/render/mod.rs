//! Renderers: each turns a [`PolicyDocument`] into one file format, behind one interface.
//!
//! Section bodies arrive already escaped (see [`crate::text`]); the few document fields that
//! templates print as they are (the organisation's name, the description) are cleaned here.

pub(crate) mod html;
mod markdown;
mod pdf;

pub use html::{HtmlRenderer, body_html};
pub use markdown::MarkdownRenderer;
pub use pdf::PdfRenderer;

use std::borrow::Cow;

use crate::document::PolicyDocument;
use crate::library::Library;
use crate::text::without_bidi_controls;

/// A renderer failed. Like assembly errors, this points at a defect in the library's templates.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The PDF could not be written.
    #[error("the PDF renderer failed: {0}")]
    Pdf(String),
    /// A page template failed.
    #[error("the {renderer} renderer failed: {source}")]
    Template {
        /// Which renderer.
        renderer: &'static str,
        /// What failed.
        source: minijinja::Error,
    },
}

/// Turns a document into the bytes of one output file.
pub trait Renderer {
    /// Short name, e.g. `html`.
    fn name(&self) -> &'static str;
    /// File extension without the dot.
    fn extension(&self) -> &'static str;
    /// Renders the document.
    fn render(&self, doc: &PolicyDocument, library: &Library) -> Result<Rendered, RenderError>;
}

/// A rendered file and anything the reader should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The file's contents.
    pub bytes: Vec<u8>,
    /// Problems that did not stop rendering, in plain words (for example a character the PDF's
    /// font cannot show).
    pub warnings: Vec<String>,
}

impl Rendered {
    /// A file with nothing to report.
    pub fn clean(bytes: Vec<u8>) -> Self {
        Rendered {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// The document with bidi controls removed from the owner's text in the fields that page
/// templates and front matter print directly, rather than through [`crate::text::inline`].
/// Borrowed unchanged in the usual case, where there are none.
pub(crate) fn printable(doc: &PolicyDocument) -> Cow<'_, PolicyDocument> {
    let organisation = without_bidi_controls(&doc.organisation);
    let description = without_bidi_controls(&doc.description);
    if matches!(
        (&organisation, &description),
        (Cow::Borrowed(_), Cow::Borrowed(_))
    ) {
        return Cow::Borrowed(doc);
    }
    let mut clean = doc.clone();
    clean.organisation = organisation.into_owned();
    clean.description = description.into_owned();
    Cow::Owned(clean)
}
