//! Reading Room, the app: a Yew front end compiled to WebAssembly.
//!
//! It fetches the served bundle (see `readingroom_core::bundle`) from the folder the page was
//! loaded from, and renders what core computes. Routing lives in the URL fragment
//! (`#/doc/<id>?page=3`), so the site works from any sub-path of a plain static host.
//!
//! - `app` wires the router and the catalog context, inside the `<main>` of index.html, whose
//!   static chrome (header, skip link, display menu, shortcuts) `static/chrome.js` runs;
//! - `pages/` holds one component per route, `components/` the reusable parts;
//! - `hooks/` holds the effects (fetching), `api` the bundle's URLs and error wording;
//! - `search_module` and `compare_module` bridge to the modules loaded on demand.

mod api;
mod app;
mod compare_module;
mod components;
mod hooks;
mod pages;
mod route;
mod router;
mod search_module;

/// Mounts the app in the page's `<main>`, below the static chrome of index.html (the header,
/// the skip link, the shortcuts' help; `static/chrome.js` runs them). Runs when the wasm module
/// is instantiated.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(start))]
pub fn start() {
    let main = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("main"));
    match main {
        Some(main) => yew::Renderer::<app::App>::with_root(main).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}

/// Talc rather than dlmalloc: smaller (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
