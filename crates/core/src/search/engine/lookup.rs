//! From query words to dictionary terms.
//!
//! A word is looked up exactly, then fuzzily: fst's Levenshtein automaton walks the dictionary
//! chunks that hold the word's two-letter prefix (and the prefixes OCR confuses with it, such
//! as `rn` for `m`), and [`fuzzy::ocr_distance`] keeps the candidates within the word's budget,
//! OCR confusions costing less than other edits. A long word with no exact match is also tried
//! as two dictionary words the OCR split with a stray space ("Commu nist").

use super::{Index, Stop};
use crate::search::format::Part;
use crate::search::format::chunk::unplace;
use crate::search::fuzzy;
use crate::search::query::{Clause, Expr, Query};
use crate::search::results::Variant;
use fst::{IntoStreamer, Streamer};

/// At most this many fuzzy variants per word, closest first.
const MAX_VARIANTS: usize = 24;
/// At most this many terms for a prefix.
const MAX_PREFIX_TERMS: usize = 256;

/// A dictionary match for a word: one term, or two consecutive ones for a split word.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub terms: Vec<(String, u64)>,
    pub distance: f32,
}

impl Found {
    pub fn fuzzy(&self) -> bool {
        self.distance > 0.0
    }
}

/// One query word and what it matched.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub query: String,
    pub found: Vec<Found>,
}

/// A compiled expression: consecutive words (one word, or a phrase).
#[derive(Debug, Clone)]
pub(super) struct Compiled {
    pub words: Vec<Word>,
}

/// Every expression of the query, in clause order: for `Any`, one per alternative.
#[derive(Debug)]
pub(super) struct Words {
    pub exprs: Vec<Compiled>,
}

/// The chunk that would hold `term`.
fn chunk_of(index: &Index, term: &str) -> usize {
    index.meta.dict.partition_point(|c| c.as_str() <= term).saturating_sub(1)
}

/// The chunks holding terms from `low` up to (not including) `high`.
fn chunks_between(index: &Index, low: &str, high: &str) -> std::ops::RangeInclusive<usize> {
    chunk_of(index, low)..=chunk_of(index, high)
}

fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10ffff}")
}

/// The two-letter prefixes a fuzzy match of `word` may start with.
fn fuzzy_prefixes(word: &str) -> Vec<String> {
    const SWAPS: &[(&str, &str)] = &[
        ("m", "rn"),
        ("rn", "m"),
        ("w", "vv"),
        ("vv", "w"),
        ("d", "cl"),
        ("cl", "d"),
        ("h", "li"),
        ("li", "h"),
        ("l", "1"),
        ("1", "l"),
        ("l", "i"),
        ("i", "l"),
        ("o", "0"),
        ("0", "o"),
        ("s", "5"),
        ("5", "s"),
        ("e", "c"),
        ("c", "e"),
    ];
    let two = |s: &str| s.chars().take(2).collect::<String>();
    let mut out = vec![two(word)];
    for (from, to) in SWAPS {
        if let Some(rest) = word.strip_prefix(from) {
            out.push(two(&format!("{to}{rest}")));
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next()
            && let Some(rest) = chars.as_str().strip_prefix(from)
        {
            out.push(two(&format!("{first}{to}{rest}")));
        }
    }
    super::order::sort_dedup(&mut out);
    out
}

/// Looks every expression up, or says which dictionary chunks it needs.
pub(super) fn compile(index: &Index, query: &Query) -> Result<Words, Stop> {
    let mut need = Vec::new();
    let mut exprs = Vec::new();
    for clause in &query.clauses {
        let (list, fuzzy): (Vec<&Expr>, bool) = match clause {
            Clause::Must(e) => (vec![e], true),
            Clause::Any(es) => (es.iter().collect(), true),
            Clause::Not(e) => (vec![e], false),
        };
        for expr in list {
            exprs.push(compile_expr(index, expr, fuzzy, &mut need));
        }
    }
    super::needing(need)?;
    Ok(Words { exprs })
}

fn compile_expr(index: &Index, expr: &Expr, fuzzy: bool, need: &mut Vec<String>) -> Compiled {
    match expr {
        Expr::Term(text) | Expr::Phrase(text) => {
            let terms = index.words(text);
            let single = terms.len() == 1;
            let words = terms.into_iter().map(|t| word(index, t, fuzzy, single, need)).collect();
            Compiled { words }
        }
        Expr::Prefix(text) => {
            let terms = index.words(text);
            let Some((last, before)) = terms.split_last() else {
                return Compiled { words: Vec::new() };
            };
            let mut words: Vec<Word> =
                before.iter().map(|t| word(index, t.clone(), fuzzy, false, need)).collect();
            words.push(prefix_word(index, last, need));
            Compiled { words }
        }
    }
}

fn dict<'a>(
    index: &'a Index,
    chunk: usize,
    need: &mut Vec<String>,
) -> Option<&'a fst::Map<Vec<u8>>> {
    let map = index.dicts.get(&chunk);
    if map.is_none() && chunk < index.meta.dict.len() {
        need.push(index.need(Part::Dict(chunk)));
    }
    map
}

fn exact(index: &Index, term: &str, need: &mut Vec<String>) -> Option<u64> {
    if index.meta.dict.is_empty() {
        return None;
    }
    dict(index, chunk_of(index, term), need)?.get(term)
}

fn word(index: &Index, query: String, fuzzy: bool, single: bool, need: &mut Vec<String>) -> Word {
    let mut found = Vec::new();
    if let Some(place) = exact(index, &query, need) {
        found.push(Found { terms: vec![(query.clone(), place)], distance: 0.0 });
    }
    let chars = query.chars().count();
    if fuzzy && fuzzy::automaton_distance(chars) > 0 && !index.meta.dict.is_empty() {
        found.extend(fuzzy_matches(index, &query, need));
        if single && found.is_empty() && chars >= 6 {
            found.extend(splits(index, &query, need));
        }
    }
    Word { query, found }
}

fn fuzzy_matches(index: &Index, query: &str, need: &mut Vec<String>) -> Vec<Found> {
    let Ok(automaton) =
        fst::automaton::Levenshtein::new(query, fuzzy::automaton_distance(query.chars().count()))
    else {
        return Vec::new();
    };
    let mut found: Vec<Found> = Vec::new();
    for prefix in fuzzy_prefixes(query) {
        let end = prefix_end(&prefix);
        for chunk in chunks_between(index, &prefix, &end) {
            let Some(map) = dict(index, chunk, need) else { continue };
            let mut stream = map.search(&automaton).ge(&prefix).lt(&end).into_stream();
            while let Some((term, place)) = stream.next() {
                let Ok(term) = std::str::from_utf8(term) else { continue };
                if term == query || found.iter().any(|f| f.terms[0].0 == term) {
                    continue;
                }
                if let Some(distance) = fuzzy::ocr_distance(query, term) {
                    found.push(Found { terms: vec![(term.to_owned(), place)], distance });
                }
            }
        }
    }
    super::order::sort_by(&mut found, |a, b| {
        a.distance.total_cmp(&b.distance).then_with(|| a.terms.cmp(&b.terms))
    });
    found.truncate(MAX_VARIANTS);
    found
}

/// `query` as two dictionary words: the first part shares its prefix (so its chunk is loaded
/// already); the second part's chunk is asked for only when the first part exists.
fn splits(index: &Index, query: &str, need: &mut Vec<String>) -> Vec<Found> {
    let mut found = Vec::new();
    for (at, _) in query.char_indices().skip(2) {
        let (head, tail) = query.split_at(at);
        if tail.chars().count() < 2 {
            break;
        }
        let Some(head_place) = exact(index, head, need) else { continue };
        if let Some(tail_place) = exact(index, tail, need) {
            found.push(Found {
                terms: vec![(head.to_owned(), head_place), (tail.to_owned(), tail_place)],
                distance: 0.5,
            });
        }
    }
    found
}

fn prefix_word(index: &Index, prefix: &str, need: &mut Vec<String>) -> Word {
    let end = prefix_end(prefix);
    let mut found = Vec::new();
    if !index.meta.dict.is_empty() {
        for chunk in chunks_between(index, prefix, &end) {
            let Some(map) = dict(index, chunk, need) else { continue };
            let mut stream = map.range().ge(prefix).lt(&end).into_stream();
            while let Some((term, place)) = stream.next() {
                if found.len() < MAX_PREFIX_TERMS {
                    let term = String::from_utf8_lossy(term).into_owned();
                    found.push(Found { terms: vec![(term, place)], distance: 0.0 });
                }
            }
        }
    }
    Word { query: format!("{prefix}*"), found }
}

/// The fuzzy variants of every word, with the number of documents each occurs in.
pub(super) fn variants_report(index: &Index, words: &Words) -> Result<Vec<Variant>, Stop> {
    let mut out = Vec::new();
    for word in words.exprs.iter().flat_map(|e| &e.words) {
        for found in word.found.iter().filter(|f| f.fuzzy() && f.terms.len() == 1) {
            let (term, place) = &found.terms[0];
            let docs = super::matching::posting_docs(index, *place)?;
            out.push(Variant {
                query: word.query.clone(),
                term: term.clone(),
                distance: found.distance,
                docs,
            });
        }
    }
    Ok(out)
}

pub(super) fn block_of(place: u64) -> usize {
    unplace(place).0 as usize
}
