//! Remembers what each section read from the clause context and what it wrote, so the next
//! assembly of an edited project writes again only the sections whose inputs changed.
//!
//! A section's condition, title and body are templates, and a template's output depends only on
//! the context values it reads (the library is embedded in the binary, so it is the same for
//! every assembly in a process). The context is wrapped in [`Tracked`], which records every
//! top-level name a template looks up (including the `claim()` function's look-up of `claims`).
//! A top-level map is handed out wrapped too ([`TrackedMap`]), so reading `org.email` records
//! `org.email`, not all of `org`: a section that prints only the email is not written again when
//! the legal name changes. Anything that uses a map as a whole (iterating it, its length or
//! truth, printing it) records the whole map. If every name a section read last time has a value
//! equal to the one it has now, the section would render the same text, so the stored text is
//! used. Most names are not looked at: each top-level name carries the assembly since which its
//! part of the view has been equal (`view/parts.rs`), and a section written in or after it read
//! the value it has now. Names whose part changed since are compared strictly (same kind, same
//! contents), never with the template language's loose `==`, so `1` and `true` or `"1"` and `1`
//! never count as the same input.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use minijinja::Value;
use minijinja::value::{DynObject, Enumerator, Object, ValueKind};

use super::pieces::{PIECES_NAME, PieceMap, Pieces};
use super::view::{Parts, VendorValue, View};

/// What each section read and wrote in the last assembly, by language and section id, and the
/// view and context that assembly used.
#[derive(Default, Clone)]
pub struct SectionMemo {
    sections: HashMap<String, Written>,
    /// How many sections the last assembly wrote (the rest came from the memo).
    written: usize,
    /// How many pieces the sections it wrote wrote from their templates (the rest were
    /// remembered).
    pieces_written: usize,
    /// How many assemblies this memo has seen; numbers the context each section was written
    /// from.
    assemblies: u64,
    /// The last assembly's view and its context, whose parts the next one keeps where equal.
    context: Option<(Arc<View>, Arc<Parts>)>,
}

impl std::fmt::Debug for SectionMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SectionMemo")
            .field("sections", &self.sections)
            .field("written", &self.written)
            .field("pieces_written", &self.pieces_written)
            .field("assemblies", &self.assemblies)
            .finish_non_exhaustive()
    }
}

/// The sections of the last assembly, while the next one recalls them.
pub(super) struct Previous {
    sections: HashMap<String, Written>,
    /// Whether a name still has the value it had in the assembly numbered here, for names whose
    /// part of the view changed since: sections written in the same assembly read the same
    /// context, so such a name is compared once per assembly instead of once per section.
    unchanged: HashMap<(String, u64), bool>,
}

/// One section's output, with the inputs it came from.
#[derive(Debug, Clone)]
pub(super) struct Written {
    /// Each context name the templates read (`org`, or `org.email` for one key of a top-level
    /// map), with its value then.
    reads: Vec<(String, Value)>,
    /// The assembly it was written in.
    assembly: u64,
    /// `None` when the section was left out (its condition was false or its body empty).
    pub(super) text: Option<(String, String)>,
    /// The pieces its templates wrote ([`super::pieces`]), which its next writing may reuse.
    pieces: PieceMap,
    /// How many of those pieces were written from their templates rather than remembered.
    pieces_written: usize,
}

impl SectionMemo {
    /// How many sections the last assembly wrote; the others were remembered.
    pub fn last_written(&self) -> usize {
        self.written
    }

    /// How many pieces (one vendor's row, say) the sections the last assembly wrote wrote from
    /// their templates; the others were remembered.
    pub fn last_pieces_written(&self) -> usize {
        self.pieces_written
    }

    /// Starts an assembly of `view`: the sections remembered so far, and the context to write
    /// from. The view and its context are kept for the next assembly before any section is
    /// written, so the `since` of every part always describes the latest assembly, even when
    /// this one fails part way.
    pub(super) fn start(&mut self, view: View) -> (Previous, Arc<View>, Arc<Tracked>) {
        self.written = 0;
        self.pieces_written = 0;
        self.assemblies += 1;
        let previous = Previous {
            sections: std::mem::take(&mut self.sections),
            unchanged: HashMap::new(),
        };
        let old = self.context.take();
        let parts = view.parts(
            old.as_ref().map(|(view, parts)| (&**view, &**parts)),
            self.assemblies,
        );
        let (view, parts) = (Arc::new(view), Arc::new(parts));
        self.context = Some((Arc::clone(&view), Arc::clone(&parts)));
        let tracked = Tracked::new(parts, self.assemblies);
        (previous, view, tracked)
    }

    /// The remembered output of `key`, if nothing it read has changed in `ctx`. A name whose
    /// part of the view has had its value since the section was written is unchanged without
    /// looking at it; any other is compared with the value the section saw. Otherwise the
    /// pieces the section wrote last time, for writing it again.
    pub(super) fn recall(
        previous: &mut Previous,
        key: &str,
        ctx: &Tracked,
    ) -> Result<Written, PieceMap> {
        let Some(hit) = previous.sections.remove(key) else {
            return Err(PieceMap::default());
        };
        let unchanged = hit.reads.iter().all(|(name, before)| {
            let top = name.split_once('.').map_or(name.as_str(), |(top, _)| top);
            if ctx.parts.get(top).is_some_and(|p| p.since <= hit.assembly) {
                return true;
            }
            *previous
                .unchanged
                .entry((name.clone(), hit.assembly))
                .or_insert_with(|| same(&ctx.value_of(name), before))
        });
        if unchanged { Ok(hit) } else { Err(hit.pieces) }
    }

    pub(super) fn remember(&mut self, key: String, written: Written, fresh: bool) {
        if fresh {
            self.written += 1;
            self.pieces_written += written.pieces_written;
        }
        self.sections.insert(key, written);
    }
}

/// The clause context, recording the top-level names looked up in it.
#[derive(Debug)]
pub(super) struct Tracked {
    /// The context's top-level names.
    parts: Arc<Parts>,
    /// The number of the assembly this context is for.
    assembly: u64,
    reads: Mutex<BTreeSet<String>>,
    /// The pieces of the section being written.
    pieces: Arc<Pieces>,
}

impl Tracked {
    fn new(parts: Arc<Parts>, assembly: u64) -> Arc<Self> {
        Arc::new(Tracked {
            parts,
            assembly,
            reads: Mutex::new(BTreeSet::new()),
            pieces: Arc::new(Pieces::default()),
        })
    }

    /// Forgets what was read so far, before the next section's templates run; `pieces` are
    /// those the section wrote last time.
    pub(super) fn clear(&self, pieces: PieceMap) {
        self.reads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.pieces.start(pieces);
    }

    /// What the templates read since [`Tracked::clear`], with the values they saw.
    pub(super) fn written(&self, text: Option<(String, String)>) -> Written {
        let names = std::mem::take(&mut *self.reads.lock().unwrap_or_else(PoisonError::into_inner));
        let reads = names
            .into_iter()
            .map(|name| {
                let value = self.value_of(&name);
                (name, value)
            })
            .collect();
        let (pieces, pieces_written) = self.pieces.finish();
        Written {
            reads,
            assembly: self.assembly,
            text,
            pieces,
            pieces_written,
        }
    }

    /// The value of a recorded name: a top-level name, or `name.key` for one key of a top-level
    /// map (top-level names never contain a dot: they are the view's field names).
    fn value_of(&self, name: &str) -> Value {
        let value = match name.split_once('.') {
            Some((top, key)) => self.top(top).get_attr(key).ok(),
            None => Some(self.top(name)),
        };
        value.unwrap_or(Value::UNDEFINED)
    }

    /// The value of a top-level name; undefined when the context has no such name.
    fn top(&self, name: &str) -> Value {
        self.parts
            .get(name)
            .map_or(Value::UNDEFINED, |p| p.value.clone())
    }

    fn record(&self, name: String) {
        self.reads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name);
    }
}

impl Object for Tracked {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let name = key.as_str()?;
        if name == PIECES_NAME {
            return Some(super::pieces::handle(&self.pieces));
        }
        let value = Some(self.top(name)).filter(|v| !v.is_undefined());
        match value {
            Some(map) if map.kind() == ValueKind::Map => Some(Value::from_object(TrackedMap {
                name: name.to_owned(),
                map,
                context: Arc::clone(self),
            })),
            value => {
                self.record(name.to_owned());
                value
            }
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        // Templates never iterate over the whole context; if one did, it could read anything,
        // and a section that read "everything" could not be remembered safely.
        Enumerator::NonEnumerable
    }
}

/// A top-level map of the context, recording which of its keys templates read.
#[derive(Debug)]
struct TrackedMap {
    /// Its top-level name.
    name: String,
    map: Value,
    context: Arc<Tracked>,
}

impl TrackedMap {
    /// Records that the map was used as a whole.
    fn used_whole(&self) {
        self.context.record(self.name.clone());
    }
}

impl Object for TrackedMap {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str() {
            Some(k) if !k.contains('.') => self.context.record(format!("{}.{k}", self.name)),
            _ => self.used_whole(),
        }
        self.map.get_item(key).ok().filter(|v| !v.is_undefined())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        self.used_whole();
        match self.map.try_iter() {
            Ok(keys) => Enumerator::Values(keys.collect()),
            Err(_) => Enumerator::Empty,
        }
    }

    fn custom_cmp(self: &Arc<Self>, other: &DynObject) -> Option<std::cmp::Ordering> {
        self.used_whole();
        let other = other.downcast_ref::<Self>()?;
        other.used_whole();
        self.map.partial_cmp(&other.map)
    }
}

/// Strict equality: the same kind and the same contents, all the way down; a string marked safe
/// (printed as it is) differs from the same text unmarked (escaped when printed).
pub(super) fn same(a: &Value, b: &Value) -> bool {
    if a.kind() != b.kind() {
        return false;
    }
    // A vendor is compared as the Rust view it reads from, without reading a field.
    if let (Some(x), Some(y)) = (
        a.downcast_object_ref::<VendorValue>(),
        b.downcast_object_ref::<VendorValue>(),
    ) {
        return x.same(y);
    }
    match a.kind() {
        ValueKind::Map => {
            let (Ok(ka), Ok(kb)) = (a.try_iter(), b.try_iter()) else {
                return false;
            };
            let (ka, kb): (Vec<Value>, Vec<Value>) = (ka.collect(), kb.collect());
            ka.len() == kb.len()
                && ka.iter().zip(&kb).all(|(x, y)| {
                    same(x, y)
                        && match (a.get_item(x), b.get_item(y)) {
                            (Ok(vx), Ok(vy)) => same(&vx, &vy),
                            _ => false,
                        }
                })
        }
        ValueKind::Seq | ValueKind::Iterable => match (a.try_iter(), b.try_iter()) {
            (Ok(ia), Ok(ib)) => {
                let (va, vb): (Vec<Value>, Vec<Value>) = (ia.collect(), ib.collect());
                va.len() == vb.len() && va.iter().zip(&vb).all(|(x, y)| same(x, y))
            }
            _ => false,
        },
        ValueKind::Number => a.is_integer() == b.is_integer() && a == b,
        ValueKind::String => a.is_safe() == b.is_safe() && a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_template_equality_is_not_enough() {
        assert!(!same(&Value::from(true), &Value::from(1)));
        assert!(!same(&Value::from("1"), &Value::from(1)));
        assert!(!same(&Value::from(1.0), &Value::from(1)));
        assert!(!same(&Value::from(()), &Value::UNDEFINED));
        assert!(same(&Value::from(vec![1, 2]), &Value::from(vec![1, 2])));
        assert!(!same(&Value::from(vec![1, 2]), &Value::from(vec![2, 1])));
    }

    #[test]
    fn maps_compare_keys_and_values_in_order() {
        let map = |pairs: &[(&str, i32)]| {
            Value::from(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), *v))
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
        };
        assert!(same(
            &map(&[("a", 1), ("b", 2)]),
            &map(&[("a", 1), ("b", 2)])
        ));
        assert!(!same(
            &map(&[("a", 1), ("b", 2)]),
            &map(&[("a", 1), ("b", 3)])
        ));
        assert!(!same(&map(&[("a", 1)]), &map(&[("a", 1), ("b", 2)])));
    }
}
