//! From a layout to PDF bytes: printpdf draws the pages and subsets the fonts; lopdf then adds
//! what printpdf cannot (a nested outline in document order, the document language) and makes the
//! file reproducible (document ID, font-subset names and dates derived from the content).

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LinePoint, LinkAnnotation, Op,
    PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    Rgb, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};

use super::blocks::Target;
use super::fonts::Face;
use super::layout::{Draw, Layout, outline};
use crate::document::PolicyDocument;

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn rect(x: f32, y: f32, w: f32, h: f32, mode: Option<PaintMode>) -> Rect {
    Rect {
        x: Pt(x),
        y: Pt(y),
        width: Pt(w),
        height: Pt(h),
        mode,
        winding_order: None,
    }
}

/// Six capital letters from a hash: the tag PDF font-subset names start with.
fn subset_tag(seed: &[u8]) -> String {
    Sha256::digest(seed)
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// A text string in the PDF's Unicode form (UTF-16BE with a byte-order mark).
fn pdf_text(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn pdf_date(iso: Option<&str>) -> Object {
    let digits: String = iso
        .unwrap_or("2000-01-01")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    Object::string_literal(format!("D:{digits}000000Z"))
}

/// Draws every page and returns the finished file.
pub(super) fn write(doc: &PolicyDocument, layout: &Layout) -> Result<Vec<u8>, String> {
    let all_text: String = layout
        .pages
        .iter()
        .flatten()
        .filter_map(|d| {
            if let Draw::Text { text, .. } = d {
                Some(text.as_str())
            } else {
                None
            }
        })
        .collect();

    let mut pdf = PdfDocument::new(&format!("{} – {}", doc.title, doc.organisation));
    let mut font_ids = Vec::new();
    for face in Face::ALL {
        let mut font_warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut font_warnings)
            .ok_or_else(|| format!("the embedded font {face:?} could not be read"))?;
        let random = pdf.add_font(&parsed);
        // printpdf names fonts at random; a name derived from the content keeps output identical.
        let id = FontId(format!(
            "{}{face:?}",
            subset_tag(format!("{face:?}{all_text}").as_bytes())
        ));
        if let Some(font) = pdf.resources.fonts.map.remove(&random) {
            pdf.resources.fonts.map.insert(id.clone(), font);
        }
        font_ids.push((face, id));
    }
    let font = |face: Face| {
        font_ids
            .iter()
            .find(|(f, _)| *f == face)
            .map(|(_, id)| PdfFontHandle::External(id.clone()))
    };

    let geo = layout.geometry;
    let mut pages = Vec::new();
    for draws in &layout.pages {
        let mut ops = Vec::new();
        for d in draws {
            match d {
                Draw::Fill { x, y, w, h, gray } => {
                    ops.push(Op::SetFillColor {
                        col: rgb((*gray, *gray, *gray)),
                    });
                    ops.push(Op::DrawRectangle {
                        rectangle: rect(*x, *y, *w, *h, Some(PaintMode::Fill)),
                    });
                }
                Draw::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                } => {
                    ops.push(Op::SetOutlineColor {
                        col: rgb((0.65, 0.65, 0.65)),
                    });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    let p = |x: f32, y: f32| LinePoint {
                        p: Point { x: Pt(x), y: Pt(y) },
                        bezier: false,
                    };
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![p(*x1, *y1), p(*x2, *y2)],
                            is_closed: false,
                        },
                    });
                }
                Draw::Text { .. } | Draw::Link { .. } => {}
            }
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(Face, f32)> = None;
        for d in draws {
            if let Draw::Text {
                x,
                y,
                face,
                size,
                text,
                color,
            } = d
            {
                if current != Some((*face, *size)) {
                    let handle = font(*face).ok_or("a font was not registered")?;
                    ops.push(Op::SetFont {
                        font: handle,
                        size: Pt(*size),
                    });
                    current = Some((*face, *size));
                }
                ops.push(Op::SetFillColor { col: rgb(*color) });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
        }
        ops.push(Op::EndTextSection);
        for d in draws {
            if let Draw::Link { x, y, w, h, target } = d {
                let actions = match target {
                    Target::Uri(uri) => Actions::Uri(uri.clone()),
                    Target::Section(id) => match layout.anchor(id) {
                        Some((page, top)) => Actions::Goto(Destination::Xyz {
                            page,
                            left: Some(0.0),
                            top: Some(top + 20.0),
                            zoom: None,
                        }),
                        None => continue,
                    },
                };
                let link = LinkAnnotation::new(
                    rect(*x, *y, *w, *h, None),
                    actions,
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                );
                ops.push(Op::LinkAnnotation { link });
            }
        }
        // Boxes in points: a round trip through millimetres would make Letter 792.001 pt tall.
        let page_box = Rect::from_wh(Pt(geo.width), Pt(geo.height));
        pages.push(PdfPage {
            media_box: page_box.clone(),
            trim_box: page_box.clone(),
            crop_box: page_box,
            ops,
        });
    }
    pdf.with_pages(pages);
    pdf.metadata.info.author = doc.organisation.clone();
    pdf.metadata.info.subject = doc.description.clone();
    pdf.metadata.info.creator = format!("Policywright {}", doc.generator.app_version);
    pdf.metadata.info.producer = doc.generator.describe();

    let mut warnings = Vec::new();
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, doc, layout)?;
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Outline, language, metadata and a content-derived document ID.
fn finish(lo: &mut lopdf::Document, doc: &PolicyDocument, layout: &Layout) -> Result<(), String> {
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let catalog_id = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;

    // Outline: sections at the top level, their subheadings beneath, in document order.
    let tree = outline(&layout.headings);
    if !tree.is_empty() {
        let root_id = lo.new_object_id();
        let dest = |i: usize| -> Object {
            let h = &layout.headings[i];
            let page = page_ids
                .get(h.page - 1)
                .copied()
                .map_or(Object::Null, Object::Reference);
            Object::Array(vec![
                page,
                "XYZ".into(),
                Object::Integer(0),
                Object::Real(h.top + 20.0),
                Object::Null,
            ])
        };
        let tops: Vec<(usize, ObjectId)> = tree.keys().map(|i| (*i, lo.new_object_id())).collect();
        for (n, (i, id)) in tops.iter().enumerate() {
            let mut item = Dictionary::new();
            item.set("Title", pdf_text(&layout.headings[*i].title));
            item.set("Parent", Object::Reference(root_id));
            item.set("Dest", dest(*i));
            if n > 0 {
                item.set("Prev", Object::Reference(tops[n - 1].1));
            }
            if let Some(next) = tops.get(n + 1) {
                item.set("Next", Object::Reference(next.1));
            }
            let children = &tree[i];
            if !children.is_empty() {
                let kids: Vec<ObjectId> = children.iter().map(|_| lo.new_object_id()).collect();
                for (k, child) in children.iter().enumerate() {
                    let mut c = Dictionary::new();
                    c.set("Title", pdf_text(&layout.headings[*child].title));
                    c.set("Parent", Object::Reference(*id));
                    c.set("Dest", dest(*child));
                    if k > 0 {
                        c.set("Prev", Object::Reference(kids[k - 1]));
                    }
                    if let Some(next) = kids.get(k + 1) {
                        c.set("Next", Object::Reference(*next));
                    }
                    lo.objects.insert(kids[k], Object::Dictionary(c));
                }
                item.set("First", Object::Reference(kids[0]));
                item.set("Last", Object::Reference(kids[kids.len() - 1]));
                // Negative: subheadings start collapsed.
                item.set("Count", Object::Integer(-(kids.len() as i64)));
            }
            lo.objects.insert(*id, Object::Dictionary(item));
        }
        let mut root = Dictionary::new();
        root.set("Type", "Outlines");
        root.set("First", Object::Reference(tops[0].1));
        root.set("Last", Object::Reference(tops[tops.len() - 1].1));
        root.set("Count", Object::Integer(tops.len() as i64));
        lo.objects.insert(root_id, Object::Dictionary(root));
        let catalog = lo
            .get_object_mut(catalog_id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| e.to_string())?;
        catalog.set("Outlines", Object::Reference(root_id));
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog = lo
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    catalog.set("Lang", Object::string_literal(doc.language.clone()));

    // Info: no empty PDF/X claim, dates from the project.
    let info_id = lo
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let info = lo
        .get_object_mut(info_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    info.remove(b"GTS_PDFXVersion");
    info.remove(b"Identifier");
    info.set("CreationDate", pdf_date(doc.effective_date.as_deref()));
    info.set("ModDate", pdf_date(doc.effective_date.as_deref()));

    // Document ID from the content, so the same project gives the same bytes.
    let mut hasher = Sha256::new();
    for page in layout.pages.iter() {
        hasher.update(format!("{page:?}").as_bytes());
    }
    hasher.update(doc.generator.describe().as_bytes());
    let id: String = hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    let id = Object::String(id.into_bytes(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}
