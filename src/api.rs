//! Where the bundle lives, how its files are read, and how their failures are worded for
//! readers.
//!
//! Every URL is relative to the page, so the site works under any sub-path. Every file of the
//! bundle is read through one function, [`fetch_bytes`]: over HTTP on a served site, or from
//! the store a single-file edition carries in its page (`readingroomEmbedded`, defined by
//! `xtask/src/single_file/store.js`), so no feature has a second way to its files.

use readingroom_core::bundle::{self, CATALOG_FILE, Catalog, DocumentData};
use readingroom_core::search::format::FormatError;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The bundle folder, relative to index.html.
const BUNDLE_DIR: &str = "bundle";

pub fn catalog_url() -> String {
    format!("{BUNDLE_DIR}/{CATALOG_FILE}")
}

/// The URL of a file named in the catalog (its `data` path is relative to the bundle).
pub fn bundle_url(path: &str) -> String {
    format!("{BUNDLE_DIR}/{path}")
}

/// The search index's entry point.
pub fn search_meta_url() -> String {
    bundle_url(readingroom_core::search::format::META_FILE)
}

/// Whether the browser knows it has no network.
fn offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// What a reader is told of a file that is neither on this device nor reachable: the page
/// works offline (the service worker serves it), but this file was never saved.
pub fn not_saved(what: &str) -> String {
    format!(
        "You are offline, and {what} is not available offline: it was not saved on this \
         device. Connect to the network and reload the page, or next time use Make available \
         offline (in the Offline menu) while connected."
    )
}

/// `message`, or [`not_saved`] when the browser is offline: a failed load then has one cause.
pub fn unless_offline(what: &str, message: String) -> String {
    if offline() { not_saved(what) } else { message }
}

/// Fetches a file of the bundle, with a message a reader can act on when it fails.
async fn fetch_ok(url: &str) -> Result<web_sys::Response, String> {
    let failed = |e: JsValue| {
        let e = error_text(&e);
        let message =
            format!("{url} could not be loaded ({e}). Check the connection, then reload the page.");
        unless_offline(url, message)
    };
    let window = web_sys::window().ok_or_else(|| failed(JsValue::UNDEFINED))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(failed)?.unchecked_into();
    if response.ok() {
        return Ok(response);
    }
    // The service worker's answer for a file it has not saved and cannot fetch (static/sw.js).
    if response.headers().get("X-Readingroom-Offline").ok().flatten().is_some() {
        return Err(not_saved(url));
    }
    Err(match response.status() {
        404 => format!(
            "{url} was not found (HTTP 404). The site is incomplete: copy the whole built \
             folder to the host again, including its bundle/ folder."
        ),
        status => {
            format!("{url} could not be loaded (HTTP {status}). Reload the page to try again.")
        }
    })
}

/// A JSON file of the bundle that the app reads: core checks it (against its checksum, or the
/// hash its name carries) as it reads it (`bundle::read_catalog`, `bundle::read_data`).
pub trait BundleJson: Sized + 'static {
    fn read(file: &str, bytes: &[u8]) -> Result<Self, FormatError>;
}

impl BundleJson for Catalog {
    fn read(_: &str, bytes: &[u8]) -> Result<Catalog, FormatError> {
        bundle::read_catalog(bytes)
    }
}

impl BundleJson for DocumentData {
    fn read(file: &str, bytes: &[u8]) -> Result<DocumentData, FormatError> {
        bundle::read_data(file, bytes)
    }
}

/// Fetches a JSON file of the bundle, checks it and decodes it: a damaged or mixed-up file is
/// named, never shown. Only the reading is generic; the fetch and the wording are not.
pub async fn fetch_json<T: BundleJson>(url: &str) -> Result<T, String> {
    let bytes = fetch_bytes(url).await?;
    T::read(bundle_file(url), &bytes).map_err(|e| damaged(url, &e))
}

/// The path of a bundle URL inside the bundle.
fn bundle_file(url: &str) -> &str {
    url.strip_prefix(BUNDLE_DIR).and_then(|f| f.strip_prefix('/')).unwrap_or(url)
}

/// What a reader is told of a file that cannot be read.
fn damaged(url: &str, error: &FormatError) -> String {
    format!(
        "{url} is damaged and cannot be read ({}). Copy the whole built folder to the host \
         again, or rebuild the site with `readingroom build`.",
        error.message
    )
}

/// Fetches a document's data file as bytes, checked against the hash its name carries, for a
/// reader that decodes it elsewhere (the compare module reads a document's data file itself).
pub async fn fetch_checked(url: &str) -> Result<Vec<u8>, String> {
    let bytes = fetch_bytes(url).await?;
    bundle::verify_data(bundle_file(url), &bytes).map_err(|e| damaged(url, &e))?;
    Ok(bytes)
}

/// Fetches a file of the bundle as bytes: from the page's embedded store when it has one,
/// else over HTTP.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    if let Some(reading) = EMBEDDED.with(|store| store.as_ref().map(|store| store.read(url))) {
        return read_embedded(url, reading).await;
    }
    let response = fetch_ok(url).await?;
    let unreadable = |e: JsValue| format!("{url} could not be read ({}).", error_text(&e));
    let body = response.array_buffer().map_err(unreadable)?;
    let body = JsFuture::from(body).await.map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// A JavaScript error as its `toString()` gives it (`TypeError: Failed to fetch`).
fn error_text(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => crate::search_module::describe(error),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The single-file edition's store of the bundle's files, keyed by the URLs a served site
    /// fetches; absent (`None`) on a served site.
    #[wasm_bindgen(thread_local_v2, js_name = readingroomEmbedded)]
    static EMBEDDED: Option<EmbeddedStore>;

    type EmbeddedStore;

    /// The bytes of a file, as a promise of a `Uint8Array`.
    #[wasm_bindgen(method, catch)]
    fn read(this: &EmbeddedStore, url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Waits for a file of the bundle that the page's embedded store is `reading`.
async fn read_embedded(
    url: &str,
    reading: Result<js_sys::Promise, JsValue>,
) -> Result<Vec<u8>, String> {
    let unreadable = |e: JsValue| {
        let reason = crate::search_module::describe(&e);
        format!("{url} could not be read from this page ({reason}). Build the file again.")
    };
    let bytes = JsFuture::from(reading.map_err(unreadable)?).await.map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}
