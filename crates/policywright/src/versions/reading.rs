//! What a reader sees: a part of a policy's Markdown as the plain text of its rendered form, for
//! the diff. Parsed with pulldown-cmark and the options the HTML and PDF renderers use, so the
//! text is what those renderers show, without Markdown's marks: no `**`, no `[text](url)`, no
//! table pipes, no `#`.
//!
//! - Paragraphs and headings are blocks, separated by a blank line.
//! - List items are lines of their own, each with its bullet (`•`) or number (`1.`), nested ones
//!   indented by two spaces a level.
//! - Table rows are lines of their own, the header row first, cells separated by ` · `.
//! - A link shows its text and then its address in parentheses, `Privacy policy
//!   (https://stripe.com/privacy)`, unless the text is the address already (`hello@x.example`
//!   for `mailto:hello@x.example`). A reader of the page cannot see a link's address, but an
//!   owner checking a new version must: a vendor's privacy page that moved changes only the
//!   address, and would otherwise not show as a change. Links within the policy (`#section`)
//!   show their text only: their targets are our section ids, not something a reader follows
//!   elsewhere.
//! - Raw HTML is shown as text, as the HTML renderer shows it.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::render::html::markdown_options;

/// Separates the cells of a table row.
pub const CELL_SEPARATOR: &str = " · ";

/// The reader's text of `markdown`: its blocks, without Markdown marks.
pub fn reading_text(markdown: &str) -> String {
    let mut r = Reader::default();
    for event in Parser::new_ext(markdown, markdown_options()) {
        r.event(event);
    }
    r.flush();
    r.finish()
}

/// A block of text, and whether it follows the one before on the next line (list items and
/// table rows) rather than after a blank line.
struct Block {
    text: String,
    tight: bool,
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The line being read.
    line: String,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Open tables (nested in list items they can be).
    tables: usize,
    /// The cells of the table row being read.
    row: Vec<String>,
    /// Open links: where each goes, and where its text starts in `line`.
    links: Vec<(String, usize)>,
    /// The next block follows on the next line: within a list or a table, after its first line.
    tight: bool,
    /// The line holds only a list item's marker so far.
    marker_only: bool,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.push(&t);
            }
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            // A paragraph inside a list item continues its marker's line.
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) if !self.marker_only => {
                self.flush();
            }
            Tag::List(start) => {
                self.flush();
                if self.lists.is_empty() && self.tables == 0 {
                    self.tight = false;
                }
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_owned(),
                };
                self.line = format!("{}{marker} ", "  ".repeat(depth));
                self.marker_only = true;
            }
            Tag::Table(_) => {
                self.flush();
                if self.lists.is_empty() && self.tables == 0 {
                    self.tight = false;
                }
                self.tables += 1;
            }
            Tag::TableHead | Tag::TableRow => self.row.clear(),
            Tag::TableCell => self.line.clear(),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push((dest_url.into_string(), self.line.len()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if self.lists.is_empty() && self.tables == 0 {
                    self.tight = false;
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.line);
                self.row.push(cell.trim().to_owned());
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                self.line = std::mem::take(&mut self.row).join(CELL_SEPARATOR);
                self.flush();
            }
            TagEnd::Table => {
                self.tables = self.tables.saturating_sub(1);
                if self.lists.is_empty() && self.tables == 0 {
                    self.tight = false;
                }
            }
            TagEnd::Link | TagEnd::Image => self.end_link(),
            _ => {}
        }
    }

    /// After a link's text: its address, unless it is in-page or the text says it already.
    fn end_link(&mut self) {
        let Some((dest, start)) = self.links.pop() else {
            return;
        };
        if dest.starts_with('#') || dest.is_empty() {
            return;
        }
        let shown = self.line.get(start..).unwrap_or_default().trim();
        let address = dest.strip_prefix("mailto:").unwrap_or(&dest);
        if shown == address || shown == dest {
            return;
        }
        self.line.push_str(&format!(" ({address})"));
    }

    /// Adds text to the line; a paragraph that continues a list item is indented under it.
    fn push(&mut self, text: &str) {
        if self.line.is_empty() && !self.lists.is_empty() && self.tables == 0 {
            self.line = "  ".repeat(self.lists.len());
        }
        self.line.push_str(text);
        self.marker_only = false;
    }

    /// Ends the line as a block, unless there is nothing on it but a list marker or blanks.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let text = line.trim_end();
        let written = !self.marker_only && !text.trim().is_empty();
        if written {
            self.blocks.push(Block {
                text: text.to_owned(),
                tight: self.tight,
            });
        }
        self.marker_only = false;
        if written && (!self.lists.is_empty() || self.tables > 0) {
            self.tight = true;
        }
    }

    fn finish(self) -> String {
        let mut out = String::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str(if b.tight { "\n" } else { "\n\n" });
            }
            out.push_str(&b.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_go_and_words_stay() {
        let md = "We use **Stripe** (*payments*) and `code`.\nNext line.";
        assert_eq!(
            reading_text(md),
            "We use Stripe (payments) and code. Next line."
        );
    }

    #[test]
    fn lists_and_subheadings_read_as_lines() {
        let md =
            "### Hosting\n\nIntro:\n\n- one\n- two\n  - inner\n\n1. first\n2. second\n\nAfter.";
        assert_eq!(
            reading_text(md),
            "Hosting\n\nIntro:\n\n• one\n• two\n  • inner\n\n1. first\n2. second\n\nAfter."
        );
    }

    #[test]
    fn a_loose_list_keeps_its_items_on_their_markers() {
        let md = "- one\n\n- two\n\n  more of two\n";
        assert_eq!(reading_text(md), "• one\n• two\n  more of two");
    }

    #[test]
    fn table_rows_read_as_lines_of_cells() {
        let md = "| Provider | Where |\n|---|---|\n| **Stripe** (Stripe Inc) | the United States |\n| Shopify | Canada |\n";
        assert_eq!(
            reading_text(md),
            "Provider · Where\nStripe (Stripe Inc) · the United States\nShopify · Canada"
        );
    }

    #[test]
    fn links_show_their_address_unless_it_is_their_text() {
        let md = "See [Privacy policy](<https://stripe.com/privacy>), email [hello\\@x.example](<mailto:hello@x.example>), visit [x.example](<https://x.example/>) or read [Who we are](#who-we-are).";
        assert_eq!(
            reading_text(md),
            "See Privacy policy (https://stripe.com/privacy), email hello@x.example, visit x.example (https://x.example/) or read Who we are."
        );
    }

    #[test]
    fn raw_html_and_escapes_read_as_text() {
        assert_eq!(
            reading_text("A \\*star\\* and <script>x</script>."),
            "A *star* and <script>x</script>."
        );
    }
}
