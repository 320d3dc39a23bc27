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

pub fn run() -> anyhow::Result<()> {
    wasm_target()?;
    wasm_bindgen_cli()?;
    npm_packages()?;
    chromium()?;
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
            "setup: npm packages (binaryen, terser, Playwright, axe-core, Pagefind): present"
        );
        return Ok(());
    }
    eprintln!(
        "setup: installing npm packages from package-lock.json (wasm-opt from binaryen, terser, Playwright and axe-core, Pagefind for the benchmarks)"
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
    let command = "apt-get update && apt-get install -y chromium chromium-driver";
    if !is_root() {
        bail!("Chromium is missing and installing it needs root; run: sudo sh -c '{command}'");
    }
    eprintln!(
        "setup: installing Debian's chromium and chromium-driver (the browser tests run in them)"
    );
    process::run(Command::new("apt-get").arg("update"))?;
    process::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn is_root() -> bool {
    process::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
