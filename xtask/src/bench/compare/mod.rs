//! The `compare` part: Reading Room's OCR comparison against dinglehopper 0.11.0, the tool
//! whose rates it reproduces, on the 159 Overproof articles in the same run (in process and per
//! command, with the agreement of their rates), and on long pairs natively and in Chromium.
//!
//! - [`articles`]: the articles as text files, and dinglehopper in target/bench/venv;
//! - [`peers`]: both tools timed on the articles, and how far their rates are apart;
//! - [`long`]: the whole CIA report and a synthetic megabyte, natively and in wasm;
//! - [`render`]: the section of BENCHMARKS.md.

mod articles;
mod long;
mod peers;
mod render;

use super::{Args, Section, progress};
use crate::{dist, setup};
use std::path::PathBuf;

/// With `--quick`, the per-command runs take every eighth article.
const QUICK_STEP: usize = 8;

/// Everything the section reports.
#[derive(Debug)]
pub struct Measured {
    pub articles: usize,
    pub in_process: (peers::Run, peers::Run),
    pub per_command: (peers::Run, peers::Run),
    pub agreement: peers::Agreement,
    pub long: Vec<(long::Pair, long::Native, Option<long::Wasm>)>,
    pub chromium: String,
}

pub fn run(args: &Args) -> anyhow::Result<Section> {
    setup::run()?;
    super::build_cli()?;
    let cli = super::search::cli();
    let venv = articles::venv()?;
    let all = articles::write_all()?;
    let ((ours, ours_run), (theirs, theirs_run)) = peers::in_process(&cli, &venv, &all)?;
    let agreement = peers::agreement(&ours, &theirs);
    let sample: Vec<articles::Article> =
        if args.quick { all.iter().step_by(QUICK_STEP).cloned().collect() } else { all.clone() };
    let per_command = peers::per_command(&cli, &venv, &sample)?;
    let pairs = long::pairs(&cli)?;
    let mut natives = Vec::new();
    for pair in &pairs {
        natives.push(long::native(&cli, pair)?);
    }
    let browser = long::wasm(&ensure_dist()?, &pairs)?;
    let long = pairs
        .into_iter()
        .zip(natives)
        .map(|(pair, native)| {
            let wasm = browser.pairs.iter().find(|w| w.name == pair.name).cloned();
            (pair, native, wasm)
        })
        .collect();
    let measured = Measured {
        articles: all.len(),
        in_process: (ours_run, theirs_run),
        per_command,
        agreement,
        long,
        chromium: browser.chromium,
    };
    Ok(Section { part: "compare", markdown: render::render(&measured, sample.len()) })
}

/// dist/ with the compare module, built when it has none.
fn ensure_dist() -> anyhow::Result<PathBuf> {
    let dir = dist::dist_dir();
    let has_module = std::fs::read_dir(&dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("readingroom-compare-") && name.ends_with(".js")
        })
    });
    if has_module {
        progress(&format!("reusing {} (it has the compare module)", dir.display()));
        return Ok(dir);
    }
    progress("building the site (cargo xtask dist)");
    dist::run()
}
