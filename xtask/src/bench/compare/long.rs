//! Long pairs: the whole CIA report (its OCR against corrected.md, read as plain text), a
//! synthetic megabyte, and, past any real document, a synthetic 5 MB pair and a page (the
//! first 1.4 KB of the CIA report's OCR) against the 5 MB correction, which the alignment's
//! budget must keep within 512 MB. Each is aligned natively (`readingroom diff`, a process a
//! run, its peak resident memory from `/usr/bin/time -f %M`) and in headless Chromium (the
//! compare module from dist/, driven by tests/bench/compare.mjs).

use super::articles;
use crate::bench::progress;
use crate::bench::stats::median;
use crate::serve::{self, Mount};
use anyhow::{Context, ensure};
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub const RUNS: usize = 3;
/// A synthetic pair: its name, the corrected side's size (cut at the first document past it)
/// and the docs `readingroom synth` generates for it.
struct Synth {
    name: &'static str,
    bytes: usize,
    docs: &'static str,
}
const SYNTH: Synth = Synth { name: "synth", bytes: 1 << 20, docs: "150" };
const SYNTH_5MB: Synth = Synth { name: "synth5", bytes: 5 << 20, docs: "800" };
/// The page set against the 5 MB correction: this many bytes of the CIA report's OCR.
const PAGE_BYTES: usize = 1400;

#[derive(Debug, Clone)]
pub struct Pair {
    pub name: &'static str,
    pub label: String,
    pub ocr: PathBuf,
    pub gt: PathBuf,
    pub bytes: (u64, u64),
}

fn long_dir() -> PathBuf {
    articles::dir().join("long")
}

/// The long pairs, the synthetic ones generated (deterministically) when missing.
pub fn pairs(cli: &Path) -> anyhow::Result<Vec<Pair>> {
    let dir = long_dir();
    fs::create_dir_all(&dir)?;
    let cia = crate::root().join("documents/cia-rdp80-00809a000600290716-5");
    fs::copy(cia.join("ocr.txt"), dir.join("cia.ocr.txt"))?;
    fs::copy(cia.join("corrected.md"), dir.join("cia.gt.txt"))?;
    let command = synth(cli, &dir, &SYNTH)?;
    let command_5mb = synth(cli, &dir, &SYNTH_5MB)?;
    let ocr = fs::read_to_string(cia.join("ocr.txt"))?;
    fs::write(dir.join("page.ocr.txt"), &ocr[..ocr.floor_char_boundary(PAGE_BYTES)])?;
    fs::copy(dir.join("synth5.gt.txt"), dir.join("page.gt.txt"))?;
    let pair = |name: &'static str, label: String| -> anyhow::Result<Pair> {
        let ocr = dir.join(format!("{name}.ocr.txt"));
        let gt = dir.join(format!("{name}.gt.txt"));
        let bytes = (fs::metadata(&ocr)?.len(), fs::metadata(&gt)?.len());
        Ok(Pair { name, label, ocr, gt, bytes })
    };
    Ok(vec![
        pair("cia", "CIA report (whole)".to_owned())?,
        pair("synth", format!("synthetic 1 MB (`readingroom {command}`)"))?,
        pair("synth5", format!("synthetic 5 MB (`readingroom {command_5mb}`)"))?,
        pair("page", "a page (the CIA report's first 1.4 KB) against the 5 MB correction".into())?,
    ])
}

/// Generates the synthetic pair `synth` into `dir` unless it is there from the same command,
/// and returns the command.
fn synth(cli: &Path, dir: &Path, synth: &Synth) -> anyhow::Result<String> {
    let args =
        ["synth", "--docs", synth.docs, "--pages-per-doc", "7", "--cer", "0.02", "--seed", "1"];
    let wanted = args.join(" ");
    let stamp = dir.join(format!("{}.command", synth.name));
    if fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        progress(&format!("generating the synthetic pair: readingroom {wanted}"));
        let out = dir.join(synth.name);
        let status = Command::new(cli).args(args).arg("--out").arg(&out).arg("--force").status()?;
        ensure!(status.success(), "readingroom synth failed ({status})");
        concatenate(&out, dir, synth)?;
        fs::write(&stamp, &wanted)?;
    }
    Ok(wanted)
}

/// The corrected bodies (page markers dropped) and the OCR (form feeds as line breaks) of the
/// synthetic documents in name order, until the corrected text passes `synth.bytes`.
fn concatenate(generated: &Path, out: &Path, synth: &Synth) -> anyhow::Result<()> {
    let mut docs: Vec<PathBuf> = fs::read_dir(generated)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("corrected.md").is_file())
        .collect();
    docs.sort();
    let (mut ocr, mut gt) = (String::new(), String::new());
    for doc in docs {
        if gt.len() >= synth.bytes {
            break;
        }
        let corrected = fs::read_to_string(doc.join("corrected.md"))?;
        for line in corrected.lines() {
            let marker =
                line.trim_start().starts_with("<!-- page ") && line.trim_end().ends_with("-->");
            if !marker {
                gt.push_str(line);
                gt.push('\n');
            }
        }
        let text = fs::read_to_string(doc.join("ocr.txt"))?.replace('\x0c', "\n");
        ocr.push_str(&text);
        if !ocr.ends_with('\n') {
            ocr.push('\n');
        }
    }
    ensure!(
        gt.len() >= synth.bytes,
        "the synthetic documents hold less than {} bytes",
        synth.bytes
    );
    fs::write(out.join(format!("{}.ocr.txt", synth.name)), ocr)?;
    fs::write(out.join(format!("{}.gt.txt", synth.name)), gt)?;
    Ok(())
}

/// A long pair natively: wall seconds of each run and the largest peak resident memory.
#[derive(Debug, Default, Clone)]
pub struct Native {
    pub seconds: Vec<f64>,
    pub peak_bytes: u64,
}

pub fn native(cli: &Path, pair: &Pair) -> anyhow::Result<Native> {
    let mut out = Native::default();
    let rss = long_dir().join("time.txt");
    for run in 1..=RUNS {
        progress(&format!("{}: readingroom diff, run {run} of {RUNS}", pair.name));
        let started = Instant::now();
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%M", "-o"])
            .arg(&rss)
            .arg(cli)
            .arg("diff")
            .arg(&pair.ocr)
            .arg(&pair.gt)
            .stdout(Stdio::null())
            .status()
            .context("cannot run /usr/bin/time readingroom diff")?;
        out.seconds.push(started.elapsed().as_secs_f64());
        ensure!(status.success(), "readingroom diff failed ({status})");
        let kb: u64 = fs::read_to_string(&rss)?.trim().parse().context("/usr/bin/time's %M")?;
        out.peak_bytes = out.peak_bytes.max(kb * 1024);
    }
    Ok(out)
}

impl Native {
    pub fn median(&self) -> f64 {
        median(&self.seconds)
    }
}

/// A long pair in Chromium: each run's milliseconds and the module's linear memory.
#[derive(Debug, Clone, Deserialize)]
pub struct Wasm {
    pub name: String,
    pub ms: Vec<f64>,
    /// Each run of `metrics` (the rates without the corrections), after those of `compare`.
    pub metrics_ms: Vec<f64>,
    /// The wasm memory before the first call and after the last (it only grows, so this is
    /// its peak over the runs).
    pub memory_before: u64,
    pub memory_after: u64,
    pub cer: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Browser {
    pub chromium: String,
    pub pairs: Vec<Wasm>,
}

/// Serves dist/ with the long pairs as its `bundle/` and times the module in Chromium.
pub fn wasm(dist: &Path, pairs: &[Pair]) -> anyhow::Result<Browser> {
    let server = serve::spawn(
        dist.to_owned(),
        vec![Mount { base: "/compare/".to_owned(), bundle: Some(long_dir()) }],
    )?;
    let base = &server.urls[0];
    let plan: Vec<serde_json::Value> = pairs
        .iter()
        .map(|p| {
            serde_json::json!({
                "name": p.name,
                "ocr": format!("{base}bundle/{}.ocr.txt", p.name),
                "gt": format!("{base}bundle/{}.gt.txt", p.name),
            })
        })
        .collect();
    let plan = serde_json::json!({ "app": base, "runs": RUNS, "pairs": plan });
    progress(&format!("browser: the compare module at {base}"));
    crate::bench::run_node("compare.mjs", &plan, &articles::dir())
}
