//! Properties of the comparison on random pairs from a seeded generator: the distance is the
//! textbook one, symmetric, and found again by the anchored alignment; alignments rebuild both
//! texts; the corrections turn the OCR into the correction.

use super::align::{Op, align, align_exact, cost};
use super::levenshtein::{distance, distance_within};
use super::text::{Interner, prepare};
use super::*;
use crate::synth::{Rng, noise};
use std::ops::Range;

/// The textbook dynamic programme.
fn reference_distance(a: &[u32], b: &[u32]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// A sequence over a small alphabet, and a copy of it with some edits.
fn sequence_pair(rng: &mut Rng) -> (Vec<u32>, Vec<u32>) {
    let alphabet = rng.between(2, 12) as u32;
    let len = rng.below(300) as usize;
    let a: Vec<u32> = (0..len).map(|_| rng.below(alphabet.into()) as u32).collect();
    let mut b = a.clone();
    for _ in 0..rng.below(40) {
        let at = rng.below(b.len() as u64 + 1) as usize;
        match rng.below(3) {
            0 if at < b.len() => b[at] = rng.below(alphabet.into()) as u32,
            1 if at < b.len() => {
                b.remove(at);
            }
            _ => b.insert(at, rng.below(alphabet.into()) as u32),
        }
    }
    if rng.one_in(4) {
        b = (0..rng.below(200)).map(|_| rng.below(alphabet.into()) as u32).collect();
    }
    (a, b)
}

const WORDS: [&str; 16] = [
    "the",
    "Party",
    "committee",
    "of",
    "rayon",
    "instructor",
    "and",
    "work",
    "organization",
    "criticism",
    "a",
    "secretary",
    "Kolkhoz",
    "1949",
    "self-criticism",
    "Pravda",
];

/// A text of words from a small list, with spaces, line breaks and punctuation; and an OCR
/// reading of it.
fn text_pair(rng: &mut Rng) -> (String, String) {
    let mut text = String::new();
    for _ in 0..rng.below(120) {
        let word: &&str = rng.pick(&WORDS);
        text.push_str(word);
        let separator =
            *rng.pick_weighted(&[(" ", 12), ("\n", 3), (", ", 2), (". ", 2), ("\n\n", 1)]);
        text.push_str(separator);
    }
    let cer = [0.0, 0.01, 0.05, 0.15][rng.below(4) as usize];
    let mut ocr = noise(&text, cer, rng);
    if rng.one_in(5) {
        ocr = ocr.replacen(' ', "", 2).replacen('\n', " ", 3).replacen("e", "é", 1);
    }
    (ocr, text)
}

fn applied(ocr: &str, corrections: &[Correction]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for c in corrections {
        assert!(c.ocr.start >= at, "corrections are in order and apart");
        out.push_str(&ocr[at..c.ocr.start]);
        out.push_str(&c.corrected_text);
        at = c.ocr.end;
    }
    out.push_str(&ocr[at..]);
    out
}

#[test]
fn bit_parallel_distance_is_the_textbook_distance() {
    let mut rng = Rng::new(1);
    for _ in 0..400 {
        let (a, b) = sequence_pair(&mut rng);
        let expected = reference_distance(&a, &b);
        assert_eq!(distance(&a, &b), expected);
        assert_eq!(distance(&b, &a), expected, "symmetric");
        let k = rng.below(expected as u64 + 3) as usize;
        assert_eq!(distance_within(&a, &b, k), (expected <= k).then_some(expected));
    }
}

#[test]
fn alignments_rebuild_both_sequences_at_their_distance() {
    let mut rng = Rng::new(2);
    for _ in 0..200 {
        let (a, b) = sequence_pair(&mut rng);
        let ops = align_exact(&a, &b);
        let (mut i, mut j) = (0, 0);
        for op in &ops {
            match op {
                Op::Match => assert_eq!(a[i], b[j]),
                Op::Substitute => assert_ne!(a[i], b[j]),
                Op::Insert | Op::Delete => {}
            }
            let (di, dj) = op.advance();
            (i, j) = (i + di, j + dj);
        }
        assert_eq!((i, j), (a.len(), b.len()));
        assert_eq!(cost(&ops), reference_distance(&a, &b));
    }
}

#[test]
fn anchored_alignment_finds_the_exact_distance_on_random_texts() {
    let mut rng = Rng::new(3);
    let mut worse = 0;
    for _ in 0..300 {
        let (ocr, corrected) = text_pair(&mut rng);
        let mut interner = Interner::default();
        let (a, b) = (prepare(&ocr, &mut interner), prepare(&corrected, &mut interner));
        let tokens = |t: &Prepared| word_tokens(t);
        // Anchors are forced at every size here, where the aligner would align short texts
        // exactly without them.
        let anchored = align::align_anchored(&a.ids, &b.ids, &tokens(&a), &tokens(&b));
        let exact = distance(&a.ids, &b.ids);
        assert!(cost(&anchored) >= exact);
        worse += usize::from(cost(&anchored) > exact);
        if cost(&anchored) > exact {
            println!("{} vs {}: {ocr:?}\n{corrected:?}", cost(&anchored), exact);
        }
        assert!(cost(&align(&a.ids, &b.ids, &tokens(&a), &tokens(&b))) >= exact);
    }
    assert_eq!(worse, 0, "anchored alignments costlier than the exact one");
}

#[test]
fn identical_texts_have_no_errors_and_no_corrections() {
    let mut rng = Rng::new(4);
    for _ in 0..50 {
        let (_, text) = text_pair(&mut rng);
        let comparison = compare(&text, &text, &[]);
        if comparison.metrics.chars > 0 {
            assert_eq!(comparison.metrics.cer, Some(0.0));
        }
        assert!(comparison.corrections.is_empty());
    }
}

#[test]
fn distances_are_symmetric() {
    let mut rng = Rng::new(5);
    for _ in 0..100 {
        let (ocr, corrected) = text_pair(&mut rng);
        let (there, back) = (metrics(&ocr, &corrected), metrics(&corrected, &ocr));
        assert_eq!(there.char_distance, back.char_distance);
        assert_eq!(there.word_distance, back.word_distance);
    }
}

#[test]
fn applying_the_corrections_to_the_ocr_gives_the_correction() {
    let mut rng = Rng::new(6);
    for _ in 0..300 {
        let (ocr, corrected) = text_pair(&mut rng);
        let comparison = compare(&ocr, &corrected, &[]);
        assert_eq!(applied(&ocr, &comparison.corrections), corrected, "{ocr:?}");
        for c in &comparison.corrections {
            assert_eq!(ocr[c.ocr.clone()], c.ocr_text);
            assert_eq!(corrected[c.corrected.clone()], c.corrected_text);
        }
    }
}

#[test]
fn whitespace_and_empty_texts_have_corrections_that_apply() {
    for (ocr, corrected) in [("", ""), ("  \n", ""), ("", "text\n"), ("text", " \n "), (" a ", "a")]
    {
        let comparison = compare(ocr, corrected, &[]);
        assert_eq!(applied(ocr, &comparison.corrections), corrected);
    }
}

#[test]
fn an_empty_correction_has_no_rates_and_no_panic() {
    for ocr in ["", "some text", "\n\n"] {
        let m = metrics(ocr, "");
        assert_eq!((m.cer, m.wer, m.chars, m.words), (None, None, 0, 0));
    }
    assert_eq!(metrics("", "").char_distance, 0);
}

#[test]
fn combined_rates_weigh_by_length() {
    let parts =
        [metrics("Perty", "Party"), metrics("the committee", "the committee"), metrics("", "")];
    let all = Metrics::combine(&parts);
    assert_eq!((all.chars, all.char_distance), (18, 1));
    assert_eq!(all.cer, Some(1.0 / 18.0));
    assert_eq!(Metrics::combine(&[]).cer, None);
}

#[test]
fn a_misread_word_is_one_substitution() {
    let comparison = compare("the Perty committee", "the Party committee", &[]);
    let kinds: Vec<_> =
        comparison.corrections.iter().map(|c| (c.kind, c.ocr_text.as_str())).collect();
    assert_eq!(kinds, [(Kind::Substitution, "Perty")]);
}

#[test]
fn split_and_joined_words_are_named_for_what_the_ocr_did() {
    let joined = compare("criticismand self", "criticism and self", &[]);
    assert_eq!(joined.corrections[0].kind, Kind::WordsJoined);
    let split = compare("Party or ganization", "Party organization", &[]);
    assert_eq!(split.corrections[0].kind, Kind::WordSplit);
    assert_eq!(split.corrections[0].ocr_text, "or ganization");
}

#[test]
fn known_confusions_are_tagged() {
    let comparison = compare("the cornmittee met", "the committee met", &[]);
    assert_eq!(comparison.corrections[0].confusion, Some(Confusion::RnForM));
    assert_eq!(comparison.counts.confusions, 1);
}

#[test]
fn hyphens_at_line_ends_are_layout_with_or_without_the_hyphen() {
    for (ocr, corrected) in [
        ("the or-\nganization met", "the organization met"),
        ("the or¬\nganization met", "the organization met"),
        ("by self-\ncriticism", "by self-criticism"),
    ] {
        let comparison = compare(ocr, corrected, &[]);
        let kinds: Vec<Kind> = comparison.corrections.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [Kind::Layout], "{ocr:?}");
        assert_eq!(comparison.counts.errors(), 0);
    }
}

#[test]
fn a_comparison_survives_json() {
    let stamp: Range<usize> = 21..27;
    let comparison = compare("the Perty cornmittee\nSECRET\n", "the Party committee\n", &[stamp]);
    let json = serde_json::to_string(&comparison).expect("serializes");
    let back: Comparison = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, comparison);
    assert!(json.contains(r#""confusion":"rn/m""#) && json.contains(r#""kind":"furniture""#));
}
