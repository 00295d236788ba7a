//! Exporting a past version: its Markdown byte for byte as published (after checking it against
//! its hash), and HTML and PDF rendered from that stored text by this build's renderers. The
//! answers are not assembled again: a past version says what it said then.

use std::path::{Path, PathBuf};

use crate::atomic::Options;
use crate::export::{ExportError, ExportOptions, ExportReport, Format, write_files};
use crate::library::Library;
use crate::model::Project;
use crate::render::{HtmlRenderer, PdfRenderer, Renderer};

use super::{VersionError, find, published_markdown, split::split};

/// Why a past version could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum VersionExportError {
    /// The version is missing or its text was altered.
    #[error(transparent)]
    Version(#[from] VersionError),
    /// Rendering or writing failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Front matter would change the published bytes.
    #[error(
        "--front-matter: a past version's Markdown is exported exactly as it was published, so it cannot get front matter"
    )]
    FrontMatter,
}

/// The base name of a past version's files: `shop` → `shop-v2`.
pub fn version_stem(stem: &str, number: u32) -> String {
    format!("{stem}-v{number}")
}

/// Writes version `number` of `project` into `dir` as `<stem>-v<number>.<ext>`.
pub fn export_version(
    project: &Project,
    number: u32,
    library: &Library,
    options: &ExportOptions,
    dir: &Path,
    stem: &str,
) -> Result<ExportReport, VersionExportError> {
    if options.front_matter && matches!(options.format, Format::Md | Format::All) {
        return Err(VersionExportError::FrontMatter);
    }
    let version = find(project, number)?;
    let markdown = published_markdown(version)?;
    let stem = version_stem(stem, number);
    let doc = version.header.document(split(markdown).document_sections());
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut warnings = Vec::new();
    let (md, html, pdf) = match options.format {
        Format::Md => (true, false, false),
        Format::Html => (false, true, false),
        Format::Pdf => (false, false, true),
        Format::All => (true, true, true),
    };
    if md {
        files.push((dir.join(format!("{stem}.md")), markdown.as_bytes().to_vec()));
    }
    let mut renderers: Vec<Box<dyn Renderer>> = Vec::new();
    if html {
        renderers.push(Box::new(HtmlRenderer {
            fragment: options.fragment,
        }));
    }
    if pdf {
        renderers.push(Box::new(PdfRenderer));
    }
    for renderer in renderers {
        let rendered = renderer.render(&doc, library).map_err(ExportError::from)?;
        warnings.extend(
            rendered
                .warnings
                .into_iter()
                .map(|w| format!("{}: {w}", renderer.name())),
        );
        files.push((
            dir.join(format!("{stem}.{}", renderer.extension())),
            rendered.bytes,
        ));
    }
    Ok(ExportReport {
        files: write_files(dir, &files, &Options::DOCUMENT)?,
        findings: Vec::new(),
        warnings,
    })
}
