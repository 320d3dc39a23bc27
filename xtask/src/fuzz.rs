//! `cargo xtask fuzz`: the fuzz suite (`crates/core/tests/fuzz`) with a long budget, optimized.
//!
//! `cargo xtask test` runs the same properties with a short budget on every change. This runs
//! thousands of cases per property; each input that fails is saved by the suite under
//! `target/tmp/fuzz-crashes/<target>/`, and the smallest of each target is copied here into
//! the regression corpus, `crates/core/tests/fixtures/fuzz/<target>/`, which every later run
//! replays first. Commit it with the fix.

use crate::process;
use anyhow::Context;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Cases per property (`cargo xtask test` runs proptest's default, 256).
    #[arg(long, default_value_t = 5_000)]
    pub cases: u32,
    /// Only the properties whose names contain this, e.g. `import`, `query` or `index`.
    pub filter: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let crashes = target_dir().join("tmp/fuzz-crashes");
    if crashes.exists() {
        fs::remove_dir_all(&crashes)
            .with_context(|| format!("cannot clear {}", crashes.display()))?;
    }
    let mut command = Command::new("cargo");
    command
        .args(["test", "--profile", "native", "-p", "readingroom-core", "--test", "fuzz"])
        .args(args.filter.as_deref())
        .env("PROPTEST_CASES", args.cases.to_string());
    let outcome = process::run(&mut command);
    let kept = keep_smallest(&crashes, &crate::root().join("crates/core/tests/fixtures/fuzz"))?;
    for path in &kept {
        eprintln!("xtask fuzz: new regression case {}", path.display());
    }
    if !kept.is_empty() {
        eprintln!("xtask fuzz: fix what they show, then commit them with the fix");
    }
    outcome
}

/// Copies the smallest failing input of each target from `crashes` into `corpus`.
fn keep_smallest(crashes: &Path, corpus: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut kept = Vec::new();
    let Ok(targets) = fs::read_dir(crashes) else { return Ok(kept) };
    for target in targets {
        let target = target?.path();
        let mut inputs: Vec<PathBuf> = fs::read_dir(&target)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        // The suite names each input by its length, zero-padded: the first is the smallest.
        inputs.sort();
        let (Some(smallest), Some(name)) = (inputs.first(), target.file_name()) else { continue };
        let folder = corpus.join(name);
        fs::create_dir_all(&folder)?;
        let file = smallest.file_name().context("a crash file has a name")?;
        let destination = folder.join(format!("crash-{}", file.to_string_lossy()));
        fs::copy(smallest, &destination)?;
        kept.push(destination);
    }
    Ok(kept)
}

/// Cargo's target folder, as the suite sees it.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(crate::target)
}
