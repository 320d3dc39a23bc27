//! The matcher's rules, one behaviour each.

use super::*;
use crate::search::normalize::tokenize;

fn accepts(query: &str, exact: &[&str], fuzzy: &[&str]) -> Accepts {
    let list = |l: &[&str]| {
        let mut v: Vec<String> = l.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    };
    Accepts { query: query.into(), exact: list(exact), fuzzy: list(fuzzy), splits: vec![] }
}

fn marked(matcher: &Matcher, text: &str) -> Vec<(String, usize, bool)> {
    let tokens = tokenize(text);
    matcher
        .marks(&tokens, |_| PostingLayer::Ocr)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_owned(), m.term, m.fuzzy))
        .collect()
}

fn one(words: Vec<Accepts>) -> Matcher {
    Matcher { terms: vec!["q".into()], patterns: vec![Pattern { term: 0, words }], layer: None }
}

#[test]
fn a_fuzzy_variant_is_marked_as_fuzzy() {
    let m = one(vec![accepts("kazakhstanskaya", &[], &["karakhstanskaya"])]);
    assert_eq!(marked(&m, "the Karakhstanskaya Pravda"), [("Karakhstanskaya".to_owned(), 0, true)]);
}

#[test]
fn a_phrase_needs_its_words_in_a_row() {
    let m = one(vec![accepts("soviet", &["soviet"], &[]), accepts("union", &["union"], &[])]);
    assert_eq!(marked(&m, "Soviet Union; union soviet"), [("Soviet Union".to_owned(), 0, false)]);
}

#[test]
fn a_word_joined_across_a_line_end_hyphen_is_one_mark() {
    let m = one(vec![accepts("instructor", &["instructor"], &[])]);
    assert_eq!(marked(&m, "an instruc-\ntor of"), [("instruc-\ntor".to_owned(), 0, false)]);
}

#[test]
fn a_split_word_covers_both_parts() {
    let mut word = accepts("communist", &[], &[]);
    word.splits = vec![("commu".into(), "nist".into())];
    assert_eq!(
        marked(&one(vec![word]), "the Commu nist party"),
        [("Commu nist".to_owned(), 0, true)]
    );
}

#[test]
fn the_first_expression_wins_where_two_start_together() {
    let matcher = Matcher {
        terms: vec!["soviet".into(), "\"soviet union\"".into()],
        patterns: vec![
            Pattern { term: 0, words: vec![accepts("soviet", &["soviet"], &[])] },
            Pattern {
                term: 1,
                words: vec![accepts("soviet", &["soviet"], &[]), accepts("union", &["union"], &[])],
            },
        ],
        layer: None,
    };
    assert_eq!(marked(&matcher, "Soviet Union"), [("Soviet".to_owned(), 0, false)]);
}

#[test]
fn a_layer_filter_keeps_marks_to_its_layer() {
    let mut m = one(vec![accepts("party", &["party"], &[])]);
    m.layer = Some(Layer::Corrected);
    assert!(marked(&m, "party").is_empty());
    assert!(!m.marks_layer(PostingLayer::Furniture));
}

#[test]
fn a_phrase_does_not_run_from_the_body_into_furniture() {
    let m = one(vec![accepts("secret", &["secret"], &[]), accepts("report", &["report"], &[])]);
    let tokens = tokenize("secret report");
    let marks =
        m.marks(&tokens, |i| if i == 0 { PostingLayer::Ocr } else { PostingLayer::Furniture });
    assert!(marks.is_empty());
}
