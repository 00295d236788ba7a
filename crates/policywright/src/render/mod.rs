//! Renderers: each turns a [`PolicyDocument`] into one file format, behind one interface.

mod html;
mod markdown;

pub use html::HtmlRenderer;
pub use markdown::MarkdownRenderer;

use crate::document::PolicyDocument;
use crate::library::Library;

/// A renderer failed. Like assembly errors, this points at a defect in the library's templates.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
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
    fn render(&self, doc: &PolicyDocument, library: &Library) -> Result<Vec<u8>, RenderError>;
}
