//! `cargo xtask test`: set up, then every check CI runs, in order, stopping at the first
//! failure: formatting, clippy (native and wasm), the native tests, then the browser tests
//! against a freshly built dist/ served under a sub-path: by nginx with the configuration the
//! project ships (`deploy/nginx/`), as a site keeper would host it, unless told to use xtask's
//! own server, and against the single-file edition of the same build, opened from a file. The
//! browser tests are the Playwright suite in Chromium, then the smoke suite (`tests/smoke/`) in
//! Firefox ESR and WebKitGTK over WebDriver, against the same server and the same file.

use crate::{dist, nginx, process, serve, setup, single_file};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The sub-path the browser tests serve the site under.
pub const TEST_BASE: &str = "/museum/reading-room/";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Run only setup and the browser tests, for iterating on the app. CI runs everything.
    #[arg(long)]
    pub browser_only: bool,
    /// The static host the browser tests run against. CI uses nginx.
    #[arg(long, value_enum, default_value_t = Server::Nginx)]
    pub server: Server,
    /// Skip the smoke suite in Firefox and WebKit, for iterating on the Playwright suite. CI
    /// never does.
    #[arg(long)]
    pub chromium_only: bool,
    /// Arguments passed on to Playwright, e.g. a test file or `--grep library`.
    #[arg(last = true)]
    pub playwright: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Server {
    /// Debian's nginx with deploy/nginx/reading-room.conf (and its brotli part when the module
    /// is installed).
    Nginx,
    /// `cargo xtask serve`'s own server (axum and tower-http).
    Xtask,
}

/// The engines the smoke suite runs in over WebDriver (Chromium runs it under Playwright).
const WEBDRIVER_ENGINES: [&str; 2] = ["firefox", "webkit"];

pub fn run(args: &Args) -> anyhow::Result<()> {
    step("setup", setup::run)?;
    if args.browser_only {
        return browser_tests(args);
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
            "--package",
            "readingroom-cite",
            "--target",
            setup::WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("native tests", || process::run(Command::new("cargo").args(["test", "--workspace"])))?;
    browser_tests(args)?;
    eprintln!("xtask test: all checks passed");
    Ok(())
}

fn step<T>(name: &str, body: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
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

/// A running static host: xtask's server or nginx, stopped when dropped.
enum Host {
    Xtask(serve::Background),
    Nginx(nginx::Nginx),
}

impl Host {
    fn urls(&self) -> &[String] {
        match self {
            Host::Xtask(server) => &server.urls,
            Host::Nginx(server) => &server.urls,
        }
    }

    /// Whether the host sends dist's `.br` copies (xtask's server always does).
    fn brotli(&self) -> bool {
        match self {
            Host::Xtask(_) => true,
            Host::Nginx(server) => server.brotli,
        }
    }
}

/// What the browser tests run against, beside the host: the built site, where each collection
/// is mounted, the single-file edition of the same build, and a copy of the site on a server of
/// its own, which the update test changes as a new deployment would (a new version in sw.js)
/// without touching the site the other tests use.
struct Site {
    dir: PathBuf,
    mounts: Vec<serve::Mount>,
    single: PathBuf,
    update_dir: PathBuf,
    update: serve::Background,
}

fn browser_tests(args: &Args) -> anyhow::Result<()> {
    let site = step("build the site, its single file and the fixture collections", site)?;
    let host = step("start the static host", || match args.server {
        Server::Nginx => Ok(Host::Nginx(nginx::spawn(&site.dir, &site.mounts)?)),
        Server::Xtask => Ok(Host::Xtask(serve::spawn(site.dir.clone(), site.mounts.clone())?)),
    })?;
    eprintln!("browser tests: {:?} serves dist/ at {}", args.server, host.urls()[0]);
    step("browser tests (Chromium, Playwright)", || playwright(&site, &host, &args.playwright))?;
    if args.server == Server::Nginx && args.playwright.is_empty() {
        // `cargo xtask serve` must keep the same policy as the shipped configuration: its
        // headers are checked too, which takes seconds.
        step("hosting checks against xtask's server", || {
            let own = Host::Xtask(serve::spawn(site.dir.clone(), site.mounts.clone())?);
            playwright(&site, &own, &["hosting.spec.mjs".to_owned()])
        })?;
    }
    if args.chromium_only {
        eprintln!("browser tests: Firefox and WebKit skipped (--chromium-only)");
        return Ok(());
    }
    step("smoke suite (Firefox ESR and WebKitGTK, WebDriver)", || engines(&host, &site.single))
}

/// Builds dist/, its single file and the fixture collections, and starts the update test's
/// copy of the site.
fn site() -> anyhow::Result<Site> {
    let dir = dist::run()?;
    let single = dist::work_dir().join("single-file/reading-room.html");
    single_file::write(&dir.join("bundle"), &single)?;
    let mut mounts = vec![serve::Mount { base: TEST_BASE.to_owned(), bundle: None }];
    for (base, documents, _) in FIXTURE_COLLECTIONS {
        let bundle = crate::target().join("xtask/fixtures").join(base.trim_matches('/'));
        dist::build_documents(&crate::root().join(documents), &bundle)?;
        mounts.push(serve::Mount { base: base.to_owned(), bundle: Some(bundle) });
    }
    let update_dir = crate::target().join("xtask/fixtures/update-site");
    if update_dir.exists() {
        std::fs::remove_dir_all(&update_dir)?;
    }
    dist::copy_dir(&dir, &update_dir)?;
    let update_mount = serve::Mount { base: TEST_BASE.to_owned(), bundle: None };
    let update = serve::spawn(update_dir.clone(), vec![update_mount])?;
    Ok(Site { dir, mounts, single, update_dir, update })
}

fn playwright(site: &Site, host: &Host, extra: &[String]) -> anyhow::Result<()> {
    let urls = host.urls();
    let mut playwright = Command::new(setup::npm_bin("playwright"));
    playwright
        .args(["test", "--config", "tests/playwright.config.mjs"])
        .args(extra)
        .env("READINGROOM_URL", &urls[0])
        // The tests compare the app's results with the CLI's on the same bundle, and what the
        // host sends with the files dist wrote.
        .env("READINGROOM_DIST", &site.dir)
        .env("READINGROOM_BUNDLE", site.dir.join("bundle"))
        .env("READINGROOM_BROTLI", if host.brotli() { "1" } else { "0" })
        .env("READINGROOM_CLI", crate::target().join("debug/readingroom"))
        .env("READINGROOM_SINGLE_FILE", &site.single)
        .env("READINGROOM_UPDATE_URL", &site.update.urls[0])
        .env("READINGROOM_UPDATE_DIR", &site.update_dir)
        .env("CHROMIUM", setup::CHROMIUM);
    for ((_, _, variable), url) in FIXTURE_COLLECTIONS.iter().zip(&urls[1..]) {
        playwright.env(variable, url);
    }
    process::run(&mut playwright)
}

/// The smoke suite in the engines Playwright cannot drive here, one after the other.
fn engines(host: &Host, single: &Path) -> anyhow::Result<()> {
    let minibrowser = setup::minibrowser().unwrap_or_default();
    process::run(
        Command::new("node")
            .arg("tests/smoke/engines.mjs")
            .args(WEBDRIVER_ENGINES)
            .env("READINGROOM_URL", &host.urls()[0])
            .env("READINGROOM_SINGLE_FILE", single)
            .env("FIREFOX", setup::FIREFOX)
            .env("GECKODRIVER", setup::cargo_bin("geckodriver"))
            .env("WEBKIT_DRIVER", setup::WEBKIT_DRIVER)
            .env("MINIBROWSER", minibrowser)
            .env("XVFB", setup::XVFB),
    )
}
