//! `policywright`: the command-line front end. Parses arguments and calls the core; every
//! decision lives in the library.

mod cli_versions;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use policywright::export::{ExportError, ExportOptions, Format, export, file_stem};
use policywright::{
    Finding, Library, Project, Severity, assemble, examples, project_file, validate,
};

#[derive(Parser)]
#[command(
    name = "policywright",
    version,
    about = "Write a privacy policy from your answers, offline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a new project file: blank, or copied from an example.
    New {
        /// Start from this example (saas, shop, consumer-app).
        #[arg(long)]
        example: Option<String>,
    },
    /// Check a project file and list what needs fixing. Exits with 1 when there are errors.
    Check {
        file: PathBuf,
        /// Print the findings as a JSON array (code, severity, field, paths, message, fix, and
        /// considered: the owner's reason, on warnings marked as considered) on standard output
        /// instead of lines on standard error.
        #[arg(long)]
        json: bool,
    },
    /// Show which sections the policy has, and the answers that called for each.
    Explain { file: PathBuf },
    /// Write the policy as Markdown, HTML or PDF (A4 or US Letter, from the project).
    Export {
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "html")]
        format: Format,
        /// HTML: write only the policy's <article>, to paste into an existing page.
        #[arg(long)]
        fragment: bool,
        /// Markdown: start with YAML front matter for static site generators.
        #[arg(long)]
        front_matter: bool,
        /// Folder to write into (created if missing).
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// Export this published version as it was published, as NAME-vN.EXT (Markdown byte
        /// for byte; HTML and PDF rendered from its stored text).
        #[arg(long)]
        version: Option<u32>,
    },
    /// Publish the current answers as a new version, kept in the project file.
    Publish {
        file: PathBuf,
        /// What changed, in your words (default: a summary generated from the answers).
        #[arg(long)]
        summary: Option<String>,
        /// The version's date, YYYY-MM-DD (default: today, UTC).
        #[arg(long)]
        date: Option<String>,
    },
    /// List the published versions.
    History {
        file: PathBuf,
        /// Print them as a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// What you changed since the last version, and what changed in our library since.
    Changes { file: PathBuf },
    /// Word-level differences between two versions, or a version and the current answers, in
    /// the words a reader sees (`--source`: in the Markdown as written).
    Diff {
        file: PathBuf,
        /// The older version (default: the latest).
        #[arg(long)]
        from: Option<u32>,
        /// A version number, or `current` (default).
        #[arg(long)]
        to: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli_versions::DiffFormat,
        /// Compare the Markdown as written, marks and link syntax included, instead of the
        /// words a reader sees.
        #[arg(long)]
        source: bool,
    },
    /// Print the JSON Schema of project files.
    Schema,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn library() -> Result<Library, String> {
    Library::load().map_err(|e| format!("the built-in clause library is broken: {e}"))
}

fn load(file: &Path) -> Result<Project, String> {
    project_file::load(file).map_err(|e| e.to_string())
}

pub(crate) fn print_findings(findings: &[Finding]) {
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &f.considered {
            Some(reason) => {
                // The owner's words on a terminal: no control characters (escape sequences).
                let reason: String = reason
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                eprintln!("{level}: {}: {} (considered: {reason})", f.field, f.text())
            }
            None => eprintln!("{level}: {}: {}", f.field, f.text()),
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::New { example } => {
            let text = match example {
                Some(name) => examples::example(&name).map(str::to_owned).ok_or_else(|| {
                    let names: Vec<&str> = examples::EXAMPLES.iter().map(|e| e.name).collect();
                    format!(
                        "there is no example called `{name}`; choose one of: {}",
                        names.join(", ")
                    )
                })?,
                None => project_file::to_json(&Project::blank()),
            };
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, json } => {
            let lib = library()?;
            let findings = validate(&load(&file)?, &lib);
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            if json {
                let text = serde_json::to_string_pretty(&findings).map_err(|e| e.to_string())?;
                println!("{text}");
            } else {
                print_findings(&findings);
                let considered = findings.iter().filter(|f| f.considered.is_some()).count();
                let considered = match considered {
                    0 => String::new(),
                    n => format!(" ({n} considered)"),
                };
                println!(
                    "{}: {errors} error(s), {} warning(s){considered}",
                    file.display(),
                    findings.len() - errors
                );
            }
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Explain { file } => {
            let lib = library()?;
            let doc = assemble(&load(&file)?, &lib).map_err(|e| e.to_string())?;
            for (i, s) in doc.sections.iter().enumerate() {
                println!("{}. {} (#{})", i + 1, s.title, s.id);
                for r in &s.reasons {
                    if r.field.is_empty() {
                        println!("   - {}", r.says);
                    } else {
                        println!("   - {} [{}]", r.says, r.field);
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            file,
            format,
            fragment,
            front_matter,
            out,
            version,
        } => {
            let lib = library()?;
            let project = load(&file)?;
            let options = ExportOptions {
                format,
                fragment,
                front_matter,
            };
            if let Some(number) = version {
                return cli_versions::export(&file, &project, &lib, number, &options, &out);
            }
            match export(&project, &lib, &options, &out, &file_stem(&file)) {
                Ok(report) => {
                    print_findings(&report.findings);
                    for warning in &report.warnings {
                        eprintln!("warning: {warning}");
                    }
                    for path in &report.files {
                        println!("wrote {}", path.display());
                    }
                }
                Err(ExportError::Invalid(findings)) => {
                    print_findings(&findings);
                    return Err("fix the errors above before exporting".into());
                }
                Err(ExportError::NotAFolder(path)) => {
                    return Err(format!(
                        "--out {}: this is a file; give the folder to write the policy into",
                        path.display()
                    ));
                }
                Err(e) => return Err(e.to_string()),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish {
            file,
            summary,
            date,
        } => cli_versions::publish(
            &file,
            &load(&file)?,
            &library()?,
            summary.as_deref(),
            date.as_deref(),
        ),
        Command::History { file, json } => cli_versions::history(&load(&file)?, json),
        Command::Changes { file } => cli_versions::changes(&load(&file)?, &library()?),
        Command::Diff {
            file,
            from,
            to,
            format,
            source,
        } => cli_versions::diff_command(
            &load(&file)?,
            &library()?,
            cli_versions::DiffRequest {
                from,
                to: to.as_deref(),
                format,
                source,
            },
        ),
        Command::Schema => {
            let schema =
                serde_json::to_string_pretty(&Project::json_schema()).map_err(|e| e.to_string())?;
            println!("{schema}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
