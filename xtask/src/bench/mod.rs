//! `cargo xtask bench`: measures Reading Room and writes BENCHMARKS.md.
//!
//! The benchmarks are made of parts, each a module here that measures one thing and renders
//! one section of BENCHMARKS.md: `search` (index build, index size, query latency natively and
//! in Chromium, side by side with Pagefind), `compare` (the OCR comparison side by side with
//! dinglehopper, and long pairs natively and in Chromium) and `reader` (what a reader waits
//! for in Chromium: the library, a document, find, the compare view; downloads, memory and the
//! app's size). A part is one more module and one more entry in [`PARTS`].
//!
//! BENCHMARKS.md holds a header (the machine, the date, the commands) and one section per part
//! between `<!-- bench:NAME -->` markers; `--only NAME` rewrites that section and keeps the
//! others. Speed lives here and never in timed tests. The machines are noisy, so every figure
//! is a median (with p95 where it matters) and every comparison is a ratio against the peer
//! measured in the same run.

mod compare;
mod machine;
mod reader;
mod report;
mod search;
mod stats;

use anyhow::bail;
use std::time::Instant;

/// The parts, in the order they run and appear in BENCHMARKS.md.
const PARTS: [&str; 3] = ["search", "compare", "reader"];

/// The synthetic collection sizes measured by default, in documents.
const DEFAULT_SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Synthetic collection sizes in documents (7 pages each), besides the default collection.
    #[arg(long, value_delimiter = ',', value_name = "N,N,...")]
    pub sizes: Option<Vec<usize>>,
    /// A fast check: only the default collection and 1000 documents; the comparison runs
    /// dinglehopper's command on every eighth article.
    #[arg(long, conflicts_with = "sizes")]
    pub quick: bool,
    /// Run only this part (and rewrite only its section of BENCHMARKS.md): search, compare,
    /// reader.
    #[arg(long, value_name = "PART")]
    pub only: Option<String>,
    /// The largest collection Pagefind indexes; above it the comparison is left out, since its
    /// build takes too long.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub pagefind_max: usize,
    /// The largest collection searched in Chromium; above it a collection is built and
    /// searched natively only (a larger size is there for the growth of the build).
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub browser_max: usize,
}

impl Args {
    /// The synthetic sizes to measure.
    pub fn sizes(&self) -> Vec<usize> {
        if self.quick {
            return vec![1_000];
        }
        let mut sizes = self.sizes.clone().unwrap_or_else(|| DEFAULT_SIZES.to_vec());
        sizes.sort_unstable();
        sizes.dedup();
        sizes.retain(|&n| n > 0);
        sizes
    }

    /// The command line that reproduces this run.
    pub fn command(&self) -> String {
        let mut command = "cargo xtask bench".to_owned();
        if self.quick {
            command.push_str(" --quick");
        } else if let Some(sizes) = &self.sizes {
            let list: Vec<String> = sizes.iter().map(usize::to_string).collect();
            command.push_str(&format!(" --sizes {}", list.join(",")));
        }
        if let Some(part) = &self.only {
            command.push_str(&format!(" --only {part}"));
        }
        if self.pagefind_max != 10_000 {
            command.push_str(&format!(" --pagefind-max {}", self.pagefind_max));
        }
        if self.browser_max != 100_000 {
            command.push_str(&format!(" --browser-max {}", self.browser_max));
        }
        command
    }
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let parts: Vec<&str> = match &args.only {
        Some(only) if PARTS.contains(&only.as_str()) => vec![only.as_str()],
        Some(only) => {
            bail!("there is no benchmark part `{only}`; the parts are: {}", PARTS.join(", "))
        }
        None => PARTS.to_vec(),
    };
    let started = Instant::now();
    let machine = machine::Machine::describe();
    let mut sections = Vec::new();
    for part in parts {
        progress(&format!("part `{part}`"));
        let section = match part {
            "search" => search::run(args)?,
            "compare" => compare::run(args)?,
            "reader" => reader::run(args)?,
            other => unreachable!("unknown part {other}"),
        };
        sections.push(section);
    }
    let path = crate::root().join("BENCHMARKS.md");
    report::write(&path, &machine, args, &sections, started.elapsed())?;
    progress(&format!(
        "wrote {} in {:.1} min",
        path.display(),
        started.elapsed().as_secs_f64() / 60.0
    ));
    Ok(())
}

/// One section of BENCHMARKS.md, by part.
#[derive(Debug)]
pub struct Section {
    pub part: &'static str,
    pub markdown: String,
}

/// A line of progress on stderr.
pub fn progress(text: &str) {
    eprintln!("bench: {text}");
}

/// Runs a browser half of the benchmarks, `node tests/bench/<script> <dir>/browser-plan.json`:
/// writes the plan, keeps what the script prints in `<dir>/browser-result.json` and reads it.
fn run_node<T: serde::de::DeserializeOwned>(
    script: &str,
    plan: &serde_json::Value,
    dir: &std::path::Path,
) -> anyhow::Result<T> {
    use anyhow::Context;
    let path = dir.join("browser-plan.json");
    std::fs::write(&path, serde_json::to_vec_pretty(plan)?)?;
    let out = std::process::Command::new("node")
        .arg(crate::root().join("tests/bench").join(script))
        .arg(&path)
        .current_dir(crate::root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run node tests/bench/{script}"))?;
    if !out.status.success() {
        bail!("the browser benchmark failed ({})", out.status);
    }
    std::fs::write(dir.join("browser-result.json"), &out.stdout)?;
    serde_json::from_slice(&out.stdout)
        .with_context(|| format!("tests/bench/{script} printed no result"))
}

/// Builds the `readingroom` CLI for speed (`--profile native`), as every part measures it; the
/// binary is `search::cli()`.
fn build_cli() -> anyhow::Result<()> {
    progress("building the readingroom CLI (--profile native)");
    crate::process::run(std::process::Command::new("cargo").args([
        "build",
        "--profile",
        "native",
        "-p",
        "readingroom-cli",
    ]))
}
