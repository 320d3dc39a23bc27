//! `cargo xtask single-file`: the whole reading room in one HTML file, which opens from
//! `file://` by double-click, with no server and no network.
//!
//! The file holds what a served site fetches: the app's wasm and glue, the search, compare and
//! cite modules, the stylesheet, the chrome's script, and every file of a built bundle. The
//! bundle's files and the wasm are stored gzipped, in base64, in `<script type="application/octet-stream">`
//! blocks the browser never runs; `store.js` reads them back (the browser's own
//! `DecompressionStream` inflates them) for the app, which asks it instead of fetching when
//! the page carries it (`src/api.rs`). Every script is inline: Chromium loads no module script
//! from `file://`, and a page opened from a file has no origin to fetch from. Each module's glue
//! is an inline module script that hands its exports to the store; the app's glue starts the
//! app from the stored wasm's bytes. [`page`] turns index.html into that page, with a
//! Content-Security-Policy naming each inline script and style by its hash.
//!
//! The app's files are the ones `cargo xtask dist` has just built (the same wasm), so a file
//! for a curator's own documents costs one bundle build more.

mod page;

use crate::dist;
use crate::minify::{Script, minify};
use anyhow::{Context, bail, ensure};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The documents folder to build into the file; the default collection when left out.
    #[arg(long)]
    pub documents: Option<PathBuf>,
    /// Where to write the file [default: reading-room.html in cargo's target folder].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace a file at `--out` that is not a single-file edition.
    #[arg(long)]
    pub force: bool,
}

/// The modules the app loads when first needed, as the site's glue names their loaders:
/// (loader name, package, file stem), as `dist` builds them.
const MODULES: [(&str, &str, &str); 3] = [
    ("Search", "readingroom-search", "readingroom_search"),
    ("Compare", "readingroom-compare", "readingroom_compare"),
    ("Cite", "readingroom-cite", "readingroom_cite"),
];

/// The app's own wasm in the store.
const APP_WASM: &str = "readingroom.wasm";

/// The marker by which a file at `--out` is known to be an edition this command wrote.
pub const GENERATOR: &str = r#"<meta name="generator" content="Reading Room single-file edition">"#;

pub fn run(args: &Args) -> anyhow::Result<()> {
    crate::setup::run()?;
    let out = args.out.clone().unwrap_or_else(default_out);
    check_destination(&out, args.force)?;
    let site = dist::run()?;
    let bundle = match &args.documents {
        Some(documents) => {
            let bundle = dist::work_dir().join("single-file/bundle");
            dist::build_documents(documents, &bundle)?;
            bundle
        }
        None => site.join("bundle"),
    };
    write(&bundle, &out)
}

/// `cargo xtask dist`'s last step: the single file of the site just built (the default
/// collection) at its default place, its size printed beside the site's.
pub fn beside_dist(site: &Path) -> anyhow::Result<()> {
    let out = default_out();
    check_destination(&out, false)?;
    write(&site.join("bundle"), &out)
}

/// Where the file goes when no `--out` is given.
pub fn default_out() -> PathBuf {
    crate::target().join("reading-room.html")
}

/// Refuses to replace a file this command did not write, unless forced, and a folder always.
fn check_destination(out: &Path, force: bool) -> anyhow::Result<()> {
    let shown = out.display();
    let Ok(metadata) = fs::metadata(out) else { return Ok(()) };
    ensure!(!metadata.is_dir(), "{shown} is a folder; give --out a file name");
    let ours = fs::read(out).map(|bytes| contains(&bytes[..bytes.len().min(4096)], GENERATOR));
    ensure!(
        force || ours.unwrap_or(false),
        "{shown} is not a single-file edition of Reading Room; nothing was changed. Choose \
         another --out, or pass --force to replace it"
    );
    Ok(())
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle.as_bytes())
}

/// Writes the single file for the built `bundle` to `out`, from the app `dist` has just built,
/// and prints its size. The file is written beside `out` and renamed into place.
pub fn write(bundle: &Path, out: &Path) -> anyhow::Result<()> {
    let work = dist::work_dir();
    let mut scripts = Vec::new();
    let mut files = Vec::new();
    for (name, package, stem) in MODULES {
        let glue = fs::read_to_string(dist::bindgen_glue(&work, stem))?;
        let wasm = format!("{package}.wasm");
        let tail =
            format!("\nreadingroomEmbedded.define('{name}', '{wasm}', {});\n", exports(&glue)?);
        scripts.push(minify(&work, &(glue + &tail), Script::Module)?);
        files.push(stored(&wasm, &fs::read(dist::optimized_wasm(&work, stem))?)?);
    }
    let glue = fs::read_to_string(dist::bindgen_glue(&work, "readingroom"))?;
    scripts.push(minify(&work, &(glue + &app_start()), Script::Module)?);
    files.push(stored(APP_WASM, &fs::read(dist::optimized_wasm(&work, "readingroom"))?)?);
    bundle_files(bundle, bundle, &mut files)?;
    let root = crate::root();
    let html = fs::read_to_string(root.join("index.html")).context("cannot read index.html")?;
    let store = minify(&work, include_str!("store.js"), Script::Classic)?;
    let page =
        page::render(&html, &page::Parts { root: &root, work: &work, store, scripts, files })?;
    let staging = out.with_extension("html.tmp");
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    fs::write(&staging, &page)?;
    fs::rename(&staging, out).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "single-file: wrote {} ({:.1} MB; {:.1} MB gzipped, as a host would send it)",
        out.display(),
        page.len() as f64 / 1e6,
        dist::gzip_len(page.as_bytes())? as f64 / 1e6
    );
    Ok(())
}

/// The app's start in the single file: the modules' loaders read from the store, then the app
/// starts from its stored wasm (the site's glue fetches it instead; see `dist::build_app`).
fn app_start() -> String {
    let loaders: Vec<String> = MODULES
        .iter()
        .map(|(name, _, _)| {
            format!("globalThis.readingroomLoad{name} = readingroomEmbedded.loader('{name}');")
        })
        .collect();
    format!(
        "\n{}\n{}\nreadingroomEmbedded.read('{APP_WASM}')\n  \
         .then((bytes) => __wbg_init({{ module_or_path: bytes }}));\n",
        loaders.join("\n"),
        dist::EARLY_SEARCH
    )
}

/// The exports of wasm-bindgen's glue as an object literal: `default` (its init) and each
/// exported class and function by name, which the app looks up on the loaded module.
fn exports(glue: &str) -> anyhow::Result<String> {
    if !glue.contains("export { initSync, __wbg_init as default };") {
        bail!("wasm-bindgen's glue has changed shape; update xtask/src/single_file/mod.rs");
    }
    let mut names = vec!["default: __wbg_init".to_owned(), "initSync".to_owned()];
    for line in glue.lines() {
        let declared = ["export class ", "export function ", "export async function "]
            .iter()
            .find_map(|prefix| line.strip_prefix(prefix));
        if let Some(rest) = declared {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            names.push(name);
        }
    }
    Ok(format!("{{ {} }}", names.join(", ")))
}

/// One stored file: its URL (the path a served site fetches it by) and its bytes, gzipped.
pub struct Stored {
    pub url: String,
    pub gzip: Vec<u8>,
}

fn stored(url: &str, bytes: &[u8]) -> anyhow::Result<Stored> {
    Ok(Stored { url: url.to_owned(), gzip: dist::gzip(bytes)? })
}

/// Every file of a built bundle, under the URL the app fetches it by (`bundle/…`), but the
/// marker the CLI leaves in its output.
fn bundle_files(base: &Path, dir: &Path, out: &mut Vec<Stored>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("cannot read the bundle {}", dir.display()))?
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            bundle_files(base, &path, out)?;
            continue;
        }
        let relative = path.strip_prefix(base)?.to_string_lossy().replace('\\', "/");
        if !relative.starts_with('.') {
            out.push(stored(&format!("bundle/{relative}"), &fs::read(&path)?)?);
        }
    }
    Ok(())
}
