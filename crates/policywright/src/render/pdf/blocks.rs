//! From a section's Markdown to the blocks the PDF lays out: paragraphs (possibly list items or
//! quotes), subheadings and tables, each made of styled and linked spans.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::fonts::{Face, Fonts, REPLACEMENT};
use crate::render::html::markdown_options;

/// Where a span links to.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Target {
    /// A web or mail address.
    Uri(String),
    /// A section of this policy, by id.
    Section(String),
}

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    pub text: String,
    pub face: Face,
    pub link: Option<Target>,
}

/// A block of the section body.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// A paragraph; in a list it has the item's depth and, on its first paragraph, the marker.
    Para {
        spans: Vec<Span>,
        depth: usize,
        marker: Option<String>,
        quote: bool,
    },
    /// A subheading inside a section.
    Subheading { text: String },
    /// A table: header cells, then rows of cells.
    Table {
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
}

/// Characters with no visible form (bidi controls, zero-width marks): left out of the PDF, where
/// they would only be drawn as empty boxes.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Text the regular face can draw: invisible characters removed, missing ones replaced by the
/// replacement character with a warning.
pub(super) fn drawable(
    text: &str,
    fonts: &Fonts,
    face: Face,
    warnings: &mut Vec<String>,
) -> String {
    text.chars()
        .filter(|c| !invisible(*c))
        .map(|c| {
            if c.is_control() {
                ' '
            } else if fonts.has(face, c) {
                c
            } else {
                let warning = format!(
                    "the PDF font has no character U+{:04X} ({c}); it is shown as {REPLACEMENT}",
                    u32::from(c)
                );
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
                REPLACEMENT
            }
        })
        .collect()
}

/// One table cell: its styled spans.
type Cell = Vec<Span>;

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    link: Option<Target>,
    lists: Vec<Option<u64>>,
    marker: Option<String>,
    quote: usize,
    heading: Option<String>,
    /// The table being read: header cells, then rows of cells.
    table: Option<(Vec<Cell>, Vec<Vec<Cell>>)>,
    row: Vec<Cell>,
}

impl Builder {
    fn push_text(&mut self, text: &str, fonts: &Fonts, warnings: &mut Vec<String>) {
        let face = Face::Regular.with(self.bold > 0, self.italic > 0 || self.quote > 0);
        let text = drawable(text, fonts, face, warnings);
        if let Some(h) = self.heading.as_mut() {
            h.push_str(&text);
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.face == face && last.link == self.link => last.text.push_str(&text),
            _ => self.spans.push(Span {
                text,
                face,
                link: self.link.clone(),
            }),
        }
    }

    fn flush_para(&mut self) {
        if self.spans.iter().all(|s| s.text.trim().is_empty()) {
            self.spans.clear();
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        if self.table.is_some() {
            self.row.push(spans);
            return;
        }
        self.blocks.push(Block::Para {
            spans,
            depth: self.lists.len(),
            marker: self.marker.take(),
            quote: self.quote > 0,
        });
    }
}

/// Parses one section body.
pub(super) fn blocks(markdown: &str, fonts: &Fonts, warnings: &mut Vec<String>) -> Vec<Block> {
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => b.flush_para(),
            Event::Start(Tag::Heading { .. }) => {
                b.flush_para();
                b.heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(level)) => {
                let text = b.heading.take().unwrap_or_default();
                if level >= HeadingLevel::H2 && !text.trim().is_empty() {
                    b.blocks.push(Block::Subheading { text });
                }
            }
            Event::Start(Tag::List(start)) => {
                b.flush_para();
                b.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                b.flush_para();
                b.lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.flush_para();
                let marker = match b.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_owned(),
                };
                b.marker = Some(marker);
            }
            Event::End(TagEnd::Item) => b.flush_para(),
            Event::Start(Tag::BlockQuote(_)) => {
                b.flush_para();
                b.quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.flush_para();
                b.quote = b.quote.saturating_sub(1);
            }
            Event::Start(Tag::Strong) => b.bold += 1,
            Event::End(TagEnd::Strong) => b.bold = b.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => b.italic += 1,
            Event::End(TagEnd::Emphasis) => b.italic = b.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                b.link = if let Some(id) = dest_url.strip_prefix('#') {
                    Some(Target::Section(id.to_owned()))
                } else if dest_url.starts_with("https://")
                    || dest_url.starts_with("http://")
                    || dest_url.starts_with("mailto:")
                {
                    Some(Target::Uri(dest_url.to_string()))
                } else {
                    None
                };
            }
            Event::End(TagEnd::Link) => b.link = None,
            Event::Start(Tag::Table(_)) => {
                b.flush_para();
                b.table = Some((Vec::new(), Vec::new()));
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = b.table.as_mut() {
                    t.0 = std::mem::take(&mut b.row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                let row = std::mem::take(&mut b.row);
                if let Some(t) = b.table.as_mut() {
                    t.1.push(row);
                }
            }
            Event::End(TagEnd::TableCell) => {
                let spans = std::mem::take(&mut b.spans);
                b.row.push(spans);
            }
            Event::End(TagEnd::Table) => {
                if let Some((head, rows)) = b.table.take() {
                    b.blocks.push(Block::Table { head, rows });
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                b.push_text(&t, fonts, warnings)
            }
            Event::SoftBreak | Event::HardBreak => b.push_text(" ", fonts, warnings),
            _ => {}
        }
    }
    b.flush_para();
    b.blocks
}
