//! The `reader` part: what a reader waits for in headless Chromium, and what the tab downloads
//! and holds. The library shown, a document opened (by its link and from the library), a
//! keystroke in the find field until its marks are shown (the first, which loads the search
//! module, and the next ones), a step to the next hit, and the compare view, on the default
//! collection, its largest document and a synthetic document of more than 250 KB served as a
//! collection of its own beside it; then the bytes of each visit, the tab's memory at each
//! state, and the app's size.
//!
//! - [`synthetic`]: the synthetic document, generated and built into a bundle;
//! - [`size`]: the app's wasm and JS, and the modules it loads on demand;
//! - tests/bench/reader.mjs: the browser half, which [`results`] reads;
//! - [`method`], [`render`] and [`targets`]: the section of BENCHMARKS.md.

mod method;
mod render;
mod results;
mod size;
mod synthetic;
mod targets;

use super::{Args, Section, progress};
use crate::serve::{self, Mount};
use crate::{dist, setup};
use anyhow::Context;
use std::fs;
use std::path::Path;

/// Runs of every visit; figures are their medians.
pub const RUNS: usize = 7;
/// The document whose compare view's work in wasm has a target: a real report with a
/// transcription.
pub const CIA: &str = "cia-rdp80-00809a000600290716-5";
/// The find queries: frequent words with hundreds of hits on a long document. The first is
/// typed first; then they alternate.
pub const QUERIES: [&str; 2] = ["the", "and"];
/// The page the compare view opens on.
const COMPARE_PAGE: usize = 1;

/// The largest document of the default collection.
#[derive(Debug)]
pub struct Long {
    pub id: String,
    pub ocr_bytes: u64,
}

/// Everything the section reports.
#[derive(Debug)]
pub struct Measured {
    pub browser: results::Browser,
    pub documents: usize,
    pub long: Long,
    pub synthetic: synthetic::Synthetic,
    pub size: size::AppSize,
    /// The machine's load average over a minute before and after the browser's runs.
    pub load: (Option<f64>, Option<f64>),
}

/// The load average over the last minute, from /proc/loadavg.
fn load_average() -> Option<f64> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

pub fn run(_args: &Args) -> anyhow::Result<Section> {
    setup::run()?;
    super::build_cli()?;
    progress("building the site (cargo xtask dist; its size budget is reported here)");
    let (dist, _) = dist::build()?;
    let size = size::measure(&dist)?;
    let synthetic = synthetic::prepare()?;
    let (documents, long) = largest(&crate::root().join("documents"))?;
    let server = serve::spawn(
        dist,
        vec![
            Mount { base: "/reader/".to_owned(), bundle: None },
            Mount { base: "/reader-synth/".to_owned(), bundle: Some(synthetic.bundle.clone()) },
        ],
    )?;
    let (app, synth) = (&server.urls[0], &server.urls[1]);
    let doc = |name: &str, app: &str, id: &str, find: bool, compare: bool| serde_json::json!({ "name": name, "app": app, "id": id, "find": find, "compare": compare });
    let plan = serde_json::json!({
        "runs": RUNS, "app": app, "long": long.id, "queries": QUERIES, "compare_page": COMPARE_PAGE,
        "documents": [
            doc("long", app, &long.id, true, false),
            doc("synth", synth, &synthetic.id, true, true),
            doc("cia", app, CIA, false, false),
        ],
        "compare": [doc("synth", synth, &synthetic.id, false, true), doc("cia", app, CIA, false, true)],
    });
    progress(&format!("browser: {RUNS} runs, the app at {app}, the synthetic document at {synth}"));
    let dir = crate::target().join("bench/reader");
    let before = load_average();
    let browser = super::run_node("reader.mjs", &plan, &dir)?;
    let load = (before, load_average());
    let measured = Measured { browser, documents, long, synthetic, size, load };
    Ok(Section { part: "reader", markdown: render::render(&measured) })
}

/// The number of documents in `documents` and the one with the most OCR.
fn largest(documents: &Path) -> anyhow::Result<(usize, Long)> {
    let mut count = 0;
    let mut best: Option<Long> = None;
    for entry in fs::read_dir(documents)? {
        let folder = entry?.path();
        let Ok(meta) = fs::metadata(folder.join("ocr.txt")) else { continue };
        count += 1;
        if best.as_ref().is_none_or(|b| meta.len() > b.ocr_bytes) {
            let id = folder.file_name().unwrap_or_default().to_string_lossy().into_owned();
            best = Some(Long { id, ocr_bytes: meta.len() });
        }
    }
    Ok((count, best.context("the default collection has no document")?))
}
