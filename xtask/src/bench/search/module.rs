//! The search module's size, as `cargo xtask dist` prints it (gzipped) and as it is served
//! (the brotli copies dist writes beside it), and its make-up: the JS glue, and the wasm's
//! code and data sections (the data holds static tables and strings).

use crate::dist;
use std::fs;
use std::path::Path;

#[derive(Debug, Clone, Copy, Default)]
pub struct Module {
    pub js_gzip: u64,
    pub wasm_gzip: u64,
    /// The brotli copies as served (`.br`, quality 11); 0 when dist wrote none.
    pub js_brotli: u64,
    pub wasm_brotli: u64,
    pub wasm_raw: u64,
    /// The wasm's code and data sections, raw.
    pub code: u64,
    pub data: u64,
}

impl Module {
    pub fn gzip(&self) -> u64 {
        self.js_gzip + self.wasm_gzip
    }

    pub fn brotli(&self) -> u64 {
        self.js_brotli + self.wasm_brotli
    }
}

pub fn measure(dist: &Path) -> anyhow::Result<Module> {
    let mut module = Module::default();
    for entry in fs::read_dir(dist)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The module's own files, not the compressed copies dist writes beside them.
        let own = name.ends_with(".wasm") || name.ends_with(".js");
        if !name.starts_with("readingroom-search-") || !own {
            continue;
        }
        let bytes = fs::read(&path)?;
        let gzip = dist::gzip_len(&bytes)?;
        let brotli = fs::metadata(dist.join(format!("{name}.br"))).map_or(0, |m| m.len());
        if name.ends_with(".wasm") {
            module.wasm_gzip += gzip;
            module.wasm_brotli += brotli;
            module.wasm_raw += bytes.len() as u64;
            for (id, size) in sections(&bytes) {
                match id {
                    10 => module.code += size,
                    11 => module.data += size,
                    _ => {}
                }
            }
        } else {
            module.js_gzip += gzip;
            module.js_brotli += brotli;
        }
    }
    Ok(module)
}

/// The (id, size) of each section of a wasm binary; empty when it is not one.
fn sections(wasm: &[u8]) -> Vec<(u8, u64)> {
    let mut out = Vec::new();
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return out;
    }
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let (mut size, mut shift) = (0u64, 0);
        while let Some(&byte) = wasm.get(at) {
            at += 1;
            size |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        out.push((id, size));
        at += size as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_by_their_leb128_sizes() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([10, 0x81, 0x01]);
        wasm.extend(vec![0; 129]);
        wasm.extend([11, 2, 0, 0]);
        assert_eq!(sections(&wasm), vec![(10, 129), (11, 2)]);
        assert!(sections(b"nope").is_empty());
    }

    #[test]
    fn only_the_module_s_own_files_count_not_their_compressed_copies() {
        let dir = std::env::temp_dir().join(format!("module-measure-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let files = [
            ("readingroom-search-1.js", b"export const a = 1;".repeat(50)),
            ("readingroom-search-2.wasm", b"\0asm\x01\0\0\0".repeat(50)),
            ("readingroom-1.js", b"the app".repeat(50)),
        ];
        for (i, (name, bytes)) in files.iter().enumerate() {
            fs::write(dir.join(name), bytes).unwrap();
            fs::write(dir.join(format!("{name}.gz")), bytes).unwrap();
            fs::write(dir.join(format!("{name}.br")), vec![0; 10 + i]).unwrap();
        }
        let module = measure(&dir).unwrap();
        assert_eq!(module.js_gzip, dist::gzip_len(&files[0].1).unwrap());
        assert_eq!(module.wasm_raw, files[1].1.len() as u64);
        assert_eq!((module.js_brotli, module.wasm_brotli), (10, 11));
        fs::remove_dir_all(&dir).unwrap();
    }
}
