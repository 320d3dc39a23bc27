//! From postings to matching documents: hits per expression, phrases joined by position,
//! clauses combined, filters applied.

use super::filters::Filters;
use super::leads::{self, clause_scale, clauses, needs_whole};
use super::lookup::{Compiled, Found, Words, block_of};
use super::{Index, Stop};
use crate::search::format::chunk::{each_record, entry_docs, lead_of, unplace};
use crate::search::format::table::DocRow;
use crate::search::format::{Part, PostingLayer, damaged};
use crate::search::query::{Clause, Filter, Layer, Query};
use crate::search::score::layer_weight;

/// Weight of a match by its distance: exact 1, fuzzy less the further it is.
fn match_weight(found: &Found) -> f32 {
    if found.fuzzy() { 0.6 / (1.0 + found.distance) } else { 1.0 }
}

/// One hit of an expression: where, how strong, and whether fuzzy.
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

/// The hits of one clause, per document, sorted by document.
#[derive(Debug)]
pub(super) struct Group {
    pub docs: Vec<(u32, Vec<HitRef>)>,
    /// How many documents the clause matches for each it found: 1 when it was matched on
    /// whole postings, more when on leads (see [`Index::evaluate`]).
    pub scale: f32,
}

impl Group {
    pub fn get(&self, doc: u32) -> Option<&Vec<HitRef>> {
        let i = self.docs.binary_search_by_key(&doc, |(d, _)| *d).ok()?;
        Some(&self.docs[i].1)
    }

    fn from_hits(mut hits: Vec<(u32, HitRef)>) -> Group {
        // In place order, as a single word's occurrences already are.
        super::order::sort_by(&mut hits, |(d, h), (e, i)| {
            (d, h.page, h.layer, h.position).cmp(&(e, i.page, i.layer, i.position))
        });
        let mut docs: Vec<(u32, Vec<HitRef>)> = Vec::new();
        for (doc, hit) in hits {
            match docs.last_mut() {
                Some((last, list)) if *last == doc => list.push(hit),
                _ => docs.push((doc, vec![hit])),
            }
        }
        Group { docs, scale: 1.0 }
    }

    /// About how many documents the clause matches.
    pub fn estimate(&self) -> f32 {
        self.docs.len() as f32 * self.scale
    }

    fn doc_ids(&self) -> Vec<u32> {
        self.docs.iter().map(|(doc, _)| *doc).collect()
    }
}

/// The documents a query matches, with their hits per positive clause.
#[derive(Debug)]
pub(super) struct Matched {
    pub groups: Vec<Group>,
    /// Documents matching the text clauses, before the field filters.
    pub base: Vec<u32>,
    /// Documents matching everything.
    pub docs: Vec<u32>,
    /// How many documents match for each found: the product of the clauses' scales.
    pub scale: f32,
    /// Whether the query was not matched on leads because it needs whole postings
    /// ([`needs_whole`]): it is then matched on them.
    pub whole: bool,
}

impl Matched {
    /// Whether it was matched on leads, so its counts are estimates.
    pub fn estimated(&self) -> bool {
        self.scale > 1.0
    }

    /// The number of documents that match, or its estimate when matched on leads: the
    /// documents found, scaled as though the leads held each clause's matches in their
    /// share, within what the clauses allow (no more than the rarest clause matches, nor than
    /// the `n` documents of the index).
    pub fn total(&self, n: usize) -> usize {
        let found = self.docs.len();
        if !self.estimated() {
            return found;
        }
        let cap = self.groups.iter().map(Group::estimate).fold(n as f32, f32::min);
        ((found as f32 * self.scale).min(cap).round() as usize).max(found)
    }
}

/// Calls `each` with every (document, page, layer) of the postings at `place` and its
/// positions, or asks for their block.
///
/// A record naming a document or page the index does not have is damage, found here, where
/// the numbers are read, so that everything after may index by them.
fn each_posting(index: &Index, place: u64, each: &mut dyn FnMut(Key, &[u32])) -> Result<(), Stop> {
    let (file, bytes, offset) = entry(index, place)?;
    let (docs, pages) = (index.meta.docs, index.meta.pages);
    let mut beyond = false;
    each_record(&file, bytes, offset, &mut |doc, page, layer, positions| {
        if doc < docs && page < pages {
            each((doc, page, layer), positions);
        } else {
            beyond = true;
        }
    })?;
    if beyond {
        let what = "a posting names a document or page beyond those meta.json counts";
        return Err(Stop::Damaged(damaged(&file, what)));
    }
    Ok(())
}

/// The number of documents of the postings at `place`, or asks for their block or lead.
pub(super) fn posting_docs(index: &Index, place: u64) -> Result<u32, Stop> {
    if let Some(n) = lead_of(place) {
        return Ok(leads::lead(index, n)?.1.df);
    }
    let (file, bytes, offset) = block(index, place)?;
    Ok(entry_docs(&file, bytes, offset)?)
}

/// The entry of the postings at `place` as the query reads them: its file's name and bytes
/// and the entry's offset. A lead place gives the lead, or, when the query reads whole
/// postings, the block the lead names.
fn entry(index: &Index, place: u64) -> Result<(String, &[u8], u32), Stop> {
    let Some(n) = lead_of(place) else { return block(index, place) };
    let (file, lead) = leads::lead(index, n)?;
    if index.whole.get() { block(index, lead.full) } else { Ok((file, &lead.bytes, lead.entry)) }
}

/// The block holding the postings at `place`: its name, bytes and the entry's offset.
fn block(index: &Index, place: u64) -> Result<(String, &[u8], u32), Stop> {
    let (block, offset) = unplace(place);
    let part = Part::Block(block as usize);
    if block >= index.meta.postings {
        // Unreachable from a checked dictionary chunk (see `chunk::check_dict`).
        let what = "a dictionary entry names a postings block that meta.json does not count";
        return Err(Stop::Damaged(damaged(&part.file(&index.meta.key), what)));
    }
    match index.blocks.get(&(block as usize)) {
        Some(bytes) => Ok((part.file(&index.meta.key), bytes, offset)),
        None => Err(Stop::Need(vec![index.need(part)])),
    }
}

/// Asks for every postings block and lead the matched terms read, all at once.
fn need_blocks(index: &Index, words: &Words) -> Result<(), Stop> {
    let places = words.exprs.iter().flat_map(|e| &e.words).flat_map(|w| &w.found);
    let mut need = Vec::new();
    for &(_, place) in places.flat_map(|f| &f.terms) {
        let place = match lead_of(place).map(|n| (n as usize, index.leads.get(&(n as usize)))) {
            Some((n, None)) => {
                need.push(index.need(Part::Lead(n)));
                continue;
            }
            Some((_, Some(lead))) if index.whole.get() => lead.full,
            Some(_) => continue,
            None => place,
        };
        let block = block_of(place);
        if block < index.meta.postings as usize && !index.blocks.contains_key(&block) {
            need.push(index.need(Part::Block(block)));
        }
    }
    super::needing(need)
}

/// (document, page, layer)
type Key = (u32, u32, PostingLayer);

/// A word at one position, with the best weight any of its matches gives it there.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    key: Key,
    position: u32,
    weight: f32,
    fuzzy: bool,
}

/// Every position of a word (any of its single-term matches), sorted by place.
fn occurrences(
    index: &Index,
    found: &[Found],
    layers: &dyn Fn(PostingLayer) -> bool,
) -> Result<Vec<Occurrence>, Stop> {
    let mut lists = Vec::new();
    for f in found.iter().filter(|f| f.terms.len() == 1) {
        let weight = match_weight(f);
        let mut list = Vec::new();
        each_posting(index, f.terms[0].1, &mut |key, positions| {
            if layers(key.2) {
                let weight = weight * layer_weight(key.2);
                let fuzzy = f.fuzzy();
                list.extend(positions.iter().map(|&position| Occurrence {
                    key,
                    position,
                    weight,
                    fuzzy,
                }));
            }
        })?;
        lists.push(list);
    }
    // A term's postings come in place order, so the terms' lists merge, two by two, rather
    // than sort.
    while lists.len() > 1 {
        let mut pairs = std::mem::take(&mut lists).into_iter();
        while let Some(a) = pairs.next() {
            lists.push(merge(a, pairs.next().unwrap_or_default()));
        }
    }
    let mut out = lists.pop().unwrap_or_default();
    // One pass when the merge left them in order, as a sound index does.
    super::order::sort_by(&mut out, occurrence_order);
    out.dedup_by(|a, b| a.key == b.key && a.position == b.position);
    Ok(out)
}

/// By place; at one place, the strongest match first (the one `dedup` keeps).
fn occurrence_order(a: &Occurrence, b: &Occurrence) -> std::cmp::Ordering {
    (a.key, a.position).cmp(&(b.key, b.position)).then(b.weight.total_cmp(&a.weight))
}

fn merge(a: Vec<Occurrence>, b: Vec<Occurrence>) -> Vec<Occurrence> {
    if a.is_empty() || b.is_empty() {
        return if a.is_empty() { b } else { a };
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let next = if occurrence_order(x, y).is_le() { a.next() } else { b.next() };
        out.extend(next);
    }
    out.extend(a);
    out.extend(b);
    out
}

fn at(list: &[Occurrence], key: Key, position: u32) -> Option<&Occurrence> {
    let i = list.binary_search_by(|o| (o.key, o.position).cmp(&(key, position))).ok()?;
    Some(&list[i])
}

/// The hits of one compiled expression.
fn expr_hits(
    index: &Index,
    expr: &Compiled,
    layers: &dyn Fn(PostingLayer) -> bool,
) -> Result<Vec<(u32, HitRef)>, Stop> {
    let mut hits = Vec::new();
    let Some(first) = expr.words.first() else { return Ok(hits) };
    let mut per_word = Vec::with_capacity(expr.words.len());
    for word in &expr.words {
        per_word.push(occurrences(index, &word.found, layers)?);
    }
    let phrase = expr.words.len() as u32;
    let boost = if phrase > 1 { 1.5 * phrase as f32 } else { 1.0 };
    for start in &per_word[0] {
        let (mut weight, mut fuzzy) = (start.weight, start.fuzzy);
        let all = per_word[1..].iter().zip(1..).all(|(list, i)| {
            match start.position.checked_add(i).and_then(|p| at(list, start.key, p)) {
                Some(o) => {
                    weight = weight.min(o.weight);
                    fuzzy |= o.fuzzy;
                    true
                }
                None => false,
            }
        });
        if all {
            let (doc, page, layer) = start.key;
            let hit = HitRef {
                page,
                layer,
                position: start.position,
                len: phrase,
                weight: weight * boost,
                fuzzy,
            };
            hits.push((doc, hit));
        }
    }
    if expr.words.len() == 1 {
        for f in first.found.iter().filter(|f| f.terms.len() == 2) {
            split_hits(index, f, layers, &mut hits)?;
        }
    }
    Ok(hits)
}

/// Hits of a word the OCR split in two: the parts at consecutive positions.
fn split_hits(
    index: &Index,
    found: &Found,
    layers: &dyn Fn(PostingLayer) -> bool,
    hits: &mut Vec<(u32, HitRef)>,
) -> Result<(), Stop> {
    let mut tails: Vec<(Key, u32)> = Vec::new();
    each_posting(index, found.terms[1].1, &mut |key, positions| {
        tails.extend(positions.iter().map(|&p| (key, p)));
    })?;
    super::order::sort_dedup(&mut tails);
    let weight = match_weight(found);
    each_posting(index, found.terms[0].1, &mut |key, positions| {
        let (doc, page, layer) = key;
        if !layers(layer) {
            return;
        }
        let followed =
            |p: u32| p.checked_add(1).is_some_and(|n| tails.binary_search(&(key, n)).is_ok());
        for &p in positions.iter().filter(|&&p| followed(p)) {
            let hit = HitRef {
                page,
                layer,
                position: p,
                len: 2,
                weight: weight * layer_weight(layer),
                fuzzy: true,
            };
            hits.push((doc, hit));
        }
    })
}

/// Evaluates the query's clauses and filters.
pub(super) fn evaluate(
    index: &Index,
    query: &Query,
    words: &Words,
    rows: &[DocRow],
) -> Result<Matched, Stop> {
    need_blocks(index, words)?;
    let clauses = clauses(query, words);
    if !index.whole.get() && needs_whole(&clauses) {
        // Its leads are here, for the places of the whole postings: match it on those.
        let (groups, base, docs) = (Vec::new(), Vec::new(), Vec::new());
        return Ok(Matched { groups, base, docs, scale: 1.0, whole: true });
    }
    let layer = query.filters.iter().rev().find_map(|f| match f {
        Filter::Layer(layer) => Some(*layer),
        _ => None,
    });
    let layers = move |l: PostingLayer| match layer {
        None => true,
        Some(Layer::Ocr) => l != PostingLayer::Corrected,
        Some(Layer::Corrected) => l == PostingLayer::Corrected,
    };
    let mut groups = Vec::new();
    let mut required: Option<Vec<u32>> = None;
    let mut excluded = Vec::new();
    for (clause, exprs) in clauses {
        let mut hits = Vec::new();
        for expr in exprs {
            hits.extend(expr_hits(index, expr, &layers)?);
        }
        let mut group = Group::from_hits(hits);
        group.scale = clause_scale(index, exprs, group.docs.len())?;
        if matches!(clause, Clause::Not(_)) {
            excluded.extend(group.doc_ids());
            continue;
        }
        let docs = group.doc_ids();
        required = Some(match required {
            None => docs,
            Some(mut before) => {
                before.retain(|d| docs.binary_search(d).is_ok());
                before
            }
        });
        groups.push(group);
    }
    // Without a positive clause (an empty query, only filters, only exclusions) every
    // document is a candidate: the library lists them, with their facet counts.
    let mut base = required.unwrap_or_else(|| (0..rows.len() as u32).collect());
    super::order::sort_dedup(&mut excluded);
    base.retain(|d| excluded.binary_search(d).is_err());
    let filters = Filters::new(index, &query.filters);
    let keep = |d: &u32| rows.get(*d as usize).is_some_and(|row| filters.keep(row, None));
    let docs = base.iter().copied().filter(keep).collect();
    let scale = groups.iter().map(|g| g.scale).product();
    Ok(Matched { groups, base, docs, scale, whole: false })
}
