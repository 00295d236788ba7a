//! The PDF renderer: a printable, typeset policy with a title block, a linked table of contents
//! with page numbers, a nested outline, running footers, clickable links, embedded subset fonts
//! and reproducible bytes.

mod blocks;
mod fonts;
mod layout;
mod write;

use super::{RenderError, Rendered, Renderer};
use crate::document::PolicyDocument;
use crate::library::Library;

/// Renders PDF. The paper size comes from the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfRenderer;

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, doc: &PolicyDocument, _library: &Library) -> Result<Rendered, RenderError> {
        let fonts = fonts::Fonts::load().map_err(RenderError::Pdf)?;
        let layout = layout::layout(doc, &fonts);
        let bytes = write::write(doc, &layout).map_err(RenderError::Pdf)?;
        Ok(Rendered {
            bytes,
            warnings: layout.warnings,
        })
    }
}
