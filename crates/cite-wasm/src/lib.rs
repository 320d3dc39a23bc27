//! Citations in the browser.
//!
//! The formats are core's ([`readingroom_core::cite`]); this crate is only their
//! `#[wasm_bindgen]` edge, a module of its own so that the app's shell carries none of it: the
//! page loads it (`readingroomLoadCite()`) the first time a reader asks for a citation. Its
//! one entry point, [`cite`], takes the bytes of the bundle's `catalog.json` (which holds every
//! document's metadata; the module checks it as the app does) and a
//! [`readingroom_core::cite::request::Request`] in JSON, and answers with the citation's text.

use wasm_bindgen::prelude::*;

/// The citation `request` asks for (`{"id", "format", "pages"?, "url"?, "accessed"?,
/// "collection"?}`), of a document of the catalog `catalog`. A request that cannot be
/// answered throws a sentence saying what to fix.
#[wasm_bindgen]
pub fn cite(catalog: &[u8], request: &str) -> Result<String, String> {
    readingroom_core::cite::request::answer(catalog, request)
}
