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
//! with no anchor and too large to align exactly within [`LAST_RESORT_CELLS`] is aligned as
//! substitutions followed by insertions or deletions, a coarse upper bound for texts that have
//! nothing in common.

use super::anchors::{Token, anchors};
use super::levenshtein::{distance_within, trim_common};
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
/// A stretch without anchors is still aligned exactly if its band fits in this many cells
/// (32 MiB of directions).
pub const LAST_RESORT_CELLS: usize = 1 << 25;
/// Anchors are looked for this many levels deep at most.
const MAX_DEPTH: usize = 48;

/// The alignment of `a` with `b`, cut at anchors taken from their tokens (sorted by start).
pub fn align(a: &[u32], b: &[u32], a_tokens: &[Token], b_tokens: &[Token]) -> Vec<Op> {
    align_with(a, b, (a_tokens, b_tokens), SMALL_CELLS)
}

/// [`align`], looking for anchors in every stretch, however short: for testing the anchors.
pub fn align_anchored(a: &[u32], b: &[u32], a_tokens: &[Token], b_tokens: &[Token]) -> Vec<Op> {
    align_with(a, b, (a_tokens, b_tokens), 0)
}

fn align_with(a: &[u32], b: &[u32], tokens: (&[Token], &[Token]), small: usize) -> Vec<Op> {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + a.len().min(b.len()) / 8);
    let (a_tokens, b_tokens) = tokens;
    let mut aligner = Aligner { a, b, a_tokens, b_tokens, small, out: &mut out };
    aligner.solve(0..a.len(), 0..b.len(), 0);
    refine(a, b, out)
}

/// The exact alignment of `a` with `b`, whatever it costs.
pub fn align_exact(a: &[u32], b: &[u32]) -> Vec<Op> {
    let mut out = Vec::new();
    if !exact_into(a, b, usize::MAX, &mut out) {
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
            if !exact_into(core_a, core_b, LAST_RESORT_CELLS, self.out) {
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

/// Appends the exact alignment of `a` with `b` if its band needs at most `cells` cells, and says
/// whether it did. The band grows from the length difference, doubling, so the cost follows the
/// distance.
pub(super) fn exact_into(a: &[u32], b: &[u32], cells: usize, out: &mut Vec<Op>) -> bool {
    let (core_a, core_b) = trim_common(a, b);
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a.len() - prefix - core_a.len();
    let rows = core_a.len() + 1;
    let longest = core_a.len().max(core_b.len());
    let mut k = core_a.len().abs_diff(core_b.len()).max(16).min(longest);
    let d = loop {
        // The band of a distance-d alignment has about d + 1 diagonals.
        if rows.saturating_mul(k + 2) > cells {
            return false;
        }
        if let Some(d) = distance_within(core_a, core_b, k) {
            break d;
        }
        k = (k * 2).min(longest);
    };
    out.extend(std::iter::repeat_n(Op::Match, prefix));
    let extra = (d - core_a.len().abs_diff(core_b.len())).div_ceil(2);
    band_into(core_a, core_b, extra, out);
    out.extend(std::iter::repeat_n(Op::Match, suffix));
    true
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
    let far = u32::MAX / 2;
    let mut previous = vec![far; width];
    let mut current = vec![far; width];
    let mut directions = vec![DIAGONAL; (m + 1) * width];
    for i in 0..=m {
        for (slot, d) in (low..=high).enumerate() {
            let j = i as isize + d;
            if j < 0 || j > n {
                current[slot] = far;
                continue;
            }
            if i == 0 && j == 0 {
                current[slot] = 0;
                continue;
            }
            let mut best = far;
            let mut direction = DIAGONAL;
            if i > 0 && j > 0 {
                best = previous[slot] + u32::from(a[i - 1] != b[j as usize - 1]);
            }
            if i > 0 && slot + 1 < width && previous[slot + 1] + 1 < best {
                (best, direction) = (previous[slot + 1] + 1, UP);
            }
            if j > 0 && slot > 0 && current[slot - 1] + 1 < best {
                (best, direction) = (current[slot - 1] + 1, LEFT);
            }
            current[slot] = best;
            directions[i * width + slot] = direction;
        }
        std::mem::swap(&mut previous, &mut current);
    }
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
