//! Reading the JSON the app receives (the catalog, a document's data, the compare module's replies)
//! with little code: every reader's browser downloads what reads it.
//!
//! The types keep their serde derives, which the CLI, the engine and the tests use. Derived
//! deserializers are generated afresh for every type and every sequence of it, inlined into the
//! JSON parser each time; for the app's thirty types that came to some 55 KB gzipped, a fifth of
//! the app. Here the text is parsed once into a [`serde_json::Value`] (one parser for every
//! type) and each type is taken out of it member by member through the few helpers below, so a
//! type costs a handful of calls. The JSON is the one serde writes: members serde leaves out
//! (`skip_serializing_if`) read as their defaults, unknown members are ignored, and
//! `tests/decode.rs` holds every reader here to serde's answer on the same text.

mod bundle;
mod compare;
mod index;

use serde_json::{Map, Value};

pub use bundle::{catalog, document_data};
pub use compare::compare_reply;

/// What went wrong, with the path of members that led to it (`documents: meta: title: ...`).
pub type Result<T> = std::result::Result<T, String>;

/// A type read from JSON text by the readers here: what `search::format` reads a JSON file of
/// the index or a document's data with, so that the search module carries no derived
/// deserializer.
pub trait FromJson: Sized {
    fn from_json(text: &str) -> Result<Self>;
}

/// Parses JSON text into a value: the one place the app's JSON is parsed.
pub(crate) fn parse(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A JSON object whose members are taken out by name; a missing member reads as `null`.
///
/// The getters never fail: a member that cannot be read gives a default and the first such
/// error is kept for [`Object::done`]. A reader is then one straight struct literal, with no
/// early return that would have to drop the members read before it (code for every member).
pub(crate) struct Object {
    map: Map<String, Value>,
    error: Option<String>,
}

/// The getters are kept out of line (`#[inline(never)]`): inlined, every member read copied them.
impl Object {
    pub fn of(value: Value) -> Result<Object> {
        match value {
            Value::Object(map) => Ok(Object { map, error: None }),
            other => Err(expected("an object", &other)),
        }
    }

    /// The member `key`, read by `read`; `None` (and the error kept) when it cannot be.
    #[inline(never)]
    pub fn get<T>(&mut self, key: &str, read: fn(Value) -> Result<T>) -> Option<T> {
        match read(self.take(key)) {
            Ok(value) => Some(value),
            Err(error) => {
                self.fail(key, error);
                None
            }
        }
    }

    /// The member `key`, moved out (`null` left in its place: taking a member out of the map
    /// would bring in the tree's rebalancing code, some 8 KB).
    #[inline(never)]
    fn take(&mut self, key: &str) -> Value {
        self.map.get_mut(key).map(Value::take).unwrap_or(Value::Null)
    }

    fn fail(&mut self, key: &str, error: String) {
        self.error.get_or_insert_with(|| format!("{key}: {error}"));
    }

    #[inline(never)]
    pub fn string(&mut self, key: &str) -> String {
        self.get(key, to_text).unwrap_or_default()
    }

    #[inline(never)]
    pub fn opt_string(&mut self, key: &str) -> Option<String> {
        self.get(key, |v| optional(v, to_text)).flatten()
    }

    #[inline(never)]
    pub fn usize(&mut self, key: &str) -> usize {
        self.get(key, to_usize).unwrap_or_default()
    }

    #[inline(never)]
    pub fn u32(&mut self, key: &str) -> u32 {
        self.get(key, to_u32).unwrap_or_default()
    }

    #[inline(never)]
    pub fn bool(&mut self, key: &str) -> bool {
        self.get(key, |v| v.as_bool().ok_or_else(|| expected("true or false", &v)))
            .unwrap_or_default()
    }

    /// A list member; one left out (an empty list serde skipped) reads as empty.
    #[inline(never)]
    pub fn list<T>(&mut self, key: &str, item: fn(Value) -> Result<T>) -> Vec<T> {
        let value = self.take(key);
        list(value, item).unwrap_or_else(|error| {
            self.fail(key, error);
            Vec::new()
        })
    }

    /// `value`, read from this object, or the first member that could not be read.
    #[inline(never)]
    pub fn done<T>(self, value: T) -> Result<T> {
        match self.error {
            None => Ok(value),
            Some(error) => Err(error),
        }
    }
}

/// `null` as `None`, anything else through `read`.
pub(crate) fn optional<T>(value: Value, read: fn(Value) -> Result<T>) -> Result<Option<T>> {
    match value {
        Value::Null => Ok(None),
        value => read(value).map(Some),
    }
}

/// A list, each item through `item`; `null` (a member left out) as an empty list.
pub(crate) fn list<T>(value: Value, item: fn(Value) -> Result<T>) -> Result<Vec<T>> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, value) in items.into_iter().enumerate() {
                out.push(item(value).map_err(|e| format!("[{i}]: {e}"))?);
            }
            Ok(out)
        }
        other => Err(expected("a list", &other)),
    }
}

pub(crate) fn to_text(value: Value) -> Result<String> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(expected("a string", &other)),
    }
}

pub(crate) fn to_u64(value: Value) -> Result<u64> {
    value.as_u64().ok_or_else(|| expected("a whole number", &value))
}

pub(crate) fn to_usize(value: Value) -> Result<usize> {
    usize::try_from(to_u64(value)?).map_err(|_| "the number is too large".to_owned())
}

pub(crate) fn to_u32(value: Value) -> Result<u32> {
    u32::try_from(to_u64(value)?).map_err(|_| "the number is too large".to_owned())
}

pub(crate) fn to_f64(value: Value) -> Result<f64> {
    value.as_f64().ok_or_else(|| expected("a number", &value))
}

/// The name of a unit variant, as serde writes one: `"snake_case"`, matched by `pick`.
pub(crate) fn variant<T>(value: Value, pick: fn(&str) -> Option<T>) -> Result<T> {
    match &value {
        Value::String(name) => pick(name).ok_or_else(|| format!("unknown variant `{name}`")),
        other => Err(expected("a variant name", other)),
    }
}

/// A variant with data, as serde writes one: an object of one member, its name.
pub(crate) fn tagged(value: Value) -> Result<(String, Value)> {
    match value {
        Value::Object(map) if map.len() == 1 => {
            Ok(map.into_iter().next().unwrap_or((String::new(), Value::Null)))
        }
        other => Err(expected("a variant", &other)),
    }
}

fn expected(what: &str, found: &Value) -> String {
    let found = match found {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("expected {what}, found {found}")
}
