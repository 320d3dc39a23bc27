//! The collections measured: the default one (documents/) and synthetic ones made by
//! `readingroom synth`, kept under target/bench/ and reused while their SOURCE.md shows the
//! same command.

use super::cli;
use crate::bench::progress;
use crate::bench::stats::{self, Size};
use anyhow::{Context, ensure};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The synthetic collections' shape, as the issue asks: 7 pages a document, 2% CER, seed 1.
pub const PAGES_PER_DOC: u32 = 7;
const WORDS_PER_PAGE: u32 = 250;
const CER: &str = "0.02";
const SEED: u64 = 1;

/// Above this many files, gzipped sizes are estimated from an even sample of them.
pub const SAMPLED_ABOVE: usize = 20_000;

#[derive(Debug)]
pub struct Collection {
    /// `default`, or the number of synthetic documents.
    pub name: String,
    pub documents: PathBuf,
    /// Where its bundle, queries and Pagefind index go: target/bench/<name>/.
    pub dir: PathBuf,
    pub docs: usize,
    pub pages: usize,
    /// The bytes of ocr.txt and corrected.md, raw and gzipped (each file on its own).
    pub text: Size,
}

impl Collection {
    pub fn bundle(&self) -> PathBuf {
        self.dir.join("bundle")
    }

    pub fn label(&self) -> String {
        match self.name.as_str() {
            "default" => "default (documents/)".to_owned(),
            _ => format!("{} docs", thousands(self.docs)),
        }
    }
}

pub fn bench_dir() -> PathBuf {
    crate::target().join("bench")
}

/// The default collection and the synthetic ones of `sizes` documents, generated if missing.
pub fn prepare(sizes: &[usize]) -> anyhow::Result<Vec<Collection>> {
    let mut out = vec![measure("default", crate::root().join("documents"))?];
    for &docs in sizes {
        let dir = bench_dir().join(format!("synth-{docs}"));
        let documents = dir.join("documents");
        ensure_synthetic(docs, &documents)?;
        out.push(measure(&docs.to_string(), documents)?);
    }
    Ok(out)
}

/// The command that makes a synthetic collection, as its SOURCE.md records it.
fn synth_args(docs: usize) -> Vec<String> {
    let args = format!(
        "synth --docs {docs} --pages-per-doc {PAGES_PER_DOC} --words-per-page {WORDS_PER_PAGE} \
         --cer {CER} --seed {SEED}"
    );
    args.split(' ').map(str::to_owned).collect()
}

fn ensure_synthetic(docs: usize, documents: &Path) -> anyhow::Result<()> {
    let wanted = format!("readingroom {} --out <dir>", synth_args(docs).join(" "));
    let source = fs::read_to_string(documents.join("SOURCE.md")).unwrap_or_default();
    if source.contains(&wanted) {
        progress(&format!("{docs} docs: reusing {}", documents.display()));
        return Ok(());
    }
    progress(&format!("{docs} docs: generating with `{wanted}`"));
    let status = Command::new(cli())
        .args(synth_args(docs))
        .arg("--out")
        .arg(documents)
        .arg("--force")
        .status()
        .context("cannot run readingroom synth")?;
    ensure!(status.success(), "readingroom synth failed ({status})");
    Ok(())
}

/// Counts the documents, pages and text of a documents folder.
fn measure(name: &str, documents: PathBuf) -> anyhow::Result<Collection> {
    progress(&format!("{name}: measuring the text of {}", documents.display()));
    let mut folders: Vec<PathBuf> = fs::read_dir(&documents)
        .with_context(|| format!("cannot read {}", documents.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("meta.toml").is_file())
        .collect();
    folders.sort();
    let mut files = Vec::new();
    let mut pages = 0;
    for folder in &folders {
        let ocr = folder.join("ocr.txt");
        pages += page_count(&ocr, name)?;
        files.push(ocr);
        let corrected = folder.join("corrected.md");
        if corrected.is_file() {
            files.push(corrected);
        }
    }
    let text = stats::sizes_sampled(&files, SAMPLED_ABOVE)?;
    Ok(Collection {
        name: name.to_owned(),
        dir: bench_dir().join(if name == "default" {
            "default".to_owned()
        } else {
            format!("synth-{name}")
        }),
        documents,
        docs: folders.len(),
        pages,
        text,
    })
}

/// Pages are separated by form feeds; a synthetic document has a known count, which saves
/// reading 100 000 files twice.
fn page_count(ocr: &Path, name: &str) -> anyhow::Result<usize> {
    if name != "default" {
        return Ok(PAGES_PER_DOC as usize);
    }
    let text = fs::read(ocr).with_context(|| format!("cannot read {}", ocr.display()))?;
    Ok(text.iter().filter(|&&b| b == b'\x0c').count() + 1)
}

/// 100000 as `100 000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}
