//! `cargo xtask test`: set up, then every check CI runs, in order, stopping at the first
//! failure: formatting, clippy (native and wasm), the native tests, then the browser tests
//! against a freshly built dist/ served under a sub-path, and against the single-file edition
//! of the same build, opened from a file.

use crate::{dist, process, serve, setup, single_file};
use anyhow::Context;
use std::process::Command;
use std::time::Instant;

/// The sub-path the browser tests serve the site under.
pub const TEST_BASE: &str = "/museum/reading-room/";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Run only setup and the browser tests, for iterating on the app. CI runs everything.
    #[arg(long)]
    pub browser_only: bool,
    /// Arguments passed on to Playwright, e.g. a test file or `--grep library`.
    #[arg(last = true)]
    pub playwright: Vec<String>,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    step("setup", setup::run)?;
    if args.browser_only {
        return step("browser tests", || browser_tests(&args.playwright));
    }
    step("cargo fmt", || process::run(Command::new("cargo").args(["fmt", "--all", "--check"])))?;
    step("clippy (native)", || {
        process::run(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("clippy (wasm)", || {
        process::run(Command::new("cargo").args([
            "clippy",
            "--package",
            "readingroom",
            "--package",
            "readingroom-search",
            "--package",
            "readingroom-compare",
            "--target",
            setup::WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("native tests", || process::run(Command::new("cargo").args(["test", "--workspace"])))?;
    step("browser tests", || browser_tests(&args.playwright))?;
    eprintln!("xtask test: all checks passed");
    Ok(())
}

fn step(name: &str, body: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    eprintln!("\n== {name}");
    let started = Instant::now();
    let result = body().with_context(|| format!("step `{name}` failed"));
    eprintln!(
        "== {name}: {} in {:.1?}",
        if result.is_ok() { "ok" } else { "FAILED" },
        started.elapsed()
    );
    result
}

/// Fixture collections the browser tests open beside the default one: (sub-path, folder of
/// documents, environment variable that tells the tests the URL).
const FIXTURE_COLLECTIONS: [(&str, &str, &str); 1] =
    [("/fixtures/hostile/", "tests/fixtures/hostile-documents", "READINGROOM_HOSTILE_URL")];

fn browser_tests(extra: &[String]) -> anyhow::Result<()> {
    let dir = dist::run()?;
    let single = dist::work_dir().join("single-file/reading-room.html");
    single_file::write(&dir.join("bundle"), &single)?;
    let mut mounts = vec![serve::Mount { base: TEST_BASE.to_owned(), bundle: None }];
    for (base, documents, _) in FIXTURE_COLLECTIONS {
        let bundle = crate::target().join("xtask/fixtures").join(base.trim_matches('/'));
        dist::build_documents(&crate::root().join(documents), &bundle)?;
        mounts.push(serve::Mount { base: base.to_owned(), bundle: Some(bundle) });
    }
    let server = serve::spawn(dir.clone(), mounts)?;
    eprintln!("browser tests: serving dist/ at {}", server.urls[0]);
    // A copy of the site on a server of its own, which the update test changes as a new
    // deployment would (a new version in sw.js), without touching the site the others use.
    let update = crate::target().join("xtask/fixtures/update-site");
    if update.exists() {
        std::fs::remove_dir_all(&update)?;
    }
    dist::copy_dir(&dir, &update)?;
    let update_mount = serve::Mount { base: TEST_BASE.to_owned(), bundle: None };
    let update_server = serve::spawn(update.clone(), vec![update_mount])?;
    let mut playwright = Command::new(setup::npm_bin("playwright"));
    playwright
        .args(["test", "--config", "tests/playwright.config.mjs"])
        .args(extra)
        .env("READINGROOM_URL", &server.urls[0])
        // The tests compare the app's results with the CLI's on the same bundle.
        .env("READINGROOM_BUNDLE", dir.join("bundle"))
        .env("READINGROOM_CLI", crate::target().join("debug/readingroom"))
        .env("READINGROOM_SINGLE_FILE", &single)
        .env("CHROMIUM", setup::CHROMIUM)
        .env("READINGROOM_UPDATE_URL", &update_server.urls[0])
        .env("READINGROOM_UPDATE_DIR", &update);
    for ((_, _, variable), url) in FIXTURE_COLLECTIONS.iter().zip(&server.urls[1..]) {
        playwright.env(variable, url);
    }
    process::run(&mut playwright)
}
