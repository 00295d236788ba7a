//! JSON to a `serde_json::Value`, refusing a key given twice in one object.
//!
//! serde_json keeps the last of two equal keys without a word, so `"legal_name": "A",
//! "legal_name": "B"` would load as "B" although the owner may have meant either. Project
//! fields deny unknown names to catch typos; a duplicate is the same kind of mistake. The check
//! is a `Visitor` that builds the value as serde_json would and notes where the repeat is.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Where a value is, as a chain of parents, so a path is only built when a repeat is found.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root => Ok(()),
            At::Key(parent, key) => match parent {
                At::Root => write!(f, "{key}"),
                _ => write!(f, "{parent}.{key}"),
            },
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// Reads one JSON value with repeats refused; the field path of a repeat (such as
/// `organisation.legal_name`) is left in `repeat`.
pub(super) fn value<'de, D: Deserializer<'de>>(
    deserializer: D,
    repeat: &RefCell<Option<String>>,
) -> Result<Value, D::Error> {
    Seed {
        at: At::Root,
        repeat,
    }
    .deserialize(deserializer)
}

struct Seed<'a> {
    at: At<'a>,
    repeat: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Seed {
            at: At::Index(&self.at, items.len()),
            repeat: self.repeat,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let field = At::Key(&self.at, &key).to_string();
                let message = format!("`{field}` is given twice");
                *self.repeat.borrow_mut() = Some(field);
                return Err(de::Error::custom(message));
            }
            let item = map.next_value_seed(Seed {
                at: At::Key(&self.at, &key),
                repeat: self.repeat,
            })?;
            object.insert(key, item);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Result<Value, serde_json::Error>, Option<String>) {
        let repeat = RefCell::new(None);
        let mut de = serde_json::Deserializer::from_str(text);
        let value = value(&mut de, &repeat).and_then(|v| de.end().map(|()| v));
        (value, repeat.into_inner())
    }

    #[test]
    fn same_value_as_serde_json_without_repeats() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": "é\n"}"#;
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(read(text).0.unwrap(), expected);
    }

    #[test]
    fn a_repeated_key_names_its_path_and_position() {
        let text = "{\"organisation\": {\"legal_name\": \"A\",\n \"legal_name\": \"B\"}}";
        let (value, repeat) = read(text);
        let err = value.unwrap_err();
        assert_eq!(repeat.as_deref(), Some("organisation.legal_name"));
        assert_eq!(err.line(), 2);
        let (_, repeat) = read(r#"{"data": [{"x": 1}, {"y": 1, "y": 2}]}"#);
        assert_eq!(repeat.as_deref(), Some("data[1].y"));
        let (_, repeat) = read(r#"{"k": 1, "k": 1}"#);
        assert_eq!(repeat.as_deref(), Some("k"));
    }

    #[test]
    fn equal_keys_in_different_objects_are_fine() {
        let (value, repeat) = read(r#"{"a": {"k": 1}, "b": {"k": 2}, "k": [{"k": 3}]}"#);
        assert!(value.is_ok() && repeat.is_none());
    }

    fn json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            (-1e9f64..1e9).prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(".{0,6}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Text without repeated keys (serde_json never writes one) reads as serde_json reads it.
        #[test]
        fn reads_what_serde_json_reads(value in json()) {
            let text = serde_json::to_string_pretty(&value).unwrap();
            let (read, repeat) = read(&text);
            let expected: Value = serde_json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(read.unwrap(), expected);
            proptest::prop_assert!(repeat.is_none());
        }
    }
}
