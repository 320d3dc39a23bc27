//! No input makes the importer panic: cut-off files, damaged files and noise each give pages
//! or a diagnostic with a real position.

mod common;

use common::fixture;
use readingroom_core::import::{Imported, import};
// The seeded generator of the synthetic collections: a failure replays from its seed.
use readingroom_core::synth::Rng;

const FIXTURES: [&str; 9] = [
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

/// Imports `bytes` and checks that the outcome is well formed, whichever it is.
fn check(bytes: &[u8]) -> Option<Imported> {
    match import("fuzz.xml", bytes) {
        Ok(imported) => {
            assert!(!imported.pages.is_empty(), "an import always has a page");
            Some(imported)
        }
        Err(err) => {
            assert!(err.is_error() && err.line >= 1 && err.column >= 1, "{err}");
            assert!(err.message.ends_with('.') || err.message.ends_with('?'), "{err}");
            None
        }
    }
}

#[test]
fn every_prefix_of_a_fixture_imports_or_fails_cleanly() {
    for path in FIXTURES {
        let bytes = fixture(path);
        // Every prefix of the small files; an even spread of about 1,000 of the larger ones.
        let step = if bytes.len() <= 4096 { 1 } else { bytes.len() / 1000 };
        for end in (0..=bytes.len()).step_by(step) {
            check(&bytes[..end]);
        }
        assert!(check(&bytes).is_some(), "{path} imports whole");
    }
}

#[test]
fn damaged_fixtures_import_or_fail_cleanly() {
    let mut noise = Rng::new(0x5eed_cafe_f00d_0001);
    let specials = b"<>/&;#\"'=?![]-\0\r\n\x0c\xff\xfe\xc3";
    for path in FIXTURES {
        let original = fixture(path);
        for _ in 0..200 {
            let mut bytes = original.clone();
            for _ in 0..1 + noise.index(4) {
                let at = noise.index(bytes.len());
                let byte = specials[noise.index(specials.len())];
                match noise.index(3) {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at.min(bytes.len()), byte),
                }
            }
            check(&bytes);
        }
    }
}

#[test]
fn markup_shaped_noise_imports_or_fails_cleanly() {
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
        b"&amp;&#x41;&#0;&bogus;&",
        b"<![CDATA[x]]>",
        b"--- Page 1 ---\n14-00000\n- 2 -\n50X1-HUM\n",
        b"# Document\n## Page 1\n```text\n",
    ];
    let mut noise = Rng::new(0x0ddb_a110_ff1c_e000);
    for _ in 0..3000 {
        let mut bytes = Vec::new();
        for _ in 0..noise.index(30) {
            bytes.extend_from_slice(tokens[noise.index(tokens.len())]);
            if noise.index(4) == 0 {
                bytes.push((noise.next_u64() & 0xff) as u8);
            }
        }
        check(&bytes);
    }
}
