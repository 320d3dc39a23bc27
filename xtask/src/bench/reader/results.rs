//! What tests/bench/reader.mjs reports, as it prints it. Times are milliseconds from
//! navigation start (a visit by link) or from the reader's action (a click, a keystroke); a
//! time the page never reached is `null`.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Bytes on the wire by kind of file (app shell, catalog, document data, search module …).
pub type Bytes = BTreeMap<String, f64>;

#[derive(Debug, Deserialize)]
pub struct Browser {
    pub chromium: String,
    /// The library by its link, one per run.
    pub library: Vec<Shown>,
    /// The largest document opened from the library, one per run.
    pub in_app: Vec<Shown>,
    /// By name (`long`, `synth`, `cia`).
    pub documents: BTreeMap<String, Reading>,
    /// The compare view by its link, by document name.
    pub compare: BTreeMap<String, CompareLink>,
    pub memory: Vec<Memory>,
}

/// Something shown: what the page showed (`text`, `library`, `compare`, `failed`, `timeout`)
/// and when.
#[derive(Debug, Deserialize)]
pub struct Shown {
    #[serde(default)]
    pub name: Option<String>,
    pub ms: Option<f64>,
    pub frame_ms: Option<f64>,
    /// When the app's JS and wasm (`app_js`, `app_wasm`), the compare module's wasm
    /// (`compare_wasm`), the catalog (`catalog`) and the document's data (`data`) were asked
    /// for and had arrived.
    #[serde(default)]
    pub spans: BTreeMap<String, Span>,
    #[serde(default)]
    pub bytes: Option<Bytes>,
}

/// A request: when it was asked for, when its response began and when it had ended (Resource
/// Timing).
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Span {
    pub start: f64,
    /// The response's first byte.
    pub first: f64,
    pub end: f64,
}

/// A document by its link, then its find field, its hits and its compare view.
#[derive(Debug, Deserialize)]
pub struct Reading {
    pub open: Vec<Shown>,
    /// The first visit's downloads.
    pub bytes: Option<Bytes>,
    /// The first keystroke of each visit (the search module loads).
    pub first: Vec<Timed>,
    pub warm: Vec<Timed>,
    pub steps: Vec<Timed>,
    /// The compare view opened from the document: when shown, and the bytes it added.
    pub compare: Vec<Shown>,
}

/// A keystroke or a step: until the DOM shows it (layout included), the next frame, and the
/// DOM's last change.
#[derive(Debug, Deserialize)]
pub struct Timed {
    pub ms: f64,
    pub frame_ms: f64,
    pub settled_ms: f64,
    /// The find bar's status after a keystroke ("2416 matches").
    #[serde(default)]
    pub status: Option<String>,
    /// `mark.hit` elements on the page shown.
    #[serde(default)]
    pub marks: Option<usize>,
    /// A step that turned the page.
    #[serde(default)]
    pub turned: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct CompareLink {
    pub runs: Vec<CompareRun>,
    pub bytes: Option<Bytes>,
    /// False when the route showed no compare view.
    pub available: bool,
    /// What it showed instead.
    #[serde(default)]
    pub shown: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CompareRun {
    /// The view shown, from navigation start.
    #[serde(flatten)]
    pub shown: Shown,
    /// The compare module's `view`, timed in the page once the view has shown: the page
    /// shown against the transcription, every page's rates, and the next page.
    pub page_ms: Option<f64>,
    pub figures_ms: Option<f64>,
    pub next_page_ms: Option<f64>,
}

/// The tab at one state, after a garbage collection.
#[derive(Debug, Deserialize)]
pub struct Memory {
    pub state: String,
    pub js_heap: f64,
    pub nodes: f64,
    pub wasm: f64,
    pub wasm_memories: usize,
}

/// The values present.
pub fn values<'a>(items: impl IntoIterator<Item = &'a Option<f64>>) -> Vec<f64> {
    items.into_iter().filter_map(|v| *v).collect()
}
