//! The bridge to the search engine, a WebAssembly module of its own (the `readingroom-search`
//! crate). The boot script defines `readingroomLoadSearch`, which imports the module the first
//! time a reader searches; from then on the engine and the index files it has loaded stay in
//! memory, so later queries fetch only what is new to them.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Imports and initializes the search module; set by the boot script.
    #[wasm_bindgen(js_name = readingroomLoadSearch, catch)]
    fn load_search() -> Result<js_sys::Promise, JsValue>;

    /// The `Engine` class of the search module.
    pub type RemoteEngine;

    /// Runs a query; returns the JSON of a `readingroom_core::search::results::Reply`.
    #[wasm_bindgen(method)]
    pub fn search(this: &RemoteEngine, query: &str, limit: usize) -> String;

    /// Hands the engine a file it asked for.
    #[wasm_bindgen(method, catch)]
    pub fn add(this: &RemoteEngine, file: &str, bytes: &[u8]) -> Result<(), JsValue>;
}

/// Loads the search module (once: the boot script keeps the import's promise).
pub async fn load() -> Result<JsValue, String> {
    let loading = load_search().map_err(|e| describe(&e))?;
    JsFuture::from(loading).await.map_err(|e| describe(&e))
}

/// Opens the index from the bytes of `search/meta.json` with the loaded module.
pub fn open(module: &JsValue, meta: &[u8]) -> Result<RemoteEngine, String> {
    let class = js_sys::Reflect::get(module, &JsValue::from_str("Engine"))
        .ok()
        .and_then(|class| class.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "the search module has no engine; rebuild the site".to_owned())?;
    let args = js_sys::Array::of1(&js_sys::Uint8Array::from(meta));
    let engine = js_sys::Reflect::construct(&class, &args).map_err(|e| describe(&e))?;
    Ok(engine.unchecked_into())
}

/// The message of a JavaScript error.
pub fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_else(|| "an unknown error".to_owned()),
    }
}
