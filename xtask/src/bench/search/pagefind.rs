//! The peer: Pagefind (npm `pagefind`, pinned in package.json) indexing the same collection
//! through its Node API (tests/bench/pagefind-index.mjs), one record per page.

use super::collections::Collection;
use crate::bench::progress;
use crate::bench::stats::{self, Size};
use anyhow::{Context, bail};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug)]
pub struct PagefindBuild {
    /// The script's time from the first file read to the last index file written, per run.
    pub seconds: Vec<f64>,
    pub records: usize,
    /// The peak resident memory of Pagefind's indexing service (the largest over the runs).
    pub peak_bytes: Option<u64>,
    /// The index proper: pf_meta, index/ and filter/ chunks, pagefind-entry.json.
    pub index: Size,
    /// fragment/: each page's text and metadata, which results load.
    pub fragments: Size,
    /// pagefind.js, its worker and its wasm: what a browser loads to search.
    pub module: Size,
}

pub fn dir(collection: &Collection) -> PathBuf {
    collection.dir.join("pagefind")
}

pub fn build(collection: &Collection, runs: usize) -> anyhow::Result<PagefindBuild> {
    let out = dir(collection);
    let mut seconds = Vec::new();
    let mut records = 0;
    let mut peak_bytes: Option<u64> = None;
    for run in 1..=runs {
        progress(&format!("{}: Pagefind index, run {run} of {runs}", collection.name));
        if out.exists() {
            fs::remove_dir_all(&out)?;
        }
        let result = Command::new("node")
            .arg(crate::root().join("tests/bench/pagefind-index.mjs"))
            .arg(&collection.documents)
            .arg(&out)
            .current_dir(crate::root())
            .output()
            .context("cannot run node tests/bench/pagefind-index.mjs")?;
        if !result.status.success() {
            bail!("Pagefind's indexing failed:\n{}", String::from_utf8_lossy(&result.stderr));
        }
        let json: serde_json::Value = serde_json::from_slice(&result.stdout)
            .context("tests/bench/pagefind-index.mjs printed no JSON")?;
        seconds.push(json["ms"].as_f64().unwrap_or(f64::NAN) / 1000.0);
        records = json["records"].as_u64().unwrap_or(0) as usize;
        if let Some(peak) = json["service_peak_bytes"].as_u64() {
            peak_bytes = Some(peak_bytes.unwrap_or(0).max(peak));
        }
    }
    let (mut index, mut fragments, mut module) = (Vec::new(), Vec::new(), Vec::new());
    for file in stats::files_under(&out)? {
        match kind(&out, &file) {
            Some(Part::Index) => index.push(file),
            Some(Part::Fragment) => fragments.push(file),
            Some(Part::Module) => module.push(file),
            None => {}
        }
    }
    Ok(PagefindBuild {
        seconds,
        records,
        peak_bytes,
        index: stats::sizes(&index)?,
        fragments: stats::sizes(&fragments)?,
        module: stats::sizes(&module)?,
    })
}

enum Part {
    Index,
    Fragment,
    Module,
}

/// What a file of Pagefind's output is; its UI files (which a custom search does not load)
/// are none of these.
fn kind(out: &Path, file: &Path) -> Option<Part> {
    let relative = file.strip_prefix(out).ok()?.to_string_lossy().replace('\\', "/");
    if relative.starts_with("fragment/") {
        Some(Part::Fragment)
    } else if relative.starts_with("index/")
        || relative.starts_with("filter/")
        || relative.ends_with(".pf_meta")
        || relative == "pagefind-entry.json"
    {
        Some(Part::Index)
    } else if relative == "pagefind.js"
        || relative == "pagefind-worker.js"
        || relative.starts_with("wasm.")
    {
        Some(Part::Module)
    } else {
        None
    }
}
