//! Reading Room natively: the timed `readingroom build`, the sizes of what it writes, and the
//! query mix run by `readingroom search --bench-queries` (many queries in one process, so
//! no start-up is timed).

use super::cli;
use super::collections::{Collection, SAMPLED_ABOVE};
use super::queries::Query;
use crate::bench::progress;
use crate::bench::stats::{self, Size, median};
use anyhow::{Context, bail};
use std::fs;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The app shows 10 results at first (`RESULTS` in src/pages/library.rs); the native runs
/// ask for as many.
pub const LIMIT: usize = 10;

#[derive(Debug)]
pub struct Build {
    /// Wall time of each run, in seconds.
    pub seconds: Vec<f64>,
    /// The largest peak resident memory of a run.
    pub peak_bytes: u64,
    /// bundle/search/ without its page texts: the index proper.
    pub search: Size,
    /// bundle/search/page/: each page's text and its document's card, for the snippets
    /// (none when a small collection's index is one pack).
    pub pages: Size,
    /// bundle/docs/ (each document's data file, for the reader) and bundle/catalog.json.
    pub docs: Size,
    pub catalog: Size,
}

/// Runs `readingroom build` `runs` times into the collection's bundle folder.
pub fn build(collection: &Collection, runs: usize) -> anyhow::Result<Build> {
    let bundle = collection.bundle();
    let (mut seconds, mut peak_bytes) = (Vec::new(), 0);
    for run in 1..=runs {
        progress(&format!("{}: readingroom build, run {run} of {runs}", collection.name));
        let started = Instant::now();
        let mut child = Command::new(cli())
            .arg("build")
            .arg(&collection.documents)
            .arg("--out")
            .arg(&bundle)
            .stderr(Stdio::piped())
            .spawn()
            .context("cannot run readingroom build")?;
        let mut stderr = child.stderr.take().context("no stderr")?;
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            peak_bytes = peak_bytes.max(peak_memory(child.id()));
            std::thread::sleep(Duration::from_millis(20));
        };
        seconds.push(started.elapsed().as_secs_f64());
        if !status.success() {
            let text = reader.join().unwrap_or_default();
            bail!("readingroom build failed:\n{text}");
        }
    }
    progress(&format!("{}: measuring the bundle's sizes", collection.name));
    let page_dir = bundle.join("search/page");
    let (pages, index): (Vec<_>, Vec<_>) = stats::files_under(&bundle.join("search"))?
        .into_iter()
        .partition(|f| f.starts_with(&page_dir));
    Ok(Build {
        seconds,
        peak_bytes,
        search: stats::sizes(&index)?,
        pages: stats::sizes_sampled(&pages, SAMPLED_ABOVE)?,
        docs: stats::sizes_sampled(&stats::files_under(&bundle.join("docs"))?, SAMPLED_ABOVE)?,
        catalog: stats::sizes(&[bundle.join("catalog.json")])?,
    })
}

/// A running process's peak resident memory so far (VmHWM), or 0 when it cannot be read.
pub fn peak_memory(pid: u32) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// One query's native figures: the median over the passes.
#[derive(Debug, Clone, Default)]
pub struct Timed {
    pub cold_ms: f64,
    pub warm_ms: f64,
    /// Files and bytes a cold run read (meta.json included).
    pub files: usize,
    pub bytes: u64,
    /// Matching documents.
    pub total: usize,
}

/// Runs the query mix `passes` times; one [`Timed`] per query, in order.
pub fn queries(
    collection: &Collection,
    queries: &[Query],
    passes: usize,
) -> anyhow::Result<Vec<Timed>> {
    let list = collection.dir.join("queries.txt");
    let text: Vec<&str> = queries.iter().map(|q| q.text.as_str()).collect();
    fs::write(&list, text.join("\n") + "\n")?;
    let mut runs: Vec<Vec<serde_json::Value>> = Vec::new();
    for pass in 1..=passes {
        progress(&format!(
            "{}: {} queries natively, pass {pass} of {passes}",
            collection.name,
            queries.len()
        ));
        let out = Command::new(cli())
            .arg("search")
            .arg(collection.bundle())
            .arg("--bench-queries")
            .arg(&list)
            .args(["--limit", &LIMIT.to_string()])
            .output()
            .context("cannot run readingroom search --bench-queries")?;
        if !out.status.success() {
            bail!(
                "readingroom search --bench-queries failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let json: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        let timed = json["queries"].as_array().cloned().unwrap_or_default();
        if timed.len() != queries.len() {
            bail!(
                "readingroom search --bench-queries answered {} of {} queries",
                timed.len(),
                queries.len()
            );
        }
        if let Some(error) = timed.iter().find_map(|t| t["error"].as_str()) {
            bail!("a benchmark query cannot be read: {error}");
        }
        runs.push(timed);
    }
    Ok((0..queries.len())
        .map(|i| {
            let each = |key: &str| -> Vec<f64> {
                runs.iter().map(|r| r[i][key].as_f64().unwrap_or(f64::NAN) / 1000.0).collect()
            };
            let first = &runs[0][i];
            Timed {
                cold_ms: median(&each("cold_us")),
                warm_ms: median(&each("warm_us")),
                files: first["files"].as_u64().unwrap_or(0) as usize,
                bytes: first["bytes"].as_u64().unwrap_or(0),
                total: first["total"].as_u64().unwrap_or(0) as usize,
            }
        })
        .collect())
}

/// The ids of every document a query matches (for recall against Pagefind).
pub fn matching_ids(
    collection: &Collection,
    query: &str,
    total: usize,
) -> anyhow::Result<Vec<String>> {
    let out = Command::new(cli())
        .arg("search")
        .arg(collection.bundle())
        .arg(query)
        .args(["--json", "--limit", &total.max(1).to_string()])
        .output()
        .context("cannot run readingroom search")?;
    if !out.status.success() {
        bail!("readingroom search failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    Ok(json["results"]
        .as_array()
        .map(|r| r.iter().filter_map(|d| d["id"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default())
}
