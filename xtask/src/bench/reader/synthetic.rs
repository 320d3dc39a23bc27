//! The synthetic long document: one document of `readingroom synth` with a transcription, at
//! least [`MIN_OCR_BYTES`] of OCR, built into a bundle of its own under target/bench/reader/.
//! Both are made afresh on every run (it takes a second), so the bundle is always the current
//! format.

use crate::bench::progress;
use crate::bench::search::cli;
use anyhow::{Context, ensure};
use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// The OCR the synthetic document must reach: the size of the largest real one, rounded up.
pub const MIN_OCR_BYTES: u64 = 250 * 1024;
const ARGS: [&str; 11] = [
    "synth",
    "--docs",
    "1",
    "--pages-per-doc",
    "40",
    "--words-per-page",
    "1100",
    "--cer",
    "0.02",
    "--seed",
    "1",
];

/// The synthetic document, generated and built.
#[derive(Debug)]
pub struct Synthetic {
    pub id: String,
    pub bundle: PathBuf,
    /// `readingroom synth …`, as run.
    pub command: String,
    pub ocr_bytes: u64,
    pub corrected_bytes: u64,
    pub pages: usize,
}

pub fn prepare() -> anyhow::Result<Synthetic> {
    let dir = crate::target().join("bench/reader");
    let documents = dir.join("documents");
    let bundle = dir.join("bundle");
    let command = format!("readingroom {} --out <dir>", ARGS.join(" "));
    progress(&format!("the synthetic document: `{command}`"));
    run(Command::new(cli()).args(ARGS).arg("--out").arg(&documents).arg("--force"))?;
    let folder = fs::read_dir(&documents)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.join("meta.toml").is_file())
        .context("readingroom synth wrote no document")?;
    let id = folder.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let ocr = fs::read_to_string(folder.join("ocr.txt"))?;
    let corrected_bytes = fs::metadata(folder.join("corrected.md"))?.len();
    let ocr_bytes = ocr.len() as u64;
    ensure!(
        ocr_bytes >= MIN_OCR_BYTES,
        "the synthetic document has {ocr_bytes} bytes of OCR, under {MIN_OCR_BYTES}"
    );
    run(Command::new(cli()).arg("build").arg(&documents).arg("--out").arg(&bundle))?;
    let pages = ocr.matches('\x0c').count() + 1;
    Ok(Synthetic { id, bundle, command, ocr_bytes, corrected_bytes, pages })
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let status = command.status().with_context(|| format!("cannot run {command:?}"))?;
    ensure!(status.success(), "{command:?} failed ({status})");
    Ok(())
}
