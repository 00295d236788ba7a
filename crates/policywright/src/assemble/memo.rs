//! Remembers what each section read from the clause context and what it wrote, so the next
//! assembly of an edited project writes again only the sections whose inputs changed.
//!
//! A section's condition, title and body are templates, and a template's output depends only on
//! the context values it reads (the library is embedded in the binary, so it is the same for
//! every assembly in a process). The context is wrapped in [`Tracked`], which records every
//! top-level name a template looks up (including the `claim()` function's look-up of `claims`).
//! If every name a section read last time has a value equal to the one it has now, the section
//! would render the same text, so the stored text is used. Values are compared strictly (same
//! kind, same contents), never with the template language's loose `==`, so `1` and `true` or
//! `"1"` and `1` never count as the same input.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use minijinja::Value;
use minijinja::value::{Enumerator, Object, ValueKind};

/// What each section read and wrote in the last assembly, by language and section id.
#[derive(Debug, Default, Clone)]
pub struct SectionMemo {
    sections: HashMap<String, Written>,
    /// How many sections the last assembly wrote (the rest came from the memo).
    written: usize,
}

/// One section's output, with the inputs it came from.
#[derive(Debug, Clone)]
pub(super) struct Written {
    /// Each top-level context name the templates read, with its value then.
    reads: Vec<(String, Value)>,
    /// `None` when the section was left out (its condition was false or its body empty).
    pub(super) text: Option<(String, String)>,
}

impl SectionMemo {
    /// How many sections the last assembly wrote; the others were remembered.
    pub fn last_written(&self) -> usize {
        self.written
    }

    pub(super) fn start(&mut self) -> HashMap<String, Written> {
        self.written = 0;
        std::mem::take(&mut self.sections)
    }

    /// The remembered output of `key`, if nothing it read has changed in `ctx`.
    pub(super) fn recall(
        previous: &mut HashMap<String, Written>,
        key: &str,
        ctx: &Tracked,
    ) -> Option<Written> {
        let hit = previous.remove(key)?;
        let unchanged = hit
            .reads
            .iter()
            .all(|(name, before)| ctx.view.get_attr(name).is_ok_and(|now| same(&now, before)));
        unchanged.then_some(hit)
    }

    pub(super) fn remember(&mut self, key: String, written: Written, fresh: bool) {
        if fresh {
            self.written += 1;
        }
        self.sections.insert(key, written);
    }
}

/// The clause context, recording the top-level names looked up in it.
#[derive(Debug)]
pub(super) struct Tracked {
    view: Value,
    reads: Mutex<BTreeSet<String>>,
}

impl Tracked {
    pub(super) fn new(view: Value) -> Arc<Self> {
        Arc::new(Tracked {
            view,
            reads: Mutex::new(BTreeSet::new()),
        })
    }

    /// Forgets what was read so far, before the next section's templates run.
    pub(super) fn clear(&self) {
        self.reads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// What the templates read since [`Tracked::clear`], with the values they saw.
    pub(super) fn written(&self, text: Option<(String, String)>) -> Written {
        let names = std::mem::take(&mut *self.reads.lock().unwrap_or_else(PoisonError::into_inner));
        let reads = names
            .into_iter()
            .map(|name| {
                let value = self.view.get_attr(&name).unwrap_or(Value::UNDEFINED);
                (name, value)
            })
            .collect();
        Written { reads, text }
    }
}

impl Object for Tracked {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let name = key.as_str()?;
        self.reads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.to_owned());
        self.view.get_attr(name).ok().filter(|v| !v.is_undefined())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        // Templates never iterate over the whole context; if one did, it could read anything,
        // and a section that read "everything" could not be remembered safely.
        Enumerator::NonEnumerable
    }
}

/// Strict equality: the same kind and the same contents, all the way down.
fn same(a: &Value, b: &Value) -> bool {
    if a.kind() != b.kind() {
        return false;
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
