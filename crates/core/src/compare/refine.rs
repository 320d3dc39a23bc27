//! Local refinement of an anchored alignment.
//!
//! Anchors cut a long alignment into pieces aligned exactly, but the cut itself can cost: where
//! the correction reorders text (the labels and values of a report form), the best alignment
//! may pair a unique word with a copy the chain did not choose. Refinement walks the alignment
//! in windows of [`WINDOW`] clusters of the OCR, twice (the second pass offset by half a
//! window, so that every anchor lies inside some window), and realigns exactly every window
//! whose exact distance is below what the alignment spends there. The result is still one
//! path from corner to corner, never costlier, and exact within every window that the
//! alignment's [`Spending`] affords (the others are kept as they were); on the fixtures, exact
//! overall.

use super::align::{Op, cost, exact_into};
use super::budget::Spending;
use super::levenshtein::{band_work, distance_within};

/// Clusters of the OCR per window.
pub const WINDOW: usize = 1024;

/// `ops`, an alignment of `a` with `b`, refined within `spending`.
pub fn refine(a: &[u32], b: &[u32], ops: Vec<Op>, spending: &mut Spending) -> Vec<Op> {
    if a.len() <= WINDOW {
        return ops;
    }
    let ops = pass(a, b, ops, WINDOW, spending);
    pass(a, b, ops, WINDOW / 2, spending)
}

/// One pass, with the first window `first` clusters long.
fn pass(a: &[u32], b: &[u32], ops: Vec<Op>, first: usize, spending: &mut Spending) -> Vec<Op> {
    let mut out = Vec::with_capacity(ops.len());
    let (mut i, mut j) = (0, 0);
    let (mut start, mut window_i, mut window_j) = (0, 0, 0);
    let mut limit = first;
    for (c, &op) in ops.iter().enumerate() {
        let (di, dj) = op.advance();
        (i, j) = (i + di, j + dj);
        if i - window_i < limit && c + 1 < ops.len() {
            continue;
        }
        let spent = &ops[start..=c];
        let (wa, wb) = (&a[window_i..i], &b[window_j..j]);
        let spent_cost = cost(spent);
        // The distance is at least the length difference, which costs nothing to check.
        let better = spent_cost > wa.len().abs_diff(wb.len())
            && spending.spend(band_work(wa.len(), wb.len(), spent_cost - 1))
            && distance_within(wa, wb, spent_cost - 1).is_some();
        if !(better && exact_into(wa, wb, spending, &mut out)) {
            out.extend_from_slice(spent);
        }
        (start, window_i, window_j, limit) = (c + 1, i, j, WINDOW);
    }
    out
}
