//! From postings to matching documents: hits per expression, phrases joined by position,
//! clauses combined, filters applied.

use super::lookup::{Compiled, Found, Words, block_of};
use super::{Index, Stop};
use crate::search::format::PostingLayer;
use crate::search::format::chunk::{Postings, read_postings, unplace};
use crate::search::format::table::DocRow;
use crate::search::query::{Clause, Filter, Layer, Query};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Weight of a hit by layer: the corrected text is the better witness, furniture the worst.
fn layer_weight(layer: PostingLayer) -> f32 {
    match layer {
        PostingLayer::Corrected => 1.2,
        PostingLayer::Ocr => 1.0,
        PostingLayer::Furniture => 0.1,
    }
}

/// Weight of a match by its distance: exact 1, fuzzy less the further it is.
fn match_weight(found: &Found) -> f32 {
    if found.fuzzy() { 0.6 / (1.0 + found.distance) } else { 1.0 }
}

/// One hit of an expression: where, how strong, and which term.
#[derive(Debug, Clone)]
pub(super) struct HitRef {
    pub page: u32,
    pub layer: PostingLayer,
    pub position: u32,
    /// Tokens covered: more than one for a phrase or a split word.
    pub len: u32,
    pub weight: f32,
    pub fuzzy: bool,
}

/// The hits of one positive clause, by document, and how many documents it occurs in.
#[derive(Debug, Default)]
pub(super) struct Group {
    pub docs: BTreeMap<u32, Vec<HitRef>>,
}

/// The documents a query matches, with their hits per positive clause.
#[derive(Debug)]
pub(super) struct Matched {
    pub groups: Vec<Group>,
    /// Documents matching the text clauses, before the field filters.
    pub base: Vec<u32>,
    /// Documents matching everything.
    pub docs: Vec<u32>,
}

/// Decodes the postings at `place`, or asks for its block.
pub(super) fn postings(index: &Index, place: u64) -> Result<Postings, Stop> {
    let (block, offset) = unplace(place);
    let file = &index.meta.postings.get(block as usize).cloned().unwrap_or_default();
    let bytes =
        index.blocks.get(&(block as usize)).ok_or_else(|| Stop::Need([index.need(file)].into()))?;
    Ok(read_postings(file, bytes, offset)?)
}

/// Asks for every postings block the matched terms live in, all at once.
fn need_blocks(index: &Index, words: &Words) -> Result<(), Stop> {
    let need: BTreeSet<String> = words
        .exprs
        .iter()
        .flat_map(|e| &e.words)
        .flat_map(|w| &w.found)
        .flat_map(|f| &f.terms)
        .map(|(_, place)| block_of(*place))
        .filter(|block| !index.blocks.contains_key(block))
        .filter_map(|block| index.meta.postings.get(block).map(|f| index.need(f)))
        .collect();
    if need.is_empty() { Ok(()) } else { Err(Stop::Need(need)) }
}

type Key = (u32, u32, PostingLayer);
/// The best (weight, fuzzy) at each position, per (doc, page, layer).
type Positions = HashMap<Key, BTreeMap<u32, (f32, bool)>>;

/// Positions of one word (any of its single-term matches) per (doc, page, layer): the best
/// weight at each position.
fn word_positions(
    index: &Index,
    found: &[Found],
    layers: &dyn Fn(PostingLayer) -> bool,
) -> Result<Positions, Stop> {
    let mut out: Positions = HashMap::new();
    for f in found.iter().filter(|f| f.terms.len() == 1) {
        let postings = postings(index, f.terms[0].1)?;
        for record in postings.records.into_iter().filter(|r| layers(r.layer)) {
            let slot = out.entry((record.doc, record.page, record.layer)).or_default();
            let weight = match_weight(f) * layer_weight(record.layer);
            for p in record.positions {
                let entry = slot.entry(p).or_insert((0.0, true));
                if weight > entry.0 {
                    *entry = (weight, f.fuzzy());
                }
            }
        }
    }
    Ok(out)
}

/// The hits of one compiled expression.
fn expr_hits(
    index: &Index,
    expr: &Compiled,
    layers: &dyn Fn(PostingLayer) -> bool,
) -> Result<BTreeMap<u32, Vec<HitRef>>, Stop> {
    let mut docs: BTreeMap<u32, Vec<HitRef>> = BTreeMap::new();
    let Some(first) = expr.words.first() else { return Ok(docs) };
    let mut per_word = Vec::with_capacity(expr.words.len());
    for word in &expr.words {
        per_word.push(word_positions(index, &word.found, layers)?);
    }
    let phrase = expr.words.len() as u32;
    for (&(doc, page, layer), starts) in &per_word[0] {
        for (&p, &(w0, f0)) in starts {
            let mut weight = w0;
            let mut fuzzy = f0;
            let all = per_word[1..].iter().enumerate().all(|(i, positions)| {
                let hit =
                    positions.get(&(doc, page, layer)).and_then(|m| m.get(&(p + 1 + i as u32)));
                if let Some(&(w, f)) = hit {
                    weight = weight.min(w);
                    fuzzy |= f;
                }
                hit.is_some()
            });
            if all {
                let boost = if phrase > 1 { 1.5 * phrase as f32 } else { 1.0 };
                let hit =
                    HitRef { page, layer, position: p, len: phrase, weight: weight * boost, fuzzy };
                docs.entry(doc).or_default().push(hit);
            }
        }
    }
    if expr.words.len() == 1 {
        for f in first.found.iter().filter(|f| f.terms.len() == 2) {
            split_hits(index, f, layers, &mut docs)?;
        }
    }
    Ok(docs)
}

/// Hits of a word the OCR split in two: the parts at consecutive positions.
fn split_hits(
    index: &Index,
    found: &Found,
    layers: &dyn Fn(PostingLayer) -> bool,
    docs: &mut BTreeMap<u32, Vec<HitRef>>,
) -> Result<(), Stop> {
    let head = postings(index, found.terms[0].1)?;
    let tail = postings(index, found.terms[1].1)?;
    let mut tails: HashMap<Key, BTreeSet<u32>> = HashMap::new();
    for r in tail.records {
        tails.entry((r.doc, r.page, r.layer)).or_default().extend(r.positions);
    }
    for r in head.records.into_iter().filter(|r| layers(r.layer)) {
        let Some(next) = tails.get(&(r.doc, r.page, r.layer)) else { continue };
        for p in r.positions.into_iter().filter(|p| next.contains(&(p + 1))) {
            let weight = match_weight(found) * layer_weight(r.layer);
            let hit =
                HitRef { page: r.page, layer: r.layer, position: p, len: 2, weight, fuzzy: true };
            docs.entry(r.doc).or_default().push(hit);
        }
    }
    Ok(())
}

/// Evaluates the query's clauses and filters.
pub(super) fn evaluate(
    index: &Index,
    query: &Query,
    words: &Words,
    rows: &[DocRow],
) -> Result<Matched, Stop> {
    need_blocks(index, words)?;
    let layer = query.filters.iter().rev().find_map(|f| match f {
        Filter::Layer(layer) => Some(*layer),
        _ => None,
    });
    let layers = move |l: PostingLayer| match layer {
        None => true,
        Some(Layer::Ocr) => l != PostingLayer::Corrected,
        Some(Layer::Corrected) => l == PostingLayer::Corrected,
    };
    let mut exprs = words.exprs.iter();
    let mut groups = Vec::new();
    let mut required: Option<BTreeSet<u32>> = None;
    let mut excluded = BTreeSet::new();
    for clause in &query.clauses {
        let count = match clause {
            Clause::Any(list) => list.len(),
            _ => 1,
        };
        let mut group = Group::default();
        for expr in exprs.by_ref().take(count) {
            for (doc, hits) in expr_hits(index, expr, &layers)? {
                group.docs.entry(doc).or_default().extend(hits);
            }
        }
        if matches!(clause, Clause::Not(_)) {
            excluded.extend(group.docs.keys().copied());
            continue;
        }
        let docs: BTreeSet<u32> = group.docs.keys().copied().collect();
        required = Some(match required {
            None => docs,
            Some(before) => before.intersection(&docs).copied().collect(),
        });
        groups.push(group);
    }
    let all = || (0..rows.len() as u32).collect::<BTreeSet<u32>>();
    let positive = required.unwrap_or_else(|| {
        if query.clauses.is_empty() && query.filters.is_empty() { BTreeSet::new() } else { all() }
    });
    let base: Vec<u32> = positive.difference(&excluded).copied().collect();
    let filters = Filters::new(index, &query.filters);
    let docs = base.iter().copied().filter(|&d| filters.keep(&rows[d as usize], None)).collect();
    Ok(Matched { groups, base, docs })
}

/// Which field a filter is on, for facets that ignore their own filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Country,
    Subject,
    Collection,
    Year,
    Corrected,
}

/// The query's field filters: several filters on one field are alternatives (a reader ticking
/// two countries wants either), different fields must all hold.
pub(super) struct Filters {
    country: Option<BTreeSet<u32>>,
    subject: Option<BTreeSet<u32>>,
    collection: Option<BTreeSet<u32>>,
    years: Vec<(u16, u16)>,
    corrected: Option<bool>,
}

/// The codes (index + 1) of the names whose words include all the words of some value.
fn codes(names: &[String], values: &[&String]) -> Option<BTreeSet<u32>> {
    if values.is_empty() {
        return None;
    }
    let words = |s: &str| super::lookup_words(s);
    let wanted: Vec<Vec<String>> = values.iter().map(|v| words(v)).collect();
    Some(
        names
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                let have = words(name);
                wanted.iter().any(|want| !want.is_empty() && want.iter().all(|w| have.contains(w)))
            })
            .map(|(i, _)| i as u32 + 1)
            .collect(),
    )
}

impl Filters {
    pub fn new(index: &Index, filters: &[Filter]) -> Filters {
        let values = |pick: fn(&Filter) -> Option<&String>| {
            filters.iter().filter_map(pick).collect::<Vec<_>>()
        };
        let names = &index.meta.facets;
        Filters {
            country: codes(
                &names.country,
                &values(|f| if let Filter::Country(v) = f { Some(v) } else { None }),
            ),
            subject: codes(
                &names.subject,
                &values(|f| if let Filter::Subject(v) = f { Some(v) } else { None }),
            ),
            collection: codes(
                &names.collection,
                &values(|f| if let Filter::Collection(v) = f { Some(v) } else { None }),
            ),
            years: filters
                .iter()
                .filter_map(|f| if let Filter::Year(a, b) = f { Some((*a, *b)) } else { None })
                .collect(),
            corrected: filters
                .iter()
                .rev()
                .find_map(|f| if let Filter::HasCorrected(b) = f { Some(*b) } else { None }),
        }
    }

    /// Whether a document passes every filter but those on `except`.
    pub fn keep(&self, row: &DocRow, except: Option<Field>) -> bool {
        let on = |field: Field| except != Some(field);
        let within =
            |set: &Option<BTreeSet<u32>>, code: u32| set.as_ref().is_none_or(|s| s.contains(&code));
        (!on(Field::Country) || within(&self.country, row.country))
            && (!on(Field::Subject) || within(&self.subject, row.subject))
            && (!on(Field::Collection) || within(&self.collection, row.collection))
            && (!on(Field::Year)
                || self.years.is_empty()
                || self.years.iter().any(|&(a, b)| (a..=b).contains(&row.year)))
            && (!on(Field::Corrected) || self.corrected.is_none_or(|c| c == row.has_corrected))
    }
}
