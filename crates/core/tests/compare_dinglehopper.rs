//! Agreement with dinglehopper 0.11.0: for every pair under `tests/fixtures/compare/`, the
//! character and word error rates, the character count and the word count are dinglehopper's
//! own (`expected.json`, written by `make_fixtures.py` from its reports; see SOURCE.md).

mod common;

use readingroom_core::compare::align::{align_anchored, cost};
use readingroom_core::compare::text::{Interner, prepare};
use readingroom_core::compare::{align_chars, levenshtein, metrics, text, word_tokens};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    name: String,
    gt: String,
    ocr: String,
    cer: Option<f64>,
    wer: Option<f64>,
    n_characters: usize,
    n_words: usize,
}

fn expected() -> Vec<Expected> {
    serde_json::from_str(&common::fixture_text("compare/expected.json")).expect("expected.json")
}

fn pair(e: &Expected) -> (String, String) {
    let text = |name: &str| common::fixture_text(&format!("compare/{name}"));
    (text(&e.ocr), text(&e.gt))
}

/// Pairs that need NFC, which the browser builds leave out.
fn needs_composition(e: &Expected) -> bool {
    e.name == "edge-unicode" && !cfg!(feature = "unicode-tables")
}

#[test]
fn rates_agree_with_dinglehopper_on_every_pair() {
    let (mut worst_cer, mut worst_wer) = (0.0f64, 0.0f64);
    for e in expected().iter().filter(|e| !needs_composition(e)) {
        let (ocr, gt) = pair(e);
        let m = metrics(&ocr, &gt);
        assert_eq!(m.chars, e.n_characters, "{}: characters", e.name);
        assert_eq!(m.words, e.n_words, "{}: words", e.name);
        assert_eq!(m.cer.is_some(), e.cer.is_some(), "{}: cer defined", e.name);
        assert_eq!(m.wer.is_some(), e.wer.is_some(), "{}: wer defined", e.name);
        let delta = |ours: Option<f64>, theirs: Option<f64>| match (ours, theirs) {
            (Some(a), Some(b)) => (a - b).abs(),
            _ => 0.0,
        };
        let (dc, dw) = (delta(m.cer, e.cer), delta(m.wer, e.wer));
        assert!(dc <= 0.001, "{}: cer {:?} against {:?}", e.name, m.cer, e.cer);
        assert!(dw <= 0.005, "{}: wer {:?} against {:?}", e.name, m.wer, e.wer);
        assert!(m.exact, "{}: the distances are exact", e.name);
        (worst_cer, worst_wer) = (worst_cer.max(dc), worst_wer.max(dw));
    }
    println!("largest differences: cer {worst_cer}, wer {worst_wer}");
}

#[test]
fn the_distances_are_exactly_dinglehopper_s() {
    // dinglehopper's rate is its distance over the same count, so the distance is the rate
    // times the count, to well within rounding.
    for e in expected().iter().filter(|e| !needs_composition(e)) {
        let (ocr, gt) = pair(e);
        let m = metrics(&ocr, &gt);
        let distance = |rate: Option<f64>, n: usize| rate.map(|r| (r * n as f64).round() as usize);
        assert_eq!(distance(e.cer, e.n_characters), m.cer.map(|_| m.char_distance), "{}", e.name);
        assert_eq!(distance(e.wer, e.n_words), m.wer.map(|_| m.word_distance), "{}", e.name);
    }
}

#[test]
fn an_empty_correction_has_no_rates() {
    let empty = expected().into_iter().find(|e| e.name.ends_with("empty-gt")).expect("pair");
    let (ocr, gt) = pair(&empty);
    let m = metrics(&ocr, &gt);
    assert_eq!((m.cer, m.wer, m.chars, m.words), (None, None, 0, 0));
    assert!(m.char_distance > 0);
}

#[test]
fn the_prepared_text_reads_lines_as_python_does() {
    // Universal newlines: CR LF and a lone CR end lines; a final line end starts no line.
    fn lines(t: &str) -> Vec<&str> {
        text::lines(t).into_iter().map(|r| &t[r]).collect()
    }
    assert_eq!(lines("a\r\nb\rc\n"), ["a", "b", "c"]);
    assert_eq!(lines("a\n\n"), ["a", ""]);
    assert!(lines("").is_empty());
}

#[test]
fn the_anchored_alignment_costs_the_exact_distance_on_every_pair() {
    for e in expected() {
        let (ocr, gt) = pair(&e);
        let mut interner = Interner::default();
        let (a, b) = (prepare(&ocr, &mut interner), prepare(&gt, &mut interner));
        let exact = levenshtein::distance(&a.ids, &b.ids);
        assert_eq!(cost(&align_chars(&a, &b)), exact, "{}", e.name);
        // With anchors in every stretch, however short, where the aligner would not use them.
        let (ta, tb) = (word_tokens(&a), word_tokens(&b));
        assert_eq!(cost(&align_anchored(&a.ids, &b.ids, &ta, &tb)), exact, "{}: anchored", e.name);
    }
}
