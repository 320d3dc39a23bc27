//! The search index's JSON, as the engine reads it: `search/meta.json`. The engine is a wasm
//! module of its own (the search module), where derived deserializers for it (and the card
//! shards of the index's earlier format) and a document's data cost 9 KB brotli'd more than these readers.

use super::{FromJson, Object, Result, list, optional, to_f64, to_text, to_u32};
use crate::search::format::{FacetNames, IndexMeta};
use serde_json::Value;

impl FromJson for IndexMeta {
    fn from_json(text: &str) -> Result<IndexMeta> {
        let mut o = Object::of(super::parse(text)?)?;
        let meta = IndexMeta {
            format: o.u32("format"),
            docs: o.u32("docs"),
            pages: o.u32("pages"),
            avg_len: o.get("avg_len", avg_len).unwrap_or_default(),
            facets: o.get("facets", facet_names).unwrap_or_default(),
            key: o.string("key"),
            dict: o.list("dict", to_text),
            postings: o.u32("postings"),
            leads: o.get("leads", |v| optional(v, to_u32)).flatten().unwrap_or_default(),
            pack: o.get("pack", |v| optional(v, to_bool)).flatten().unwrap_or_default(),
            fold: o.list("fold", fold),
        };
        o.done(meta)
    }
}

/// Two numbers, as serde writes `[f32; 2]` (read as it reads them: as `f64`, narrowed).
fn avg_len(value: Value) -> Result<[f32; 2]> {
    match list(value, to_f64)?.as_slice() {
        &[ocr, corrected] => Ok([ocr as f32, corrected as f32]),
        _ => Err("expected two numbers".into()),
    }
}

fn to_bool(value: Value) -> Result<bool> {
    value.as_bool().ok_or_else(|| "expected true or false".into())
}

fn facet_names(value: Value) -> Result<FacetNames> {
    let mut o = Object::of(value)?;
    let names = FacetNames {
        country: o.list("country", to_text),
        subject: o.list("subject", to_text),
        collection: o.list("collection", to_text),
    };
    o.done(names)
}

/// A character and its fold, as serde writes `(char, String)`: `["é", "e"]`.
fn fold(value: Value) -> Result<(char, String)> {
    let mut pair = list(value, to_text)?.into_iter();
    let (Some(c), Some(folded), None) = (pair.next(), pair.next(), pair.next()) else {
        return Err("expected a character and its fold".into());
    };
    let mut chars = c.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok((c, folded)),
        _ => Err("expected a single character".into()),
    }
}
