//! `readingroom`: the curator's command line. Each subcommand lives in its own file under
//! `cmd/`; each reads files, hands their text to readingroom-core and writes what core returns.

mod cmd;
mod documents;
mod fsx;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turn OCR output into a Reading Room bundle, check it and build it.
#[derive(Debug, Parser)]
#[command(name = "readingroom", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Import(cmd::import::Args),
    Check(cmd::check::Args),
    Show(cmd::show::Args),
    Cite(cmd::cite::Args),
    /// Search a collection, tolerant of OCR errors.
    Search(cmd::search::Args),
    Build(cmd::build::Args),
    Synth(cmd::synth::Args),
    /// Compare an OCR text with its correction: CER, WER and every correction.
    Diff(cmd::diff::Args),
    /// CER and WER of every corrected document, per page, and of the collection.
    Stats(cmd::stats::Args),
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(args) => cmd::import::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::Show(args) => cmd::show::run(&args),
        Command::Cite(args) => cmd::cite::run(&args),
        Command::Search(args) => cmd::search::run(&args),
        Command::Diff(args) => cmd::diff::run(&args),
        Command::Stats(args) => cmd::stats::run(&args),
        Command::Build(args) => cmd::build::run(&args),
        Command::Synth(args) => cmd::synth::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            // A diagnostic already names its file and place.
            match error.downcast_ref::<readingroom_core::diagnostic::Diagnostic>() {
                Some(diagnostic) => eprintln!("{diagnostic}"),
                None => eprintln!("readingroom: error: {error:#}"),
            }
            ExitCode::FAILURE
        }
    }
}
