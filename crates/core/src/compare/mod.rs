//! OCR against its correction: the character and word error rates, the alignment, and the list
//! of corrections a reader sees beside the text.
//!
//! The rates are dinglehopper's (version 0.11.0, the OCR-D project's evaluation tool), so that
//! a figure here can be checked there. Both texts are read as dinglehopper reads a plain text
//! file ([`text`]: lines stripped, normalized with its `normalize_sbb` ([`normalize`]), joined by
//! `\n`). The character error rate is the Levenshtein distance between the two sequences of
//! grapheme clusters over the number of clusters in the correction (the joining line breaks
//! count); the word error rate is the same over words ([`words`]: UAX #29 segments that hold a
//! letter or a number). Where dinglehopper reports 0 for two empty texts and infinity for an
//! empty correction, this module reports no rate (`None`): a rate against nothing is undefined.
//!
//! The distances are exact where that is affordable. [`align`] aligns the texts, exactly when
//! they are short, cut at anchors and refined ([`refine`]) when they are long; the cost of its
//! alignment bounds the distance from above. When the bit-parallel band of that width costs at
//! most [`EXACT_BUDGET`] block steps ([`levenshtein::band_work`]), the exact distance is
//! computed and used; otherwise (a megabyte with thousands of errors) the bound is, and
//! [`Metrics::exact`] says so. On every fixture, and on a synthetic megabyte, the bound is the
//! exact distance.
//!
//! Memory and time stay bounded on texts of any size: the alignment spends within a [`Budget`]
//! (no traceback matrix over 32 MiB, work linear in the texts' length), aligning coarsely what
//! it cannot afford ([`budget`]), and the exact distance within [`EXACT_BUDGET`]. Past those,
//! the distances are the coarse alignment's upper bound, and `exact` is false; the rest of the
//! memory is proportional to the texts (about 30 bytes a cluster, with the corrections).
//!
//! Corrections ([`corrections`]) come from the character alignment, grouped into words and
//! classified. [`compare_markdown`] compares against a correction written in Markdown (as
//! `corrected.md` is), reading it as its rendered text and pointing back into the source.
//! [`view`] answers the reader's compare view: one page of a document against its
//! transcription or another OCR run, set out block by block, and every page's rates.
//!
//! The browser builds leave out the Unicode composition tables: there, text is compared in the
//! normalization it is written in (see [`normalize`]).

pub mod align;
pub mod anchors;
pub mod budget;
pub mod confusion;
pub mod corrections;
mod hashing;
pub mod levenshtein;
pub mod markdown;
pub mod normalize;
pub mod refine;
mod regions;
pub mod text;
pub mod view;
pub mod words;

pub use budget::Budget;
pub use confusion::Confusion;
pub use corrections::{Correction, Counts, Kind};
pub use markdown::{SourceMap, compare_markdown};

use align::{Op, cost};
use anchors::{Token, key};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use text::{Interner, Prepared, prepare};

/// The most block steps spent on an exact distance after alignment: 2^26, about a tenth of a
/// second natively. The CIA report, compared whole, needs about 2^19; a megabyte at a
/// character error rate of 0.02 would need 2^30.
pub const EXACT_BUDGET: usize = 1 << 26;

/// Error rates and what they are made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Character error rate: `char_distance / chars`; `None` when the correction has no
    /// characters.
    pub cer: Option<f64>,
    /// Word error rate: `word_distance / words`; `None` when the correction has no words.
    pub wer: Option<f64>,
    /// Grapheme clusters in the correction, line breaks included (dinglehopper's
    /// `n_characters`).
    pub chars: usize,
    /// Words in the correction (dinglehopper's `n_words`).
    pub words: usize,
    pub char_distance: usize,
    pub word_distance: usize,
    /// Whether both distances are exact; when not, they are an alignment's upper bound (a loose
    /// one where texts far beyond a real document were aligned coarsely).
    pub exact: bool,
}

impl Metrics {
    pub(crate) fn new(
        chars: usize,
        words: usize,
        char_distance: usize,
        word_distance: usize,
    ) -> Metrics {
        let rate = |d: usize, n: usize| (n > 0).then(|| d as f64 / n as f64);
        Metrics {
            cer: rate(char_distance, chars),
            wer: rate(word_distance, words),
            chars,
            words,
            char_distance,
            word_distance,
            exact: true,
        }
    }

    /// The rates of a document or a collection from those of its parts, weighted by length:
    /// the sum of the distances over the sum of the lengths.
    pub fn combine(parts: &[Metrics]) -> Metrics {
        let sum = |f: fn(&Metrics) -> usize| parts.iter().map(f).sum::<usize>();
        let mut combined = Metrics::new(
            sum(|m| m.chars),
            sum(|m| m.words),
            sum(|m| m.char_distance),
            sum(|m| m.word_distance),
        );
        combined.exact = parts.iter().all(|m| m.exact);
        combined
    }
}

/// A full comparison: the rates and the corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub metrics: Metrics,
    pub corrections: Vec<Correction>,
    pub counts: Counts,
}

/// The error rates of `ocr` against `corrected`, without the corrections.
pub fn metrics(ocr: &str, corrected: &str) -> Metrics {
    let mut interner = Interner::default();
    let (a, b) = (prepare(ocr, &mut interner), prepare(corrected, &mut interner));
    let ops = align_chars(&a, &b);
    rates(&a, &b, &ops)
}

/// The error rates of `ocr` against `corrected` and the corrections that turn the one into the
/// other. `furniture` holds the byte ranges of the OCR's furniture lines.
pub fn compare(ocr: &str, corrected: &str, furniture: &[Range<usize>]) -> Comparison {
    let mut interner = Interner::default();
    let (a, b) = (prepare(ocr, &mut interner), prepare(corrected, &mut interner));
    let ops = align_chars(&a, &b);
    let metrics = rates(&a, &b, &ops);
    let corrections = corrections::corrections((ocr, corrected), (&a, &b), &ops, furniture);
    let counts = Counts::of(&corrections);
    Comparison { metrics, corrections, counts }
}

/// The alignment of two prepared texts' clusters, anchored at words.
pub fn align_chars(a: &Prepared, b: &Prepared) -> Vec<Op> {
    align::align(&a.ids, &b.ids, &word_tokens(a), &word_tokens(b))
}

/// Whitespace-separated words of two clusters or more, as anchor candidates.
pub fn word_tokens(text: &Prepared) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for k in 0..=text.len() {
        let space = k == text.len() || text.is_space(k);
        match (space, start) {
            (true, Some(s)) => {
                if k - s >= 2 {
                    tokens.push(Token {
                        key: key(&text.ids[s..k]),
                        start: s as u32,
                        len: (k - s) as u32,
                    });
                }
                start = None;
            }
            (false, None) => start = Some(k),
            _ => {}
        }
    }
    tokens
}

/// The error rates of two prepared texts from the alignment of their clusters.
pub(crate) fn rates(a: &Prepared, b: &Prepared, char_ops: &[Op]) -> Metrics {
    let (char_distance, chars_exact) = exact_or_bound(&a.ids, &b.ids, cost(char_ops));
    let mut words = words::WordInterner::default();
    let (wa, wb) = (words::word_ids(&a.text, &mut words), words::word_ids(&b.text, &mut words));
    let single = |ids: &[u32]| -> Vec<Token> {
        ids.iter()
            .enumerate()
            .map(|(i, &id)| Token { key: key(&[id]), start: i as u32, len: 1 })
            .collect()
    };
    let word_ops = align::align(&wa, &wb, &single(&wa), &single(&wb));
    let (word_distance, words_exact) = exact_or_bound(&wa, &wb, cost(&word_ops));
    let mut metrics = Metrics::new(b.len(), wb.len(), char_distance, word_distance);
    metrics.exact = chars_exact && words_exact;
    metrics
}

/// The exact distance when its band within `bound` is affordable, else `bound`.
fn exact_or_bound(a: &[u32], b: &[u32], bound: usize) -> (usize, bool) {
    let (ta, tb) = levenshtein::trim_common(a, b);
    if levenshtein::band_work(ta.len(), tb.len(), bound) > EXACT_BUDGET {
        return (bound, false);
    }
    // An alignment's cost bounds the distance, so this finds it.
    levenshtein::distance_within(ta, tb, bound).map_or((bound, false), |d| (d, true))
}

#[cfg(test)]
mod tests;
