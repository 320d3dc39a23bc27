//! Checking a file of a served bundle before it is used, from its bundle-relative path and its
//! bytes: the one check the CLI, the engine and the app share.
//!
//! A document's data file (`docs/<id>.<hash>.json`) must hash to the name it is served under;
//! the catalog and `search/meta.json` carry their own checksum and must agree with themselves;
//! every other index file ends in a checksum ([`crate::search::format::seal`]).

use super::{CATALOG_FILE, Catalog, DocumentData, FORMAT_VERSION, short_hash};
use crate::decode;
use crate::search::format::seal::{mismatch, unseal, unseal_json};
use crate::search::format::{self, FormatError, IndexMeta, damaged};

/// Checks any file of a bundle; `Ok` means it may be read.
pub fn verify(file: &str, bytes: &[u8]) -> Result<(), FormatError> {
    if file == CATALOG_FILE {
        read_catalog(bytes).map(drop)
    } else if file == format::META_FILE {
        IndexMeta::read(bytes).map(drop)
    } else if data_hash(file).is_some() {
        verify_data(file, bytes)
    } else if file.starts_with("search/") {
        unseal(file, bytes).map(drop)
    } else {
        Err(damaged(file, "it is not a file of a bundle"))
    }
}

/// The hash a document data path names: `docs/<id>.<hash>.json`, the id without a slash, the
/// hash 16 lowercase hex digits.
pub fn data_hash(file: &str) -> Option<&str> {
    let name = file.strip_prefix("docs/")?.strip_suffix(".json")?;
    let (id, hash) = name.rsplit_once('.')?;
    let hex = hash.len() == 16 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let plain = !id.is_empty() && !id.contains(['/', '\\']);
    (hex && plain).then_some(hash)
}

/// Checks that a document's data file has the content its name promises.
pub fn verify_data(file: &str, bytes: &[u8]) -> Result<(), FormatError> {
    let named = data_hash(file).ok_or_else(|| damaged(file, "not a document data file"))?;
    if short_hash(bytes) != named {
        return Err(mismatch(file, "its content does not hash to its name"));
    }
    Ok(())
}

/// Reads a document's data file, checked against the hash its name carries.
pub fn read_data(file: &str, bytes: &[u8]) -> Result<DocumentData, FormatError> {
    verify_data(file, bytes)?;
    decode::document_data(text(file, bytes)?).map_err(|e| damaged(file, &e))
}

/// Reads the catalog, checked: its checksum, its format, and every entry's data file.
pub fn read_catalog(bytes: &[u8]) -> Result<Catalog, FormatError> {
    unseal_json(CATALOG_FILE, bytes)?;
    let text = text(CATALOG_FILE, bytes)?;
    let catalog = decode::catalog(text).map_err(|e| damaged(CATALOG_FILE, &e))?;
    if catalog.format != FORMAT_VERSION {
        return Err(FormatError {
            file: CATALOG_FILE.to_owned(),
            message: format!(
                "the catalog has format {}, and this version reads format {FORMAT_VERSION}; \
                 build the bundle again with this version",
                catalog.format
            ),
        });
    }
    for entry in &catalog.documents {
        let id = data_hash(&entry.data).and_then(|_| entry.data.strip_prefix("docs/"));
        if !id.is_some_and(|name| name.starts_with(&format!("{}.", entry.meta.id))) {
            let what = format!("`{}` names the data file `{}`", entry.meta.id, entry.data);
            return Err(damaged(CATALOG_FILE, &what));
        }
    }
    Ok(catalog)
}

fn text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, FormatError> {
    std::str::from_utf8(bytes).map_err(|e| damaged(file, &e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::BuiltFile;
    use crate::meta::Meta;
    use crate::source::SourceDocument;

    fn built() -> Vec<BuiltFile> {
        let meta = Meta { id: "a".into(), title: "A".into(), ..Meta::default() };
        let document = SourceDocument {
            meta,
            ocr: "one\u{c}two".into(),
            corrected: None,
            alternates: Vec::new(),
        };
        crate::bundle::build(&[document])
    }

    #[test]
    fn every_built_file_verifies_and_any_flipped_byte_is_named() {
        let files = built();
        assert!(files.iter().any(|f| f.path.starts_with("docs/")));
        for BuiltFile { path, bytes } in &files {
            verify(path, bytes).unwrap_or_else(|e| panic!("{e}"));
            for at in [0, bytes.len() / 2, bytes.len() - 1] {
                let mut flipped = bytes.clone();
                flipped[at] ^= 0x04;
                let error = verify(path, &flipped).expect_err("a flipped byte");
                assert_eq!(&error.file, path);
            }
        }
    }

    #[test]
    fn data_paths_are_read_strictly() {
        assert_eq!(data_hash("docs/a-1.0123456789abcdef.json"), Some("0123456789abcdef"));
        for path in [
            "docs/a.0123456789ABCDEF.json",
            "docs/a.0123.json",
            "docs/.0123456789abcdef.json",
            "docs/x/../a.0123456789abcdef.json",
            "catalog.json",
        ] {
            assert_eq!(data_hash(path), None, "{path}");
        }
        let error = verify("static/style.css", b"").expect_err("not a bundle file");
        assert!(error.to_string().starts_with("static/style.css: "), "{error}");
    }
}
