//! Page furniture on the real CREST report, line by line, and on JFK-NARA pages.
//!
//! The CREST report's seven pages are listed in full: every line expected as furniture, and by
//! the equality, every other line (each body paragraph) expected not to be. Two decisions are
//! pinned here: the tab-scattered glyph lines beside page 4's stamps (`c 7 C Ħ Ĺ 1`) and page
//! 5's `Salle T` stay text, since no rule could say which stamp they were.

mod common;

use FurnitureKind::{ArchiveStamp, Classification, PageNumber, ReleaseLine, SanitizationCode};
use readingroom_core::furniture::{Furniture, FurnitureKind, detect};

fn furniture_of(page: &str) -> Vec<(FurnitureKind, &str)> {
    detect(page).iter().map(|f| (f.kind, &page[f.start..f.end])).collect()
}

const CREST_RELEASE: &str = "Sanitized Copy Approved for\tor Release\te 2011/09/20 : CIA\t-RDP8\t0-00809A\t.000600)290716-5";

fn crest_expected() -> [Vec<(FurnitureKind, &'static str)>; 7] {
    [
        vec![
            (SanitizationCode, "50X1-HUM"),
            (Classification, "CLASSIFICATION"),
            (Classification, "SECRET"),
            (Classification, "CLASSIFICATION X NAV DISTRIBUTION"),
        ],
        vec![
            (SanitizationCode, "50X1-HUM"),
            (Classification, "SEGNET"),
            (Classification, "BECRET"),
            (PageNumber, "- 2 -"),
        ],
        vec![
            (Classification, "SECRET 1"),
            (Classification, "SLUME"),
            (Classification, "SECRET"),
            (Classification, "SECRET"),
            (SanitizationCode, "50X1-HUM"),
            (PageNumber, "- 3 -"),
        ],
        vec![
            (Classification, "SECRET"),
            (Classification, "SEGIRE"),
            (ReleaseLine, CREST_RELEASE),
            (Classification, "SECRET"),
            (SanitizationCode, "50X1-HUM"),
            (PageNumber, "- 4 -"),
        ],
        vec![
            (Classification, "SECRET"),
            (Classification, "SECRET"),
            (Classification, "SECRET"),
            (SanitizationCode, "50X1-HUM"),
            (PageNumber, "- 5 -"),
        ],
        vec![
            (Classification, "SEGRE"),
            (SanitizationCode, "50X1-HUM"),
            (Classification, "SEGNET"),
            (Classification, "SECRET"),
            (PageNumber, "- 6 -"),
        ],
        vec![
            (Classification, "SECRET"),
            (Classification, "SEGRE"),
            (Classification, "SECHET"),
            (SanitizationCode, "50X1-HUM"),
            (PageNumber, "- 7 -"),
            (Classification, "SECRET"),
            (Classification, "SEGUE"),
        ],
    ]
}

#[test]
fn the_crest_pages_are_the_documents_own() {
    let documents = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../documents/cia-rdp80-00809a000600290716-5/ocr.txt");
    let ocr = std::fs::read_to_string(documents).expect("the document's ocr.txt");
    assert_eq!(common::crest_ocr(), ocr);
    assert_eq!(common::crest_pages().len(), 7);
}

#[test]
fn every_crest_page_has_exactly_its_stamps_codes_numbers_and_release_line() {
    let pages = common::crest_pages();
    for (number, (page, expected)) in pages.iter().zip(crest_expected()).enumerate() {
        assert_eq!(furniture_of(page), expected, "page {}", number + 1);
    }
}

#[test]
fn glyphs_scattered_beside_stamps_stay_text() {
    let pages = common::crest_pages();
    let flagged: Vec<&str> =
        pages.iter().flat_map(|p| furniture_of(p)).map(|(_, line)| line).collect();
    for line in ["c\t7\tC\tĦ\tĹ\t1", "S\tE\tÜ\tü\tĹ\t1", "Salle T", "- B N D -"] {
        assert!(pages.iter().any(|p| p.lines().any(|l| l == line)), "{line:?} is in the report");
        assert!(!flagged.contains(&line), "{line:?}");
    }
}

#[test]
fn no_crest_body_paragraph_is_furniture() {
    for page in common::crest_pages() {
        for (_, line) in furniture_of(&page) {
            assert!(line == CREST_RELEASE || line.split_whitespace().count() <= 4, "{line:?}");
        }
        let paragraphs = page.lines().filter(|l| l.split_whitespace().count() > 8).count();
        assert!(paragraphs >= 1);
    }
}

#[test]
fn a_jfk_record_marks_its_banner_and_its_classification_boxes() {
    let pages = common::md_pages("jfk_doc_1049.md");
    let banner = "176-10036-10094) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992";
    assert_eq!(
        furniture_of(&pages[0]),
        vec![
            (ReleaseLine, banner),
            (Classification, "CLASSIFICATION :"),
            (Classification, "CLASSIFICATION — DISSEMINATION: CONTROLS"),
            (Classification, "CONFIDENTIAL |"),
            (Classification, "CLASSIFICATION = DISSEMINATION CONTROLS"),
            (Classification, "CLASSIFICATION—DISSEMINATION CONTROLS"),
            (Classification, "CLASSIFICATION— DISSEMINATION CONTROLS"),
            (Classification, "CLASSIFICATION— DISSEMINATION CONTROLS"),
            (Classification, "CLASSIFIGATION— DISSEMINATION CONTROLS”"),
            (Classification, "GONEIENTIAL NO PREIGN DISSENT"),
            (PageNumber, "2"),
            (Classification, "CLASSIFICATION — DISSEMINATION CONTROLS"),
            (Classification, "CONFIDENTIAL"),
            (Classification, "CLASSIFICATION — DISSEMINATION CONTROLS"),
            (Classification, "CONFIDENTIAL"),
        ]
    );
}

#[test]
fn spaced_and_hyphenated_stamps_are_read() {
    let flagged = |name: &str| -> Vec<String> {
        let pages = common::md_pages(name);
        pages.iter().flat_map(|p| furniture_of(p)).map(|(_, l)| l.to_owned()).collect()
    };
    let doc_1055 = flagged("jfk_doc_1055.md");
    assert!(doc_1055.iter().any(|l| l == "C-O-N-F -I-D-E-N-T-I -A-L NO FOREIGN DISSEM"));
    let doc_1069 = flagged("jfk_doc_1069.md");
    assert!(doc_1069.iter().any(|l| l == "S E Cc R E T CLASSIFICATION — DISSEMINATION CONTROLS"));
    assert!(doc_1069.iter().any(|l| l == "Is Ss E CRET"));
}

#[test]
fn nara_stamps_open_the_pages_of_a_record() {
    let pages = common::md_pages("jfk_doc_343.md");
    assert_eq!(pages.len(), 10);
    for page in &pages {
        assert_eq!(furniture_of(page).first().map(|f| f.0), Some(ArchiveStamp), "{page:.40}");
    }
    let pages = common::txt_pages("104-10004-10156.txt");
    assert_eq!(furniture_of(&pages[1]).first(), Some(&(ArchiveStamp, "13-00000")));
}

#[test]
fn no_fixture_line_of_running_text_is_furniture() {
    for (name, pages) in common::all_fixture_pages() {
        for page in &pages {
            for (kind, line) in furniture_of(page) {
                let lower_words = line
                    .split_whitespace()
                    .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()));
                assert!(kind == ReleaseLine || lower_words.count() <= 2, "{name}: {line:?}");
            }
        }
    }
}

#[test]
fn ranges_are_whole_lines_sorted_and_disjoint_on_every_fixture_page() {
    for (name, pages) in common::all_fixture_pages() {
        for page in &pages {
            let found = detect(page);
            for pair in found.windows(2) {
                assert!(pair[0].end < pair[1].start, "{name}: {pair:?}");
            }
            for Furniture { start, end, .. } in found {
                assert!(start <= end && end <= page.len(), "{name}");
                assert!(start == 0 || page.as_bytes()[start - 1] == b'\n', "{name}");
                let rest = &page[end..];
                assert!(
                    rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n"),
                    "{name}"
                );
            }
        }
    }
}
