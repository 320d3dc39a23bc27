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

/// Files and bytes of one kind (app shell, catalog, search module, search index, document data).
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
