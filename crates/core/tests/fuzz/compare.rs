//! The alignment and the error rates, as `readingroom diff` and the compare view run them: any
//! two texts compare; the distance is a true edit distance (zero only for equal texts,
//! symmetric, at most the longer text); every correction points inside both texts.
//!
//! An input is the OCR, a NUL byte, and the correction: a page of the CIA report against its
//! Markdown, or random text.

use super::harness::{REPORT, config, exercise, lossy, mutated, replay};
use proptest::prelude::*;
use readingroom_core::compare::{compare, compare_markdown, metrics};
use readingroom_core::{corrected, furniture, markdown, pages};
use std::ops::Range;

const TARGET: &str = "compare";

fn compare_target(bytes: &[u8]) {
    let text = lossy(bytes);
    let (ocr, correction) = text.split_once('\0').unwrap_or((&text, ""));
    let furniture: Vec<Range<usize>> =
        furniture::detect(ocr).iter().map(|line| line.start..line.end).collect();
    let plain = compare(ocr, correction, &furniture);
    let rates = &plain.metrics;
    assert_eq!(rates, &metrics(ocr, correction), "compare and metrics agree");
    if rates.exact {
        let back = metrics(correction, ocr);
        assert!(!back.exact || back.char_distance == rates.char_distance, "symmetric");
        assert_eq!(metrics(ocr, ocr).char_distance, 0, "a text is its own correction");
    }
    for c in &plain.corrections {
        assert!(ocr.get(c.ocr.clone()).is_some(), "{c:?} is inside the OCR");
        assert!(correction.get(c.corrected.clone()).is_some(), "{c:?} is inside the correction");
    }
    let marked = compare_markdown(ocr, &furniture, &markdown::parse(correction));
    for c in &marked.corrections {
        assert!(ocr.get(c.ocr.clone()).is_some(), "{c:?} is inside the OCR");
        assert!(c.corrected.end <= correction.len(), "{c:?} is inside the Markdown");
    }
}

/// Each page of the CIA report, its OCR and its Markdown, cut to a few kilobytes.
fn pages_with_corrections() -> Vec<Vec<u8>> {
    let (ocr, correction) = (lossy(&REPORT.ocr), lossy(&REPORT.corrected));
    let ocr_pages = pages::split(&ocr);
    let md_pages = corrected::split_pages(&correction, ocr_pages.len());
    let pairs = ocr_pages.iter().zip(&md_pages);
    pairs.map(|(page, md)| format!("{}\0{}", cut(page), cut(md)).into_bytes()).collect()
}

fn cut(text: &str) -> &str {
    let mut end = text.len().min(3000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[test]
fn the_compare_corpus_replays() {
    replay(TARGET, compare_target);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_pages_compare(bytes in mutated(pages_with_corrections())) {
        exercise(TARGET, &bytes, compare_target)?;
    }

    #[test]
    fn any_two_texts_compare(ocr in "\\PC{0,300}", correction in "\\PC{0,300}") {
        exercise(TARGET, format!("{ocr}\0{correction}").as_bytes(), compare_target)?;
    }
}
