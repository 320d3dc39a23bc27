//! Reading Room, the app: a Yew front end compiled to WebAssembly.
//!
//! It fetches the served bundle (see `readingroom_core::bundle`) from the folder the page was
//! loaded from, and renders what core computes. Routing lives in the URL fragment
//! (`#/doc/<id>?page=3`), so the site works from any sub-path of a plain static host.
//!
//! - `app` wires the router and the catalog context;
//! - `pages/` holds one component per route, `components/` the reusable parts;
//! - `hooks/` holds the effects (fetching), `api` the bundle's URLs and error wording.

mod api;
mod app;
mod components;
mod hooks;
mod pages;
mod route;
mod search_module;

/// Mounts the app on the page's body. Runs when the wasm module is instantiated.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(start))]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
