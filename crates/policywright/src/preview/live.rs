//! The project a window is editing, kept beside its last preview, so each edit costs what it
//! changes: the edit crosses from the UI instead of the project, and only the sections whose
//! HTML changed go back.
//!
//! The published versions ([`Project::history`]) are not answers and can be large (each holds a
//! copy of the answers and the policy text), so they are kept aside: the JSON that edits address
//! has no history, and each edited project gets only the versions' numbers, dates and summaries,
//! which are all the text shows of them.

use serde::Serialize;
use serde_json::Value;

use super::{Edit, EditError, Preview, PreviewCache, PreviewSection, SectionSplice};
use crate::library::Library;
use crate::model::Project;
use crate::validate::Finding;
use crate::versions::Version;

/// What changed in the preview after an edit. Everything but the sections is small and sent
/// whole; sections are sent only when new or changed, and `order` says where each one goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewUpdate {
    /// Document title.
    pub title: String,
    /// The organisation, as plain text.
    pub organisation: String,
    /// "Last updated: 1 March 2026", when the project has a valid date.
    pub last_updated: Option<String>,
    /// Every section's id, in reading order; sections not listed are gone.
    pub order: Vec<String>,
    /// Sections that are new or differ from the previous preview, sent whole.
    pub changed: Vec<PreviewSection>,
    /// Large sections that differ from the previous preview, sent as the part of their HTML
    /// that changed.
    pub spliced: Vec<SectionSplice>,
    /// Everything validation found; `None` when that is what it found before. (A large project
    /// can have thousands of findings, and most keystrokes change none.)
    pub findings: Option<Vec<Finding>>,
    /// The PDF's paper.
    pub paper: crate::model::Paper,
    /// Each catalogue vendor's entity and locations for this owner (see [`Preview`]); `None`
    /// when unchanged, as it is unless the owner's country changes.
    pub listed_vendors: Option<Vec<super::ListedVendor>>,
}

impl PreviewUpdate {
    /// The full preview this update turns `previous` into: what the UI shows after applying it.
    pub fn apply_to(&self, previous: &Preview) -> Preview {
        let shown = |id: &String| previous.sections.iter().find(|s| &s.id == id);
        let find = |id: &String| {
            if let Some(s) = self.changed.iter().find(|s| &s.id == id) {
                return Some(s.clone());
            }
            match self.spliced.iter().find(|s| &s.id == id) {
                Some(splice) => shown(id).and_then(|old| splice.apply(old)),
                None => shown(id).cloned(),
            }
        };
        Preview {
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            last_updated: self.last_updated.clone(),
            sections: self.order.iter().filter_map(find).collect(),
            findings: self
                .findings
                .clone()
                .unwrap_or_else(|| previous.findings.clone()),
            paper: self.paper,
            listed_vendors: self
                .listed_vendors
                .clone()
                .unwrap_or_else(|| previous.listed_vendors.clone()),
        }
    }
}

/// An edit could not be applied, or the preview not built.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// The edit does not fit the project; nothing changed.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// Assembly failed (a defect in the clause library).
    #[error(transparent)]
    Assemble(#[from] crate::AssembleError),
}

/// The project being edited, its JSON form (which edits address), the HTML cache and the preview
/// the UI was last given.
#[derive(Debug, Clone)]
pub struct LivePreview {
    project: Project,
    /// The full history, set aside when the project was opened.
    history: Vec<Version>,
    json: Value,
    cache: PreviewCache,
    shown: Preview,
}

impl LivePreview {
    /// Starts editing `project`; returns the full preview to show.
    pub fn open(mut project: Project, library: &Library) -> Result<(Self, Preview), LiveError> {
        let history = std::mem::take(&mut project.history);
        let json = serde_json::to_value(&project).map_err(EditError::from)?;
        let mut cache = PreviewCache::default();
        // The first preview reads the published text; later ones see only the light history.
        project.history.clone_from(&history);
        let shown = cache.preview(&project, library)?;
        project.history = light(&history);
        let live = LivePreview {
            project,
            history,
            json,
            cache,
            shown: shown.clone(),
        };
        Ok((live, shown))
    }

    /// The answers as they stand after every edit so far, with only the numbers, dates and
    /// summaries of the published versions.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The published versions in full, as they were when the project was opened.
    pub fn history(&self) -> &[Version] {
        &self.history
    }

    /// Applies `edits` (all or none) and returns what changed in the preview. The project is
    /// edited in place (copying a 1,000-entry project took ~0.7 ms of a keystroke) and put back
    /// when the preview cannot be built.
    pub fn edit(&mut self, edits: &[Edit], library: &Library) -> Result<PreviewUpdate, LiveError> {
        let undo = match super::edit::apply_edits_in_place(&mut self.project, &mut self.json, edits)
        {
            Ok(undo) => undo,
            Err(error) => return Err(self.rejoin(error.into())),
        };
        // Edits do not reach the history: what the text shows of it is put back.
        self.project.history = light(&self.history);
        let next = match self.cache.preview(&self.project, library) {
            Ok(next) => next,
            Err(error) => {
                undo.restore(&mut self.project);
                return Err(self.rejoin(error.into()));
            }
        };
        let (mut changed, mut spliced) = (Vec::new(), Vec::new());
        for s in &next.sections {
            // A few dozen sections: a linear look-up is cheaper than building a map.
            match self.shown.sections.iter().find(|old| old.id == s.id) {
                Some(old) if old == s => {}
                Some(old) => match SectionSplice::between(old, s) {
                    Some(splice) => spliced.push(splice),
                    None => changed.push(s.clone()),
                },
                None => changed.push(s.clone()),
            }
        }
        let update = PreviewUpdate {
            title: next.title.clone(),
            organisation: next.organisation.clone(),
            last_updated: next.last_updated.clone(),
            order: next.sections.iter().map(|s| s.id.clone()).collect(),
            changed,
            spliced,
            findings: (next.findings != self.shown.findings).then(|| next.findings.clone()),
            paper: next.paper,
            listed_vendors: (next.listed_vendors != self.shown.listed_vendors)
                .then(|| next.listed_vendors.clone()),
        };
        self.shown = next;
        Ok(update)
    }

    /// After a refused edit: the JSON may be half edited, the project is not, so the JSON is
    /// made again from it. Returns `error`, or the error of making the JSON.
    fn rejoin(&mut self, error: LiveError) -> LiveError {
        let mut answers = self.project.clone();
        answers.history.clear();
        match serde_json::to_value(&answers) {
            Ok(json) => {
                self.json = json;
                error
            }
            Err(e) => EditError::from(e).into(),
        }
    }
}

/// The versions with only what the text shows of them: number, date and summary.
fn light(history: &[Version]) -> Vec<Version> {
    history
        .iter()
        .map(|v| Version {
            number: v.number,
            date: v.date.clone(),
            summary: v.summary.clone(),
            answers: Value::Null,
            markdown: String::new(),
            markdown_sha256: String::new(),
            header: v.header.clone(),
            content: v.content.clone(),
            used: Default::default(),
        })
        .collect()
}
