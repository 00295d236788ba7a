//! A large section that changed, sent as the part of its HTML that changed: the shown HTML keeps
//! its first `keep_start` and last `keep_end` characters and gets `html` between them. A
//! keystroke in one vendor's name changes one table row of a vendor section that can be a
//! quarter of a megabyte of HTML; this way the row, not the section, crosses to the UI.
//!
//! Positions count UTF-16 code units, as JavaScript's strings do, so the UI splices with
//! `slice`; [`SectionSplice::apply`] does the same here for the tests.

use serde::Serialize;

use super::PreviewSection;
use crate::document::Reason;

/// Sections with less HTML than this are sent whole.
const SPLICE_FROM: usize = 2048;

/// What changed in one section the UI already shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionSplice {
    /// Stable id of the shown section.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Why the section is included.
    pub reasons: Vec<Reason>,
    /// How much of the start of the shown HTML stays, in UTF-16 code units.
    pub keep_start: u32,
    /// How much of the end of the shown HTML stays, in UTF-16 code units.
    pub keep_end: u32,
    /// The HTML that goes between the two.
    pub html: String,
}

impl SectionSplice {
    /// `new` as a change of `old` (the same section as shown), when it is large enough to be
    /// worth it; `None` to send it whole.
    pub(super) fn between(old: &PreviewSection, new: &PreviewSection) -> Option<SectionSplice> {
        let (a, b) = (old.html.as_str(), new.html.as_str());
        if b.len() < SPLICE_FROM || old.id != new.id {
            return None;
        }
        let mut start = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        // Equal bytes from here on in both, so a boundary in one is a boundary in the other.
        while !b.is_char_boundary(start) {
            start -= 1;
        }
        let room = a.len().min(b.len()) - start;
        let mut end = a
            .bytes()
            .rev()
            .zip(b.bytes().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !b.is_char_boundary(b.len() - end) {
            end -= 1;
        }
        let units = |s: &str| u32::try_from(s.encode_utf16().count()).ok();
        Some(SectionSplice {
            id: new.id.clone(),
            title: new.title.clone(),
            reasons: new.reasons.clone(),
            keep_start: units(&b[..start])?,
            keep_end: units(&b[b.len() - end..])?,
            html: b[start..b.len() - end].to_owned(),
        })
    }

    /// The section this makes of `old`; `None` when the positions do not fit its HTML.
    pub fn apply(&self, old: &PreviewSection) -> Option<PreviewSection> {
        let html = &old.html;
        let start = byte_after_units(html.char_indices(), self.keep_start)?;
        let end =
            byte_after_units(html.char_indices().rev(), self.keep_end).map(|n| html.len() - n)?;
        (start <= end).then(|| PreviewSection {
            id: self.id.clone(),
            title: self.title.clone(),
            html: format!("{}{}{}", &html[..start], self.html, &html[end..]),
            reasons: self.reasons.clone(),
        })
    }
}

/// How many bytes the first `units` UTF-16 code units of `chars` take; `None` when they end
/// inside a character or the text is shorter.
fn byte_after_units(chars: impl Iterator<Item = (usize, char)>, units: u32) -> Option<usize> {
    let (mut counted, mut bytes) = (0u32, 0usize);
    for (_, c) in chars {
        if counted >= units {
            break;
        }
        counted += u32::try_from(c.len_utf16()).ok()?;
        bytes += c.len_utf8();
    }
    (counted == units).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(html: &str) -> PreviewSection {
        PreviewSection {
            id: "vendors".into(),
            title: "Who receives".into(),
            html: html.into(),
            reasons: Vec::new(),
        }
    }

    /// The splice makes the new HTML of the old, and carries little more than what changed,
    /// whatever characters surround the change (UTF-16 positions, not bytes).
    #[test]
    fn a_splice_makes_the_new_html_of_the_old() {
        let long = "<td>Ünïcødé 😀 row</td>\n".repeat(200);
        let cases = [
            (format!("{long}A{long}"), format!("{long}B{long}")),
            (format!("{long}😀{long}"), format!("{long}😁{long}")),
            (format!("{long}é{long}"), format!("{long}è{long}")),
            (format!("{long}x{long}"), format!("{long}{long}")),
            (format!("{long}{long}"), format!("{long}😀😀{long}")),
            (long.clone(), format!("{long}{long}")),
            (format!("{long}{long}"), long.clone()),
            ("short".to_owned(), long.clone()),
            (long.clone(), long.clone()),
        ];
        for (old, new) in cases {
            let (old, new) = (section(&old), section(&new));
            let splice = SectionSplice::between(&old, &new).expect("large enough");
            let grown = new.html.len().abs_diff(old.html.len());
            assert!(splice.html.len() <= grown + 8, "{}", splice.html.len());
            assert_eq!(splice.apply(&old), Some(new.clone()));
        }
        let new = section("small");
        assert!(SectionSplice::between(&section(&long), &new).is_none());
    }

    #[test]
    fn positions_that_do_not_fit_are_refused() {
        let old = section("a😀b");
        let mut splice = SectionSplice {
            id: "vendors".into(),
            title: "t".into(),
            reasons: Vec::new(),
            keep_start: 2,
            keep_end: 0,
            html: String::new(),
        };
        assert!(splice.apply(&old).is_none(), "inside the emoji");
        splice.keep_start = 3;
        splice.keep_end = 2;
        assert!(splice.apply(&old).is_none(), "overlapping");
        splice.keep_end = 1;
        assert_eq!(splice.apply(&old).map(|s| s.html), Some("a😀b".to_owned()));
    }
}
