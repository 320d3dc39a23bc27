//! The bridge to the comparison, a WebAssembly module of its own (the `readingroom-compare`
//! crate). The boot script defines `readingroomLoadCompare`, which imports the module the first
//! time a reader opens the compare view; the app never links the alignment itself.
//!
//! The module has one entry point for the view, `view(document, request)`: the bytes of the
//! document's data file and a `compare::view::Request`, answered with a `compare::view::Reply`.

use crate::search_module::describe;
use readingroom_core::compare::view::{Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Imports and initializes the compare module; set by the boot script.
    #[wasm_bindgen(js_name = readingroomLoadCompare, catch)]
    fn load_compare() -> Result<js_sys::Promise, JsValue>;
}

/// Loads the compare module (once: the boot script keeps the import's promise).
pub async fn load() -> Result<JsValue, String> {
    let loading = load_compare().map_err(|e| describe(&e))?;
    JsFuture::from(loading).await.map_err(|e| describe(&e))
}

/// Asks the loaded module `request` about the document whose data file holds `document`.
pub fn ask(module: &JsValue, document: &[u8], request: &Request) -> Reply {
    let failed = Reply::Failed;
    let view = js_sys::Reflect::get(module, &JsValue::from_str("view"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(view) = view else {
        return failed("The compare module has no view; rebuild the site.".to_owned());
    };
    let request = match serde_json::to_string(request) {
        Ok(request) => request,
        Err(e) => return failed(e.to_string()),
    };
    let document = js_sys::Uint8Array::from(document);
    let answer = view.call2(&JsValue::NULL, &document, &JsValue::from_str(&request));
    match answer.map(|a| a.as_string()) {
        Ok(Some(json)) => serde_json::from_str(&json).unwrap_or_else(|e| failed(e.to_string())),
        Ok(None) => failed("The compare module answered with no text.".to_owned()),
        Err(e) => failed(describe(&e)),
    }
}
