//! Page layout: breaks text into lines by the fonts' advance widths, flows blocks onto pages
//! (headings kept with what follows, no single-line widows or orphans, tables repeating their
//! header row), and adds the title block, the table of contents and the running footers.
//!
//! Coordinates are PDF points with the origin at the bottom left of the page.

use std::collections::BTreeMap;

use super::blocks::{Block, Span, Target, blocks, drawable};
use super::fonts::{Face, Fonts};
use crate::document::PolicyDocument;
use crate::model::Paper;

const BODY: f32 = 10.5;
const LEADING: f32 = 14.2;
const PARA_GAP: f32 = 5.5;
const H2: f32 = 14.5;
const H3: f32 = 11.5;
/// Space above a subheading.
const SUBHEADING_BEFORE: f32 = 6.0;
const TABLE: f32 = 8.5;
const TABLE_LEADING: f32 = 11.0;
const CELL_PAD: f32 = 3.5;
const LIST_INDENT: f32 = 15.0;
const QUOTE_INDENT: f32 = 12.0;
const TEXT_GRAY: f32 = 0.1;
const MUTED_GRAY: f32 = 0.4;
const LINK_BLUE: (f32, f32, f32) = (0.09, 0.33, 0.7);

/// Page size and margins.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub width: f32,
    pub height: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
}

impl Geometry {
    pub(super) fn for_paper(paper: Paper) -> Geometry {
        let (width, height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            left: 64.0,
            right: width - 64.0,
            top: height - 62.0,
            bottom: 70.0,
        }
    }

    fn text_width(&self) -> f32 {
        self.right - self.left
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Draw {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
        color: (f32, f32, f32),
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: Target,
    },
}

/// A heading as placed, for the outline and for in-document links.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Placed {
    pub title: String,
    /// 1 for sections, 2 for subheadings.
    pub level: u8,
    /// 1-based page number.
    pub page: usize,
    pub top: f32,
    pub id: Option<String>,
}

/// The whole document laid out.
pub(super) struct Layout {
    pub geometry: Geometry,
    pub pages: Vec<Vec<Draw>>,
    pub headings: Vec<Placed>,
    pub warnings: Vec<String>,
}

impl Layout {
    /// Page and top of the section with this id.
    pub(super) fn anchor(&self, id: &str) -> Option<(usize, f32)> {
        self.headings
            .iter()
            .find(|h| h.id.as_deref() == Some(id))
            .map(|h| (h.page, h.top))
    }
}

// ---- line breaking ----

#[derive(Debug, Clone)]
struct Frag {
    text: String,
    face: Face,
    link: Option<Target>,
}

#[derive(Debug, Clone, Default)]
struct Line {
    /// (x offset, fragment, width)
    frags: Vec<(f32, Frag, f32)>,
    width: f32,
}

impl Line {
    fn push(&mut self, frag: Frag, width: f32) {
        if let Some((_, last, w)) = self.frags.last_mut()
            && last.face == frag.face
            && last.link == frag.link
        {
            last.text.push_str(&frag.text);
            *w += width;
            self.width += width;
            return;
        }
        self.frags.push((self.width, frag, width));
        self.width += width;
    }
}

/// Words with the fragments they are made of (a word can change face mid-way, like "**Name**,").
struct Word {
    space_before: bool,
    parts: Vec<Frag>,
}

fn words(spans: &[Span]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut pending_space = false;
    for span in spans {
        let mut first = true;
        for piece in span.text.split(' ') {
            if !first {
                pending_space = true;
            }
            first = false;
            if piece.is_empty() {
                continue;
            }
            let frag = Frag {
                text: piece.to_owned(),
                face: span.face,
                link: span.link.clone(),
            };
            match out.last_mut() {
                Some(word) if !pending_space => word.parts.push(frag),
                _ => out.push(Word {
                    space_before: pending_space && !out.is_empty(),
                    parts: vec![frag],
                }),
            }
            pending_space = false;
        }
    }
    out
}

/// Breaks spans into lines no wider than `max`. Words wider than a line are broken between
/// characters, preferring a break after `/`, `-`, `.`, `@` or `_` (as in long URLs).
fn break_lines(spans: &[Span], fonts: &Fonts, size: f32, max: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    for word in words(spans) {
        let width: f32 = word
            .parts
            .iter()
            .map(|p| fonts.width(p.face, &p.text, size))
            .sum();
        let space = if word.space_before && !line.frags.is_empty() {
            fonts.width(word.parts[0].face, " ", size)
        } else {
            0.0
        };
        if line.width + space + width > max && !line.frags.is_empty() {
            lines.push(std::mem::take(&mut line));
        } else if space > 0.0 {
            // The space takes the link only when it sits inside one link (between its words).
            let prev_link = line.frags.last().and_then(|(_, f, _)| f.link.clone());
            let link = word.parts[0]
                .link
                .clone()
                .filter(|l| prev_link.as_ref() == Some(l));
            line.push(
                Frag {
                    text: " ".into(),
                    face: word.parts[0].face,
                    link,
                },
                space,
            );
        }
        if width <= max {
            for part in word.parts {
                let w = fonts.width(part.face, &part.text, size);
                line.push(part, w);
            }
            continue;
        }
        for part in word.parts {
            let mut chunk = String::new();
            let mut chunk_w = 0.0;
            let mut buf = [0u8; 4];
            for c in part.text.chars() {
                let cw = fonts.width(part.face, c.encode_utf8(&mut buf), size);
                if line.width + chunk_w + cw > max && !(line.frags.is_empty() && chunk.is_empty()) {
                    // Prefer breaking after a separator within the chunk.
                    let cut = chunk
                        .rfind(['/', '-', '.', '@', '_'])
                        .map(|i| i + 1)
                        .filter(|i| *i < chunk.len() && *i > 0);
                    let rest = match cut {
                        Some(i) => chunk.split_off(i),
                        None => String::new(),
                    };
                    if !chunk.is_empty() {
                        let w = fonts.width(part.face, &chunk, size);
                        line.push(
                            Frag {
                                text: std::mem::take(&mut chunk),
                                face: part.face,
                                link: part.link.clone(),
                            },
                            w,
                        );
                    }
                    lines.push(std::mem::take(&mut line));
                    chunk_w = fonts.width(part.face, &rest, size);
                    chunk = rest;
                }
                chunk.push(c);
                chunk_w += cw;
            }
            if !chunk.is_empty() {
                let w = fonts.width(part.face, &chunk, size);
                line.push(
                    Frag {
                        text: chunk,
                        face: part.face,
                        link: part.link.clone(),
                    },
                    w,
                );
            }
        }
    }
    if !line.frags.is_empty() {
        lines.push(line);
    }
    lines
}

// ---- flowing onto pages ----

/// Where text of `size` sits in a line box of height `leading` whose top is `top`: centred, with
/// the baseline a little above the middle of the remaining space for the descenders.
fn baseline(top: f32, size: f32, leading: f32) -> f32 {
    top - leading + (leading - size) / 2.0 + size * 0.22
}

struct Flow<'a> {
    geo: Geometry,
    fonts: &'a Fonts,
    pages: Vec<Vec<Draw>>,
    /// Top of the free space on the current page.
    y: f32,
}

impl Flow<'_> {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.geo.top;
    }

    fn room(&self) -> f32 {
        self.y - self.geo.bottom
    }

    fn page(&mut self) -> &mut Vec<Draw> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn draw(&mut self, d: Draw) {
        self.page().push(d);
    }

    fn page_number(&self) -> usize {
        self.pages.len()
    }

    /// Draws one line like [`Flow::line`], first starting a new page if it would not fit.
    fn flowing_line(&mut self, line: &Line, x: f32, size: f32, leading: f32, gray: f32) {
        if self.room() < leading {
            self.new_page();
        }
        self.line(line, x, size, leading, gray);
    }

    /// Draws one line whose box starts at the current `y`, then moves down by `leading`.
    fn line(&mut self, line: &Line, x: f32, size: f32, leading: f32, gray: f32) {
        let baseline = baseline(self.y, size, leading);
        let mut draws = Vec::new();
        for (dx, frag, w) in &line.frags {
            if frag.text.trim().is_empty() {
                continue;
            }
            let color = if frag.link.is_some() {
                LINK_BLUE
            } else {
                (gray, gray, gray)
            };
            draws.push(Draw::Text {
                x: x + dx,
                y: baseline,
                face: frag.face,
                size,
                text: frag.text.clone(),
                color,
            });
            if let Some(target) = &frag.link {
                draws.push(Draw::Link {
                    x: x + dx,
                    y: baseline - size * 0.25,
                    w: *w,
                    h: size * 1.15,
                    target: target.clone(),
                });
            }
        }
        self.page().extend(draws);
        self.y -= leading;
    }

    fn gap(&mut self, h: f32) {
        if self.y < self.geo.top {
            self.y -= h;
        }
    }
}

/// The height the first part of a block needs, so a heading is never left alone at the bottom.
/// The room a heading needs below it on its page: the lead-in of the block at `start`, and when
/// that is a one-line paragraph (such as "If something goes wrong:" before a list), one line of
/// the block after it too, so a heading never ends a page with a single line under it.
fn keep_height(body: &[Block], start: usize, fonts: &Fonts, geo: &Geometry) -> f32 {
    let Some(first) = body.get(start) else {
        return LEADING;
    };
    // A subheading moves to the next page unless what it keeps below it fits too, so the
    // heading above it must keep room for both (a section opening on a subheading and a table
    // left its title alone at the foot of a page).
    if let Block::Subheading { text } = first {
        let lines = break_lines(&plain(text, Face::Bold), fonts, H3, geo.text_width())
            .len()
            .max(1);
        return SUBHEADING_BEFORE
            + lines as f32 * H3 * 1.3
            + 3.0
            + 4.0
            + keep_height(body, start + 1, fonts, geo);
    }
    let height = lead_in_height(first, fonts, geo);
    let one_line = matches!(first, Block::Para { .. }) && height <= LEADING;
    match body.get(start + 1) {
        Some(next @ Block::Para { .. }) if one_line => {
            height + PARA_GAP + lead_in_height(next, fonts, geo)
        }
        _ => height,
    }
}

fn lead_in_height(block: &Block, fonts: &Fonts, geo: &Geometry) -> f32 {
    match block {
        Block::Para { spans, .. } => {
            // What `para` puts first on a page: all of a paragraph of up to three lines (a
            // three-line paragraph split 2 + 1 would leave a widow, so it moves whole), else two.
            let n = match break_lines(spans, fonts, BODY, geo.text_width()).len() {
                n @ 0..=3 => n,
                _ => 2,
            };
            n as f32 * LEADING
        }
        Block::Subheading { .. } => SUBHEADING_BEFORE + H3 * 1.3 + 3.0 + 2.0 * LEADING,
        // The header row and a two-line first row.
        Block::Table { .. } => 2.0 * (TABLE_LEADING * 2.0 + 2.0 * CELL_PAD),
    }
}

fn para(flow: &mut Flow<'_>, spans: &[Span], depth: usize, marker: &Option<String>, quote: bool) {
    let geo = flow.geo;
    let indent = depth as f32 * LIST_INDENT + if quote { QUOTE_INDENT } else { 0.0 };
    let x = geo.left + indent;
    let lines = break_lines(spans, flow.fonts, BODY, geo.text_width() - indent);
    let n = lines.len();
    let mut i = 0;
    while i < n {
        let fit = (flow.room() / LEADING).floor().max(0.0) as usize;
        let left = n - i;
        // No orphan: never start a paragraph with a single line at the bottom of a page.
        let take = if left <= fit {
            left
        } else if fit < 2 {
            0
        } else if left - fit < 2 {
            // No widow: leave at least two lines for the next page.
            (left - 2).min(fit)
        } else {
            fit
        };
        if take == 0 {
            flow.new_page();
            continue;
        }
        let top = flow.y;
        for (k, line) in lines[i..i + take].iter().enumerate() {
            if k == 0
                && i == 0
                && let Some(m) = marker
            {
                let baseline = baseline(flow.y, BODY, LEADING);
                let mw = flow.fonts.width(Face::Regular, m, BODY);
                flow.draw(Draw::Text {
                    x: x - mw - 5.0,
                    y: baseline,
                    face: Face::Regular,
                    size: BODY,
                    text: m.clone(),
                    color: (TEXT_GRAY, TEXT_GRAY, TEXT_GRAY),
                });
            }
            flow.line(line, x, BODY, LEADING, TEXT_GRAY);
        }
        if quote {
            let bar = geo.left + indent - QUOTE_INDENT + 3.0;
            flow.draw(Draw::Rule {
                x1: bar,
                y1: top - 2.0,
                x2: bar,
                y2: flow.y + 2.0,
                width: 1.5,
            });
        }
        i += take;
    }
    flow.gap(PARA_GAP);
}

/// Column widths: each column's natural width, shrunk toward its longest word when the table is
/// too wide, or stretched evenly when it is narrower than the text column.
fn column_widths(
    head: &[Vec<Span>],
    rows: &[Vec<Vec<Span>>],
    fonts: &Fonts,
    total: f32,
) -> Vec<f32> {
    let cols = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut natural = vec![0.0f32; cols];
    let mut minimum = vec![0.0f32; cols];
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        for (c, cell) in row.iter().enumerate() {
            let w: f32 = cell
                .iter()
                .map(|s| fonts.width(s.face, &s.text, TABLE))
                .sum();
            natural[c] = natural[c].max(w + 2.0 * CELL_PAD);
            for word in words(cell) {
                let ww: f32 = word
                    .parts
                    .iter()
                    .map(|p| fonts.width(p.face, &p.text, TABLE))
                    .sum();
                minimum[c] = minimum[c].max((ww + 2.0 * CELL_PAD).min(total / cols as f32));
            }
        }
    }
    let sum_nat: f32 = natural.iter().sum();
    if sum_nat <= total {
        let extra = (total - sum_nat) / cols as f32;
        return natural.iter().map(|w| w + extra).collect();
    }
    let sum_min: f32 = minimum.iter().sum();
    let spare = (total - sum_min).max(0.0);
    let stretch: f32 = natural
        .iter()
        .zip(&minimum)
        .map(|(n, m)| n - m)
        .sum::<f32>()
        .max(1.0);
    let widths: Vec<f32> = natural
        .iter()
        .zip(&minimum)
        .map(|(n, m)| m + spare * (n - m) / stretch)
        .collect();
    let sum: f32 = widths.iter().sum();
    widths.iter().map(|w| w * total / sum).collect()
}

/// The lines of each cell, as slices.
fn slices(cells: &[Vec<Line>]) -> Vec<&[Line]> {
    cells.iter().map(Vec::as_slice).collect()
}

fn table(flow: &mut Flow<'_>, head: &[Vec<Span>], rows: &[Vec<Vec<Span>>]) {
    let geo = flow.geo;
    let bold_head: Vec<Vec<Span>> = head
        .iter()
        .map(|cell| {
            cell.iter()
                .map(|s| Span {
                    face: s.face.with(true, false),
                    ..s.clone()
                })
                .collect()
        })
        .collect();
    let widths = column_widths(&bold_head, rows, flow.fonts, geo.text_width());
    let lay = |row: &[Vec<Span>]| -> Vec<Vec<Line>> {
        widths
            .iter()
            .enumerate()
            .map(|(c, w)| {
                row.get(c)
                    .map(|cell| break_lines(cell, flow.fonts, TABLE, w - 2.0 * CELL_PAD))
                    .unwrap_or_default()
            })
            .collect()
    };
    let height = |cells: &[&[Line]]| {
        cells.iter().map(|c| c.len()).max().unwrap_or(1).max(1) as f32 * TABLE_LEADING
            + 2.0 * CELL_PAD
    };

    let head_lines = lay(&bold_head);
    let head_cells = slices(&head_lines);
    let head_h = height(&head_cells);
    let body: Vec<Vec<Vec<Line>>> = rows.iter().map(|r| lay(r)).collect();

    let draw_row = |flow: &mut Flow<'_>, cells: &[&[Line]], h: f32, shaded: bool| {
        let top = flow.y;
        if shaded {
            let total: f32 = widths.iter().sum();
            flow.draw(Draw::Fill {
                x: geo.left,
                y: top - h,
                w: total,
                h,
                gray: 0.93,
            });
        }
        let mut x = geo.left;
        for (c, w) in widths.iter().enumerate() {
            flow.y = top - CELL_PAD;
            for line in cells[c] {
                flow.line(line, x + CELL_PAD, TABLE, TABLE_LEADING, TEXT_GRAY);
            }
            flow.draw(Draw::Rule {
                x1: x,
                y1: top,
                x2: x,
                y2: top - h,
                width: 0.5,
            });
            x += w;
        }
        flow.draw(Draw::Rule {
            x1: x,
            y1: top,
            x2: x,
            y2: top - h,
            width: 0.5,
        });
        flow.draw(Draw::Rule {
            x1: geo.left,
            y1: top,
            x2: x,
            y2: top,
            width: 0.5,
        });
        flow.draw(Draw::Rule {
            x1: geo.left,
            y1: top - h,
            x2: x,
            y2: top - h,
            width: 0.5,
        });
        flow.y = top - h;
    };

    let first_h = body.first().map_or(0.0, |r| height(&slices(r)));
    if flow.room() < head_h + first_h.min(head_h * 3.0) {
        flow.new_page();
    }
    draw_row(flow, &head_cells, head_h, true);
    for cells in &body {
        let mut rest = slices(cells);
        // A row moves whole to the next page; only a row taller than a page is split,
        // with the header repeated.
        let page_body = geo.top - geo.bottom - head_h;
        while flow.room() < height(&rest) {
            let fit = ((flow.room() - 2.0 * CELL_PAD) / TABLE_LEADING)
                .floor()
                .max(0.0) as usize;
            if height(&rest) > page_body && fit >= 2 {
                let part: Vec<&[Line]> = rest.iter().map(|c| &c[..fit.min(c.len())]).collect();
                draw_row(flow, &part, height(&part), false);
                rest = rest.iter().map(|c| &c[fit.min(c.len())..]).collect();
            }
            flow.new_page();
            draw_row(flow, &head_cells, head_h, true);
        }
        draw_row(flow, &rest, height(&rest), false);
    }
    flow.gap(PARA_GAP + 3.0);
}

fn heading(flow: &mut Flow<'_>, text: &str, size: f32, before: f32, keep: f32) -> (usize, f32) {
    let geo = flow.geo;
    let leading = size * 1.3;
    flow.gap(before);
    if flow.room() < leading + keep + 4.0 {
        flow.new_page();
    }
    let top = flow.y;
    for line in break_lines(&plain(text, Face::Bold), flow.fonts, size, geo.text_width()) {
        flow.flowing_line(&line, geo.left, size, leading, TEXT_GRAY);
    }
    flow.y -= 3.0;
    (flow.page_number(), top)
}

fn plain(text: &str, face: Face) -> Vec<Span> {
    vec![Span {
        text: text.to_owned(),
        face,
        link: None,
    }]
}

/// Lays out the whole document.
pub(super) fn layout(doc: &PolicyDocument, fonts: &Fonts) -> Layout {
    let geo = Geometry::for_paper(doc.paper);
    let mut warnings = Vec::new();
    let mut flow = Flow {
        geo,
        fonts,
        pages: Vec::new(),
        y: geo.top,
    };
    flow.new_page();

    // Title block.
    let title = drawable(&doc.title, fonts, Face::Bold, &mut warnings);
    for line in break_lines(&plain(&title, Face::Bold), fonts, 24.0, geo.text_width()) {
        flow.flowing_line(&line, geo.left, 24.0, 30.0, TEXT_GRAY);
    }
    let org = drawable(&doc.organisation, fonts, Face::Regular, &mut warnings);
    for line in break_lines(&plain(&org, Face::Regular), fonts, 13.0, geo.text_width()) {
        flow.flowing_line(&line, geo.left, 13.0, 18.0, TEXT_GRAY);
    }
    let dates: Vec<String> = [
        (&doc.labels.effective, &doc.effective_date_text),
        (&doc.labels.last_updated, &doc.last_updated_text),
    ]
    .into_iter()
    .filter_map(|(label, date)| Some(format!("{label}: {}", date.as_ref()?)))
    .collect();
    if !dates.is_empty() {
        let text = dates.join(" · ");
        flow.line(
            &break_lines(&plain(&text, Face::Regular), fonts, BODY, geo.text_width())[0],
            geo.left,
            BODY,
            LEADING + 2.0,
            MUTED_GRAY,
        );
    }
    flow.y -= 8.0;
    flow.draw(Draw::Rule {
        x1: geo.left,
        y1: flow.y,
        x2: geo.right,
        y2: flow.y,
        width: 0.6,
    });
    flow.y -= 14.0;

    // Table of contents: entries now, page numbers once the sections are placed.
    let mut toc_rows = Vec::new();
    if doc.table_of_contents {
        let (_, _) = heading(&mut flow, &doc.labels.contents, H2, 0.0, LEADING * 3.0);
        for (i, s) in doc.sections.iter().enumerate() {
            if flow.room() < LEADING {
                flow.new_page();
            }
            let label = format!("{}.  {}", i + 1, s.title);
            let line = &break_lines(
                &plain(&label, Face::Regular),
                fonts,
                BODY,
                geo.text_width() - 40.0,
            )[0];
            let top = flow.y;
            flow.line(line, geo.left, BODY, LEADING + 1.5, TEXT_GRAY);
            toc_rows.push((flow.page_number(), top, s.id.clone()));
        }
        flow.new_page();
    }

    let mut headings = Vec::new();
    for section in &doc.sections {
        let body = blocks(&section.body, fonts, &mut warnings);
        let keep = keep_height(&body, 0, fonts, &geo);
        let (page, top) = heading(&mut flow, &section.title, H2, 14.0, keep);
        headings.push(Placed {
            title: section.title.clone(),
            level: 1,
            page,
            top,
            id: Some(section.id.clone()),
        });
        for (k, block) in body.iter().enumerate() {
            match block {
                Block::Para {
                    spans,
                    depth,
                    marker,
                    quote,
                } => para(&mut flow, spans, *depth, marker, *quote),
                Block::Subheading { text } => {
                    let keep = keep_height(&body, k + 1, fonts, &geo);
                    let (page, top) = heading(&mut flow, text, H3, SUBHEADING_BEFORE, keep);
                    headings.push(Placed {
                        title: text.clone(),
                        level: 2,
                        page,
                        top,
                        id: None,
                    });
                }
                Block::Table { head, rows } => table(&mut flow, head, rows),
            }
        }
    }

    let mut pages = flow.pages;
    // Page numbers in the table of contents, right-aligned, and the whole row a link.
    for (toc_page, top, id) in toc_rows {
        if let Some(h) = headings
            .iter()
            .find(|h| h.id.as_deref() == Some(id.as_str()))
        {
            let number = h.page.to_string();
            let w = fonts.width(Face::Regular, &number, BODY);
            let baseline = baseline(top, BODY, LEADING + 1.5);
            let draws = &mut pages[toc_page - 1];
            draws.push(Draw::Text {
                x: geo.right - w,
                y: baseline,
                face: Face::Regular,
                size: BODY,
                text: number,
                color: (TEXT_GRAY, TEXT_GRAY, TEXT_GRAY),
            });
            draws.push(Draw::Link {
                x: geo.left,
                y: top - LEADING - 1.5,
                w: geo.text_width(),
                h: LEADING + 1.5,
                target: Target::Section(id),
            });
        }
    }
    // Running footer.
    let total = pages.len();
    let footer_title = drawable(
        &format!("{} – {}", doc.title, doc.organisation),
        fonts,
        Face::Regular,
        &mut warnings,
    );
    let footer_title = truncate(&footer_title, fonts, 8.5, geo.text_width() * 0.7);
    for (i, draws) in pages.iter_mut().enumerate() {
        let y = geo.bottom - 34.0;
        let number = format!("Page {} of {total}", i + 1);
        let w = fonts.width(Face::Regular, &number, 8.5);
        draws.push(Draw::Rule {
            x1: geo.left,
            y1: y + 12.0,
            x2: geo.right,
            y2: y + 12.0,
            width: 0.4,
        });
        draws.push(Draw::Text {
            x: geo.left,
            y,
            face: Face::Regular,
            size: 8.5,
            text: footer_title.clone(),
            color: (MUTED_GRAY, MUTED_GRAY, MUTED_GRAY),
        });
        draws.push(Draw::Text {
            x: geo.right - w,
            y,
            face: Face::Regular,
            size: 8.5,
            text: number,
            color: (MUTED_GRAY, MUTED_GRAY, MUTED_GRAY),
        });
    }
    Layout {
        geometry: geo,
        pages,
        headings,
        warnings,
    }
}

/// Shortens text with an ellipsis to fit `max` points.
fn truncate(text: &str, fonts: &Fonts, size: f32, max: f32) -> String {
    if fonts.width(Face::Regular, text, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if fonts.width(Face::Regular, &format!("{out}{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    out + "…"
}

/// Headings grouped for the outline: each section with its subheadings.
pub(super) fn outline(headings: &[Placed]) -> BTreeMap<usize, Vec<usize>> {
    let mut tree: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut current = None;
    for (i, h) in headings.iter().enumerate() {
        if h.level == 1 {
            current = Some(i);
            tree.entry(i).or_default();
        } else if let Some(parent) = current {
            tree.entry(parent).or_default().push(i);
        }
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Library, assemble, examples, project_file};

    fn doc_with(trading_name: &str) -> PolicyDocument {
        let text = examples::example("saas").unwrap_or_default();
        let mut project = project_file::parse(text, std::path::Path::new("saas")).expect("parses");
        project.organisation.trading_name = Some(trading_name.to_owned());
        assemble(&project, &Library::load().expect("loads")).expect("assembles")
    }

    #[test]
    fn nothing_runs_past_the_margins() {
        let fonts = Fonts::load().unwrap();
        let url = "https://example.com/".to_owned() + &"segment/".repeat(1000);
        let word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(8);
        let layout = layout(&doc_with(&format!("{word} {url}")), &fonts);
        let geo = layout.geometry;
        let mut texts = 0;
        for draws in &layout.pages {
            for d in draws {
                if let Draw::Text {
                    x,
                    y,
                    face,
                    size,
                    text,
                    ..
                } = d
                {
                    texts += 1;
                    let right = x + fonts.width(*face, text, *size);
                    assert!(
                        right <= geo.right + 0.5,
                        "`{text}` ends at {right}, past {}",
                        geo.right
                    );
                    assert!(*x >= geo.left - 20.0, "`{text}` starts at {x}");
                    assert!(
                        *y >= geo.bottom - 40.0 && *y <= geo.height,
                        "`{text}` at y {y}"
                    );
                }
            }
        }
        assert!(texts > 500);
    }

    #[test]
    fn long_words_break_after_separators() {
        let fonts = Fonts::load().unwrap();
        let spans = vec![Span {
            text: "https://example.com/aaaa/bbbb/cccc/dddd".into(),
            face: Face::Regular,
            link: None,
        }];
        let max = fonts.width(Face::Regular, "https://example.com/aaaa/bb", BODY);
        let lines = break_lines(&spans, &fonts, BODY, max);
        let first: String = lines[0]
            .frags
            .iter()
            .map(|(_, f, _)| f.text.as_str())
            .collect();
        assert_eq!(first, "https://example.com/aaaa/");
        let all: String = lines
            .iter()
            .flat_map(|l| l.frags.iter().map(|(_, f, _)| f.text.clone()))
            .collect();
        assert_eq!(
            all, "https://example.com/aaaa/bbbb/cccc/dddd",
            "nothing is lost"
        );
    }

    #[test]
    fn headings_are_never_last_on_a_page() {
        let fonts = Fonts::load().unwrap();
        // Names of different lengths shift every page break: a section opening on a subheading
        // and a table once left its title alone only with one of them.
        for name in ["Kestrel", "K", "Kestrel Cloud Workspace Services for Teams"] {
            headings_have_text_below(&layout(&doc_with(name), &fonts));
        }
    }

    fn headings_have_text_below(layout: &Layout) {
        for h in &layout.headings {
            let page = &layout.pages[h.page - 1];
            let below = page.iter().filter(|d| matches!(d, Draw::Text { y, size, .. } if *y < h.top - 30.0 && *size < 12.0 && *y > layout.geometry.bottom - 10.0)).count();
            assert!(
                below >= 2,
                "`{}` on page {} has nothing under it",
                h.title,
                h.page
            );
        }
    }
}
