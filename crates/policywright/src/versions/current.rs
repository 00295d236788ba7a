//! Whether the text the answers give now is still the latest published version's text, and so
//! whether the policy may carry that version's date as "Last updated".
//!
//! The date is a claim: it tells readers the text has not changed since. It holds only while
//! the text is the one published that day. An owner's edit, a new effective date, or our own
//! change to a clause, a catalogue entry or a law fact can each change the text without a new
//! version; then the policy shows no "Last updated" date (its effective date, the owner's
//! answer, stays) and a warning asks the owner to publish. Publishing dates the new text.
//!
//! The comparison is by text, not by answers or content hashes: an edit that changes no word
//! (or a library change that does not touch this policy) keeps the date. The generator comment
//! is left out of both texts ([`super::split`]), so a newer build that writes the same words
//! keeps it too.

use super::split::{SplitText, split};
use super::{Version, published_markdown};
use crate::document::PolicyDocument;
use crate::library::Library;
use crate::model::Project;
use crate::render::{MarkdownRenderer, Renderer};
use crate::validate::{At, Finding, registry};

/// The latest published version's text in parts, read once and compared with each new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    number: u32,
    date: String,
    /// `None` when the stored text does not match its hash: it is not what was published, so
    /// nothing can be dated by it.
    text: Option<SplitText>,
}

impl Published {
    /// The latest of `history`, if anything was published.
    pub fn latest(history: &[Version]) -> Option<Published> {
        let last = history.iter().max_by_key(|v| v.number)?;
        Some(Published {
            number: last.number,
            date: last.date.clone(),
            text: published_markdown(last).ok().map(split),
        })
    }

    /// Whether `doc` (assembled with this version's date) writes this version's text.
    fn is_text_of(&self, doc: &PolicyDocument, library: &Library) -> bool {
        let Some(published) = &self.text else {
            return false;
        };
        MarkdownRenderer {
            front_matter: false,
        }
        .render(doc, library)
        .is_ok_and(|r| split(&String::from_utf8_lossy(&r.bytes)) == *published)
    }

    fn finding(&self) -> Finding {
        Finding::of(
            &registry::UNPUBLISHED_CHANGES,
            At::field("history"),
            format!(
                "The policy's text has changed since version {}, published on {}, so it no longer shows that date as the date it was last updated.",
                self.number, self.date
            ),
        )
    }
}

/// Takes the "Last updated" date off `doc` when its text is not `published`'s, and says so as
/// a finding.
pub fn settle_against(
    doc: &mut PolicyDocument,
    published: Option<&Published>,
    library: &Library,
) -> Option<Finding> {
    let published = published?;
    if published.is_text_of(doc, library) {
        return None;
    }
    doc.last_updated = None;
    doc.last_updated_text = None;
    Some(published.finding())
}

/// [`settle_against`] the latest of `project`'s versions.
pub fn settle(doc: &mut PolicyDocument, project: &Project, library: &Library) -> Option<Finding> {
    settle_against(doc, Published::latest(&project.history).as_ref(), library)
}

/// The finding [`settle`] would give for the project behind `facts`, assembling its policy
/// from those facts to see.
pub(crate) fn finding_for(facts: &crate::facts::Facts<'_>, library: &Library) -> Option<Finding> {
    let published = Published::latest(&facts.answers().history)?;
    let mut doc = crate::assemble::assemble_facts(
        facts,
        library,
        &mut crate::assemble::SectionMemo::default(),
    )
    .ok()?;
    settle_against(&mut doc, Some(&published), library)
}
