//! Scoring: BM25 per positive clause over whole documents, exact matches before fuzzy ones,
//! a boost when the clauses' hits stand close together; pages by their hits; facet counts.

use super::Index;
use super::filters::Filters;
use super::matching::{HitRef, Matched};
use crate::search::facets::{self, FacetValues};
use crate::search::format::table::DocRow;
use crate::search::query::Query;
use crate::search::results::Facets;
use crate::search::score::{bm25, idf};

/// Hits of two clauses within this many tokens of each other count as near.
const NEAR: u32 = 8;

/// A document's place in the ranking.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    pub doc: u32,
    pub score: f32,
}

pub(super) fn rank(index: &Index, matched: &Matched, rows: &[DocRow]) -> Vec<Ranked> {
    let n = rows.len().max(1) as f32;
    let avg = index.meta.avg_len[0].max(1.0);
    let mut ranked: Vec<(u32, u32, f32)> = matched
        .docs
        .iter()
        .map(|&doc| {
            // `matched.docs` are rows of the table (see `matching::evaluate`).
            let len = rows.get(doc as usize).map_or(1, |row| row.len[0].max(1)) as f32;
            let mut score = 0.0;
            let mut exact = 0;
            for group in &matched.groups {
                let hits = group.get(doc).map(Vec::as_slice).unwrap_or_default();
                let tf: f32 = hits.iter().map(|h| h.weight).sum();
                score += bm25(idf(n, group.estimate()), tf, len, avg);
                exact += u32::from(hits.iter().any(|h| !h.fuzzy));
            }
            if near(matched, doc) {
                score *= 1.25;
            }
            (doc, exact, score)
        })
        .collect();
    super::order::sort_by(&mut ranked, |a, b| {
        b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0))
    });
    ranked.into_iter().map(|(doc, _, score)| Ranked { doc, score }).collect()
}

/// Whether hits of two different clauses stand within [`NEAR`] tokens on one page and layer.
fn near(matched: &Matched, doc: u32) -> bool {
    let lists: Vec<&Vec<HitRef>> = matched.groups.iter().filter_map(|g| g.get(doc)).collect();
    lists.iter().enumerate().any(|(i, a)| {
        lists[i + 1..].iter().any(|b| {
            a.iter().any(|x| {
                b.iter().any(|y| {
                    x.page == y.page
                        && x.layer == y.layer
                        && x.position.abs_diff(y.position) <= NEAR
                })
            })
        })
    })
}

/// A document's pages, best first, by BM25 over pages: each clause's hits on the page
/// (weighted by layer and match), saturating as BM25 does, with each clause's idf. Every page
/// counts as of the mean length: a result's pages are chosen from its postings alone, before
/// any of its text is fetched, so that the one round that fetches its best page's text is
/// the last. Each is (page, score, hits).
pub(super) fn best_pages(
    matched: &Matched,
    doc: u32,
    count: usize,
    n: f32,
) -> Vec<(u32, f32, u32)> {
    let mut pages: Vec<(u32, f32, u32)> = Vec::new();
    for group in &matched.groups {
        let idf = idf(n, group.estimate());
        let mut tf: Vec<(u32, f32)> = Vec::new();
        for hit in group.get(doc).into_iter().flatten() {
            match tf.iter_mut().find(|(page, _)| *page == hit.page) {
                Some(entry) => entry.1 += hit.weight,
                None => tf.push((hit.page, hit.weight)),
            }
            match pages.iter_mut().find(|p| p.0 == hit.page) {
                Some(entry) => entry.2 += 1,
                None => pages.push((hit.page, 0.0, 1)),
            }
        }
        for (page, tf) in tf {
            if let Some(entry) = pages.iter_mut().find(|p| p.0 == page) {
                entry.1 += bm25(idf, tf, 1.0, 1.0);
            }
        }
    }
    super::order::sort_by(&mut pages, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    pages.truncate(count);
    pages
}

/// Facet counts over the matched documents, each facet ignoring its own filter so a reader
/// sees what ticking another value would add.
pub(super) fn facets(index: &Index, query: &Query, matched: &Matched, rows: &[DocRow]) -> Facets {
    let filters = Filters::new(index, &query.filters);
    let names = &index.meta.facets;
    let base: Vec<&DocRow> =
        matched.base.iter().filter_map(|&doc| rows.get(doc as usize)).collect();
    let values: Vec<FacetValues> = base
        .iter()
        .map(|r| FacetValues {
            country: name(&names.country, r.country),
            subject: name(&names.subject, r.subject),
            collection: name(&names.collection, r.collection),
            year: (r.year > 0).then_some(r.year),
            corrected: r.has_corrected,
            quality: r.quality,
        })
        .collect();
    let mut counts = facets::count(&values, |i, field| filters.keep(base[i], Some(field)));
    if matched.estimated() {
        // Matched on leads: each count scaled as the total is (see `Matched::total`).
        let n = rows.len();
        for list in counts.lists_mut() {
            for count in list.iter_mut() {
                let scaled = (count.count as f32 * matched.scale).min(n as f32).round() as u32;
                count.count = scaled.max(count.count);
            }
        }
    }
    counts
}

/// The name of a facet code: codes count from 1, and 0 is "none".
fn name(list: &[String], code: u32) -> Option<&str> {
    code.checked_sub(1).and_then(|i| list.get(i as usize)).map(String::as_str)
}
