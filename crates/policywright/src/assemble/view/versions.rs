//! The published versions as the clause context shows them: the "Last updated" date and the
//! optional list in "Changes to this policy". Summaries are the owner's words, so they are
//! escaped like every other answer.

use serde::Serialize;

use crate::assemble::dates;
use crate::model::Project;

/// One published version in the list.
#[derive(Serialize, PartialEq)]
pub(crate) struct VersionView {
    /// Its number.
    number: u32,
    /// Its date spelt out.
    date: String,
    /// What changed, escaped Markdown; empty when the owner gave no summary.
    summary: String,
}

fn latest_date(p: &Project) -> Option<time::Date> {
    crate::versions::latest(p).and_then(|v| crate::assemble::parse_date(&v.date))
}

/// The latest version's date spelt out.
pub(super) fn last_updated(p: &Project, s: &toml::Table) -> Option<String> {
    latest_date(p).map(|d| dates::spell(d, &dates::months(s)))
}

/// The latest version's date as `YYYY-MM-DD`.
pub(super) fn last_updated_iso(p: &Project) -> Option<String> {
    latest_date(p).map(|d| d.to_string())
}

/// The versions with a readable date, newest first.
pub(super) fn list(p: &Project, s: &toml::Table) -> Vec<VersionView> {
    let months = dates::months(s);
    let mut list: Vec<VersionView> = p
        .history
        .iter()
        .filter_map(|v| {
            let date = crate::assemble::parse_date(&v.date)?;
            Some(VersionView {
                number: v.number,
                date: dates::spell(date, &months),
                summary: crate::text::inline(v.summary.trim()),
            })
        })
        .collect();
    list.sort_by_key(|v| std::cmp::Reverse(v.number));
    list
}
