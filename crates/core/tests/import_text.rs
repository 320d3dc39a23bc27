//! Importing text OCR: finding pages in the conventions real files use, keeping every OCR line.

mod common;

use common::{fixture, fixture_text, fixtures_in, in_order};
use readingroom_core::import::{Format, import};

const CIA: &str = "sources/crest/CIA-RDP80-00809A000600290716-5.txt";
const TXT: &str = "sources/jfk-nara/tesseract-txt";
const MD: &str = "sources/jfk-nara/tesseract-md";

fn cia_document_ocr() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../documents/cia-rdp80-00809a000600290716-5/ocr.txt"
    );
    std::fs::read(path).expect("the CIA report's ocr.txt is in the repository")
}

fn is_marker(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("--- Page ") && line.ends_with(" ---")
}

#[test]
fn cia_report_splits_into_seven_pages() {
    let imported = import("report.txt", &fixture(CIA)).unwrap();
    assert_eq!(imported.format, Format::NumberedPages);
    assert_eq!(imported.pages.len(), 7);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    // Page 1 has no number; its end is found at the sanitization code that heads page 2.
    assert!(imported.pages[1].starts_with("50X1-HUM\n"));
    for (k, page) in imported.pages.iter().enumerate().skip(1) {
        assert!(page.contains(&format!("\n- {} -\n", k + 1)), "page {} lacks its number", k + 1);
    }
}

#[test]
fn cia_report_import_is_byte_identical_to_the_documents_ocr_txt() {
    let imported = import("report.txt", &fixture(CIA)).unwrap();
    assert_eq!(imported.ocr_txt().as_bytes(), cia_document_ocr().as_slice());
}

#[test]
fn the_documents_ocr_txt_reimports_as_the_same_pages() {
    let first = import("report.txt", &fixture(CIA)).unwrap();
    let again = import("ocr.txt", first.ocr_txt().as_bytes()).unwrap();
    assert_eq!(again.format, Format::FormFeed);
    assert_eq!(again.pages, first.pages);
}

#[test]
fn every_tesseract_txt_splits_into_its_page_marker_count() {
    for path in fixtures_in(TXT, ".txt") {
        let text = fixture_text(&path).replace("\r\n", "\n");
        let markers = text.lines().filter(|line| is_marker(line)).count();
        let imported = import(&path, &fixture(&path)).unwrap();
        assert_eq!(imported.format, Format::PageLines, "{path}");
        assert_eq!(imported.pages.len(), markers, "{path}");
        // Each page is exactly the text between its marker and the next.
        let between: Vec<&str> = text.split('\n').collect();
        let mut expected = Vec::new();
        for line in between.iter() {
            if is_marker(line) {
                expected.push(String::new());
            } else if let Some(page) = expected.last_mut() {
                page.push_str(line);
                page.push('\n');
            }
        }
        if let Some(last) = expected.last_mut() {
            last.pop();
        }
        assert_eq!(imported.pages, expected, "{path}");
    }
}

#[test]
fn page_marker_lines_and_only_they_are_dropped() {
    for path in fixtures_in(TXT, ".txt") {
        let text = fixture_text(&path).replace("\r\n", "\n");
        let ocr = import(&path, &fixture(&path)).unwrap().ocr_txt();
        let output: Vec<&str> = ocr.split(['\n', '\u{c}']).collect();
        assert!(!output.iter().any(|line| is_marker(line)), "{path} keeps a marker");
        let kept = text.lines().filter(|line| !is_marker(line) && !line.trim().is_empty());
        assert!(in_order(kept, &output), "{path} lost a line");
    }
}

/// The text between the fence lines of a Tesseract Markdown file.
fn fenced(markdown: &str) -> String {
    let mut lines = markdown.split_inclusive('\n').skip_while(|line| !line.starts_with("```"));
    lines.next();
    lines.take_while(|line| line.trim_end() != "```").collect()
}

fn stamp_lines(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            // `14-00000`, or `14-0000` where the OCR dropped a zero.
            let b = line.as_bytes();
            let zeros = b.iter().skip(3).take_while(|&&c| c == b'0').count();
            b.len() >= 7
                && b[..2].iter().all(u8::is_ascii_digit)
                && b[2] == b'-'
                && (zeros == 4 || zeros == 5)
                && !b.get(3 + zeros).is_some_and(u8::is_ascii_digit)
        })
        .count()
}

#[test]
fn markdown_with_stamps_splits_at_each_stamp() {
    // jfk_doc_343 and 392 open with a stamp; jfk_doc_395 has a cover sheet before its first.
    for (name, pages) in [("jfk_doc_343.md", 10), ("jfk_doc_392.md", 49), ("jfk_doc_395.md", 3)] {
        let path = format!("{MD}/{name}");
        let imported = import(&path, &fixture(&path)).unwrap();
        assert_eq!(imported.format, Format::TesseractMarkdown, "{path}");
        assert_eq!(imported.pages.len(), pages, "{path}");
        let stamped = imported.pages.iter().filter(|page| stamp_lines(page) == 1).count();
        assert_eq!(stamped, stamp_lines(&fixture_text(&path)), "{path}");
        for page in imported.pages.iter().skip(1) {
            assert_eq!(
                stamp_lines(page.lines().next().unwrap_or_default()),
                1,
                "{path}: {page:.40}"
            );
        }
    }
}

#[test]
fn markdown_is_unwrapped_keeping_the_fenced_text_exactly() {
    for path in fixtures_in(MD, ".md") {
        let imported = import(&path, &fixture(&path)).unwrap();
        assert_eq!(imported.ocr_txt().replace('\u{c}', ""), fenced(&fixture_text(&path)), "{path}");
        assert!(imported.warnings.is_empty(), "{path}: {:?}", imported.warnings);
    }
}

#[test]
fn markdown_without_stamps_is_one_page() {
    for name in ["jfk_doc_22.md", "jfk_doc_234.md"] {
        let path = format!("{MD}/{name}");
        assert_eq!(import(&path, &fixture(&path)).unwrap().pages.len(), 1, "{path}");
    }
}

#[test]
fn a_text_without_page_marks_is_one_page() {
    let path = "dinglehopper/test.txt";
    let imported = import(path, &fixture(path)).unwrap();
    assert_eq!(imported.format, Format::PlainText);
    assert_eq!(imported.pages, vec![fixture_text(path)]);
}

#[test]
fn text_formats_are_detected_by_content_not_name() {
    let cases = [
        (fixture(CIA), Format::NumberedPages),
        (cia_document_ocr(), Format::FormFeed),
        (fixture(&format!("{TXT}/104-10004-10156.txt")), Format::PageLines),
        (fixture(&format!("{MD}/jfk_doc_343.md")), Format::TesseractMarkdown),
        (fixture("dinglehopper/test.txt"), Format::PlainText),
    ];
    for (bytes, format) in cases {
        for name in ["scan.xml", "page.md", "ocr", "x.txt", "alto.hocr"] {
            assert_eq!(import(name, &bytes).unwrap().format, format, "{format:?} as {name}");
        }
    }
}

/// The OCR lines of a text file: every line with text but the converter's structure, which
/// is page-marker lines and, in Markdown, everything outside the fence.
fn ocr_lines(format: Format, text: &str) -> Vec<&str> {
    let lines = text.lines().filter(|line| !line.trim().is_empty());
    match format {
        Format::PageLines => lines.filter(|line| !is_marker(line)).collect(),
        Format::TesseractMarkdown => {
            let mut in_fence = false;
            lines
                .filter(|line| {
                    let fence = line.starts_with("```");
                    in_fence ^= fence;
                    in_fence && !fence
                })
                .collect()
        }
        _ => lines.collect(),
    }
}

#[test]
fn every_text_format_keeps_every_ocr_line_in_order() {
    let mut sources = fixtures_in(TXT, ".txt");
    sources.extend(fixtures_in(MD, ".md"));
    sources.extend([CIA.to_owned(), "dinglehopper/test.txt".to_owned()]);
    let mut formats = Vec::new();
    for path in sources {
        let text = fixture_text(&path).replace("\r\n", "\n");
        let imported = import(&path, text.as_bytes()).unwrap();
        let ocr = imported.ocr_txt();
        let output: Vec<&str> = ocr.split(['\n', '\u{c}']).collect();
        assert!(in_order(ocr_lines(imported.format, &text), &output), "{path} lost a line");
        formats.push(imported.format);
    }
    let document = cia_document_ocr();
    let imported = import("ocr.txt", &document).unwrap();
    assert_eq!(imported.ocr_txt().as_bytes(), document.as_slice());
    formats.push(imported.format);
    for format in [
        Format::FormFeed,
        Format::PageLines,
        Format::TesseractMarkdown,
        Format::NumberedPages,
        Format::PlainText,
    ] {
        assert!(formats.contains(&format), "no fixture of {format:?}");
    }
}

#[test]
fn form_feed_pages_round_trip() {
    let mut sources = fixtures_in(TXT, ".txt");
    sources.extend(fixtures_in(MD, ".md"));
    sources.push(CIA.to_owned());
    for path in sources {
        let first = import(&path, &fixture(&path)).unwrap();
        let again = import("ocr.txt", first.ocr_txt().as_bytes()).unwrap();
        let expected = if first.pages.len() > 1 { Format::FormFeed } else { Format::PlainText };
        assert_eq!(again.format, expected, "{path}");
        assert_eq!(again.pages, first.pages, "{path}");
    }
}

#[test]
fn numbered_pages_keep_every_byte() {
    let imported = import("report.txt", &fixture(CIA)).unwrap();
    assert_eq!(imported.ocr_txt().replace('\u{c}', ""), fixture_text(CIA));
}
