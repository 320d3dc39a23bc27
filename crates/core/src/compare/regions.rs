//! From a cluster alignment to the stretches that differ, each widened to whole words.
//!
//! A column of the alignment is one [`Op`]. It is *same* when it matches clusters whose original
//! bytes are equal too, *quiet* when the texts differ there only in a way the comparison does
//! not count as reading (a line break against a space, stripped spaces at a line end, two
//! spellings dinglehopper's normalization makes equal), and *real* otherwise.
//!
//! A real column is widened to every word it touches, on either side: the word its cluster
//! belongs to, or the word it falls inside when it has no cluster on that side (a space the OCR
//! lacks inside "criticismand" touches that OCR word). Widened columns that overlap make one
//! region, so a misread word is one region however many of its letters differ, and "criticismand"
//! against "criticism and" is one region too. A quiet column is a region of its own unless a
//! real one covers it. Words are runs of non-whitespace clusters.

use super::align::Op;
use super::text::Prepared;
use std::ops::Range;

const NONE: u32 = u32::MAX;

/// A stretch of columns that differs; `quiet` when none of its columns is real.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub columns: Range<usize>,
    pub quiet: bool,
    /// The kinds of its differing columns, as bits ([`bit`]).
    kinds: u8,
}

fn bit(op: Op) -> u8 {
    1 << op as u8
}

impl Region {
    /// Whether the region only deletes, or only inserts: the words of one deleted line, which
    /// make one correction although the spaces between them touch no word.
    fn one_sided(&self) -> bool {
        self.kinds == bit(Op::Delete) || self.kinds == bit(Op::Insert)
    }
}

/// Where each column starts in either text: `a[c]`, `b[c]` are the clusters before column `c`
/// (one more entry for the end).
#[derive(Debug, Clone, Default)]
pub struct Positions {
    pub a: Vec<u32>,
    pub b: Vec<u32>,
}

impl Positions {
    pub fn new(ops: &[Op]) -> Positions {
        let mut positions = Positions {
            a: Vec::with_capacity(ops.len() + 1),
            b: Vec::with_capacity(ops.len() + 1),
        };
        let (mut i, mut j) = (0u32, 0u32);
        for &op in ops {
            positions.a.push(i);
            positions.b.push(j);
            let (di, dj) = op.advance();
            (i, j) = (i + di as u32, j + dj as u32);
        }
        positions.a.push(i);
        positions.b.push(j);
        positions
    }

    /// The clusters of `a` and of `b` that columns `columns` cover.
    pub fn clusters(&self, columns: &Range<usize>) -> (Range<usize>, Range<usize>) {
        let (s, e) = (columns.start, columns.end);
        (self.a[s] as usize..self.a[e] as usize, self.b[s] as usize..self.b[e] as usize)
    }
}

/// The words of one side: which word each cluster is in, and each word's columns.
struct Side<'p> {
    text: &'p Prepared,
    word_of: Vec<u32>,
    columns: Vec<(u32, u32)>,
}

impl<'p> Side<'p> {
    fn new(text: &'p Prepared, ops: &[Op], a_side: bool) -> Side<'p> {
        let mut word_of = vec![NONE; text.len()];
        let mut columns: Vec<(u32, u32)> = Vec::new();
        let mut k = 0;
        for (c, &op) in ops.iter().enumerate() {
            let (di, dj) = op.advance();
            if (if a_side { di } else { dj }) == 0 {
                continue;
            }
            if !text.is_space(k) {
                if k > 0 && word_of[k - 1] != NONE {
                    word_of[k] = word_of[k - 1];
                    if let Some(last) = columns.last_mut() {
                        last.1 = c as u32 + 1;
                    }
                } else {
                    word_of[k] = columns.len() as u32;
                    columns.push((c as u32, c as u32 + 1));
                }
            }
            k += 1;
        }
        Side { text, word_of, columns }
    }

    /// The columns of the word that a column touches on this side: the word of its cluster `k`
    /// when it has one, or the word that position `k` falls inside when it has none.
    fn touched(&self, k: usize, consumes: bool) -> Option<Range<usize>> {
        let inside = k > 0 && k < self.text.len() && self.word_of[k - 1] == self.word_of[k];
        let word = if consumes || inside { self.word_of[k] } else { NONE };
        (word != NONE).then(|| {
            let (start, end) = self.columns[word as usize];
            start as usize..end as usize
        })
    }
}

/// The regions of an alignment of `a` (OCR) with `b` (correction), in order; `originals` are
/// the texts they were prepared from.
pub fn regions(
    (a, b): (&Prepared, &Prepared),
    originals: (&str, &str),
    ops: &[Op],
    positions: &Positions,
) -> Vec<Region> {
    let side_a = Side::new(a, ops, true);
    let side_b = Side::new(b, ops, false);
    let mut out: Vec<Region> = Vec::new();
    for (c, &op) in ops.iter().enumerate() {
        let (i, j) = (positions.a[c] as usize, positions.b[c] as usize);
        let quiet = match op {
            Op::Match => {
                if originals.0[a.source(i..i + 1)] == originals.1[b.source(j..j + 1)] {
                    continue;
                }
                true
            }
            Op::Substitute => a.is_space(i) && b.is_space(j),
            Op::Insert | Op::Delete => false,
        };
        let mut extent = c..c + 1;
        if !quiet {
            let (di, dj) = op.advance();
            let touched = [side_a.touched(i, di == 1), side_b.touched(j, dj == 1)];
            for t in touched.into_iter().flatten() {
                extent = extent.start.min(t.start)..extent.end.max(t.end);
            }
        }
        let mut region = Region { columns: extent, quiet, kinds: bit(op) };
        while let Some(last) = out.last() {
            // Overlapping regions are one; touching ones too when both only delete or both
            // only insert, the same way.
            let joins = region.columns.start < last.columns.end
                || region.columns.start == last.columns.end
                    && region.one_sided()
                    && region.kinds == last.kinds
                    && !quiet;
            if !joins {
                break;
            }
            let last = out.pop().unwrap_or_else(|| unreachable!());
            region = Region {
                columns: last.columns.start.min(region.columns.start)
                    ..last.columns.end.max(region.columns.end),
                quiet: last.quiet && region.quiet,
                kinds: last.kinds | region.kinds,
            };
        }
        out.push(region);
    }
    out
}
