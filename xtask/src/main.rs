//! xtask: the contributor's commands, run as `cargo xtask <command>`.
//!
//! Two of them are all a newcomer needs: `serve` (set up, build, serve the default collection)
//! and `test` (set up, then every check CI runs). `bench` measures and writes BENCHMARKS.md;
//! `fuzz` runs the fuzz suite long; `single-file` writes the edition that opens from a file. Each command installs what is missing first and skips what
//! is there, so a second run does no installing.

mod bench;
mod dist;
mod fuzz;
mod import_names;
mod minify;
mod nginx;
mod offline;
mod precompress;
mod process;
mod serve;
mod setup;
mod single_file;
mod site_dir;
mod test;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Build, serve and test Reading Room")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Install what is missing: the wasm target, wasm-bindgen-cli, npm tools, Chromium, Firefox
    /// ESR and geckodriver, WebKitGTK's driver and Xvfb, nginx.
    Setup,
    /// Build the release site into dist/, and the default collection's single-file edition
    /// (target/reading-room.html); print the sizes of both.
    Dist,
    /// Set up, build dist/, and write the single-file edition: the app, its modules and a
    /// collection in one HTML file that opens from file:// with no server.
    SingleFile(single_file::Args),
    /// Set up, build, and serve dist/ on 127.0.0.1.
    Serve(serve::Args),
    /// Set up, then run fmt, clippy, the native tests and the browser tests.
    Test(test::Args),
    /// Measure search (index build, size, latency natively and in Chromium, against
    /// Pagefind) and write BENCHMARKS.md. Not part of `test`.
    Bench(bench::Args),
    /// Run the fuzz suite with a long budget and keep each failing input as a regression
    /// case. `test` runs a short budget of it.
    Fuzz(fuzz::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Setup => setup::run(),
        Command::Dist => {
            setup::run().and_then(|()| dist::run()).and_then(|site| single_file::beside_dist(&site))
        }
        Command::SingleFile(args) => single_file::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Test(args) => test::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Fuzz(args) => fuzz::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set (relative to the root), else `target/`.
pub fn target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}
