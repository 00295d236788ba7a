//! Versions: what an owner published, kept in the project file, and what changed since.
//!
//! Publishing ([`publish`]) appends a [`Version`] to [`Project::history`]: the answers frozen as
//! raw JSON (never migrated in place), the published Markdown with its hash, the content hashes
//! of the clause library, catalogues and law data, and the vendor and law facts the text used.
//! From that the other modules answer the owner's questions months later:
//! - [`summary`]: what the owner changed, in plain words, from the answers;
//! - [`our_side`]: what changed in our library, catalogues or law data since, and what that
//!   would change in the text;
//! - [`diff`]: the word-level difference between two texts, per section, in the words a reader
//!   sees ([`reading`]: a part's Markdown as the plain text of its rendered form);
//! - [`split`]: a published Markdown text back into its sections (for the diff, and for HTML
//!   and PDF of a past version);
//! - [`reminder`]: the yearly-review warning;
//! - [`current`]: whether the text is still the latest version's, which licenses its date.

pub mod current;
pub mod diff;
pub mod export;
pub mod our_side;
pub mod reading;
pub mod reminder;
mod snapshot;
pub mod split;
pub mod summary;

pub use snapshot::{
    ContentHashes, Header, PublishError, Published, UsedFacts, Version, content_hashes, publish,
    sha256_hex, today,
};

use crate::library::Library;
use crate::model::Project;
use crate::render::{MarkdownRenderer, Renderer};

/// The latest published version, if any.
pub fn latest(project: &Project) -> Option<&Version> {
    project.history.iter().max_by_key(|v| v.number)
}

/// The version numbered `number`.
pub fn find(project: &Project, number: u32) -> Result<&Version, VersionError> {
    project
        .history
        .iter()
        .find(|v| v.number == number)
        .ok_or_else(|| VersionError::NoSuchVersion {
            number,
            known: project.history.iter().map(|v| v.number).collect(),
        })
}

/// A version asked for by number, or a past text, could not be used.
#[derive(Debug, thiserror::Error)]
pub enum VersionError {
    /// No version has that number.
    #[error("there is no version {number}; {}", describe_known(known))]
    NoSuchVersion {
        /// The number asked for.
        number: u32,
        /// The numbers there are.
        known: Vec<u32>,
    },
    /// The project has never been published.
    #[error("this project has no published version yet; publish one first")]
    NothingPublished,
    /// The stored text does not match its hash: the file was edited by hand.
    #[error(
        "version {number}'s stored text does not match the hash recorded when it was published, so it is not what was published (the file was edited by hand)"
    )]
    Tampered {
        /// The version.
        number: u32,
    },
    /// The current answers could not be written as a policy.
    #[error(transparent)]
    Assemble(#[from] crate::AssembleError),
    /// A renderer failed.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
}

fn describe_known(known: &[u32]) -> String {
    if known.is_empty() {
        return "nothing has been published yet".to_owned();
    }
    let list: Vec<String> = known.iter().map(u32::to_string).collect();
    format!("the versions are {}", list.join(", "))
}

/// The stored Markdown of `version`, after checking it against its hash.
pub fn published_markdown(version: &Version) -> Result<&str, VersionError> {
    if sha256_hex(version.markdown.as_bytes()) != version.markdown_sha256 {
        return Err(VersionError::Tampered {
            number: version.number,
        });
    }
    Ok(&version.markdown)
}

/// The current answers as Markdown, the way publishing would print them today (without front
/// matter), for a diff against a published version.
pub fn current_markdown(project: &Project, library: &Library) -> Result<String, VersionError> {
    let doc = crate::assemble::assemble_with_latest_date(project, library)?;
    let rendered = MarkdownRenderer {
        front_matter: false,
    }
    .render(&doc, library)?;
    Ok(String::from_utf8_lossy(&rendered.bytes).into_owned())
}

#[cfg(test)]
mod diff_tests;
#[cfg(test)]
mod tests;
