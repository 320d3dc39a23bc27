//! The importers: any bytes in any of the formats a curator brings (text layouts, Tesseract
//! Markdown, hOCR, ALTO, PAGE-XML, in UTF-8, UTF-16 or Windows-1252) import or fail with a place.

use super::common::{IMPORT_SAMPLES, fixture};
use super::harness::{config, exercise, mutated, replay};
use proptest::prelude::*;
use readingroom_core::diagnostic::Diagnostic;
use readingroom_core::import::import;
use readingroom_core::pages;

const TARGET: &str = "import";

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

/// Pieces of every format's structure, and a stray byte now and then.
fn markup_piece() -> impl Strategy<Value = Vec<u8>> {
    let tokens: [&[u8]; 24] = [
        b"<?xml version='1.0'?>",
        b"<!DOCTYPE html>",
        b"<!--",
        b"-->",
        b"<alto>",
        b"<PcGts>",
        b"<html>",
        b"<Page>",
        b"</Page>",
        b"<TextBlock>",
        b"<TextLine>",
        b"<String CONTENT='w'/>",
        b"<HYP CONTENT='-'/>",
        b"<TextRegion id='r'>",
        b"<ReadingOrder><OrderedGroup><RegionRefIndexed index='0' regionRef='r'/>",
        b"<TextEquiv><Unicode>",
        b"</Unicode></TextEquiv>",
        b"<div class='ocr_page'>",
        b"<span class='ocr_line'><span class='ocrx_word'>",
        b"</span>",
        b"&amp;&#x41;&#0;&bogus;&eacute;&nbsp;&",
        b"<![CDATA[x]]>",
        b"--- Page 1 ---\n14-00000\n- 2 -\n50X1-HUM\n",
        b"# Document\n## Page 1\n```text\n",
    ];
    prop_oneof![
        4 => proptest::sample::select(tokens.to_vec()).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ]
}

#[test]
fn the_import_corpus_replays() {
    replay(TARGET, import_target);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_files_import_or_fail_with_a_place(bytes in mutated(IMPORT_SAMPLES.map(fixture).to_vec())) {
        exercise(TARGET, &bytes, import_target)?;
    }

    #[test]
    fn markup_shaped_noise_imports_or_fails_with_a_place(
        pieces in proptest::collection::vec(markup_piece(), 0..30)
    ) {
        exercise(TARGET, &pieces.concat(), import_target)?;
    }

    #[test]
    fn noise_imports_or_fails_with_a_place(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(TARGET, &bytes, import_target)?;
    }
}
