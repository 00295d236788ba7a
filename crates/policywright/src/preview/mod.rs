//! The live preview: everything the app shows beside the wizard, from one call. Each section
//! carries its HTML and stable id, so the app replaces only the sections that changed.
//!
//! Rendering Markdown to HTML is most of a preview's cost on a large project, and one keystroke
//! changes the Markdown of one or two sections. [`PreviewCache`] keeps each section's HTML with
//! the Markdown it came from and renders again only what changed; [`preview`] is the same code
//! with an empty cache, so a full render and an incremental one cannot drift apart.
//! [`LivePreview`] holds the project the app is editing and applies [`Edit`]s to it, so a
//! keystroke sends a path and a value instead of the whole project, and gets back only what
//! changed ([`PreviewUpdate`]).

mod blocks;
mod edit;
mod live;
mod splice;

use std::collections::HashMap;

use serde::Serialize;

pub use edit::{Edit, EditError, PathKey, apply_edits};
pub use live::{LiveError, LivePreview, PreviewUpdate};
pub use splice::SectionSplice;

use crate::document::Reason;
use crate::library::Library;
use crate::model::Project;
use crate::validate::Finding;

/// The preview of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preview {
    /// Document title.
    pub title: String,
    /// The organisation, as plain text.
    pub organisation: String,
    /// The dates under the title, as the policy prints them: "Effective date: 1 March 2026",
    /// then "Last updated: …" while the text is the latest published version's.
    pub last_updated: Option<String>,
    /// Sections in reading order.
    pub sections: Vec<PreviewSection>,
    /// Everything validation found.
    pub findings: Vec<Finding>,
    /// The PDF's paper: the owner's choice, or the usual one where the organisation is based.
    pub paper: crate::model::Paper,
    /// Each catalogue vendor's entity and locations for an owner based where this one is, for
    /// the vendor step (the catalogue the app holds gives them for an owner in Europe).
    pub listed_vendors: Vec<ListedVendor>,
}

/// What our list says of one catalogue vendor for this owner, before the owner's adjustments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListedVendor {
    /// The catalogue id.
    pub id: String,
    /// The legal entity the owner contracts with, when our list knows it.
    pub legal_entity: Option<String>,
    /// Where it processes the owner's data: ISO country codes.
    pub locations: Vec<String>,
}

impl ListedVendor {
    fn all(facts: &crate::facts::Facts<'_>) -> Vec<ListedVendor> {
        facts
            .vendors
            .listed
            .iter()
            .map(|v| ListedVendor {
                id: v.id.to_owned(),
                legal_entity: v.entity.map(str::to_owned),
                locations: v.locations.to_vec(),
            })
            .collect()
    }
}

/// One section as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PreviewSection {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Body HTML; owner text in it is escaped.
    pub html: String,
    /// Why the section is included.
    pub reasons: Vec<Reason>,
}

/// Each section's HTML with the Markdown it was rendered from, by section id.
///
/// The whole body is kept and compared (not only a hash of it), so a hit is never a collision;
/// comparing strings costs far less than rendering them.
#[derive(Debug, Default, Clone)]
pub struct PreviewCache {
    sections: HashMap<String, Rendered>,
    /// How many sections the last call rendered (the rest came from the cache).
    rendered: usize,
    /// How many bytes of those sections' Markdown it rendered (blocks of them that had not
    /// changed were not).
    markdown_rendered: usize,
    /// What each section's templates read and wrote, so unchanged sections are not written again.
    memo: crate::assemble::SectionMemo,
    /// The long lists' answer checks, kept while those answers stay the same.
    form: crate::validate::FormMemo,
    /// The latest published text, which licenses the "Last updated" date; read from the first
    /// project previewed (the live preview gives it the full history, which it then keeps aside).
    published: Option<Option<crate::versions::current::Published>>,
}

#[derive(Debug, Clone)]
struct Rendered {
    markdown: String,
    html: String,
    /// The parts it was rendered from, for rendering only the changed ones next time.
    blocks: Vec<blocks::Block>,
}

impl PreviewCache {
    /// Validates and assembles `project`, rendering only the sections whose Markdown is not in the
    /// cache. Sections that left the policy leave the cache too.
    pub fn preview(
        &mut self,
        project: &Project,
        library: &Library,
    ) -> Result<Preview, crate::AssembleError> {
        // One draw of the facts serves both validation and assembly.
        let facts = crate::facts::Facts::derive(project, library.catalogues());
        let today = crate::versions::today();
        let mut findings =
            crate::validate::check_remembering(&facts, library, today, &mut self.form);
        let listed_vendors = ListedVendor::all(&facts);
        let mut doc = crate::assemble::assemble_facts(&facts, library, &mut self.memo)?;
        let published = self
            .published
            .get_or_insert_with(|| crate::versions::current::Published::latest(&project.history));
        findings.extend(crate::versions::current::settle_against(
            &mut doc,
            published.as_ref(),
            library,
        ));
        let dates = dates_line(&doc);
        let mut kept = HashMap::with_capacity(doc.sections.len());
        let mut sections = Vec::with_capacity(doc.sections.len());
        self.rendered = 0;
        self.markdown_rendered = 0;
        for s in doc.sections {
            let rendered = match self.sections.remove(&s.id) {
                Some(hit) if hit.markdown == s.body => hit,
                old => {
                    self.rendered += 1;
                    let old = old.map(|o| o.blocks).unwrap_or_default();
                    let (html, blocks, n) = blocks::render(&s.body, &old);
                    self.markdown_rendered += n;
                    Rendered {
                        html,
                        blocks,
                        markdown: s.body,
                    }
                }
            };
            sections.push(PreviewSection {
                id: s.id.clone(),
                title: s.title,
                html: rendered.html.clone(),
                reasons: s.reasons,
            });
            kept.insert(s.id, rendered);
        }
        self.sections = kept;
        Ok(Preview {
            last_updated: dates,
            sections,
            findings,
            title: doc.title,
            organisation: doc.organisation,
            paper: doc.paper,
            listed_vendors,
        })
    }

    /// How many sections the last [`PreviewCache::preview`] rendered; the others were cached.
    pub fn last_rendered(&self) -> usize {
        self.rendered
    }

    /// How many bytes of Markdown the last [`PreviewCache::preview`] rendered: of the sections
    /// that changed, the blocks (the Markdown between headings) that changed.
    pub fn last_markdown_rendered(&self) -> usize {
        self.markdown_rendered
    }

    /// How many sections the last [`PreviewCache::preview`] wrote from their templates; the
    /// others read nothing that changed and were remembered.
    pub fn last_written(&self) -> usize {
        self.memo.last_written()
    }

    /// How many pieces (one vendor's row, say) the sections the last [`PreviewCache::preview`]
    /// wrote wrote from their templates; the others were remembered.
    pub fn last_pieces_written(&self) -> usize {
        self.memo.last_pieces_written()
    }
}

/// "Effective date: 1 March 2026 · Last updated: 2 April 2026", or the part of it there is.
fn dates_line(doc: &crate::document::PolicyDocument) -> Option<String> {
    let parts: Vec<String> = [
        (&doc.labels.effective, &doc.effective_date_text),
        (&doc.labels.last_updated, &doc.last_updated_text),
    ]
    .into_iter()
    .filter_map(|(label, date)| date.as_ref().map(|d| format!("{label}: {d}")))
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Validates and assembles `project` for the preview: the incremental path with an empty cache.
pub fn preview(project: &Project, library: &Library) -> Result<Preview, crate::AssembleError> {
    PreviewCache::default().preview(project, library)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many sections of `edited` differ from every section of `first`.
    fn changed_sections(first: &Preview, edited: &Preview) -> usize {
        edited
            .sections
            .iter()
            .filter(|s| !first.sections.contains(s))
            .count()
    }

    fn saas() -> Project {
        let text = crate::examples::example("saas").expect("saas example");
        crate::project_file::parse(text, std::path::Path::new("saas")).expect("parses")
    }

    #[test]
    fn only_sections_whose_markdown_changed_are_rendered_again() {
        let library = Library::load().expect("library loads");
        let mut project = saas();
        let mut cache = PreviewCache::default();
        let first = cache.preview(&project, &library).expect("previews");
        assert_eq!(cache.last_rendered(), first.sections.len());

        let again = cache.preview(&project, &library).expect("previews");
        assert_eq!(
            cache.last_rendered(),
            0,
            "nothing changed, nothing rendered"
        );
        assert_eq!(again, first);

        project.organisation.email = "privacy@elsewhere.example".to_owned();
        let edited = cache.preview(&project, &library).expect("previews");
        let changed = changed_sections(&first, &edited);
        assert!(changed > 0, "the email appears in the policy");
        assert_eq!(cache.last_rendered(), changed);
        assert!(changed < edited.sections.len());
        assert_eq!(edited, preview(&project, &library).expect("previews"));
    }

    #[test]
    fn an_edit_writes_again_only_the_sections_that_read_what_it_changed() {
        let library = Library::load().expect("library loads");
        let mut project = saas();
        let mut cache = PreviewCache::default();
        let first = cache.preview(&project, &library).expect("previews");
        assert_eq!(
            cache.last_written(),
            library.language("en").expect("en").sections.len()
        );
        cache.preview(&project, &library).expect("previews");
        assert_eq!(cache.last_written(), 0, "nothing changed, nothing written");

        project.organisation.email = "privacy@elsewhere.example".to_owned();
        let edited = cache.preview(&project, &library).expect("previews");
        let changed = changed_sections(&first, &edited);
        assert!(
            cache.last_written() >= changed,
            "every changed section was written"
        );
        assert!(
            cache.last_written() < edited.sections.len() / 2,
            "{} of {} sections written for an email change",
            cache.last_written(),
            edited.sections.len()
        );
    }

    /// `org` is one map that most sections read a key of: the memo records the keys, so a new
    /// legal name writes again only the sections that print the name, not every section that
    /// prints the email address.
    #[test]
    fn a_legal_name_edit_writes_again_only_the_sections_that_print_it() {
        let library = Library::load().expect("library loads");
        let mut project = saas();
        let mut cache = PreviewCache::default();
        let first = cache.preview(&project, &library).expect("previews");
        project.organisation.legal_name = "Renamed Analytics Ltd".to_owned();
        let edited = cache.preview(&project, &library).expect("previews");
        let changed = changed_sections(&first, &edited);
        assert!(changed > 0, "the name appears in the policy");
        assert_eq!(
            cache.last_written(),
            changed,
            "only the sections whose text changed were written"
        );
        let transfers = edited.sections.iter().find(|s| s.id == "transfers");
        assert!(
            transfers.is_some_and(|t| first.sections.contains(t)),
            "the transfers section prints the email, not the name"
        );
    }

    /// A run of edits across the whole project, each previewed through one long-lived cache and
    /// from scratch: the two must agree after every edit.
    #[test]
    fn incremental_previews_equal_full_ones_through_a_run_of_edits() {
        let library = Library::load().expect("library loads");
        let mut project = saas();
        let mut cache = PreviewCache::default();
        type Change = Box<dyn Fn(&mut Project)>;
        let edits: Vec<Change> = vec![
            Box::new(|p| p.organisation.legal_name = "Renamed Ltd".into()),
            Box::new(|p| p.organisation.address.country = "GB".into()),
            Box::new(|p| p.organisation.address.country = "US".into()),
            Box::new(|p| p.data[0].category = "health".into()),
            Box::new(|p| p.data[0].required = !p.data[0].required),
            Box::new(|p| {
                p.vendors.catalogue.pop();
            }),
            Box::new(|p| p.vendors.custom[0].name = "Renamed vendor".into()),
            Box::new(|p| p.jurisdictions.push("br".into())),
            Box::new(|p| p.jurisdictions.retain(|j| j != "eu")),
            Box::new(|p| {
                p.data.pop();
            }),
            Box::new(|p| p.purposes.reverse()),
            Box::new(|p| p.vendors.catalogue.clear()),
            Box::new(|p| p.jurisdictions.clear()),
            Box::new(|p| p.language = "en".into()),
            Box::new(|p| p.children = Default::default()),
            Box::new(|p| p.effective_date = String::new()),
            Box::new(|p| *p = Project::blank()),
            Box::new(|p| *p = saas()),
        ];
        for (n, edit) in edits.iter().enumerate() {
            edit(&mut project);
            let incremental = cache.preview(&project, &library).expect("previews");
            let full = preview(&project, &library).expect("previews");
            assert_eq!(incremental, full, "after edit {n}");
        }
    }

    /// The same through the edits that change the most of what the cache keeps: a vendor, a
    /// data category, a region, where the owner is based, and a language the library lacks
    /// (refused) and back, on a project large enough to have every vendor-wide list.
    #[test]
    fn incremental_previews_of_a_large_project_equal_full_ones() {
        let library = Library::load().expect("library loads");
        let mut project = crate::scale::large_project(&library, 30);
        let mut cache = PreviewCache::default();
        cache.preview(&project, &library).expect("previews");
        type Change = Box<dyn Fn(&mut Project)>;
        let edits: Vec<Change> = vec![
            Box::new(|p| p.organisation.legal_name = "Renamed Ltd".into()),
            Box::new(|p| p.vendors.catalogue.truncate(5)),
            Box::new(|p| p.vendors.custom[3].own_use = Some("Its own ads".into())),
            Box::new(|p| p.vendors.custom[4].name = "Renamed vendor".into()),
            Box::new(|p| p.vendors.custom[3].name = "Renamed own-purpose vendor".into()),
            // Two vendors written from equal values, then one of them changed again.
            Box::new(|p| p.vendors.custom[6] = p.vendors.custom[5].clone()),
            Box::new(|p| p.vendors.custom[5].name = "Vendor 5 again".into()),
            Box::new(|p| p.vendors.custom.swap(7, 8)),
            Box::new(|p| p.style.vendor_detail = crate::model::VendorDetail::Names),
            Box::new(|p| p.vendors.custom[4].name = "Renamed once more".into()),
            Box::new(|p| p.style.vendor_detail = crate::model::VendorDetail::Table),
            Box::new(|p| p.data[2].category = "health".into()),
            Box::new(|p| p.data[2].category = "precise-location".into()),
            Box::new(|p| p.jurisdictions = vec!["us-ca".into(), "br".into()]),
            Box::new(|p| p.organisation.address.country = "US".into()),
            Box::new(|p| p.language = "xx".into()),
            Box::new(|p| p.language = "en".into()),
            Box::new(|p| p.organisation.legal_name = "Renamed Ltd".into()),
        ];
        for (n, edit) in edits.iter().enumerate() {
            edit(&mut project);
            match preview(&project, &library) {
                Ok(full) => {
                    let incremental = cache.preview(&project, &library).expect("previews");
                    assert_eq!(incremental, full, "after edit {n}");
                }
                Err(_) => assert!(cache.preview(&project, &library).is_err(), "edit {n}"),
            }
        }
    }

    /// A keystroke in one vendor's name writes one piece: the table of that vendor's kind (or
    /// its row, for a vendor with purposes of its own); the other kinds' tables are remembered,
    /// and the text is what a full preview gives.
    #[test]
    fn a_vendor_name_edit_writes_again_only_that_vendors_piece() {
        let library = Library::load().expect("library loads");
        let mut project = crate::scale::large_project(&library, 30);
        let mut cache = PreviewCache::default();
        cache.preview(&project, &library).expect("previews");
        let all = cache.last_pieces_written();
        assert!(all > 30, "{all} rows written at first");
        for (n, name) in ["Renamed vendor", "Renamed vendor 2", "Wren & Co <Ltd>"]
            .iter()
            .enumerate()
        {
            project.vendors.custom[4].name = (*name).to_owned();
            let edited = cache.preview(&project, &library).expect("previews");
            assert_eq!(cache.last_pieces_written(), 1, "edit {n}");
            // The vendor's table (and the sections that name it), not the whole vendor section,
            // which has a table per kind of vendor.
            let vendors = edited.sections.iter().find(|s| s.id == "vendors");
            let html = vendors.map_or(0, |s| s.html.len());
            assert!(
                cache.last_markdown_rendered() < html / 2,
                "edit {n}: {} bytes of Markdown rendered; the vendor section is {html} bytes of HTML",
                cache.last_markdown_rendered(),
            );
            assert_eq!(edited, preview(&project, &library).expect("previews"));
        }
        project.organisation.legal_name = "Renamed Ltd".to_owned();
        cache.preview(&project, &library).expect("previews");
        assert_eq!(
            cache.last_pieces_written(),
            0,
            "no row prints the legal name"
        );
    }

    #[test]
    fn sections_that_leave_the_policy_leave_the_cache() {
        let library = Library::load().expect("library loads");
        let mut project = saas();
        let mut cache = PreviewCache::default();
        let before = cache.preview(&project, &library).expect("previews");
        project.vendors.catalogue.clear();
        project.vendors.custom.clear();
        let after = cache.preview(&project, &library).expect("previews");
        assert!(after.sections.len() < before.sections.len());
        assert_eq!(cache.sections.len(), after.sections.len());
    }
}
