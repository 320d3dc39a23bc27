//! Compressed copies of the app's own files, written once by `cargo xtask dist` beside each
//! file (`app.wasm.br`, `app.wasm.gz`) at the highest levels, as static hosts serve them
//! (nginx's `brotli_static` and `gzip_static`, and xtask's server): compressing a 500 KB wasm
//! file on every request costs the reader time a host that precompresses never spends, and
//! its best brotli is a fifth smaller than what a server can afford on the fly.
//!
//! The bundle is left to the server: a large collection's index has many thousands of files.

use crate::dist::gzip;
use std::fs;
use std::path::Path;

/// Writes `.br` and `.gz` beside every file under `site` but those under `site/bundle`.
pub fn site(site: &Path) -> anyhow::Result<()> {
    walk(site, &site.join("bundle"))
}

fn walk(dir: &Path, skip: &Path) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path == skip {
            continue;
        }
        if path.is_dir() {
            walk(&path, skip)?;
        } else {
            let bytes = fs::read(&path)?;
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            fs::write(path.with_file_name(format!("{name}.br")), brotli(&bytes)?)?;
            fs::write(path.with_file_name(format!("{name}.gz")), gzip(&bytes)?)?;
        }
    }
    Ok(())
}

fn brotli(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}
