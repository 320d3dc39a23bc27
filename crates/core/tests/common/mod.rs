//! Reading the fixtures under `tests/fixtures/`, which are copies of real files (each group's
//! SOURCE.md says where from), so that a fresh clone tests everything on its own.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

pub mod damaged;
pub mod documents;

use std::path::{Path, PathBuf};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bytes of `tests/fixtures/<relative>`.
pub fn fixture(relative: &str) -> Vec<u8> {
    let path = fixtures().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn fixture_text(relative: &str) -> String {
    String::from_utf8(fixture(relative)).expect("fixture is UTF-8")
}

/// The files in `tests/fixtures/<folder>` whose names end with `suffix`, sorted, as paths
/// relative to `tests/fixtures`.
pub fn fixtures_in(folder: &str, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join(folder))
        .expect("fixture folder exists")
        .map(|entry| entry.expect("readable entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(suffix))
        .map(|name| format!("{folder}/{name}"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no *{suffix} fixtures in {folder}");
    names
}

/// Whether `needles` all occur in `haystack` in the same order (not necessarily adjacent).
pub fn in_order<'a>(needles: impl IntoIterator<Item = &'a str>, haystack: &[&str]) -> bool {
    let mut rest = haystack.iter();
    needles.into_iter().all(|needle| rest.any(|line| *line == needle))
}

/// One file of each format and encoding the importer reads.
pub const IMPORT_SAMPLES: [&str; 9] = [
    "dinglehopper/test.alto3.xml",
    "dinglehopper/lorem-ipsum/lorem-ipsum-scan.gt.page.xml",
    "dinglehopper/brochrnx_73075507X/00000139.ocrd-tess.ocr.page.xml",
    "import/cia-two-pages.hocr",
    "import/passage.utf16le.txt",
    "import/passage.cp1252.txt",
    "sources/jfk-nara/tesseract-md/jfk_doc_22.md",
    "sources/jfk-nara/tesseract-txt/104-10004-10156.txt",
    "sources/crest/CIA-RDP80-00809A000600290716-5.txt",
];

pub const CREST_FILE: &str = "sources/crest/CIA-RDP80-00809A000600290716-5.txt";

/// The pages of a source fixture, split by the importer itself, so that extraction and
/// furniture tests see exactly the pages a curator's import produces.
pub fn import_pages(relative: &str) -> Vec<String> {
    readingroom_core::import::import(relative, &fixture(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e:?}"))
        .pages
}

pub fn crest_pages() -> Vec<String> {
    import_pages(CREST_FILE)
}

/// The pages of `sources/jfk-nara/tesseract-md/<name>`.
pub fn md_pages(name: &str) -> Vec<String> {
    import_pages(&format!("sources/jfk-nara/tesseract-md/{name}"))
}

/// The pages of `sources/jfk-nara/tesseract-txt/<name>`.
pub fn txt_pages(name: &str) -> Vec<String> {
    import_pages(&format!("sources/jfk-nara/tesseract-txt/{name}"))
}

/// Every source fixture as pages, with its path.
pub fn all_fixture_pages() -> Vec<(String, Vec<String>)> {
    let mut paths = vec![CREST_FILE.to_owned()];
    paths.extend(fixtures_in("sources/jfk-nara/tesseract-md", ".md"));
    paths.extend(fixtures_in("sources/jfk-nara/tesseract-txt", ".txt"));
    paths.into_iter().map(|path| (path.clone(), import_pages(&path))).collect()
}

pub fn as_strs(pages: &[String]) -> Vec<&str> {
    pages.iter().map(String::as_str).collect()
}

/// The CREST report as the importer writes it into `ocr.txt`.
pub fn crest_ocr() -> String {
    readingroom_core::import::import(CREST_FILE, &fixture(CREST_FILE))
        .unwrap_or_else(|e| panic!("{CREST_FILE}: {e:?}"))
        .ocr_txt()
}
