//! The site's offline files, written by `cargo xtask dist` once everything else is in place:
//! the service worker (`sw.js`, from the template `static/sw.js`) and `offline.json`.
//!
//! The worker must lie at the site's root, beside index.html: a worker controls only the
//! folder its script is in, and a static host cannot widen that (it would take the
//! `Service-Worker-Allowed` header). Its template is kept under `static/` with the rest of the
//! page's plain scripts, and is moved to the root here with its `{{build}}` filled in: the
//! build's version, a hash of every file of the site and of the template (so any change to the
//! site makes a new worker, which the browser sees as an update), the files every visit needs
//! (the app shell, fetched when the worker installs), and the modules loaded on demand.
//!
//! `offline.json` lists every file of the site with its size in bytes. The catalog does not
//! carry sizes, so this is where `static/offline.js` learns what "Make available offline" will
//! download, before the reader agrees, and which files the whole collection is. The worker
//! fetches it with the shell, so it always describes the build the worker serves.

use anyhow::Context;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The worker's template in the sources, and where dist puts the worker.
const TEMPLATE: &str = "static/sw.js";
const WORKER: &str = "sw.js";
/// The listing of the site's files and their sizes.
const LISTING: &str = "offline.json";

/// The names of what dist built, which the worker needs to know by name.
pub struct Built<'a> {
    /// The app's JS glue and wasm.
    pub app: [&'a str; 2],
    /// The modules loaded on demand (the search, compare and cite modules' glue and wasm).
    pub modules: Vec<&'a str>,
}

/// Writes `sw.js` and `offline.json` into the assembled site at `site` (before its files are
/// compressed), and returns the build's version.
pub fn write(site: &Path, built: &Built) -> anyhow::Result<String> {
    let template = fs::read_to_string(site.join(TEMPLATE))
        .with_context(|| format!("cannot read {TEMPLATE} in the site"))?;
    anyhow::ensure!(
        template.matches("{{build}}").count() == 1,
        "{TEMPLATE} must hold `{{{{build}}}}` once, where dist writes the build"
    );
    fs::remove_file(site.join(TEMPLATE))?;
    let mut files = BTreeMap::new();
    list(site, site, &mut files)?;
    let mut hasher = Sha256::new();
    hasher.update(template.as_bytes());
    let mut sizes = BTreeMap::new();
    for (path, (size, hash)) in &files {
        hasher.update(format!("{path}\0{hash}\n").as_bytes());
        sizes.insert(path.clone(), *size);
    }
    let version: String = hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let listing = serde_json::json!({ "version": version, "files": sizes });
    fs::write(site.join(LISTING), serde_json::to_vec(&listing)?)?;
    let build = serde_json::json!({
        "version": version,
        "precache": precache(&files, built),
        "modules": built.modules,
    });
    fs::write(site.join(WORKER), template.replace("{{build}}", &build.to_string()))?;
    Ok(version)
}

/// What every visit needs, fetched when the worker installs: the page, the app, the page's
/// static files, the catalog, the listing, and the search index's entry point (small however
/// large the collection; like the catalog it names no file by hash, so each build must keep
/// its own). Documents, the rest of the index and the modules are cached as they are used, or
/// when the reader makes them available offline.
fn precache(files: &BTreeMap<String, (u64, String)>, built: &Built) -> Vec<String> {
    let entry_points = ["index.html", "bundle/catalog.json", "bundle/search/meta.json", LISTING];
    let mut paths: Vec<String> = entry_points
        .into_iter()
        .filter(|path| *path == LISTING || files.contains_key(*path))
        .chain(built.app)
        .map(str::to_owned)
        .collect();
    paths.extend(files.keys().filter(|path| path.starts_with("static/")).cloned());
    paths
}

/// Every file under `dir` (but hidden ones, such as dist's marker) by its path relative to
/// `base`, with its size and a hash of its content.
fn list(base: &Path, dir: &Path, out: &mut BTreeMap<String, (u64, String)>) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            list(base, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(base) {
            let bytes = fs::read(&path)?;
            let hash: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
            let relative = relative.to_string_lossy().replace('\\', "/");
            out.insert(relative, (bytes.len() as u64, hash));
        }
    }
    Ok(())
}
