//! The app's size as dist/ serves it: its wasm, its JS glue and the page's own scripts, and
//! the modules it loads on demand; raw, gzipped at the highest level (as `cargo xtask dist`
//! counts its budget) and as dist's brotli copies.

use crate::dist;
use std::fs;
use std::path::Path;

/// The page's own scripts, in dist/: the chrome's and offline use's.
const PAGE_SCRIPTS: [&str; 2] = ["static/chrome.js", "static/offline.js"];

#[derive(Debug, Clone, Default)]
pub struct File {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    /// The size of its `.br` copy, when dist wrote one.
    pub brotli: Option<u64>,
}

/// The script and wasm files of dist/, by what loads them.
#[derive(Debug, Default)]
pub struct AppSize {
    /// The app itself, loaded with the page: its JS glue, its wasm and the page chrome's
    /// script, as `cargo xtask dist` counts its budget.
    pub app: Vec<File>,
    pub search: Vec<File>,
    pub compare: Vec<File>,
}

impl AppSize {
    pub fn gzip(files: &[File]) -> u64 {
        files.iter().map(|f| f.gzip).sum()
    }

    pub fn brotli(files: &[File]) -> Option<u64> {
        files.iter().map(|f| f.brotli).sum()
    }
}

pub fn measure(dist: &Path) -> anyhow::Result<AppSize> {
    let mut size = AppSize::default();
    let mut entries: Vec<_> =
        fs::read_dir(dist)?.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let script = name.ends_with(".js") || name.ends_with(".wasm");
        if !name.starts_with("readingroom-") || !script {
            continue;
        }
        let bytes = fs::read(&path)?;
        let brotli = fs::metadata(dist.join(format!("{name}.br"))).ok().map(|m| m.len());
        let file = File { raw: bytes.len() as u64, gzip: dist::gzip_len(&bytes)?, brotli, name };
        let list = if file.name.starts_with("readingroom-search-") {
            &mut size.search
        } else if file.name.starts_with("readingroom-compare-") {
            &mut size.compare
        } else {
            &mut size.app
        };
        list.push(file);
    }
    // The page's own scripts run beside the app on every page, and its budget counts them.
    for script in PAGE_SCRIPTS {
        let path = dist.join(script);
        if path.is_file() {
            let bytes = fs::read(&path)?;
            let brotli = fs::metadata(dist.join(format!("{script}.br"))).ok().map(|m| m.len());
            let (raw, gzip) = (bytes.len() as u64, dist::gzip_len(&bytes)?);
            size.app.push(File { name: script.to_owned(), raw, gzip, brotli });
        }
    }
    let has = |end: &str| size.app.iter().any(|f| f.name.ends_with(end));
    anyhow::ensure!(has(".wasm") && has(".js"), "dist/ holds no app wasm and JS");
    Ok(size)
}
