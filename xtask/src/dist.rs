//! `cargo xtask dist`: build the release site into `dist/`.
//!
//! The steps are the ones trunk would run, done here because trunk does not build on this
//! toolchain: cargo builds the wasm, wasm-bindgen writes the JS glue, wasm-opt shrinks the
//! wasm, the `readingroom` CLI builds the documents, and index.html and static/ are copied.
//! Four wasm modules are built: the app; the search engine (`crates/search-wasm`), which the
//! app imports the first time a reader searches; the comparison (`crates/compare-wasm`),
//! imported where a page compares OCR with its correction; and the citations
//! (`crates/cite-wasm`), imported the first time a reader asks for a citation.
//! The wasm and the JS are named by their content hash so hosts can cache them forever, and
//! have `.br` and `.gz` copies beside them ([`crate::precompress`]). The site is assembled in
//! a temporary folder and renamed into place, replacing only a dist/ it wrote
//! ([`crate::site_dir`]).

use crate::minify::{self, Script, minify};
use crate::{process, setup};
use anyhow::{Context, bail, ensure};
use flate2::{Compression, write::GzEncoder};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The size budget for the app itself (wasm plus JS, gzipped), in bytes.
pub const BUDGET_GZIP: u64 = 194 * 1024;
/// `-Oz` until it stops paying (`--converge`, 0.5 KB gzipped off the app); a function with one
/// caller is inlined only when small (`-ocimfs`: by default all are, whatever their size,
/// which leaves the code 2 % smaller but compressing 7 % worse: 16 KB gzipped off the app at
/// 15, measured from 0 to 200); and `--low-memory-unused` (1.5 KB): Rust's modules never touch
/// the first kilobyte of memory (the stack starts at 1 MiB and grows down; data and heap lie
/// above it), so address arithmetic may fold into load and store offsets.
const WASM_OPT_FLAGS: [&str; 12] = [
    "-Oz",
    "--converge",
    "--one-caller-inline-max-function-size=15",
    "--low-memory-unused",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    // The toolchain's names and the features it compiled with: nothing a browser reads.
    "--strip-producers",
    "--strip-target-features",
];

pub fn dist_dir() -> PathBuf {
    crate::root().join("dist")
}

pub(crate) fn work_dir() -> PathBuf {
    crate::target().join("xtask")
}

/// Builds dist/ and returns its path, or an error when the app is over its budget (the site
/// is written all the same).
pub fn run() -> anyhow::Result<PathBuf> {
    let (dist, app_gzip) = build()?;
    ensure!(
        app_gzip <= BUDGET_GZIP,
        "the app is {} KB gzipped, over its {} KB budget",
        app_gzip / 1024,
        BUDGET_GZIP / 1024
    );
    Ok(dist)
}

/// Builds dist/ and returns its path and the app's gzipped size, over the budget or not: the
/// benchmarks measure the site as it is and report the budget themselves. A dist/ this command
/// did not write is refused first (see [`crate::site_dir`]); a failure leaves the old dist/ as
/// it was.
pub fn build() -> anyhow::Result<(PathBuf, u64)> {
    let dist = dist_dir();
    crate::site_dir::check(&dist)?;
    let work = work_dir();
    let staging = work.join("dist.tmp");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let built = build_site(&work, &staging).and_then(|app_gzip| {
        crate::site_dir::swap_in(&staging, &dist, &work.join("dist.old"))?;
        Ok(app_gzip)
    });
    if built.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    let app_gzip = built?;
    eprintln!("dist: wrote {}", dist.display());
    Ok((dist, app_gzip))
}

/// Builds the site into `staging` and returns the app's gzipped size.
fn build_site(work: &Path, staging: &Path) -> anyhow::Result<u64> {
    let root = crate::root();
    let search = build_wasm(work, staging, "readingroom-search", "readingroom_search", "")?;
    let compare = build_wasm(work, staging, "readingroom-compare", "readingroom_compare", "")?;
    let cite = build_wasm(work, staging, "readingroom-cite", "readingroom_cite", "")?;
    let loaders = [("Search", &*search.js), ("Compare", &*compare.js), ("Cite", &*cite.js)];
    let (js, wasm) = build_app(work, staging, &loaders)?;
    build_documents(&root.join("documents"), &staging.join("bundle"))?;
    copy_dir(&root.join("static"), &staging.join("static"))?;
    for script in PAGE_SCRIPTS.iter().chain(&LOADED_SCRIPTS) {
        let path = staging.join(script);
        fs::write(&path, minify(work, &fs::read_to_string(&path)?, Script::Classic)?)?;
    }
    minify::css(work, &staging.join("static/style.css"))?;
    let html = fs::read_to_string(root.join("index.html")).context("cannot read index.html")?;
    let html = minify::html_comments(&html);
    let html = html.replace("{{app.js}}", &js).replace("{{app.wasm}}", &wasm);
    fs::write(staging.join("index.html"), html)?;
    let modules =
        vec![&*search.js, &*search.wasm, &*compare.js, &*compare.wasm, &*cite.js, &*cite.wasm];
    let version =
        crate::offline::write(staging, &crate::offline::Built { app: [&js, &wasm], modules })?;
    eprintln!("dist: build {version}");
    let modules = [
        ("search module", [search.js.as_str(), search.wasm.as_str()]),
        ("compare module", [compare.js.as_str(), compare.wasm.as_str()]),
        ("cite module", [cite.js.as_str(), cite.wasm.as_str()]),
        ("sharing and embedding scripts", LOADED_SCRIPTS),
    ];
    // The page's own scripts run on every page beside the app, so the budget counts them.
    let app_files = [js.as_str(), wasm.as_str(), PAGE_SCRIPTS[0], PAGE_SCRIPTS[1]];
    let app_gzip = report_sizes(staging, &app_files, &modules)?;
    crate::precompress::site(staging)?;
    report_brotli(staging, &app_files, &[js.as_str(), wasm.as_str()])?;
    Ok(app_gzip)
}

/// The page's plain scripts, in dist/: the static chrome (header, display menu, shortcuts) and
/// offline use (the service worker's registration, its update notice, "Make available
/// offline"). The worker's own script is not among them: it runs beside the page, not in it.
const PAGE_SCRIPTS: [&str; 2] = ["static/chrome.js", "static/offline.js"];

/// The plain scripts chrome.js loads where they are used, as the modules are: the Share dialog
/// with its passage links, and the message API of an embedded view. The budget leaves them out,
/// since a page that neither shares nor is embedded never loads them.
const LOADED_SCRIPTS: [&str; 2] = ["static/share.js", "static/embed.js"];

/// A built wasm module: its hashed JS glue and wasm file names.
struct Module {
    js: String,
    wasm: String,
}

/// Builds the app, whose glue starts it on load and can import the other modules: one loader,
/// `readingroomLoad<Name>`, per (name, glue file).
fn build_app(
    work: &Path,
    out: &Path,
    modules: &[(&str, &str)],
) -> anyhow::Result<(String, String)> {
    let loaders: Vec<String> = modules.iter().map(|(name, js)| loader(name, js)).collect();
    let start = format!("\n{}\n{EARLY_SEARCH}\n__wbg_init();\n", loaders.join("\n"));
    let module = build_wasm(work, out, "readingroom", "readingroom", &start)?;
    Ok((module.js, module.wasm))
}

/// The function the app calls to load a module the first time it needs it (the search module
/// when a reader first searches). It loads the module once, however often it is called, and
/// tries again after a failure.
fn loader(name: &str, js: &str) -> String {
    format!(
        "globalThis.readingroomLoad{name} = (() => {{\n  let loading;\n  \
         return () => loading ??= import(new URL('{js}', import.meta.url).href)\n    \
         .then(async (module) => {{ await module.default(); return module; }})\n    \
         .catch((error) => {{ loading = undefined; throw error; }});\n}})();"
    )
}

/// A page opened on a search (`#/?q=…`, a link to a search) starts loading the search module
/// at once, beside the app's own start, rather than after it; the app's later call reuses it.
pub(crate) const EARLY_SEARCH: &str = "if (/^#\\/?\\?(.*&)?q=[^&]/.test(location.hash)) \
     readingroomLoadSearch().catch(() => {});";

/// Builds, binds and optimizes one wasm package; writes its hashed JS glue (pointed at the
/// hashed wasm, with `tail` added, then minified) and wasm into `out`.
fn build_wasm(
    work: &Path,
    out: &Path,
    package: &str,
    stem: &str,
    tail: &str,
) -> anyhow::Result<Module> {
    process::run(
        Command::new("cargo")
            .args(["build", "--release", "--package", package, "--target", setup::WASM_TARGET])
            .env("CARGO_ENCODED_RUSTFLAGS", minify::rustflags()),
    )?;
    let raw = crate::target().join(format!("wasm32-unknown-unknown/release/{stem}.wasm"));
    process::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", stem, "--out-dir"])
            .arg(work.join(BINDGEN_DIR))
            .arg(&raw),
    )?;
    shorten_imports(work, stem)?;
    let optimized = optimized_wasm(work, stem);
    process::run(
        Command::new(setup::npm_bin("wasm-opt"))
            .args(WASM_OPT_FLAGS)
            .arg(work.join(BINDGEN_DIR).join(format!("{stem}_bg.wasm")))
            .arg("-o")
            .arg(&optimized),
    )?;
    let wasm_bytes = fs::read(&optimized)?;
    let wasm = format!("{package}-{}.wasm", short_hash(&wasm_bytes));
    let glue = fs::read_to_string(bindgen_glue(work, stem))?;
    let glue = point_at_wasm(&glue, stem, &wasm)? + tail;
    let glue = minify(work, &glue, Script::Module)?;
    let js = format!("{package}-{}.js", short_hash(glue.as_bytes()));
    fs::write(out.join(&wasm), wasm_bytes)?;
    fs::write(out.join(&js), glue)?;
    Ok(Module { js, wasm })
}

/// Gives the imports of the module `stem` short names in its wasm and its glue, where
/// wasm-bindgen wrote them ([`crate::import_names`]).
fn shorten_imports(work: &Path, stem: &str) -> anyhow::Result<()> {
    let wasm_path = work.join(BINDGEN_DIR).join(format!("{stem}_bg.wasm"));
    let js_path = bindgen_glue(work, stem);
    let (wasm, js) = crate::import_names::shorten(
        &fs::read(&wasm_path)?,
        &fs::read_to_string(&js_path)?,
        &format!("./{stem}_bg.js"),
    )?;
    fs::write(&wasm_path, wasm)?;
    fs::write(&js_path, js)?;
    Ok(())
}

/// Where wasm-bindgen writes each module's glue and wasm, in the work folder.
const BINDGEN_DIR: &str = "bindgen";

/// wasm-bindgen's glue of the module `stem` as the last build wrote it, before it was pointed
/// at its hashed wasm and minified (the single-file edition gives it the wasm's bytes).
pub(crate) fn bindgen_glue(work: &Path, stem: &str) -> PathBuf {
    work.join(BINDGEN_DIR).join(format!("{stem}.js"))
}

/// The module `stem`'s wasm as the last build wrote it into the site, after wasm-opt.
pub(crate) fn optimized_wasm(work: &Path, stem: &str) -> PathBuf {
    work.join(format!("{stem}.opt.wasm"))
}

/// Points wasm-bindgen's glue at the hashed wasm file.
fn point_at_wasm(glue: &str, stem: &str, wasm_name: &str) -> anyhow::Result<String> {
    let default_url = format!("new URL('{stem}_bg.wasm', import.meta.url)");
    if glue.matches(&default_url).count() != 1 || !glue.contains("__wbg_init as default") {
        bail!("wasm-bindgen's glue has changed shape; update xtask/src/dist.rs::point_at_wasm");
    }
    Ok(glue.replace(&default_url, &format!("new URL('{wasm_name}', import.meta.url)")))
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

pub fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
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

/// Prints every file's size, raw and gzipped, and returns the gzipped size of `app_files`
/// (the modules' files are reported beside it: they load only when a page needs them).
fn report_sizes(
    site: &Path,
    app_files: &[&str],
    modules: &[(&str, [&str; 2])],
) -> anyhow::Result<u64> {
    let mut files = Vec::new();
    list_files(site, site, &mut files)?;
    files.sort();
    eprintln!("dist: {:<52} {:>10} {:>10}", "file", "bytes", "gzipped");
    let mut app_gzip = 0;
    let mut module_gzip = vec![0; modules.len()];
    for relative in files {
        let bytes = fs::read(site.join(&relative))?;
        let gzipped = gzip_len(&bytes)?;
        eprintln!("dist: {relative:<52} {:>10} {gzipped:>10}", bytes.len());
        if app_files.contains(&relative.as_str()) {
            app_gzip += gzipped;
        }
        for (total, (_, files)) in module_gzip.iter_mut().zip(modules) {
            if files.contains(&relative.as_str()) {
                *total += gzipped;
            }
        }
    }
    eprintln!(
        "dist: app (wasm + JS) gzipped: {:.1} KB of a {} KB budget",
        app_gzip as f64 / 1024.0,
        BUDGET_GZIP / 1024
    );
    for ((name, _), total) in modules.iter().zip(module_gzip) {
        eprintln!(
            "dist: {name} (loaded when first needed) gzipped: {:.1} KB",
            total as f64 / 1024.0
        );
    }
    Ok(app_gzip)
}

/// Prints what a host that serves the `.br` copies sends of the app: its wasm and glue (the
/// shell the issue's size target is about), and with the page's scripts, as the budget counts.
fn report_brotli(site: &Path, app_files: &[&str], shell: &[&str]) -> anyhow::Result<()> {
    let brotli = |files: &[&str]| -> anyhow::Result<u64> {
        files.iter().map(|f| Ok(fs::metadata(site.join(format!("{f}.br")))?.len())).sum()
    };
    eprintln!(
        "dist: app brotli (as served from the .br copies): {:.1} KB wasm and glue, {:.1} KB \
         with the page's scripts",
        brotli(shell)? as f64 / 1024.0,
        brotli(app_files)? as f64 / 1024.0
    );
    Ok(())
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

/// The gzipped size at the highest level, as the app's budget counts it.
pub fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    Ok(gzip(bytes)?.len() as u64)
}

/// `bytes` gzipped at the highest level.
pub fn gzip(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}
