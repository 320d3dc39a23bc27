//! Reading Room's search engine in the browser.
//!
//! The engine is core's ([`readingroom_core::search::engine`]), plain Rust over bytes; this
//! crate is only its `#[wasm_bindgen]` edge, as Pagefind keeps its own. It is a module of its
//! own, loaded by the app the first time a reader searches, so a reader who only browses and
//! reads never downloads the normalization tables, the dictionary automaton or the engine.
//!
//! The app hands the engine the files it asks for and gets every answer as JSON in the shape
//! of [`Reply`], the one type both sides share.

use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::query;
use readingroom_core::search::results::Reply;
use wasm_bindgen::prelude::*;

/// The index of one bundle, with the files loaded so far.
#[wasm_bindgen]
pub struct Engine {
    index: Index,
}

#[wasm_bindgen]
impl Engine {
    /// Opens the index from the bytes of `search/meta.json`.
    #[wasm_bindgen(constructor)]
    pub fn new(meta: &[u8]) -> Result<Engine, JsError> {
        let index = Index::new(meta).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine { index })
    }

    /// Adds a file the engine asked for.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), JsError> {
        self.index.add(file, bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Runs a query: the JSON of a [`Reply`].
    pub fn search(&self, query: &str, limit: usize) -> String {
        let reply = answer(&self.index, query, limit);
        serde_json::to_string(&reply).unwrap_or_else(|e| format!("{{\"damaged\":\"{e}\"}}"))
    }
}

/// The engine's answer to one query, as the app receives it.
pub fn answer(index: &Index, query: &str, limit: usize) -> Reply {
    let parsed = match query::parse(query) {
        Ok(parsed) => parsed,
        Err(error) => return Reply::QueryError { message: error.to_string() },
    };
    let options = SearchOptions { limit, ..SearchOptions::default() };
    match index.search(&parsed, &options) {
        Ok(Outcome::Need(files)) => Reply::Need(files),
        Ok(Outcome::Done(results)) => Reply::Done(results),
        Err(error) => Reply::Damaged(error.to_string()),
    }
}
