//! `readingroom build <documents-dir> --out <dir>`: check, then write the served bundle.

use crate::cmd::check::plural;
use crate::{documents, fsx};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

/// Build the served bundle (catalog and document data) from a documents folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder, one sub-folder per document.
    pub documents: PathBuf,
    /// Where to write the bundle; replaced atomically, so a failed build leaves it untouched.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = documents::load_all(&args.documents)?;
    for problem in &loaded.problems {
        eprintln!("{problem}");
    }
    if loaded.errors() > 0 {
        eprintln!(
            "readingroom: build refused: {} error{} above; {} is unchanged",
            loaded.errors(),
            plural(loaded.errors()),
            args.out.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let files = readingroom_core::bundle::build(&loaded.documents);
    fsx::write_tree_atomically(&args.out, &files)
        .with_context(|| format!("cannot write the bundle to {}", args.out.display()))?;
    let count = loaded.documents.len();
    eprintln!("readingroom: built {count} document{} into {}", plural(count), args.out.display());
    Ok(ExitCode::SUCCESS)
}
