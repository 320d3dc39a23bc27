//! `readingroom check <documents-dir> [--json]`: report every problem in every document.

use crate::documents;
use crate::output::outln;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check every document: metadata, OCR text, page markers. Exits 1 on any error.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder, one sub-folder per document.
    pub documents: PathBuf,
    /// Print a machine-readable report instead of one line per problem.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = documents::load_all(&args.documents)?;
    if args.json {
        let report = serde_json::json!({
            "folders": loaded.folders,
            "errors": loaded.errors(),
            "warnings": loaded.warnings(),
            "problems": loaded.problems,
        });
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for problem in &loaded.problems {
            outln!("{problem}");
        }
        eprintln!(
            "readingroom: checked {} document folder{}: {} error{}, {} warning{}",
            loaded.folders,
            plural(loaded.folders),
            loaded.errors(),
            plural(loaded.errors()),
            loaded.warnings(),
            plural(loaded.warnings()),
        );
    }
    Ok(if loaded.errors() > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
