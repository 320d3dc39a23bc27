//! The bridge to the search engine, a WebAssembly module of its own (the `readingroom-search`
//! crate), and the one loop that drives it. The boot script defines `readingroomLoadSearch`,
//! which imports the module the first time a reader searches or opens a document with a
//! query; from then on the engine and the index files it has loaded stay in memory
//! ([`SearchEngine`], in the app's context), so later requests fetch only what is new to them.
//!
//! Everything crosses the edge as one contract: core's [`Request`] in, [`Reply`] out, in their
//! compact binary form.
//! Opening fetches `search/meta.json` beside the module; then a query takes a round of
//! fetches for each file list the engine answers with (see ARCHITECTURE.md, "The served
//! bundle"): the table and dictionary chunks, the postings, the page texts of the results.

use crate::api;
use readingroom_core::search::results::{Reply, Request};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
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

    /// Answers the bytes of a `Request` with the bytes of a `Reply`.
    #[wasm_bindgen(method)]
    fn ask(this: &RemoteEngine, request: &[u8]) -> Vec<u8>;

    /// Hands the engine a file it asked for.
    #[wasm_bindgen(method, catch)]
    fn add(this: &RemoteEngine, file: &str, bytes: &[u8]) -> Result<(), JsValue>;
}

/// The engine with the index files loaded so far, shared by every search and highlight.
#[derive(Clone, Default)]
pub struct SearchEngine(Rc<RefCell<Option<RemoteEngine>>>);

impl PartialEq for SearchEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Asks the engine `request` until it answers: opens the module and the index on first use,
/// then fetches every file a round asks for at once, reporting (loaded, asked) as they
/// arrive. The answer is a final [`Reply`]: never [`Reply::Need`]. A file that cannot be
/// fetched or that the engine refuses becomes [`Reply::Damaged`] with the reason.
pub async fn ask(
    engine: &SearchEngine,
    request: &Request,
    progress: &dyn Fn(usize, usize),
) -> Reply {
    if let Err(message) = open(engine, progress).await {
        return Reply::Damaged(message);
    }
    let request = request.to_bytes();
    let (loaded, asked) = (Rc::new(Cell::new(0)), Cell::new(0));
    loop {
        let reply = match engine.0.borrow().as_ref() {
            Some(remote) => remote.ask(&request),
            None => return Reply::Damaged("the engine is not open".into()),
        };
        let files = match Reply::from_bytes(&reply) {
            Ok(Reply::Need(files)) => files,
            Ok(answer) => return answer,
            Err(error) => return Reply::Damaged(error),
        };
        asked.set(asked.get() + files.len());
        progress(loaded.get(), asked.get());
        mark_round();
        let fetches = files.iter().map(|file| {
            let loaded = Rc::clone(&loaded);
            let asked = asked.get();
            async move {
                let bytes = api::fetch_bytes(&api::bundle_url(file)).await;
                loaded.set(loaded.get() + 1);
                progress(loaded.get(), asked);
                bytes
            }
        });
        let fetched = futures::future::join_all(fetches).await;
        for (file, bytes) in files.iter().zip(fetched) {
            let bytes = match bytes {
                Ok(bytes) => bytes,
                Err(message) => return Reply::Damaged(message),
            };
            if let Some(remote) = engine.0.borrow().as_ref()
                && let Err(error) = remote.add(file, &bytes)
            {
                return Reply::Damaged(describe(&error));
            }
        }
    }
}

/// Marks a round of fetches, as a User Timing entry (`readingroom:round`): each is a wait for
/// the network that the next cannot start before, so they are what a query's latency is
/// made of. The tests and the benchmarks count them.
fn mark_round() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("readingroom:round");
    }
}

/// Loads the module and opens the index, once.
async fn open(engine: &SearchEngine, progress: &dyn Fn(usize, usize)) -> Result<(), String> {
    if engine.0.borrow().is_some() {
        return Ok(());
    }
    progress(0, 1);
    // The index's entry point and the engine's module load side by side.
    let (meta, module) =
        futures::future::join(api::fetch_bytes(&api::search_meta_url()), load()).await;
    let (meta, module) = (meta?, module?);
    let class = js_sys::Reflect::get(&module, &JsValue::from_str("Engine"))
        .ok()
        .and_then(|class| class.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| "the search module has no engine; rebuild the site".to_owned())?;
    let args = js_sys::Array::of1(&js_sys::Uint8Array::from(meta.as_slice()));
    let remote = js_sys::Reflect::construct(&class, &args).map_err(|e| describe(&e))?;
    engine.0.borrow_mut().get_or_insert(remote.unchecked_into());
    Ok(())
}

/// Loads the search module (once: the boot script keeps the import's promise).
async fn load() -> Result<JsValue, String> {
    let loading = load_search().map_err(|e| describe(&e))?;
    let failed = |e| api::unless_offline("the search module", describe(&e));
    JsFuture::from(loading).await.map_err(failed)
}

/// The message of a JavaScript error.
pub(crate) fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error.as_string().unwrap_or_else(|| "an unknown error".to_owned()),
    }
}
