//! The CLI's version commands: publish, history, changes, diff, and export of a past version.
//! Parsing and printing only; the work is in `policywright::versions`.

use std::path::Path;
use std::process::ExitCode;

use policywright::export::{ExportOptions, file_stem};
use policywright::project_file;
use policywright::versions::{
    self, PublishError, VersionError,
    diff::{diff, diff_source},
    export::export_version,
    our_side, summary,
};
use policywright::{Library, Project};
use serde::Serialize;

/// Output of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text with [-removed-] and {+added+} words.
    Text,
    /// Markdown: a heading per part that differs, its words (as in `text`) in a fenced block.
    Md,
    /// A standalone HTML page with <del> and <ins>.
    Html,
}

fn parse_date(text: &str) -> Result<time::Date, String> {
    policywright::assemble::parse_date(text).ok_or_else(|| {
        format!("--date {text}: not a date; write it as YYYY-MM-DD, like 2026-03-01")
    })
}

/// `publish FILE [--summary TEXT] [--date YYYY-MM-DD]`.
pub fn publish(
    file: &Path,
    project: &Project,
    lib: &Library,
    summary: Option<&str>,
    date: Option<&str>,
) -> Result<ExitCode, String> {
    let date = match date {
        Some(text) => parse_date(text)?,
        None => versions::today(),
    };
    let published = match versions::publish(project, lib, date, summary.unwrap_or_default()) {
        Ok(p) => p,
        Err(PublishError::Invalid(findings)) => {
            crate::print_findings(&findings);
            return Err("fix the errors above before publishing".into());
        }
        Err(e) => return Err(e.to_string()),
    };
    crate::print_findings(&published.findings);
    for note in &published.notes {
        eprintln!("note: {note}");
    }
    project_file::save(&published.project, file, lib.version()).map_err(|e| e.to_string())?;
    let entry = versions::find(&published.project, published.number).map_err(|e| e.to_string())?;
    println!(
        "published version {} ({}) in {}",
        entry.number,
        entry.date,
        file.display()
    );
    if !entry.summary.is_empty() {
        println!("summary: {}", entry.summary);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct HistoryRow<'a> {
    number: u32,
    date: &'a str,
    summary: &'a str,
    markdown_sha256: &'a str,
    /// The stored text still matches its hash.
    intact: bool,
    library_version: &'a str,
}

/// `history FILE [--json]`.
pub fn history(project: &Project, json: bool) -> Result<ExitCode, String> {
    let rows: Vec<HistoryRow<'_>> = project
        .history
        .iter()
        .map(|v| HistoryRow {
            number: v.number,
            date: &v.date,
            summary: &v.summary,
            markdown_sha256: &v.markdown_sha256,
            intact: versions::published_markdown(v).is_ok(),
            library_version: &v.content.library_version,
        })
        .collect();
    if json {
        let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        println!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        println!("no published versions yet");
    }
    for r in &rows {
        let flag = if r.intact {
            ""
        } else {
            " [stored text altered since publishing]"
        };
        let summary = if r.summary.is_empty() {
            "(no summary)"
        } else {
            r.summary
        };
        println!("version {}  {}  {summary}{flag}", r.number, r.date);
    }
    Ok(ExitCode::SUCCESS)
}

/// `changes FILE`: what the owner changed since the last version, and what changed on our side.
pub fn changes(project: &Project, lib: &Library) -> Result<ExitCode, String> {
    let owner = summary::since_latest(project, lib).map_err(|e| e.to_string())?;
    let Some(since) = owner.since else {
        println!("nothing published yet: every answer is new");
        return Ok(ExitCode::SUCCESS);
    };
    println!("Your changes since version {since}:");
    if owner.changes.is_empty() {
        println!("  none");
    }
    for c in &owner.changes {
        println!("  - {}", c.says);
    }
    if let Some(ours) = our_side::since_latest(project, lib).map_err(|e| e.to_string())? {
        if ours.is_empty() {
            println!("Changed on our side: nothing");
        } else {
            println!("Changed on our side ({}):", ours.parts.join(", "));
            for r in &ours.reasons {
                println!("  - {}", r.says);
            }
            if !ours.sections.is_empty() {
                println!("  The text would change in: {}", ours.sections.join("; "));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `diff` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct DiffRequest<'a> {
    /// The older version (default: the latest).
    pub from: Option<u32>,
    /// A version number, or `current` (default).
    pub to: Option<&'a str>,
    /// Output format.
    pub format: DiffFormat,
    /// Compare the Markdown source instead of the words a reader sees.
    pub source: bool,
}

/// `diff FILE [--from V] [--to V|current] [--format …] [--source]`.
pub fn diff_command(
    project: &Project,
    lib: &Library,
    request: DiffRequest<'_>,
) -> Result<ExitCode, String> {
    let DiffRequest {
        from,
        to,
        format,
        source,
    } = request;
    let latest =
        versions::latest(project).ok_or_else(|| VersionError::NothingPublished.to_string())?;
    let text_of = |number: u32| -> Result<(String, String), String> {
        let v = versions::find(project, number).map_err(|e| e.to_string())?;
        let md = versions::published_markdown(v).map_err(|e| e.to_string())?;
        Ok((md.to_owned(), format!("version {} ({})", v.number, v.date)))
    };
    let (old, from_label) = text_of(from.unwrap_or(latest.number))?;
    let (new, to_label) = match to.unwrap_or("current") {
        "current" => (
            versions::current_markdown(project, lib).map_err(|e| e.to_string())?,
            "the current answers".to_owned(),
        ),
        number => text_of(
            number
                .trim_start_matches(['v', 'V'])
                .parse()
                .map_err(|_| format!("--to {number}: give a version number, or `current`"))?,
        )?,
    };
    let d = if source {
        diff_source(&old, &new, &from_label, &to_label)
    } else {
        diff(&old, &new, &from_label, &to_label)
    };
    match format {
        DiffFormat::Text => print!("{}", d.text()),
        DiffFormat::Md => print!("{}", d.markdown()),
        DiffFormat::Html => print!("{}", d.html(true)),
    }
    Ok(ExitCode::SUCCESS)
}

/// `export FILE --version V`.
pub fn export(
    file: &Path,
    project: &Project,
    lib: &Library,
    number: u32,
    options: &ExportOptions,
    out: &Path,
) -> Result<ExitCode, String> {
    let report = export_version(project, number, lib, options, out, &file_stem(file))
        .map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for path in &report.files {
        println!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
