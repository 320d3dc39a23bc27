//! Anchors for aligning long texts: tokens that occur once in each text, matched in order.
//!
//! This starts as patience diff does (Bram Cohen's): collect the tokens whose key occurs
//! exactly once in each sequence and pair them up. Patience diff then keeps the longest run of
//! pairs in order in both; with OCR that is not enough, because the one surviving copy of a
//! repeated word ("rayon," when the OCR misread the others) pairs with a copy far away, and a
//! run through it forces everything between out of line. So the pairs are chained as read
//! aligners chain seeds: a chain scores the items its anchors match less, between neighbours
//! (and from the stretch's corners), the change of diagonal, which is the least number of
//! insertions and deletions the step implies; the best chain wins, each anchor looking back at
//! most [`LOOKBACK`] pairs. A token is a word for the character alignment (its key a hash of
//! its clusters, checked on use) and a single word for the word alignment. The aligner calls
//! this again inside each stretch between anchors, where a token repeated in the whole text
//! may be unique.

use super::hashing::NumberMap;
use std::ops::Range;

/// How many earlier pairs an anchor may follow in a chain.
pub const LOOKBACK: usize = 64;

/// A token of a sequence: `len` items from `start`, identified by `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub key: u64,
    pub start: u32,
    pub len: u32,
}

impl Token {
    pub fn end(&self) -> usize {
        (self.start + self.len) as usize
    }

    fn diagonal(self, other: Token) -> i64 {
        i64::from(other.start) - i64::from(self.start)
    }
}

/// A key for a run of items: a multiply-rotate hash, good enough to find candidates, which are
/// then compared item by item.
pub fn key(items: &[u32]) -> u64 {
    items.iter().fold(0x243f_6a88_85a3_08d3_u64, |h, &x| {
        (h ^ u64::from(x)).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31)
    })
}

/// The anchors for aligning `a[ra]` with `b[rb]`: pairs of tokens (lying in those ranges)
/// unique in both, equal, in the same order, and chained as the module says.
pub fn anchors(
    (a, b): (&[u32], &[u32]),
    (ra, rb): (Range<usize>, Range<usize>),
    a_tokens: &[Token],
    b_tokens: &[Token],
) -> Vec<(Token, Token)> {
    #[derive(Default, Clone, Copy)]
    struct Seen {
        in_a: u32,
        at_a: u32,
        in_b: u32,
        at_b: u32,
    }
    let mut seen: NumberMap<u64, Seen> = NumberMap::default();
    seen.reserve(a_tokens.len());
    for (index, token) in a_tokens.iter().enumerate() {
        let entry = seen.entry(token.key).or_default();
        entry.in_a += 1;
        entry.at_a = index as u32;
    }
    for (index, token) in b_tokens.iter().enumerate() {
        if let Some(entry) = seen.get_mut(&token.key) {
            entry.in_b += 1;
            entry.at_b = index as u32;
        }
    }
    // Pairs in the order of `a`.
    let pairs: Vec<(Token, Token)> = a_tokens
        .iter()
        .filter_map(|token| seen.get(&token.key))
        .filter(|s| s.in_a == 1 && s.in_b == 1)
        .map(|s| (a_tokens[s.at_a as usize], b_tokens[s.at_b as usize]))
        .filter(|(x, y)| a[x.start as usize..x.end()] == b[y.start as usize..y.end()])
        .collect();
    let start = Token { key: 0, start: ra.start as u32, len: 0 };
    let end = Token { key: 0, start: ra.end as u32, len: 0 };
    let corners = (
        start.diagonal(Token { start: rb.start as u32, ..start }),
        end.diagonal(Token { start: rb.end as u32, ..end }),
    );
    chain(&pairs, corners)
}

/// The best chain of `pairs` (in the order of `a`) between corners on diagonals `corners`.
fn chain(pairs: &[(Token, Token)], (first, last): (i64, i64)) -> Vec<(Token, Token)> {
    let diagonal = |k: usize| pairs[k].0.diagonal(pairs[k].1);
    let mut score: Vec<i64> = Vec::with_capacity(pairs.len());
    let mut before: Vec<Option<usize>> = Vec::with_capacity(pairs.len());
    for (k, (x, y)) in pairs.iter().enumerate() {
        let gain = i64::from(x.len);
        let mut best = (gain - (diagonal(k) - first).abs(), None);
        for j in k.saturating_sub(LOOKBACK)..k {
            if pairs[j].1.end() > y.start as usize {
                continue;
            }
            let candidate = score[j] + gain - (diagonal(k) - diagonal(j)).abs();
            if candidate > best.0 {
                best = (candidate, Some(j));
            }
        }
        score.push(best.0);
        before.push(best.1);
    }
    let finish = |k: usize| score[k] - (last - diagonal(k)).abs();
    let Some(best) = (0..pairs.len()).max_by_key(|&k| finish(k)) else {
        return Vec::new();
    };
    if finish(best) <= -(last - first).abs() {
        return Vec::new();
    }
    let mut run = Vec::new();
    let mut at = Some(best);
    while let Some(k) = at {
        run.push(pairs[k]);
        at = before[k];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(x: u32, y: u32) -> (Token, Token) {
        (Token { key: 0, start: x, len: 2 }, Token { key: 0, start: y, len: 2 })
    }

    #[test]
    fn a_pair_far_off_the_diagonal_is_left_out() {
        // "rayon," at 40 in the OCR is unique, and pairs with the last "rayon," of the
        // correction at 400, far from where the rest of the text lines up.
        let pairs = [pair(0, 0), pair(10, 11), pair(40, 400), pair(60, 61), pair(90, 91)];
        let chained: Vec<u32> = chain(&pairs, (0, 1)).iter().map(|(x, _)| x.start).collect();
        assert_eq!(chained, [0, 10, 60, 90]);
    }

    #[test]
    fn pairs_out_of_order_are_left_out() {
        let pairs = [pair(0, 30), pair(10, 10), pair(20, 20), pair(30, 0)];
        let chained: Vec<u32> = chain(&pairs, (0, 0)).iter().map(|(x, _)| x.start).collect();
        assert_eq!(chained, [10, 20]);
    }

    #[test]
    fn repeated_or_unmatched_tokens_are_no_anchors() {
        let token = |key, start| Token { key, start, len: 1 };
        let a = [7u32, 2, 2, 3];
        let b = [7u32, 2, 3, 4];
        let tokens = |s: &[u32]| -> Vec<Token> {
            s.iter().enumerate().map(|(i, &k)| token(u64::from(k), i as u32)).collect()
        };
        let (ta, tb) = (tokens(&a), tokens(&b));
        let found = anchors((&a, &b), (0..4, 0..4), &ta, &tb);
        let keys: Vec<u64> = found.iter().map(|(x, _)| x.key).collect();
        assert_eq!(keys, [7]);
    }
}
