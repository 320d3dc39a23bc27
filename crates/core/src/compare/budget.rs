//! What one alignment may spend, so that texts of any size are compared in bounded memory and
//! near-linear time.
//!
//! Two things grow faster than the texts when they are left alone: the traceback matrix of an
//! exact alignment (a byte per cell of its band, which is as wide as the distance) and the work
//! of all the exact alignments together (the stretches between anchors, and the windows that
//! [`super::refine`] realigns). A [`Budget`] caps both: no matrix holds more than
//! [`Budget::matrix_cells`] cells, and the whole alignment spends at most
//! [`Budget::work_per_item`] units of work per item of the two sequences, or
//! [`Budget::min_work`] if that is more. A unit is a cell of a traceback matrix or a 64-row
//! block of the bit-parallel distance, which cost about the same.
//!
//! A stretch that the budget cannot afford is aligned coarsely (substitutions, then insertions
//! or deletions), and a window that it cannot afford is not refined. The alignment is then still
//! one path from corner to corner, so its cost still bounds the distance from above, but the
//! bound may be loose and the corrections cruder; [`Spending::coarse`] says so, and the error
//! rates say whether they are exact ([`super::Metrics::exact`]). Real pages, and documents of a
//! few megabytes with the error rates of real OCR, never reach the default budget: the fixtures'
//! results are the same with and without it (see the tests).

/// Limits on the memory and work of one alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The most cells of one traceback matrix (one byte each).
    pub matrix_cells: usize,
    /// The work allowed per item (cluster or word) of the two sequences together.
    pub work_per_item: usize,
    /// The work allowed however short the sequences are.
    pub min_work: usize,
}

impl Budget {
    /// 32 MiB for a matrix; 2^27 units of work (about a quarter of a second natively), or 32
    /// per item for sequences longer than four million items together. The fixtures spend at
    /// most 2^19 (the CIA report whole), and a synthetic pair of 5 MB at a character error rate
    /// of 0.02 spends about 5 per cluster and 7 per word.
    pub const DEFAULT: Budget =
        Budget { matrix_cells: 1 << 25, work_per_item: 32, min_work: 1 << 27 };

    /// The whole allowance for sequences of `items` items together.
    fn work(&self, items: usize) -> usize {
        self.work_per_item.saturating_mul(items).max(self.min_work)
    }
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::DEFAULT
    }
}

/// A budget as one alignment spends it.
#[derive(Debug)]
pub struct Spending {
    left: usize,
    matrix_cells: usize,
    /// Whether some stretch was aligned coarsely for want of budget.
    pub coarse: bool,
}

impl Spending {
    /// The allowance of `budget` for aligning `a_len` items with `b_len`.
    pub fn new(budget: &Budget, a_len: usize, b_len: usize) -> Spending {
        Spending {
            left: budget.work(a_len.saturating_add(b_len)),
            matrix_cells: budget.matrix_cells,
            coarse: false,
        }
    }

    /// No limit at all: for exact alignments whatever they cost.
    pub fn unlimited() -> Spending {
        Spending { left: usize::MAX, matrix_cells: usize::MAX, coarse: false }
    }

    /// The most cells an exact alignment may use now.
    pub fn cells(&self) -> usize {
        self.matrix_cells.min(self.left)
    }

    /// Spends `work` units if they are left, and says whether they were.
    pub fn spend(&mut self, work: usize) -> bool {
        let affordable = work <= self.left;
        if affordable {
            self.left -= work;
        }
        affordable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::align::{Op, align_within, cost};
    use crate::compare::levenshtein::distance;
    use crate::synth::Rng;

    /// Two unrelated sequences over eight symbols: no anchors, a distance near their length.
    fn unrelated(len: usize) -> (Vec<u32>, Vec<u32>) {
        let mut rng = Rng::new(11);
        let mut one = || (0..len).map(|_| rng.below(8) as u32).collect::<Vec<u32>>();
        (one(), one())
    }

    fn consumed(ops: &[Op]) -> (usize, usize) {
        ops.iter().map(|op| op.advance()).fold((0, 0), |(i, j), (di, dj)| (i + di, j + dj))
    }

    #[test]
    fn short_sequences_get_the_minimum_and_long_ones_a_share_per_item() {
        let budget = Budget::DEFAULT;
        assert_eq!(Spending::new(&budget, 10, 10).left, 1 << 27);
        assert_eq!(Spending::new(&budget, 5 << 20, 5 << 20).left, 32 * (10 << 20));
    }

    #[test]
    fn spending_stops_at_the_allowance() {
        let budget = Budget { matrix_cells: 100, work_per_item: 1, min_work: 150 };
        let mut spending = Spending::new(&budget, 1, 1);
        assert_eq!(spending.cells(), 100);
        assert!(spending.spend(120));
        assert_eq!(spending.cells(), 30);
        assert!(!spending.spend(31));
        assert!(spending.spend(30));
        assert_eq!(spending.cells(), 0);
    }

    #[test]
    fn what_the_budget_cannot_afford_is_aligned_coarsely_but_still_whole() {
        let (a, b) = unrelated(3000);
        let exact = distance(&a, &b);
        let within_default = align_within(&a, &b, (&[], &[]), &Budget::DEFAULT);
        assert!(!within_default.coarse);
        assert_eq!(cost(&within_default.ops), exact);
        let tiny = Budget { matrix_cells: 1 << 16, work_per_item: 1, min_work: 1 << 16 };
        let coarse = align_within(&a, &b, (&[], &[]), &tiny);
        assert!(coarse.coarse);
        assert_eq!(consumed(&coarse.ops), (a.len(), b.len()));
        assert!(cost(&coarse.ops) > exact, "{} against {exact}", cost(&coarse.ops));
    }
}
