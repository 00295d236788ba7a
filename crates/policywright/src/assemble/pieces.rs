//! Pieces: small named templates that a section writes once per item of a long list
//! (`{{ piece("vendor-row", v) }}` writes one vendor's table row), each kept with the value it
//! was written from, so a section that lists a thousand vendors writes again only the rows whose
//! vendor changed.
//!
//! A piece is `clauses/<language>/pieces/<name>.md` in the library. Its only context is the
//! value it is given, as `v`, so its text depends on that value alone (the library is embedded
//! in the binary, the same for every assembly in a process). Each section keeps its own pieces
//! with its memo entry: the pieces a section used when it was last written are what the next
//! writing of that section can reuse, and a reused piece's value is strictly equal to the one it
//! was written from (the section memo's comparison: same kinds, same contents), never equal only
//! in the template language's loose sense. What a section reads through a piece, it reads
//! through the value it passes, which the section memo has already recorded.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use minijinja::value::{Object, ValueKind};
use minijinja::{Error, State, Value, context};

/// The name under which the clause context hands the pieces to [`template_function`]. A
/// template cannot spell it (it starts with a NUL), so no clause can read it by mistake.
pub(super) const PIECES_NAME: &str = "\u{0}pieces";

/// The pieces one section wrote, by the hash of the piece's name and value: each with the text
/// written from it, marked safe (it is Markdown its template escaped).
#[derive(Debug, Default, Clone)]
pub(super) struct PieceMap(HashMap<u64, Vec<Piece>>);

#[derive(Debug, Clone)]
struct Piece {
    name: String,
    value: Value,
    text: Value,
}

impl PieceMap {
    /// The text remembered for piece `name` of `value`, if any.
    fn find(&self, name: &str, hash: u64, value: &Value) -> Option<&Value> {
        self.0
            .get(&hash)?
            .iter()
            .find(|p| p.name == name && super::memo::same(&p.value, value))
            .map(|p| &p.text)
    }

    fn insert(&mut self, name: &str, hash: u64, value: &Value, text: &Value) {
        let bucket = self.0.entry(hash).or_default();
        if !bucket
            .iter()
            .any(|p| p.name == name && super::memo::same(&p.value, value))
        {
            bucket.push(Piece {
                name: name.to_owned(),
                value: value.clone(),
                text: text.clone(),
            });
        }
    }
}

/// The pieces of the section being written: those it wrote last time (`old`) and those it
/// writes now (`new`, which it keeps for next time).
#[derive(Debug, Default)]
pub(super) struct Pieces {
    state: Mutex<Writing>,
}

#[derive(Debug, Default)]
struct Writing {
    old: PieceMap,
    new: PieceMap,
    /// How many pieces were written from their templates (not remembered) since `start`.
    written: usize,
}

impl Object for Pieces {}

impl Pieces {
    /// Starts writing a section whose pieces last time were `old`.
    pub(super) fn start(&self, old: PieceMap) {
        let mut w = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *w = Writing {
            old,
            new: PieceMap::default(),
            written: 0,
        };
    }

    /// The pieces the section used, to keep with it; and how many of them were written anew.
    pub(super) fn finish(&self) -> (PieceMap, usize) {
        let mut w = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let done = std::mem::take(&mut *w);
        (done.new, done.written)
    }

    /// The text of piece `name` for `value`: remembered when the section wrote it from a strictly
    /// equal value last time or earlier in this writing, otherwise written by `write`.
    fn text(
        &self,
        name: &str,
        value: &Value,
        write: impl FnOnce() -> Result<String, Error>,
    ) -> Result<Value, Error> {
        let mut hasher = DefaultHasher::new();
        name.hash(&mut hasher);
        hash_value(value, &mut hasher);
        let hash = hasher.finish();
        {
            let mut w = self.state.lock().unwrap_or_else(PoisonError::into_inner);
            // Printed twice in one writing: already kept for next time.
            if let Some(text) = w.new.find(name, hash, value).cloned() {
                return Ok(text);
            }
            if let Some(text) = w.old.find(name, hash, value).cloned() {
                w.new.insert(name, hash, value, &text);
                return Ok(text);
            }
        }
        // Written without the lock held: a piece's template cannot reach these pieces (its
        // only context is `v`), but a lock held across a render would deadlock if it did.
        let text = Value::from_safe_string(write()?);
        let mut w = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        w.written += 1;
        w.new.insert(name, hash, value, &text);
        Ok(text)
    }
}

/// Hashes `value` so that values [`super::memo::same`] calls equal hash equal: a vendor as its
/// Rust view (without making a template value of each field), maps and lists item by item.
fn hash_value(value: &Value, state: &mut DefaultHasher) {
    if let Some(vendor) = value.downcast_object_ref::<super::view::VendorValue>() {
        vendor.hash_view(state);
        return;
    }
    match value.kind() {
        ValueKind::Map => {
            for key in value.try_iter().into_iter().flatten() {
                hash_value(&key, state);
                hash_value(&value.get_item(&key).unwrap_or_default(), state);
            }
        }
        ValueKind::Seq | ValueKind::Iterable => {
            for item in value.try_iter().into_iter().flatten() {
                hash_value(&item, state);
            }
        }
        _ => value.hash(state),
    }
}

/// `piece(name, v)`: the text of the piece template `name` of this section's language, written
/// with `v` as its only context. The text is Markdown already escaped by the piece's template,
/// so it is printed as it is.
pub(crate) fn template_function(
    state: &State<'_, '_>,
    name: &str,
    value: Value,
) -> Result<Value, Error> {
    let write = || {
        let language = state.name().split('/').next().unwrap_or_default();
        state
            .env()
            .get_template(&piece_template(language, name))?
            .render(context! { v => value.clone() })
    };
    let pieces = state.lookup(PIECES_NAME);
    match pieces
        .as_ref()
        .and_then(|p| p.downcast_object_ref::<Pieces>())
    {
        Some(pieces) => pieces.text(name, &value, write),
        None => Ok(Value::from_safe_string(write()?)),
    }
}

/// The template name of piece `name` in `language`.
pub(crate) fn piece_template(language: &str, name: &str) -> String {
    format!("{language}/pieces/{name}.md")
}

/// A value the clause context hands out for [`PIECES_NAME`].
pub(super) fn handle(pieces: &Arc<Pieces>) -> Value {
    Value::from_dyn_object(Arc::clone(pieces))
}
