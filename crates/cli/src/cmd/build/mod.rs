//! `readingroom build <documents-dir> --out <dir>`: check, then write the served bundle.

use crate::cmd::check::plural;
use crate::documents;
use crate::fsx::{Destination, Marker, Rule};
use readingroom_core::bundle;
use std::path::PathBuf;
use std::process::ExitCode;

/// The marker in every bundle, which lets a later build replace it.
pub const MARKER: Marker = Marker { file: bundle::MARKER_FILE, writer: "readingroom build" };

/// Build the served bundle (catalog and document data) from a documents folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder, one sub-folder per document.
    pub documents: PathBuf,
    /// Where to write the bundle: a new or empty folder, or one an earlier build wrote (it
    /// holds a .readingroom-bundle file). It is replaced atomically, so a failed build leaves
    /// it untouched. Never the documents folder, a folder inside it or one around it.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace --out even when it is a non-empty folder that build did not write; everything
    /// in it is deleted. The documents folder is refused all the same.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let rule = Rule { marker: MARKER, force: args.force, documents: Some(&args.documents) };
    let out = Destination::check(&args.out, rule)?;
    let loaded = documents::load_all(&args.documents)?;
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    if loaded.errors() > 0 {
        eprintln!(
            "readingroom: build refused: {} error{} above; {} is unchanged",
            loaded.errors(),
            plural(loaded.errors()),
            out.shown
        );
        return Ok(ExitCode::FAILURE);
    }
    out.write_files(&bundle::build(&loaded.documents))?;
    let count = loaded.documents.len();
    eprintln!("readingroom: built {count} document{} into {}", plural(count), out.shown);
    Ok(ExitCode::SUCCESS)
}
