//! `cargo xtask setup`: install what the build and the tests need, and only what is missing.
//!
//! Each step says what it installs and why, or that it is already there, so a second run takes
//! seconds and prints a line per tool.

use crate::process;
use anyhow::{Context, bail};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium and its driver, used by the browser tests.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Firefox ESR, driven by geckodriver in the smoke suite.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// WebKitGTK's WebDriver (Debian's webkit2gtk-driver), which starts MiniBrowser.
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The X server WebKitGTK draws on in the tests: it has no headless mode.
pub const XVFB: &str = "/usr/bin/Xvfb";
/// geckodriver is not packaged by Debian; it is built from crates.io at this version.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

pub fn run() -> anyhow::Result<()> {
    wasm_target()?;
    wasm_bindgen_cli()?;
    npm_packages()?;
    chromium()?;
    debian_packages()?;
    geckodriver()?;
    Ok(())
}

fn wasm_target() -> anyhow::Result<()> {
    let installed = process::output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l.trim() == WASM_TARGET)) {
        eprintln!("setup: rust target {WASM_TARGET}: present");
        return Ok(());
    }
    eprintln!("setup: installing rust target {WASM_TARGET} (the app compiles to WebAssembly)");
    process::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version Cargo.lock resolved; the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version() -> anyhow::Result<String> {
    let lock =
        fs::read_to_string(crate::root().join("Cargo.lock")).context("cannot read Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile` first")
}

fn wasm_bindgen_cli() -> anyhow::Result<()> {
    let wanted = locked_wasm_bindgen_version()?;
    let found = process::output(Command::new("wasm-bindgen").arg("--version"));
    let found = found.as_deref().and_then(|v| v.split_whitespace().nth(1)).map(str::to_owned);
    if found.as_deref() == Some(wanted.as_str()) {
        eprintln!("setup: wasm-bindgen-cli {wanted}: present");
        return Ok(());
    }
    let why = match found {
        Some(other) => format!("{other} is installed but Cargo.lock pins {wanted}"),
        None => "it generates the app's JavaScript bindings".to_owned(),
    };
    eprintln!("setup: installing wasm-bindgen-cli {wanted} ({why}; about 2 minutes)");
    // No --locked: the CLI's own lockfile pins a crate version the registry no longer serves.
    process::run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

/// Where `npm ci` leaves the hash of the lockfile it installed from.
fn npm_stamp() -> PathBuf {
    crate::root().join("node_modules/.readingroom-lock.sha256")
}

fn npm_packages() -> anyhow::Result<()> {
    let root = crate::root();
    let lock = fs::read(root.join("package-lock.json")).context("cannot read package-lock.json")?;
    let hash = format!("{:x}", Sha256::digest(&lock));
    if fs::read_to_string(npm_stamp()).is_ok_and(|stamp| stamp.trim() == hash) {
        eprintln!(
            "setup: npm packages (binaryen, terser, lightningcss, Playwright, axe-core, selenium-webdriver, Pagefind): present"
        );
        return Ok(());
    }
    eprintln!(
        "setup: installing npm packages from package-lock.json (wasm-opt from binaryen, terser and lightningcss, Playwright and axe-core, selenium-webdriver for Firefox and WebKit, Pagefind for the benchmarks)"
    );
    process::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    fs::write(npm_stamp(), hash).context("cannot record the npm install")
}

/// A tool installed by npm, in node_modules/.bin.
pub fn npm_bin(name: &str) -> PathBuf {
    crate::root().join("node_modules/.bin").join(name)
}

fn chromium() -> anyhow::Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        eprintln!("setup: chromium and chromedriver: present");
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"], "the browser tests run in them")
}

/// The other engines and the static host, from Debian, each only when missing: (package, a
/// file it installs, what it is for).
fn debian_packages() -> anyhow::Result<()> {
    let wanted: [(&str, Option<PathBuf>, &str); 5] = [
        ("firefox-esr", Some(PathBuf::from(FIREFOX)), "the smoke suite runs in it"),
        (
            "webkit2gtk-driver",
            minibrowser().filter(|_| Path::new(WEBKIT_DRIVER).exists()),
            "WebKit for the smoke suite",
        ),
        ("xvfb", Some(PathBuf::from(XVFB)), "the display WebKit draws on"),
        ("nginx", Some(PathBuf::from(crate::nginx::NGINX)), "the browser tests' static host"),
        (
            "libnginx-mod-http-brotli-static",
            Some(PathBuf::from(crate::nginx::BROTLI_MODULE)),
            "nginx sends dist's .br copies",
        ),
    ];
    let missing: Vec<_> =
        wanted.iter().filter(|(_, file, _)| !file.as_ref().is_some_and(|f| f.exists())).collect();
    for (package, _, _) in wanted.iter().filter(|w| !missing.iter().any(|m| m.0 == w.0)) {
        eprintln!("setup: {package}: present");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let why: Vec<String> = missing.iter().map(|(p, _, why)| format!("{p}: {why}")).collect();
    let packages: Vec<&str> = missing.iter().map(|(p, _, _)| *p).collect();
    apt_install(&packages, &why.join("; "))
}

/// Installs Debian packages (the session is root in CI; elsewhere it says what to run).
fn apt_install(packages: &[&str], why: &str) -> anyhow::Result<()> {
    let list = packages.join(" ");
    if !is_root() {
        bail!(
            "{list} missing, and installing needs root; run: sudo sh -c 'apt-get update && apt-get install -y {list}'"
        );
    }
    eprintln!("setup: installing Debian's {list} ({why})");
    process::run(Command::new("apt-get").arg("update"))?;
    process::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// WebKitGTK's MiniBrowser, which Debian keeps in the library's folder of the architecture.
pub fn minibrowser() -> Option<PathBuf> {
    let lib = Path::new("/usr/lib");
    let arches = fs::read_dir(lib).ok()?.filter_map(|e| e.ok()).map(|e| e.path());
    arches
        .flat_map(|arch| {
            ["webkit2gtk-4.1", "webkit2gtk-4.0"].map(|v| arch.join(v).join("MiniBrowser"))
        })
        .find(|path| path.exists())
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
    });
    home.join("bin").join(name)
}

fn geckodriver() -> anyhow::Result<()> {
    let found = process::output(Command::new(cargo_bin("geckodriver")).arg("--version"));
    let found = found.as_deref().and_then(|v| v.split_whitespace().nth(1)).map(str::to_owned);
    if found.as_deref() == Some(GECKODRIVER_VERSION) {
        eprintln!("setup: geckodriver {GECKODRIVER_VERSION}: present");
        return Ok(());
    }
    eprintln!(
        "setup: installing geckodriver {GECKODRIVER_VERSION} (drives Firefox for the smoke suite; 2 to 4 minutes)"
    );
    process::run(Command::new("cargo").args([
        "install",
        "geckodriver",
        "--locked",
        "--version",
        GECKODRIVER_VERSION,
    ]))
}

fn is_root() -> bool {
    process::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
