//! The importers: any bytes in any of the formats a curator brings (text layouts, Tesseract
//! Markdown, hOCR, ALTO, PAGE-XML, in UTF-8, UTF-16 or Windows-1252) import or fail with a place.

use super::common::fixture;
use super::harness::{config, exercise, mutated, replay};
use proptest::prelude::*;
use readingroom_core::diagnostic::Diagnostic;
use readingroom_core::import::import;
use readingroom_core::pages;

const TARGET: &str = "import";

/// One file of each format and encoding the importer reads.
const SEEDS: [&str; 9] = [
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

pub fn located(problem: &Diagnostic) {
    assert!(problem.line >= 1 && problem.column >= 1, "no place: {problem}");
    assert!(!problem.path.is_empty(), "no file: {problem}");
}

/// An import gives pages that `ocr.txt` holds and splits back into (or a warning that a form
/// feed inside a page will not), or one located error.
fn import_target(bytes: &[u8]) {
    match import("fuzz-input", bytes) {
        Ok(imported) => {
            assert!(!imported.pages.is_empty(), "an import has a page");
            imported.warnings.iter().for_each(located);
            let ocr = imported.ocr_txt();
            if imported.pages.iter().any(|page| page.contains(pages::PAGE_BREAK)) {
                let warned = imported.warnings.iter().any(|w| w.message.contains("form feed"));
                assert!(warned, "a form feed inside a page is a warning");
            } else {
                assert_eq!(pages::split(&ocr), imported.pages, "ocr.txt splits into the pages");
            }
        }
        Err(problem) => {
            assert!(problem.is_error(), "a refusal is an error: {problem}");
            located(&problem);
        }
    }
}

#[test]
fn the_import_corpus_replays() {
    replay(TARGET, import_target);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_files_import_or_fail_with_a_place(bytes in mutated(SEEDS.map(fixture).to_vec())) {
        exercise(TARGET, &bytes, import_target)?;
    }

    #[test]
    fn noise_imports_or_fails_with_a_place(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(TARGET, &bytes, import_target)?;
    }
}
