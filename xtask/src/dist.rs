//! `cargo xtask dist`: build the release site into `dist/`.
//!
//! The steps are the ones trunk would run, done here because trunk does not build on this
//! toolchain: cargo builds the wasm, wasm-bindgen writes the JS glue, wasm-opt shrinks the
//! wasm, the `readingroom` CLI builds the documents, and index.html and static/ are copied.
//! The wasm and the JS are named by their content hash so hosts can cache them forever. The
//! site is assembled in a temporary folder and renamed into place.

use crate::{process, setup};
use anyhow::{Context, bail, ensure};
use flate2::{Compression, write::GzEncoder};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The size budget for the app itself (wasm plus JS, gzipped), in bytes.
pub const BUDGET_GZIP: u64 = 250 * 1024;
const WASM_OPT_FLAGS: [&str; 7] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn dist_dir() -> PathBuf {
    crate::root().join("dist")
}

fn work_dir() -> PathBuf {
    crate::root().join("target/xtask")
}

/// Builds dist/ and returns its path.
pub fn run() -> anyhow::Result<PathBuf> {
    let root = crate::root();
    let work = work_dir();
    let staging = work.join("dist.tmp");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let (js, wasm) = build_app(&work, &staging)?;
    build_documents(&root.join("documents"), &staging.join("bundle"))?;
    copy_dir(&root.join("static"), &staging.join("static"))?;
    let html = fs::read_to_string(root.join("index.html")).context("cannot read index.html")?;
    let html = html.replace("{{app.js}}", &js).replace("{{app.wasm}}", &wasm);
    fs::write(staging.join("index.html"), html)?;
    let app_gzip = report_sizes(&staging, &[&js, &wasm])?;
    let dist = dist_dir();
    swap_into_place(&staging, &dist)?;
    eprintln!("dist: wrote {}", dist.display());
    ensure!(
        app_gzip <= BUDGET_GZIP,
        "the app is {} KB gzipped, over its {} KB budget",
        app_gzip / 1024,
        BUDGET_GZIP / 1024
    );
    Ok(dist)
}

/// Builds, binds and optimizes the wasm; writes the hashed JS and wasm into `out` and
/// returns their file names.
fn build_app(work: &Path, out: &Path) -> anyhow::Result<(String, String)> {
    process::run(Command::new("cargo").args([
        "build",
        "--release",
        "--package",
        "readingroom",
        "--target",
        setup::WASM_TARGET,
    ]))?;
    let raw = crate::root().join("target/wasm32-unknown-unknown/release/readingroom.wasm");
    let bindgen = work.join("bindgen");
    process::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", "readingroom", "--out-dir"])
            .arg(&bindgen)
            .arg(&raw),
    )?;
    let optimized = work.join("readingroom.opt.wasm");
    process::run(
        Command::new(setup::npm_bin("wasm-opt"))
            .args(WASM_OPT_FLAGS)
            .arg(bindgen.join("readingroom_bg.wasm"))
            .arg("-o")
            .arg(&optimized),
    )?;
    let wasm_bytes = fs::read(&optimized)?;
    let wasm_name = format!("readingroom-{}.wasm", short_hash(&wasm_bytes));
    let glue = fs::read_to_string(bindgen.join("readingroom.js"))?;
    let js = boot_glue(&glue, &wasm_name)?;
    let js_name = format!("readingroom-{}.js", short_hash(js.as_bytes()));
    fs::write(out.join(&wasm_name), wasm_bytes)?;
    fs::write(out.join(&js_name), js)?;
    Ok((js_name, wasm_name))
}

/// Points wasm-bindgen's glue at the hashed wasm file and makes it start the app when loaded,
/// so index.html needs no inline script and its CSP can forbid them.
fn boot_glue(glue: &str, wasm_name: &str) -> anyhow::Result<String> {
    let default_url = "new URL('readingroom_bg.wasm', import.meta.url)";
    if glue.matches(default_url).count() != 1 || !glue.contains("__wbg_init as default") {
        bail!("wasm-bindgen's glue has changed shape; update xtask/src/dist.rs::boot_glue");
    }
    let glue = glue.replace(default_url, &format!("new URL('{wasm_name}', import.meta.url)"));
    Ok(format!("{glue}\n__wbg_init();\n"))
}

/// Builds a documents folder into a bundle with the `readingroom` CLI, as a curator would.
pub fn build_documents(documents: &Path, out: &Path) -> anyhow::Result<()> {
    process::run(
        Command::new("cargo")
            .args(["run", "--quiet", "--package", "readingroom-cli", "--", "build"])
            .arg(documents)
            .arg("--out")
            .arg(out),
    )
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Prints every file's size, raw and gzipped, and returns the gzipped size of `app_files`.
fn report_sizes(site: &Path, app_files: &[&str]) -> anyhow::Result<u64> {
    let mut files = Vec::new();
    list_files(site, site, &mut files)?;
    files.sort();
    eprintln!("dist: {:<52} {:>10} {:>10}", "file", "bytes", "gzipped");
    let mut app_gzip = 0;
    for relative in files {
        let bytes = fs::read(site.join(&relative))?;
        let gzipped = gzip_len(&bytes)?;
        eprintln!("dist: {relative:<52} {:>10} {gzipped:>10}", bytes.len());
        if app_files.contains(&relative.as_str()) {
            app_gzip += gzipped;
        }
    }
    eprintln!(
        "dist: app (wasm + JS) gzipped: {:.1} KB of a {} KB budget",
        app_gzip as f64 / 1024.0,
        BUDGET_GZIP / 1024
    );
    Ok(app_gzip)
}

fn list_files(base: &Path, dir: &Path, out: &mut Vec<String>) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            list_files(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Replaces `dist` by `staging`, keeping the old one until the new one is in place.
fn swap_into_place(staging: &Path, dist: &Path) -> anyhow::Result<()> {
    let old = work_dir().join("dist.old");
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    if dist.exists() {
        fs::rename(dist, &old)?;
    }
    fs::rename(staging, dist)?;
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}
