//! Exporting a project: which renderers a format means, what the files are called, and writing
//! them. The CLI and the desktop app both export through here.
//!
//! Every file is rendered first, then each is written to a temporary file next to its target and
//! flushed, and only when all of them are on disk are they renamed into place
//! ([`crate::atomic`]). A full disk or a failed write leaves every earlier export as it was, and a
//! kill leaves each file old or new, never truncated. A symlink at a target is replaced, not
//! written through. Existing files are overwritten, as by any build tool: asking first is the
//! caller's job.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic::{self, Options};
use crate::library::Library;
use crate::model::Project;
use crate::render::{HtmlRenderer, MarkdownRenderer, PdfRenderer, Renderer};
use crate::validate::{Finding, has_errors, validate};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Markdown.
    Md,
    /// HTML.
    Html,
    /// PDF.
    Pdf,
    /// All three.
    All,
}

/// Export options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportOptions {
    /// Which files.
    pub format: Format,
    /// HTML: only the `<article>`.
    pub fragment: bool,
    /// Markdown: YAML front matter first.
    pub front_matter: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportReport {
    /// The files written, in order.
    pub files: Vec<PathBuf>,
    /// Findings (warnings only; errors stop the export).
    pub findings: Vec<Finding>,
    /// Renderer warnings, such as characters the PDF font lacks.
    pub warnings: Vec<String>,
}

/// Why an export did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The answers have errors; the findings say which.
    #[error("the project has {} error(s) to fix before it can be exported", .0.iter().filter(|f| f.severity == crate::Severity::Error).count())]
    Invalid(Vec<Finding>),
    /// Assembly failed.
    #[error(transparent)]
    Assemble(#[from] crate::AssembleError),
    /// A renderer failed.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// Only Markdown and HTML are text.
    #[error("{0:?} is not a text format")]
    NotText(Format),
    /// The folder to export into is a file.
    #[error("{0}: this is a file, not a folder; choose a folder to export into")]
    NotAFolder(PathBuf),
    /// A file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
}

/// The renderers a format stands for.
pub fn renderers(options: &ExportOptions) -> Vec<Box<dyn Renderer>> {
    let md = || -> Box<dyn Renderer> {
        Box::new(MarkdownRenderer {
            front_matter: options.front_matter,
        })
    };
    let html = || -> Box<dyn Renderer> {
        Box::new(HtmlRenderer {
            fragment: options.fragment,
        })
    };
    match options.format {
        Format::Md => vec![md()],
        Format::Html => vec![html()],
        Format::Pdf => vec![Box::new(PdfRenderer)],
        Format::All => vec![md(), html(), Box::new(PdfRenderer)],
    }
}

/// The base name of exported files for a project file: `shop.policy.json` → `shop`. A name
/// that would be hidden or empty (`.policy.json`) gives `privacy-policy`.
pub fn file_stem(project_file: &Path) -> String {
    project_file
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| {
            n.trim_end_matches(crate::project_file::EXTENSION)
                .trim_end_matches(".json")
        })
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .unwrap_or(DEFAULT_STEM)
        .to_owned()
}

/// The export file name for a project that has no file yet.
pub const DEFAULT_STEM: &str = "privacy-policy";

/// The file name (without extension) the export dialog suggests: the project file's
/// ([`file_stem`]), or `privacy-policy` for a project not saved yet. The app and the CLI name
/// exports by this one rule.
pub fn export_file_name(project_file: Option<&Path>) -> String {
    project_file.map_or_else(|| DEFAULT_STEM.to_owned(), file_stem)
}

/// The files an export with `options` writes into `dir` as `<stem>.<ext>`.
pub fn file_paths(options: &ExportOptions, dir: &Path, stem: &str) -> Vec<PathBuf> {
    renderers(options)
        .iter()
        .map(|r| dir.join(format!("{stem}.{}", r.extension())))
        .collect()
}

/// Those of the files exports with `options` would write that are there already (a file or a
/// link): what the app asks about before it overwrites them.
pub fn existing_files(options: &[ExportOptions], dir: &Path, stem: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    for path in options.iter().flat_map(|o| file_paths(o, dir, stem)) {
        if std::fs::symlink_metadata(&path).is_ok() && !found.contains(&path) {
            found.push(path);
        }
    }
    found
}

/// Validates, assembles and writes the chosen files into `dir` as `<stem>.<ext>`. Refuses when
/// the answers have errors, so no broken policy is ever written.
pub fn export(
    project: &Project,
    library: &Library,
    options: &ExportOptions,
    dir: &Path,
    stem: &str,
) -> Result<ExportReport, ExportError> {
    export_with(project, library, options, dir, stem, &Options::DOCUMENT)
}

/// [`export`], writing through `write` (tests simulate a full disk with its writer).
pub(crate) fn export_with(
    project: &Project,
    library: &Library,
    options: &ExportOptions,
    dir: &Path,
    stem: &str,
    write: &Options<'_>,
) -> Result<ExportReport, ExportError> {
    let findings = validate(project, library);
    if has_errors(&findings) {
        return Err(ExportError::Invalid(findings));
    }
    let doc = crate::assemble(project, library)?;
    let mut report = ExportReport {
        files: Vec::new(),
        findings,
        warnings: Vec::new(),
    };
    let mut rendered_files = Vec::new();
    for renderer in renderers(options) {
        let rendered = renderer.render(&doc, library)?;
        let path = dir.join(format!("{stem}.{}", renderer.extension()));
        report.warnings.extend(
            rendered
                .warnings
                .into_iter()
                .map(|w| format!("{}: {w}", renderer.name())),
        );
        rendered_files.push((path, rendered.bytes));
    }
    report.files = write_files(dir, &rendered_files, write)?;
    Ok(report)
}

/// Writes rendered files into `dir` (created if missing): all staged first, then all renamed
/// into place, so a failure leaves every earlier file as it was. Returns the paths written.
pub(crate) fn write_files(
    dir: &Path,
    rendered_files: &[(PathBuf, Vec<u8>)],
    write: &Options<'_>,
) -> Result<Vec<PathBuf>, ExportError> {
    let write_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Write { path, source }
    };
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(ExportError::NotAFolder(dir.to_path_buf()));
    }
    std::fs::create_dir_all(dir).map_err(write_err(dir))?;
    let mut written = Vec::new();
    let mut staged = Vec::new();
    for (path, bytes) in rendered_files {
        staged.push((
            path,
            atomic::stage(path, bytes, write).map_err(write_err(path))?,
        ));
    }
    for (path, file) in staged {
        file.commit().map_err(write_err(path))?;
        written.push(path.clone());
    }
    Ok(written)
}

/// The policy as text, for the clipboard: Markdown, or HTML (a page or the fragment). Refuses when
/// the answers have errors, like [`export`].
pub fn text(
    project: &Project,
    library: &Library,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    if !matches!(options.format, Format::Md | Format::Html) {
        return Err(ExportError::NotText(options.format));
    }
    let findings = validate(project, library);
    if has_errors(&findings) {
        return Err(ExportError::Invalid(findings));
    }
    let doc = crate::assemble(project, library)?;
    let mut out = String::new();
    for renderer in renderers(options) {
        let rendered = renderer.render(&doc, library)?;
        out.push_str(&String::from_utf8_lossy(&rendered.bytes));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
