//! Alignment: the edit script that turns one sequence (the OCR's clusters or words) into the
//! other (the correction's), as a list of [`Op`]s.
//!
//! A stretch is aligned exactly when it is short (at most [`SMALL_CELLS`] cells once its common
//! ends are set aside): the distance comes first from the bit-parallel [`levenshtein`] pass,
//! doubling its band, which says how many diagonals the optimal path can use, and a dynamic
//! programme over that band keeps one direction per cell for the traceback.
//!
//! A longer stretch is first cut at anchors ([`super::anchors`]): words that occur exactly once
//! in each text, chained in order. The stretches between anchors are aligned the same way,
//! recursively (a word unique within a stretch may be an anchor there). The anchored alignment
//! is exact within each piece; its cost is an upper bound on the distance, equal to it whenever
//! some optimal alignment matches every anchor. [`super::refine`] then realigns exactly every
//! window of about a thousand clusters where the bound is not the window's distance, across
//! anchors. On every fixture the result costs the exact distance (see the tests). A stretch
//! that the [`Budget`] cannot afford (no anchor in it and a band over [`Budget::matrix_cells`],
//! or the whole alignment's work spent) is aligned as substitutions followed by insertions or
//! deletions: a coarse upper bound, as for texts that have nothing in common.

use super::anchors::{Token, anchors};
use super::budget::{Budget, Spending};
use super::levenshtein::{band_work, distance_within, trim_common};
use super::refine::refine;
use std::ops::Range;

/// One step of an alignment of `a` (the OCR) with `b` (the correction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `a[i]` and `b[j]` are equal.
    Match,
    /// `a[i]` was read where `b[j]` is.
    Substitute,
    /// `b[j]` is missing from `a`.
    Insert,
    /// `a[i]` is not in `b`.
    Delete,
}

impl Op {
    /// How many items of `a` and of `b` the step consumes.
    pub fn advance(self) -> (usize, usize) {
        match self {
            Op::Match | Op::Substitute => (1, 1),
            Op::Insert => (0, 1),
            Op::Delete => (1, 0),
        }
    }
}

/// The number of edits in an alignment.
pub fn cost(ops: &[Op]) -> usize {
    ops.iter().filter(|&&op| op != Op::Match).count()
}

/// Stretches up to this many cells (after their common ends) are aligned exactly without
/// looking for anchors.
pub const SMALL_CELLS: usize = 1 << 14;
/// Stretches up to this many cells are aligned over every diagonal, without measuring first.
const TINY_CELLS: usize = 1 << 10;
/// Anchors are looked for this many levels deep at most.
const MAX_DEPTH: usize = 48;

/// An alignment, and whether some stretch of it was aligned coarsely for want of budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub ops: Vec<Op>,
    pub coarse: bool,
}

/// The alignment of `a` with `b`, cut at anchors taken from their tokens (sorted by start),
/// within the default [`Budget`].
pub fn align(a: &[u32], b: &[u32], a_tokens: &[Token], b_tokens: &[Token]) -> Vec<Op> {
    align_within(a, b, (a_tokens, b_tokens), &Budget::DEFAULT).ops
}

/// [`align`] within `budget`.
pub fn align_within(
    a: &[u32],
    b: &[u32],
    tokens: (&[Token], &[Token]),
    budget: &Budget,
) -> Alignment {
    align_with(a, b, tokens, SMALL_CELLS, budget)
}

/// [`align`], looking for anchors in every stretch, however short: for testing the anchors.
pub fn align_anchored(a: &[u32], b: &[u32], a_tokens: &[Token], b_tokens: &[Token]) -> Vec<Op> {
    align_with(a, b, (a_tokens, b_tokens), 0, &Budget::DEFAULT).ops
}

fn align_with(
    a: &[u32],
    b: &[u32],
    tokens: (&[Token], &[Token]),
    small: usize,
    budget: &Budget,
) -> Alignment {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + a.len().min(b.len()) / 8);
    let mut spending = Spending::new(budget, a.len(), b.len());
    let (a_tokens, b_tokens) = tokens;
    let mut aligner =
        Aligner { a, b, a_tokens, b_tokens, small, spending: &mut spending, out: &mut out };
    aligner.solve(0..a.len(), 0..b.len(), 0);
    let ops = refine(a, b, out, &mut spending);
    Alignment { ops, coarse: spending.coarse }
}

/// The exact alignment of `a` with `b`, whatever it costs.
pub fn align_exact(a: &[u32], b: &[u32]) -> Vec<Op> {
    let mut out = Vec::new();
    if !exact_into(a, b, &mut Spending::unlimited(), &mut out) {
        unreachable!("an unbounded exact alignment always succeeds");
    }
    out
}

struct Aligner<'a> {
    a: &'a [u32],
    b: &'a [u32],
    a_tokens: &'a [Token],
    b_tokens: &'a [Token],
    /// Stretches of at most this many cells are aligned without anchors.
    small: usize,
    spending: &'a mut Spending,
    out: &'a mut Vec<Op>,
}

impl Aligner<'_> {
    fn solve(&mut self, ra: Range<usize>, rb: Range<usize>, depth: usize) {
        let (a, b) = (&self.a[ra.clone()], &self.b[rb.clone()]);
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (core_a, core_b) = trim_common(a, b);
        let suffix = a.len() - prefix - core_a.len();
        self.out.extend(std::iter::repeat_n(Op::Match, prefix));
        let (ra, rb) = (ra.start + prefix..ra.end - suffix, rb.start + prefix..rb.end - suffix);
        let found = if core_a.len().saturating_mul(core_b.len()) <= self.small || depth >= MAX_DEPTH
        {
            Vec::new()
        } else {
            let tokens = (within(self.a_tokens, &ra), within(self.b_tokens, &rb));
            anchors((self.a, self.b), (ra.clone(), rb.clone()), tokens.0, tokens.1)
        };
        if found.is_empty() {
            if !exact_into(core_a, core_b, self.spending, self.out) {
                self.spending.coarse = true;
                coarse_into(core_a.len(), core_b.len(), self.out);
            }
        } else {
            let (mut at_a, mut at_b) = (ra.start, rb.start);
            for (x, y) in found {
                self.solve(at_a..x.start as usize, at_b..y.start as usize, depth + 1);
                self.out.extend(std::iter::repeat_n(Op::Match, x.len as usize));
                (at_a, at_b) = (x.end(), y.end());
            }
            self.solve(at_a..ra.end, at_b..rb.end, depth + 1);
        }
        self.out.extend(std::iter::repeat_n(Op::Match, suffix));
    }
}

/// The tokens lying wholly inside `range`.
fn within<'t>(tokens: &'t [Token], range: &Range<usize>) -> &'t [Token] {
    let from = tokens.partition_point(|t| (t.start as usize) < range.start);
    let to = tokens.partition_point(|t| t.end() <= range.end);
    &tokens[from..to.max(from)]
}

/// Appends the exact alignment of `a` with `b` if `spending` affords it, and says whether it
/// did (appending nothing when not). The band grows from the length difference, doubling, so
/// the cost follows the distance; no band wider than [`Spending::cells`] is tried.
pub(super) fn exact_into(a: &[u32], b: &[u32], spending: &mut Spending, out: &mut Vec<Op>) -> bool {
    let (core_a, core_b) = trim_common(a, b);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a.len() - prefix - core_a.len();
    let rows = core_a.len() + 1;
    let extra = if rows * (core_b.len() + 1) <= TINY_CELLS {
        // Too small to be worth the bit-parallel pass: every diagonal.
        core_a.len().min(core_b.len())
    } else {
        match banded_distance(core_a, core_b, spending) {
            Some(d) => (d - core_a.len().abs_diff(core_b.len())).div_ceil(2),
            None => return false,
        }
    };
    let width = core_a.len().abs_diff(core_b.len()) + 2 * extra + 1;
    if !spending.spend(rows.saturating_mul(width)) {
        return false;
    }
    out.extend(std::iter::repeat_n(Op::Match, prefix));
    band_into(core_a, core_b, extra, out);
    out.extend(std::iter::repeat_n(Op::Match, suffix));
    true
}

/// The distance between `a` and `b` (without common ends), found in a band doubling from the
/// length difference, if a traceback over that band stays within `spending`.
fn banded_distance(a: &[u32], b: &[u32], spending: &mut Spending) -> Option<usize> {
    let rows = a.len() + 1;
    let longest = a.len().max(b.len());
    let mut k = a.len().abs_diff(b.len()).max(16).min(longest);
    loop {
        // The band of a distance-d alignment has about d + 1 diagonals.
        if rows.saturating_mul(k + 2) > spending.cells()
            || !spending.spend(band_work(a.len(), b.len(), k))
        {
            return None;
        }
        if let Some(d) = distance_within(a, b, k) {
            return Some(d);
        }
        k = (k * 2).min(longest);
    }
}

/// Substitutions for the common length, then what is left of the longer side.
fn coarse_into(a_len: usize, b_len: usize, out: &mut Vec<Op>) {
    out.extend(std::iter::repeat_n(Op::Substitute, a_len.min(b_len)));
    let rest = if a_len > b_len { Op::Delete } else { Op::Insert };
    out.extend(std::iter::repeat_n(rest, a_len.abs_diff(b_len)));
}

const DIAGONAL: u8 = 0;
const UP: u8 = 1;
const LEFT: u8 = 2;

/// The optimal alignment within the diagonals `min(0, Δ) − extra ..= max(0, Δ) + extra`
/// (Δ = |b| − |a|): optimal overall whenever its cost is at most |Δ| + 2·extra + 1, since a
/// path leaving the band pays at least one more.
fn band_into(a: &[u32], b: &[u32], extra: usize, out: &mut Vec<Op>) {
    let (m, n) = (a.len(), b.len() as isize);
    let delta = n - m as isize;
    let low = delta.min(0) - extra as isize;
    let high = delta.max(0) + extra as isize;
    let width = (high - low + 1) as usize;
    let directions = band_directions(a, b, low, width);
    let start = out.len();
    let (mut i, mut slot) = (m, (delta - low) as usize);
    loop {
        let j = i as isize + slot as isize + low;
        if i == 0 && j == 0 {
            break;
        }
        match directions[i * width + slot] {
            UP => {
                out.push(Op::Delete);
                (i, slot) = (i - 1, slot + 1);
            }
            LEFT => {
                out.push(Op::Insert);
                slot -= 1;
            }
            _ => {
                let same = a[i - 1] == b[j as usize - 1];
                out.push(if same { Op::Match } else { Op::Substitute });
                i -= 1;
            }
        }
    }
    out[start..].reverse();
}

/// The directions of the band's cells, row by row (`width` cells a row, the first on diagonal
/// `low`).
fn band_directions(a: &[u32], b: &[u32], low: isize, width: usize) -> Vec<u8> {
    let n = b.len() as isize;
    let far = u32::MAX / 2;
    // One cell more than the band, always far, so that every cell has a cell above-right.
    let mut previous = vec![far; width + 1];
    let mut current = vec![far; width + 1];
    let mut directions = vec![DIAGONAL; (a.len() + 1) * width];
    for (slot, cell) in previous[..width].iter_mut().enumerate() {
        let j = low + slot as isize;
        if (0..=n).contains(&j) {
            *cell = j as u32;
            directions[slot] = LEFT;
        }
    }
    for (i, &x) in a.iter().enumerate() {
        // Row i + 1: the cell in slot s is column `base + s`.
        let base = i as isize + 1 + low;
        let first = (-base).max(0) as usize;
        let last = (n - base).min(width as isize - 1);
        current.fill(far);
        let row = &mut directions[(i + 1) * width..(i + 2) * width];
        let mut left = far;
        let mut slot = first;
        if base + first as isize == 0 {
            // Column 0: only deletions lead here.
            (current[slot], row[slot], left) = (previous[slot + 1] + 1, UP, previous[slot + 1] + 1);
            slot += 1;
        }
        if last < slot as isize {
            std::mem::swap(&mut previous, &mut current);
            continue;
        }
        let last = last as usize;
        let columns = &b[(base + slot as isize - 1) as usize..];
        let cells = current[slot..=last].iter_mut().zip(&mut row[slot..=last]);
        for (((cell, direction), above), &y) in
            cells.zip(previous[slot..=last + 1].windows(2)).zip(columns)
        {
            let (mut best, mut way) = (above[0] + u32::from(x != y), DIAGONAL);
            if above[1] + 1 < best {
                (best, way) = (above[1] + 1, UP);
            }
            if left + 1 < best {
                (best, way) = (left + 1, LEFT);
            }
            (*cell, *direction, left) = (best, way, best);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    directions
}
