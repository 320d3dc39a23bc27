//! A citation asked for by the browser, where the cite module (`crates/cite-wasm`) answers
//! it: the bytes of the bundle's `catalog.json`, which holds every document's metadata, and a
//! [`Request`] in JSON; the citation's text out, or a sentence saying what to fix.
//!
//! The request is read by hand through [`crate::decode`], as the app reads its JSON, so the
//! module carries no derived deserializer; [`Request`] derives `Serialize` for those who send
//! one from Rust.

use super::{Context, Format, Pages, cite};
use crate::bundle::{CatalogEntry, read_catalog};
use crate::decode::{self, Object};
use serde::Serialize;

/// What a reader asks to cite: a document of the catalog, in a format, from a view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Request {
    /// The document's id.
    pub id: String,
    /// A name of [`Format::ALL`]: `chicago`, `bibtex`, `ris`, `csl-json` ...
    pub format: String,
    /// The page (`"3"`) or pages (`"3-5"`) cited; the whole document when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
}

impl Request {
    /// Reads a request's JSON; members it does not know are ignored.
    pub fn read(json: &str) -> Result<Request, String> {
        let mut o = Object::of(decode::parse(json)?)?;
        let request = Request {
            id: o.string("id"),
            format: o.string("format"),
            pages: o.opt_string("pages"),
            url: o.opt_string("url"),
            accessed: o.opt_string("accessed"),
            collection: o.opt_string("collection"),
        };
        o.done(request).map_err(|e| format!("the citation request cannot be read: {e}"))
    }
}

/// Cites the document `request` names, from the checked catalog `catalog`.
pub fn answer(catalog: &[u8], request: &str) -> Result<String, String> {
    let request = Request::read(request)?;
    let catalog = read_catalog(catalog).map_err(|e| e.to_string())?;
    let entry = find(&catalog.documents, &request.id)?;
    let format = Format::named(&request.format)?;
    let pages = match &request.pages {
        Some(pages) => Some(Pages::parse(pages, entry.pages)?),
        None => None,
    };
    let context = Context {
        url: request.url,
        pages,
        accessed: request.accessed,
        collection: request.collection,
    };
    context.check()?;
    Ok(cite(&entry.meta, &context, format))
}

fn find<'a>(documents: &'a [CatalogEntry], id: &str) -> Result<&'a CatalogEntry, String> {
    documents
        .iter()
        .find(|entry| entry.meta.id == id)
        .ok_or_else(|| unknown_id(id, documents.iter().map(|entry| entry.meta.id.as_str())))
}

/// The sentence for an id no document has, naming the nearest ids there are.
pub fn unknown_id<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let mut near: Vec<(usize, &str)> =
        ids.map(|known| (crate::distance::char_distance(id, known), known)).collect();
    near.sort_unstable();
    let limit = id.chars().count().max(4) / 2;
    let near: Vec<String> = near
        .iter()
        .filter(|(distance, _)| *distance <= limit)
        .take(3)
        .map(|(_, known)| format!("\"{known}\""))
        .collect();
    match near.is_empty() {
        true => format!("no document has the id \"{id}\""),
        false => format!("no document has the id \"{id}\"; did you mean {}?", near.join(" or ")),
    }
}
