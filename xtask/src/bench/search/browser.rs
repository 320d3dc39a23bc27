//! Both engines in headless Chromium: xtask's own server (gzip and brotli) serves dist/ with
//! each collection's bundle mounted as its `bundle/`, and the Pagefind harness
//! (tests/bench/pagefind.html) with each Pagefind index mounted as its `bundle/`;
//! tests/bench/browser.mjs drives the browser and reports what it saw.

use super::collections::{Collection, bench_dir};
use super::pagefind;
use super::queries::Query;
use crate::bench::progress;
use crate::serve::{self, Mount};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;

/// Files and bytes of one kind (app shell, catalog, search module, search index, page texts,
/// document data).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct Bytes {
    pub files: usize,
    /// Bytes on the wire, headers included (Resource Timing's transferSize).
    pub transfer: u64,
}

pub type ByKind = BTreeMap<String, Bytes>;

#[derive(Debug, Clone, Deserialize)]
pub struct Cold {
    pub kind: String,
    pub q: String,
    pub error: Option<String>,
    /// From navigation start to the first result (or the empty state) on screen; NaN when
    /// the run failed.
    #[serde(default = "nan")]
    pub wall_ms: f64,
    /// The engine's own timing: the app's `readingroom:search` measure, the harness's search.
    #[serde(default)]
    pub engine_ms: Option<f64>,
    /// Every response of the visit, the catalog included.
    #[serde(default)]
    pub all: ByKind,
    #[serde(default)]
    pub catalog_end_ms: Option<f64>,
    /// The rounds of fetches the search took once its engine was open: the app's
    /// `readingroom:round` marks; for Pagefind, counted from its requests' times.
    #[serde(default)]
    pub rounds: Option<u32>,
    /// The app's rounds counted from its requests' times, as Pagefind's are: a check of that
    /// method against the app's own count.
    #[serde(default)]
    pub rounds_by_timing: Option<u32>,
    /// What each round fetched, by part: ours `table`, `dict`, `post`, `pack` and `page`
    /// (page texts); Pagefind's `index`, `filter` and `fragment`.
    #[serde(default)]
    pub round_files: Vec<BTreeMap<String, usize>>,
    /// The app shell's responses (the app's own files), for what dominates it.
    #[serde(default)]
    pub shell: Vec<Response>,
}

/// One response: its path under the engine's base URL and its bytes on the wire.
#[derive(Debug, Clone, Deserialize)]
pub struct Response {
    pub path: String,
    pub transfer: u64,
}

fn nan() -> f64 {
    f64::NAN
}

#[derive(Debug, Clone, Deserialize)]
pub struct Warm {
    pub kind: String,
    pub q: String,
    pub ms: f64,
    pub fetched: ByKind,
    /// As for [`Cold`]: the rounds of this query, 0 when it fetched nothing.
    #[serde(default)]
    pub rounds: Option<u32>,
    #[serde(default)]
    pub rounds_by_timing: Option<u32>,
}

/// What one round fetched, as `table 1, dict 2`; `nothing` for a round whose requests were
/// not seen.
pub fn round_parts(files: &BTreeMap<String, usize>) -> String {
    const ORDER: [&str; 8] =
        ["pack", "table", "dict", "post", "page", "index", "filter", "fragment"];
    let mut parts: Vec<(&str, usize)> = ORDER
        .iter()
        .filter_map(|p| files.get(*p).map(|&n| (*p, n)))
        .chain(
            files
                .iter()
                .filter(|(k, _)| !ORDER.contains(&k.as_str()))
                .map(|(k, &n)| (k.as_str(), n)),
        )
        .collect();
    parts.retain(|(_, n)| *n > 0);
    if parts.is_empty() {
        return "nothing".to_owned();
    }
    parts.iter().map(|(p, n)| format!("{p} {n}")).collect::<Vec<_>>().join(", ")
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Recall {
    pub results: usize,
    pub capped: bool,
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct EngineRun {
    pub cold: Vec<Cold>,
    pub warm: Vec<Warm>,
    #[serde(default)]
    pub recall: Vec<Recall>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CollectionRun {
    pub name: String,
    pub app: EngineRun,
    pub pagefind: Option<EngineRun>,
}

#[derive(Debug, Deserialize)]
pub struct BrowserRun {
    pub chromium: String,
    pub collections: Vec<CollectionRun>,
}

/// Serves everything and runs the browser over `(collection, queries, with Pagefind)`.
pub fn run(
    dist: &std::path::Path,
    runs: &[(&Collection, &[Query], bool)],
) -> anyhow::Result<BrowserRun> {
    let harness = bench_dir().join("pagefind-harness");
    fs::create_dir_all(&harness)?;
    let source = crate::root().join("tests/bench");
    fs::copy(source.join("pagefind.html"), harness.join("index.html"))?;
    fs::copy(source.join("pagefind.mjs"), harness.join("pagefind.mjs"))?;
    let app_mounts = runs
        .iter()
        .map(|(c, _, _)| Mount { base: format!("/rr/{}/", c.name), bundle: Some(c.bundle()) })
        .collect();
    let app = serve::spawn(dist.to_owned(), app_mounts)?;
    let with_pagefind: Vec<&Collection> = runs.iter().filter(|r| r.2).map(|r| r.0).collect();
    let pf_mounts = with_pagefind
        .iter()
        .map(|c| Mount { base: format!("/pf/{}/", c.name), bundle: Some(pagefind::dir(c)) })
        .collect();
    let pf = serve::spawn(harness, pf_mounts)?;
    let mut collections = Vec::new();
    for (i, (collection, queries, _)) in runs.iter().enumerate() {
        let pagefind_url = with_pagefind
            .iter()
            .position(|c| c.name == collection.name)
            .map(|at| pf.urls[at].clone());
        let queries: Vec<serde_json::Value> = queries
            .iter()
            .map(|q| {
                serde_json::json!({
                    "kind": q.kind.name(), "q": q.text, "cold": q.cold,
                    "pagefind": { "q": q.pagefind.0, "filters": q.pagefind.1 },
                })
            })
            .collect();
        collections.push(serde_json::json!({
            "name": collection.name, "app": app.urls[i], "pagefind": pagefind_url, "queries": queries,
        }));
    }
    progress(&format!("browser: {} collections, app at {}", runs.len(), app.urls[0]));
    let plan = serde_json::json!({ "collections": collections });
    crate::bench::run_node("browser.mjs", &plan, &bench_dir())
}
