//! The exact Levenshtein distance between two sequences of numbers (interned grapheme clusters
//! or words), with unit costs for substitution, insertion and deletion: the distance
//! dinglehopper takes from rapidfuzz.
//!
//! The algorithm is Myers' bit-parallel one (1999) in Hyyrö's formulation, in blocks of 64 rows,
//! restricted to Ukkonen's band: a path of cost `k` from corner to corner never strays more than
//! `k` diagonals from either corner, so each column only computes the blocks that meet that
//! band. Cells outside it are taken as larger than they can be (a block entering the band starts
//! from "one more than the cell above" in every row, and a block whose upper neighbour has left
//! it assumes the top row grew by one), so every computed value is an upper bound and every
//! value within `k` is exact. [`distance_within`] therefore answers exactly whenever the
//! distance is at most `k`, in `O(n·k/64)` word operations; [`distance`] doubles `k` until it
//! does. The work is [`band_work`], which the caller can weigh before asking.
//!
//! The pattern's match masks are a dense table (symbol by block) when that is small, as it is
//! for grapheme clusters, and otherwise found through each symbol's list of positions, as for
//! words, whose alphabet is as large as the text.

use super::hashing::NumberMap;

const WORD: usize = 64;

/// The exact distance between `a` and `b`.
pub fn distance(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = trim_common(a, b);
    let mut k = a.len().abs_diff(b.len()).max(WORD);
    loop {
        if let Some(d) = distance_within(a, b, k) {
            return d;
        }
        k *= 2;
    }
}

/// The exact distance between `a` and `b` if it is at most `k`, else `None`.
pub fn distance_within(a: &[u32], b: &[u32], k: usize) -> Option<usize> {
    let (a, b) = trim_common(a, b);
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    if a.is_empty() || b.is_empty() {
        return Some(a.len().max(b.len()));
    }
    // The shorter sequence is the pattern (rows), the longer the text (columns).
    let (pattern, text) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let d = Banded::new(pattern, text, k).run();
    (d <= k).then_some(d)
}

/// The number of 64-row blocks [`distance_within`] computes for sequences of these lengths
/// (after their common ends are removed) and this `k`: about `longer · (2k − |Δ| + 128) / 64`.
pub fn band_work(a_len: usize, b_len: usize, k: usize) -> usize {
    let columns = a_len.max(b_len);
    let rows = a_len.min(b_len);
    let width = (2 * k).saturating_sub(a_len.abs_diff(b_len)).min(rows);
    columns.saturating_mul(width / WORD + 2)
}

/// `a` and `b` without their common prefix and suffix, which an optimal alignment matches.
pub fn trim_common<'a>(a: &'a [u32], b: &'a [u32]) -> (&'a [u32], &'a [u32]) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    (&a[..a.len() - suffix], &b[..b.len() - suffix])
}

/// The match masks of the pattern: bit `r` of block `b` for symbol `c` is set when row
/// `64·b + r` holds `c`.
enum Peq {
    /// Masks by symbol then block, and the text's symbols as their index (`ABSENT` when the
    /// pattern lacks them).
    Dense {
        masks: Vec<u64>,
        blocks: usize,
        text: Vec<u32>,
    },
    Sparse {
        positions: NumberMap<u32, Vec<u32>>,
    },
}

/// Dense tables up to this many words (16 MiB).
const DENSE_LIMIT: usize = 1 << 21;
const ABSENT: u32 = u32::MAX;

impl Peq {
    fn new(pattern: &[u32], text: &[u32]) -> Peq {
        let blocks = pattern.len().div_ceil(WORD);
        let mut index: NumberMap<u32, u32> = NumberMap::default();
        for &c in pattern {
            let next = index.len() as u32;
            index.entry(c).or_insert(next);
        }
        if index.len().saturating_mul(blocks) <= DENSE_LIMIT {
            let mut masks = vec![0u64; index.len() * blocks];
            for (row, c) in pattern.iter().enumerate() {
                masks[index[c] as usize * blocks + row / WORD] |= 1 << (row % WORD);
            }
            let text = text.iter().map(|c| index.get(c).copied().unwrap_or(ABSENT)).collect();
            Peq::Dense { masks, blocks, text }
        } else {
            let mut positions: NumberMap<u32, Vec<u32>> = NumberMap::default();
            for (row, &c) in pattern.iter().enumerate() {
                positions.entry(c).or_default().push(row as u32);
            }
            Peq::Sparse { positions }
        }
    }

    /// The masks of the symbol at text column `j` (which is `c`) for blocks `first..=last`,
    /// borrowed from the table or built in `scratch`.
    fn masks<'s>(
        &'s self,
        (j, c): (usize, u32),
        (first, last): (usize, usize),
        scratch: &'s mut [u64],
    ) -> &'s [u64] {
        let scratch = &mut scratch[..=last - first];
        match self {
            Peq::Dense { masks, blocks, text } => {
                let s = text[j];
                if s == ABSENT {
                    scratch.fill(0);
                    return scratch;
                }
                let base = s as usize * blocks;
                &masks[base + first..=base + last]
            }
            Peq::Sparse { positions } => {
                scratch.fill(0);
                let Some(rows) = positions.get(&c) else { return scratch };
                let from = rows.partition_point(|&r| (r as usize) < first * WORD);
                for &row in &rows[from..] {
                    let block = row as usize / WORD;
                    if block > last {
                        break;
                    }
                    scratch[block - first] |= 1 << (row as usize % WORD);
                }
                scratch
            }
        }
    }
}

/// The state of one banded run.
struct Banded<'a> {
    text: &'a [u32],
    peq: Peq,
    rows: usize,
    /// The band's diagonals (row − column) run from `low` to `high`.
    low: isize,
    high: isize,
    /// Per block: vertical positive and negative deltas, and the value of its last row.
    pv: Vec<u64>,
    mv: Vec<u64>,
    score: Vec<isize>,
}

impl<'a> Banded<'a> {
    fn new(pattern: &'a [u32], text: &'a [u32], k: usize) -> Banded<'a> {
        let blocks = pattern.len().div_ceil(WORD);
        let (k, delta) = (k as isize, pattern.len() as isize - text.len() as isize);
        Banded {
            text,
            peq: Peq::new(pattern, text),
            rows: pattern.len(),
            low: (-k).max(delta - k),
            high: k.min(delta + k),
            pv: vec![!0; blocks],
            mv: vec![0; blocks],
            score: vec![0; blocks],
        }
    }

    /// The block holding row `row` (1-based), clamped to the pattern.
    fn block_of(&self, row: isize) -> usize {
        let last = (self.rows - 1) as isize;
        ((row - 1).clamp(0, last) / WORD as isize) as usize
    }

    fn run(mut self) -> usize {
        let mut scratch = vec![0u64; self.pv.len()];
        let mut active_last: Option<usize> = None;
        for (j, &c) in self.text.iter().enumerate() {
            let column = j as isize + 1;
            let first = self.block_of(column + self.low);
            let last = self.block_of(column + self.high);
            let from = active_last.map_or(0, |l| l + 1);
            for b in from..=last {
                // A block entering the band: its rows one more than the row above, at column j.
                let above = if b == 0 { j as isize } else { self.score[b - 1] };
                (self.pv[b], self.mv[b], self.score[b]) = (!0, 0, above + WORD as isize);
            }
            active_last = Some(last.max(active_last.unwrap_or(0)));
            let eq = self.peq.masks((j, c), (first, last), &mut scratch);
            let mut hin = 1;
            let blocks = self.pv[first..=last]
                .iter_mut()
                .zip(&mut self.mv[first..=last])
                .zip(&mut self.score[first..=last])
                .zip(eq);
            for (((pv, mv), score), &eq) in blocks {
                hin = advance(pv, mv, eq, hin);
                *score += hin as isize;
            }
        }
        self.final_score()
    }

    /// The value at the pattern's last row: the last block's score less the deltas of the rows
    /// that pad it to 64.
    fn final_score(&self) -> usize {
        let b = self.pv.len() - 1;
        let used = self.rows - b * WORD;
        let padding = |v: u64| if used == WORD { 0 } else { (v >> used).count_ones() as isize };
        (self.score[b] - padding(self.pv[b]) + padding(self.mv[b])) as usize
    }
}

/// One column step of one block (Hyyrö 2001, as in Myers 1999 and edlib): `hin` is the
/// horizontal delta entering the block's top, the result the delta leaving its bottom.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, hin: i32) -> i32 {
    const HIGH: u64 = 1 << 63;
    let (p, m) = (*pv, *mv);
    let xv = eq | m;
    let eq = if hin < 0 { eq | 1 } else { eq };
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let hout = if ph & HIGH != 0 {
        1
    } else if mh & HIGH != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if hin < 0 {
        mh |= 1;
    } else if hin > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}
