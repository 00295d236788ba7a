//! The PDF's fonts: DejaVu Sans in four faces, embedded from the `dejavu` crate (never from the
//! system), measured with ttf-parser so line breaks follow the real advance widths.

use ttf_parser::Face as TtfFace;

/// One of the four faces body text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub(super) const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub(super) fn with(self, bold: bool, italic: bool) -> Face {
        let bold = bold || matches!(self, Face::Bold | Face::BoldItalic);
        let italic = italic || matches!(self, Face::Italic | Face::BoldItalic);
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub(super) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Italic => dejavu::sans::oblique(),
            Face::BoldItalic => dejavu::sans::bold_oblique(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The character drawn for one the fonts lack.
pub(super) const REPLACEMENT: char = '\u{FFFD}';

/// Parsed faces, for measuring.
pub(super) struct Fonts {
    faces: Vec<TtfFace<'static>>,
}

impl Fonts {
    pub(super) fn load() -> Result<Fonts, String> {
        let faces = Face::ALL
            .iter()
            .map(|f| {
                TtfFace::parse(f.bytes(), 0)
                    .map_err(|e| format!("embedded font {f:?} does not parse: {e}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fonts { faces })
    }

    /// Whether `face` has a glyph for `c`.
    pub(super) fn has(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].glyph_index(c).is_some()
    }

    /// Width of `text` in points at `size`.
    pub(super) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let f = &self.faces[face.index()];
        let per_unit = size / f32::from(f.units_per_em());
        text.chars()
            .map(|c| {
                let glyph = f.glyph_index(c).or_else(|| f.glyph_index(REPLACEMENT));
                glyph
                    .and_then(|g| f.glyph_hor_advance(g))
                    .map_or(0.0, |a| f32::from(a) * per_unit)
            })
            .sum()
    }
}
