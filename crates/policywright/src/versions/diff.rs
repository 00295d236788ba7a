//! Word-level differences between two policy texts, section by section, as plain text,
//! Markdown or HTML. Sections are matched by their anchor id, so a section that moved or was
//! renamed is still the same section.
//!
//! [`diff`] compares what a reader sees: each part's Markdown rendered to its plain text by
//! [`super::reading`] (no `**`, no `[text](url)`, no table pipes; a link's address after its
//! text, so a moved privacy page still shows). [`diff_source`] compares the Markdown as
//! written, for those who keep the published Markdown in a site's sources.
//!
//! The words come from [`similar`]'s word diff; whitespace between two changes is folded into
//! the change, so "[-a b-]{+c d+}" reads as one replacement instead of four. The pieces of a
//! section always add up to exactly the old text (same and removed pieces) and the new text
//! (same and added pieces).

use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use super::reading::reading_text;
use super::split::{SplitText, TextSection, split};

/// What happened to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum SectionStatus {
    /// The same words.
    Same,
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
    /// In both, with other words.
    Changed,
}

/// Whether a piece of text is in both texts or only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum PieceKind {
    /// In both.
    Same,
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
}

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Piece {
    /// In which text.
    pub kind: PieceKind,
    /// The text as a reader sees it (or the Markdown as written, in a source diff); not
    /// escaped.
    pub text: String,
}

/// One section's difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionDiff {
    /// Anchor id; `top` for the part before the first section.
    pub id: String,
    /// Heading (the new one when it changed).
    pub title: String,
    /// What happened.
    pub status: SectionStatus,
    /// The section's text in pieces.
    pub pieces: Vec<Piece>,
}

/// The difference between two policy texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyDiff {
    /// What the old text is ("version 1, 2026-03-01").
    pub from: String,
    /// What the new text is ("the current answers").
    pub to: String,
    /// Every section of either text: the new order, with removed ones where they were.
    pub sections: Vec<SectionDiff>,
    /// The Markdown as written was compared, not the reader's text.
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub source: bool,
}

/// The id and title of the part before the first section.
const TOP: (&str, &str) = ("top", "Title and dates");

/// Compares what a reader sees of two policy texts in Markdown: their rendered words, section
/// by section.
pub fn diff(old: &str, new: &str, from: &str, to: &str) -> PolicyDiff {
    let (a, b) = (reading(split(old)), reading(split(new)));
    PolicyDiff {
        from: from.to_owned(),
        to: to.to_owned(),
        sections: sections(&a, &b),
        source: false,
    }
}

/// Compares two policy texts as Markdown source, marks and all, section by section.
pub fn diff_source(old: &str, new: &str, from: &str, to: &str) -> PolicyDiff {
    PolicyDiff {
        from: from.to_owned(),
        to: to.to_owned(),
        sections: sections(&split(old), &split(new)),
        source: true,
    }
}

/// The text in its parts as a reader sees it: headings, paragraphs, list items and table rows
/// without Markdown's marks.
fn reading(text: SplitText) -> SplitText {
    SplitText {
        top: reading_text(&text.top),
        sections: text
            .sections
            .into_iter()
            .map(|s| TextSection {
                id: s.id,
                title: reading_text(&s.title),
                body: reading_text(&s.body),
            })
            .collect(),
    }
}

fn sections(a: &SplitText, b: &SplitText) -> Vec<SectionDiff> {
    let top = |text: &str| TextSection {
        id: TOP.0.to_owned(),
        title: TOP.1.to_owned(),
        body: text.to_owned(),
    };
    let old: Vec<TextSection> = std::iter::once(top(&a.top))
        .chain(a.sections.iter().cloned())
        .collect();
    let new: Vec<TextSection> = std::iter::once(top(&b.top))
        .chain(b.sections.iter().cloned())
        .collect();
    let in_new = |id: &str| new.iter().any(|s| s.id == id);
    // A removed section goes after the last section before it that is still there.
    let mut removed_after: Vec<(Option<String>, &TextSection)> = Vec::new();
    let mut anchor: Option<String> = None;
    for s in &old {
        if in_new(&s.id) {
            anchor = Some(s.id.clone());
        } else {
            removed_after.push((anchor.clone(), s));
        }
    }
    let removed = |s: &TextSection| SectionDiff {
        id: s.id.clone(),
        title: s.title.clone(),
        status: SectionStatus::Removed,
        pieces: vec![piece(PieceKind::Removed, &s.body)],
    };
    let mut out: Vec<SectionDiff> = removed_after
        .iter()
        .filter(|(after, _)| after.is_none())
        .map(|(_, s)| removed(s))
        .collect();
    for s in &new {
        out.push(match old.iter().find(|o| o.id == s.id) {
            None => SectionDiff {
                id: s.id.clone(),
                title: s.title.clone(),
                status: SectionStatus::Added,
                pieces: vec![piece(PieceKind::Added, &s.body)],
            },
            Some(o) => compare(o, s),
        });
        out.extend(
            removed_after
                .iter()
                .filter(|(after, _)| after.as_deref() == Some(s.id.as_str()))
                .map(|(_, s)| removed(s)),
        );
    }
    out
}

fn piece(kind: PieceKind, text: &str) -> Piece {
    Piece {
        kind,
        text: text.to_owned(),
    }
}

fn compare(old: &TextSection, new: &TextSection) -> SectionDiff {
    let (a, b) = if old.title == new.title {
        (old.body.clone(), new.body.clone())
    } else {
        // A new heading is part of the change, so it is shown in the words.
        (
            format!("{}\n\n{}", old.title, old.body),
            format!("{}\n\n{}", new.title, new.body),
        )
    };
    let status = if a == b {
        SectionStatus::Same
    } else {
        SectionStatus::Changed
    };
    SectionDiff {
        id: new.id.clone(),
        title: new.title.clone(),
        status,
        pieces: if a == b {
            vec![piece(PieceKind::Same, &b)]
        } else {
            words(&a, &b)
        },
    }
}

/// The word diff of two texts, with whitespace inside a run of changes folded into it.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        // A pathological pair falls back to a coarser (still exact) diff instead of hanging.
        .timeout(Duration::from_secs(2))
        .diff_words(old, new);
    let mut out: Vec<Piece> = Vec::new();
    let (mut del, mut ins, mut gap) = (String::new(), String::new(), String::new());
    let mut open = false;
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal if open && text.trim().is_empty() => gap.push_str(text),
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                open = false;
                push(&mut out, PieceKind::Same, &std::mem::take(&mut gap));
                push(&mut out, PieceKind::Same, text);
            }
            tag => {
                // The gap is in both texts, so it goes to both sides of the change.
                del.push_str(&gap);
                ins.push_str(&gap);
                gap.clear();
                open = true;
                if tag == ChangeTag::Delete {
                    del.push_str(text);
                } else {
                    ins.push_str(text);
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    push(&mut out, PieceKind::Same, &gap);
    out
}

fn flush(out: &mut Vec<Piece>, del: &mut String, ins: &mut String) {
    push(out, PieceKind::Removed, &std::mem::take(del));
    push(out, PieceKind::Added, &std::mem::take(ins));
}

fn push(out: &mut Vec<Piece>, kind: PieceKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(piece(kind, text)),
    }
}

impl PolicyDiff {
    /// The sections that are not the same.
    pub fn changed(&self) -> impl Iterator<Item = &SectionDiff> {
        self.sections
            .iter()
            .filter(|s| s.status != SectionStatus::Same)
    }

    fn headline(&self) -> String {
        let changed = self.changed().count();
        let source = if self.source {
            " in the Markdown source"
        } else {
            ""
        };
        if changed == 0 {
            return format!(
                "No differences{source} between {} and {}.",
                self.from, self.to
            );
        }
        format!(
            "Changes{source} from {} to {}: {changed} of {} parts differ.",
            self.from,
            self.to,
            self.sections.len()
        )
    }

    /// Plain text: each part that differs, with removed words as `[-…-]` and added ones as
    /// `{+…+}`.
    pub fn text(&self) -> String {
        let mut out = self.headline();
        out.push('\n');
        for s in self.changed() {
            out.push_str(&format!(
                "\n== {} ({}) ==\n",
                s.title,
                status_word(s.status)
            ));
            out.push_str(&marked(&s.pieces));
            out.push('\n');
        }
        out
    }

    /// Markdown: a heading per part that differs, its words in a fenced block with the same
    /// markers as [`PolicyDiff::text`] (Markdown has no mark for removed text that every
    /// renderer shows).
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", self.headline());
        for s in self.changed() {
            let body = marked(&s.pieces);
            let fence = "~".repeat(longest_run(&body, '~').max(2) + 1);
            out.push_str(&format!(
                "\n## {} ({})\n\n{fence}text\n{body}\n{fence}\n",
                s.title,
                status_word(s.status)
            ));
        }
        out
    }

    /// HTML: every part that differs, with `<ins>` and `<del>`, all text escaped. `page` wraps
    /// it in a small standalone page; otherwise it is a fragment for the app.
    pub fn html(&self, page: bool) -> String {
        let mut body = format!(
            "<div class=\"policy-diff\">\n<p>{}</p>\n",
            escape(&self.headline())
        );
        for s in self.changed() {
            body.push_str(&format!(
                "<section class=\"diff-{status}\" data-id=\"{id}\">\n<h2>{title} <small>({status})</small></h2>\n<div class=\"diff-words\">",
                status = status_word(s.status),
                id = escape(&s.id),
                title = escape(&s.title),
            ));
            for p in &s.pieces {
                let text = escape(&p.text);
                match p.kind {
                    PieceKind::Same => body.push_str(&text),
                    PieceKind::Added => body.push_str(&format!("<ins>{text}</ins>")),
                    PieceKind::Removed => body.push_str(&format!("<del>{text}</del>")),
                }
            }
            body.push_str("</div>\n</section>\n");
        }
        body.push_str("</div>\n");
        if !page {
            return body;
        }
        format!(
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n.diff-words {{ white-space: pre-wrap; font-family: sans-serif; line-height: 1.5; }}\nins {{ background: #d7f5dd; text-decoration: none; }}\ndel {{ background: #fbe0e0; }}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
            escape(&self.headline())
        )
    }
}

fn status_word(status: SectionStatus) -> &'static str {
    match status {
        SectionStatus::Same => "same",
        SectionStatus::Added => "added",
        SectionStatus::Removed => "removed",
        SectionStatus::Changed => "changed",
    }
}

fn marked(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p.kind {
            PieceKind::Same => p.text.clone(),
            PieceKind::Added => format!("{{+{}+}}", p.text),
            PieceKind::Removed => format!("[-{}-]", p.text),
        })
        .collect()
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Escapes text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(pieces: &[Piece], keep: PieceKind) -> String {
        pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Same || p.kind == keep)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn pieces_add_up_to_both_texts() {
        let pairs = [
            ("We keep it for two years.", "We keep it for three years."),
            ("a b c d", "a x y d"),
            ("x a  b y", "x  c y"),
            ("", "all new"),
            ("all gone", ""),
            (
                "line one\n\nline two\n",
                "line one\n\nline 2\n\nline three\n",
            ),
        ];
        for (old, new) in pairs {
            let pieces = words(old, new);
            assert_eq!(rebuild(&pieces, PieceKind::Removed), old, "{pieces:?}");
            assert_eq!(rebuild(&pieces, PieceKind::Added), new, "{pieces:?}");
        }
    }

    #[test]
    fn a_replaced_phrase_reads_as_one_change() {
        let pieces = words(
            "We use Stripe in the United States.",
            "We use Adyen in the Netherlands.",
        );
        let text = marked(&pieces);
        assert_eq!(
            text,
            "We use [-Stripe-]{+Adyen+} in the [-United States.-]{+Netherlands.+}"
        );
    }

    #[test]
    fn sections_are_matched_by_id_and_removed_ones_stay_in_place() {
        let old = "# T\n\nOrg\n\n## <a id=\"a\"></a>A\n\nSame.\n\n## <a id=\"b\"></a>B\n\nGone.\n\n## <a id=\"c\"></a>C\n\nOld words.\n\n<!-- Policywright 0.1.0, clause library 1 -->\n";
        let new = "# T\n\nOrg\n\n## <a id=\"a\"></a>A\n\nSame.\n\n## <a id=\"c\"></a>C\n\nNew words.\n\n## <a id=\"d\"></a>D\n\nFresh.\n\n<!-- Policywright 0.2.0, clause library 2 -->\n";
        let d = diff(old, new, "version 1", "the current answers");
        let got: Vec<(&str, SectionStatus)> = d
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.status))
            .collect();
        assert_eq!(
            got,
            [
                ("top", SectionStatus::Same),
                ("a", SectionStatus::Same),
                ("b", SectionStatus::Removed),
                ("c", SectionStatus::Changed),
                ("d", SectionStatus::Added),
            ],
            "the generator comment is not part of the policy"
        );
        let text = d.text();
        assert!(
            text.contains("== C (changed) ==\n[-Old-]{+New+} words."),
            "{text}"
        );
        assert!(text.contains("3 of 5 parts differ"), "{text}");
    }

    #[test]
    fn html_is_escaped_and_marks_words() {
        let old = "# T\n\n## <a id=\"a\"></a>A & <b>\n\nWe use <script>x</script> tools.\n";
        let new = "# T\n\n## <a id=\"a\"></a>A & <b>\n\nWe use \"safe\" tools.\n";
        let html = diff(old, new, "1", "2").html(false);
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("<del>&lt;script&gt;x&lt;/script&gt;</del><ins>&quot;safe&quot;</ins>"),
            "{html}"
        );
        assert!(html.contains("A &amp; &lt;b&gt;"), "{html}");
        let page = diff(old, new, "1", "2").html(true);
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    }

    #[test]
    fn markdown_fences_outlast_tildes_in_the_text() {
        let old = "# T\n\n## <a id=\"a\"></a>A\n\nx ~~~~ y\n";
        let new = "# T\n\n## <a id=\"a\"></a>A\n\nx ~~~~ z\n";
        let md = diff(old, new, "1", "2").markdown();
        assert!(md.contains("\n~~~~~text\n"), "{md}");
    }
}
