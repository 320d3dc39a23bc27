//! A page's rates for the figures of every page, found the short way.
//!
//! [`super::super::metrics`] aligns both texts first and uses the alignment's cost as the band
//! of the exact distance; the figures need no alignment, only the distances. Here the band
//! doubles from 64 until the distance falls within it, which costs about twice the last band,
//! a third of the work on a real page. The distances are exact, so the rates are the ones
//! `metrics` gives (a test holds them to it on every page of the collection); a pair whose
//! band would pass [`EXACT_BUDGET`] is left to `metrics`, which bounds its work.

use crate::compare::levenshtein::{band_work, distance_within, trim_common};
use crate::compare::text::{Interner, prepare};
use crate::compare::{EXACT_BUDGET, Metrics, metrics, words};

/// The rates of `ocr` against `text`, as [`metrics`] gives them.
pub fn rates(ocr: &str, text: &str) -> Metrics {
    let mut interner = Interner::default();
    let (a, b) = (prepare(ocr, &mut interner), prepare(text, &mut interner));
    let mut words = words::WordInterner::default();
    let (wa, wb) = (words::word_ids(&a.text, &mut words), words::word_ids(&b.text, &mut words));
    match (exact(&a.ids, &b.ids), exact(&wa, &wb)) {
        (Some(chars), Some(words)) => Metrics::new(b.len(), wb.len(), chars, words),
        _ => metrics(ocr, text),
    }
}

/// The exact distance by doubling bands, or `None` once a band would pass the budget.
fn exact(a: &[u32], b: &[u32]) -> Option<usize> {
    let (a, b) = trim_common(a, b);
    let mut k = a.len().abs_diff(b.len()).max(64);
    while band_work(a.len(), b.len(), k) <= EXACT_BUDGET {
        if let Some(d) = distance_within(a, b, k) {
            return Some(d);
        }
        k = k.checked_mul(2)?;
    }
    None
}
