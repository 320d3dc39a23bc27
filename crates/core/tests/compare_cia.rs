//! The comparison on a real report: the CIA's "Local Party functions" (documents/
//! cia-rdp80-00809a000600290716-5), its OCR page by page against the corrected Markdown, with
//! the furniture that `furniture::detect` finds.
//!
//! The report has no word broken at a line end (its OCR keeps paragraphs on one line) and none
//! of the listed OCR confusions, so those two tests make one in the report's own text.

use readingroom_core::compare::{Comparison, Confusion, Correction, Kind, compare_markdown};
use readingroom_core::{corrected, furniture, markdown, pages};
use std::ops::Range;

const FOLDER: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../documents/cia-rdp80-00809a000600290716-5");

fn read(name: &str) -> String {
    let path = format!("{FOLDER}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Page `n` (1-based): its OCR and its corrected Markdown.
fn page(n: usize) -> (String, String) {
    let ocr = read("ocr.txt");
    let pages = pages::split(&ocr);
    let markdown = corrected::split_pages(&read("corrected.md"), pages.len());
    (pages[n - 1].to_owned(), markdown[n - 1].clone())
}

fn furniture_of(ocr: &str) -> Vec<Range<usize>> {
    furniture::detect(ocr).iter().map(|f| f.start..f.end).collect()
}

fn compare_page(ocr: &str, md: &str) -> Comparison {
    compare_markdown(ocr, &furniture_of(ocr), &markdown::parse(md))
}

fn find<'c>(comparison: &'c Comparison, ocr_text: &str) -> &'c Correction {
    comparison
        .corrections
        .iter()
        .find(|c| c.ocr_text == ocr_text)
        .unwrap_or_else(|| panic!("no correction of {ocr_text:?}"))
}

#[test]
fn a_misread_word_is_one_substitution_pointing_into_the_markdown() {
    let (ocr, md) = page(2);
    let comparison = compare_page(&ocr, &md);
    let perty = find(&comparison, "Perty");
    assert_eq!((perty.kind, perty.corrected_text.as_str()), (Kind::Substitution, "Party"));
    assert_eq!(&ocr[perty.ocr.clone()], "Perty");
    assert_eq!(&md[perty.corrected.clone()], "Party");
    assert_eq!(perty.confusion, None, "e for a is no known confusion");
}

#[test]
fn a_known_confusion_is_tagged() {
    let (ocr, md) = page(2);
    let misread = ocr.replacen("committee instructor", "cornmittee instructor", 1);
    let comparison = compare_page(&misread, &md);
    let correction = find(&comparison, "cornmittee");
    assert_eq!(correction.kind, Kind::Substitution);
    assert_eq!(correction.confusion, Some(Confusion::RnForM));
    assert_eq!(comparison.counts.confusions, 1);
}

#[test]
fn words_run_together_and_broken_apart_are_named() {
    let (ocr, md) = page(6);
    let joined = find(&compare_page(&ocr, &md), "criticismand").clone();
    assert_eq!((joined.kind, joined.corrected_text.as_str()), (Kind::WordsJoined, "criticism and"));
    let (ocr, md) = page(2);
    let split = find(&compare_page(&ocr, &md), "or ganization").clone();
    assert_eq!((split.kind, split.corrected_text.as_str()), (Kind::WordSplit, "organization"));
}

#[test]
fn a_word_hyphenated_at_a_line_end_is_no_error() {
    let (ocr, md) = page(2);
    let before = compare_page(&ocr, &md);
    let wrapped =
        ocr.replacen("primary Party organization and", "primary Party organ-\nization and", 1);
    assert_ne!(wrapped, ocr);
    let after = compare_page(&wrapped, &md);
    assert_eq!(after.counts.errors(), before.counts.errors());
    let hyphen = after
        .corrections
        .iter()
        .find(|c| c.ocr_text.contains("organ-\nization"))
        .expect("the break is a correction of layout");
    assert_eq!(hyphen.kind, Kind::Layout);
}

#[test]
fn furniture_the_corrector_dropped_is_furniture_not_deletion() {
    let (ocr, md) = page(2);
    let comparison = compare_page(&ocr, &md);
    let dropped: Vec<&str> = comparison
        .corrections
        .iter()
        .filter(|c| c.kind == Kind::Furniture)
        .map(|c| c.ocr_text.trim())
        .collect();
    assert_eq!(dropped, ["50X1-HUM\n\nSEGNET\n\nBECRET", "- 2 -"]);
    assert_eq!(comparison.counts.deletions, 0);
    let without = compare_markdown(&ocr, &[], &markdown::parse(&md));
    assert_eq!(without.counts.furniture, 0);
    assert_eq!(without.counts.deletions, 2);
}

#[test]
fn every_page_compares_with_exact_rates() {
    let ocr = read("ocr.txt");
    let pages = pages::split(&ocr);
    let markdown = corrected::split_pages(&read("corrected.md"), pages.len());
    let parts: Vec<_> =
        pages.iter().zip(&markdown).map(|(ocr, md)| compare_page(ocr, md).metrics).collect();
    assert!(parts.iter().all(|m| m.exact && m.cer.is_some_and(|cer| cer < 0.2)));
    let all = readingroom_core::compare::Metrics::combine(&parts);
    assert_eq!(all.chars, parts.iter().map(|m| m.chars).sum::<usize>());
}

/// The whole report as the fixture pair `cia-report` holds it (dinglehopper's verdict on it is
/// in `expected.json`): the OCR as it is, and the corrected pages' text one after the other.
fn report_pair() -> (String, String) {
    let ocr = read("ocr.txt");
    let pages = pages::split(&ocr);
    let markdown = corrected::split_pages(&read("corrected.md"), pages.len());
    let text = markdown.iter().map(|md| markdown::parse(md).search_text()).collect();
    (ocr, text)
}

#[test]
fn the_fixture_pair_is_the_report_as_it_is() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/compare");
    let (ocr, text) = report_pair();
    for (name, content) in [("cia-report.ocr.txt", &ocr), ("cia-report.gt.txt", &text)] {
        let path = format!("{fixtures}/{name}");
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&path, content).expect("fixture written");
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == *content,
            "{name} differs from the report: rerun with UPDATE_FIXTURES=1, then make_fixtures.py"
        );
    }
}
