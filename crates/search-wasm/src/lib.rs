//! Reading Room's search engine in the browser.
//!
//! The engine is core's ([`readingroom_core::search::engine`]), plain Rust over bytes; this
//! crate is only its `#[wasm_bindgen]` edge, as Pagefind keeps its own. It is a module of its
//! own, loaded by the app the first time a reader searches or opens a document with a query,
//! so a reader who only browses and reads never downloads the normalization tables, the
//! dictionary automaton or the engine.
//!
//! The edge is one typed contract: the app hands the engine the files it asks for
//! ([`Engine::add`]) and asks everything else through [`Engine::ask`], a [`Request`] in and a
//! [`Reply`] out, both core's types, in their compact binary form
//! (`readingroom_core::search::results` encodes and decodes them).

use readingroom_core::search::engine::Index;
use readingroom_core::search::results::{Reply, Request};
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

    /// Answers the bytes of a [`Request`] with the bytes of a [`Reply`].
    pub fn ask(&self, request: &[u8]) -> Vec<u8> {
        let reply = match Request::from_bytes(request) {
            Ok(request) => self.index.ask(&request),
            Err(error) => {
                Reply::Damaged(format!("the app sent a request the engine cannot read: {error}"))
            }
        };
        reply.to_bytes()
    }
}

/// Talc rather than dlmalloc: smaller (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
