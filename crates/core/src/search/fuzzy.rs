//! Fuzzy matching that knows how OCR goes wrong.
//!
//! A fuzzy query term is looked up in two steps. First the dictionary (an fst set) is walked with
//! a plain Levenshtein automaton of [`automaton_distance`] edits, which is cheap but blind: every
//! edit counts one. Then each candidate it yields is weighed by [`ocr_distance`], an edit distance
//! in which the misreadings OCR actually makes cost less than arbitrary edits, and kept when it
//! is within the query's [`budget`].
//!
//! Costs, in edits. An arbitrary substitution, insertion, deletion or swap of two neighbouring
//! letters (the typist's mistake in a query) costs 1. A confusion from the table costs 0.4 when
//! the evidence is strong and 0.6 when it is thinner; a confusion of two letters with one ("rn"
//! read as "m") counts as one operation. The table is symmetric, because the query may be
//! spelled as printed or as misread, and it compares folded terms (lowercase, no diacritics; `ſ`
//! is already `s`). Each pair is justified by real OCR, mostly the transcribed documents in this
//! collection (`documents/*/corrected.md` against `ocr.txt`, and
//! `tests/fixtures/cia-misreadings.txt`):
//! - 0.4, strong: `l`/`i`/`1` (the commonest: "activlty", "11 CORPS" for II); `o`/`0` ("70"
//!   for TO); `s`/`5`; `m`/`n` (a lost stroke: "Underestination", "Conrada"); `a`/`e` ("Perty",
//!   "plens"); `e`/`o` ("genoral", "Nove"); `c`/`e` (an `e` with a broken bar, classic); and the
//!   two-for-one segmentation errors of every OCR engine: `rn`/`m`, `cl`/`d`, `li`/`h`, `vv`/`w`
//!   and `ii`/`u`.
//! - 0.6, thinner: `d`/`o` ("inoicated"), `p`/`r` ("sertember"), `f`/`p` ("Farty"), `b`/`s`
//!   ("ABSIGNMENTS", "BECRET"), `b`/`r` ("Bakhimbayev"), `n`/`u` ("airborue") and `v`/`w`
//!   ("vorkers"). The capital-letter confusions (B for R or S, F for P) apply to folded terms,
//!   so they are also allowed in lowercase, where they are rarer: hence the higher cost.
//!
//! Not in the table, for want of evidence here: `nn`/`m`, `h`/`b`, `u`/`n` beyond the one case
//! above, `q`/`o` (two cases in one document only).
//!
//! Costs are counted in tenths internally, so sums are exact and "within budget" has no rounding.
//! The distance is a dynamic programme over a band around the diagonal (a path that strays `k`
//! cells from it has made at least `k` length changes, each costing at least 0.4), with three
//! rolling rows on the stack and an early exit as soon as two consecutive rows are over budget.

/// Cost units: tenths of an edit.
const EDIT: u32 = 10;
const STRONG: u32 = 4;
const WEAK: u32 = 6;
/// Terms longer than this (in chars) only match themselves.
const MAX_CHARS: usize = 64;
/// Beyond any budget; sums of a few of these cannot overflow.
const FAR: u32 = 1 << 20;

/// Two-for-one confusions, each applied in both directions, at `STRONG` cost.
const SPLITS: &[(&[char], char)] = &[
    (&['r', 'n'], 'm'),
    (&['c', 'l'], 'd'),
    (&['l', 'i'], 'h'),
    (&['v', 'v'], 'w'),
    (&['i', 'i'], 'u'),
];

/// How many plain edits the dictionary automaton (fst's Levenshtein) may allow for a query term of
/// `chars` characters: 0 up to 3 chars, 1 for 4, 2 for 5 and longer.
///
/// Two from five characters on because the cheap two-for-one confusions and swaps are two plain
/// edits each ("modern" misread "modem"): with one, the automaton would never propose them. Four
/// character terms get one, since two would propose most short words of the dictionary for a
/// budget that rarely needs them ("corn" read "com" is lost). Never three: fst builds the
/// automaton eagerly and three edits make it too large. Candidates within budget but more than
/// two plain edits away (three confusions in a long word) are not reached.
pub fn automaton_distance(chars: usize) -> u32 {
    match chars {
        0..=3 => 0,
        4 => 1,
        _ => 2,
    }
}

/// The weighted budget for a term of `chars` characters: 0 up to 3 chars (short words are too
/// easily confused with each other), 1.0 for 4 and 5, 1.5 for 6 and 7 (one arbitrary edit and one
/// strong confusion: "legion" reaches "logten"), 2.0 for 8 and longer.
pub fn budget(chars: usize) -> f32 {
    units_to_edits(budget_units(chars))
}

fn budget_units(chars: usize) -> u32 {
    match chars {
        0..=3 => 0,
        4..=5 => 10,
        6..=7 => 15,
        _ => 20,
    }
}

fn units_to_edits(units: u32) -> f32 {
    // Small integers, exactly representable.
    units as f32 / 10.0
}

/// The OCR-weighted edit distance from the query term to a dictionary term, or None when it
/// exceeds `budget(query chars)`. Both are folded terms. Identical terms give `Some(0.0)`; terms
/// longer than 64 characters only match themselves.
pub fn ocr_distance(query: &str, candidate: &str) -> Option<f32> {
    if query == candidate {
        return Some(0.0);
    }
    let mut q = ['\0'; MAX_CHARS];
    let mut c = ['\0'; MAX_CHARS];
    let q = fill(&mut q, query)?;
    let c = fill(&mut c, candidate)?;
    distance(q, c, budget_units(q.len())).map(units_to_edits)
}

/// The chars of `text` in `buffer`, or None when there are too many.
fn fill<'a>(buffer: &'a mut [char; MAX_CHARS], text: &str) -> Option<&'a [char]> {
    let mut n = 0;
    for ch in text.chars() {
        *buffer.get_mut(n)? = ch;
        n += 1;
    }
    Some(&buffer[..n])
}

/// The weighted distance in tenths, or None when it is over `max`.
fn distance(q: &[char], c: &[char], max: u32) -> Option<u32> {
    let (n, m) = (q.len(), c.len());
    let band = (max / STRONG) as usize;
    if n.abs_diff(m) > band {
        return None;
    }
    let mut rows = [[FAR; MAX_CHARS + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(m.min(band) + 1) {
        *cell = j as u32 * EDIT;
    }
    let mut previous_min = 0;
    for i in 1..=n {
        let [two_back, one_back, row] = &mut rows;
        row.fill(FAR);
        let mut row_min = FAR;
        for j in i.saturating_sub(band)..=(i + band).min(m) {
            let mut best = one_back[j] + EDIT;
            if j > 0 {
                best = best
                    .min(row[j - 1] + EDIT)
                    .min(one_back[j - 1] + substitution(q[i - 1], c[j - 1]));
                if i > 1 && j > 1 && q[i - 1] == c[j - 2] && q[i - 2] == c[j - 1] {
                    best = best.min(two_back[j - 2] + EDIT);
                }
                for &(pair, single) in SPLITS {
                    if i > 1 && q[i - 2..i] == *pair && c[j - 1] == single {
                        best = best.min(two_back[j - 1] + STRONG);
                    }
                    if j > 1 && q[i - 1] == single && c[j - 2..j] == *pair {
                        best = best.min(one_back[j - 2] + STRONG);
                    }
                }
            }
            row[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max && previous_min > max {
            return None;
        }
        previous_min = row_min;
        rows.rotate_left(1);
    }
    let total = rows[1][m];
    (total <= max).then_some(total)
}

/// The cost of reading `b` where `a` was meant (or the reverse).
fn substitution(a: char, b: char) -> u32 {
    if a == b {
        return 0;
    }
    let pair = if a < b { (a, b) } else { (b, a) };
    match pair {
        ('1', 'i' | 'l') | ('i', 'l') | ('0', 'o') | ('5', 's') | ('m', 'n') => STRONG,
        ('a', 'e') | ('e', 'o') | ('c', 'e') => STRONG,
        ('d', 'o') | ('p', 'r') | ('f', 'p') | ('b', 's' | 'r') | ('n', 'u') | ('v', 'w') => WEAK,
        _ => EDIT,
    }
}

#[cfg(test)]
mod tests;
