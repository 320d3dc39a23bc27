//! What a result shows: its card, its best pages, its hits as byte ranges in the page text,
//! and a snippet of about thirty words around the densest hits.

use super::matching::{HitRef, Matched};
use super::rank::{Ranked, best_pages};
use super::{Index, SearchOptions, Stop};
use crate::search::format::page_text::PageText;
use crate::search::format::{Part, PostingLayer, damaged};
use crate::search::normalize::Token;
use crate::search::results::{Hit, LayerHits, ResultDoc, ResultPage, Snippet};
use std::collections::HashMap;

const SNIPPET_WORDS: usize = 30;

/// A document's pages, as far as they are loaded: any one of them gives its card and the
/// length of every page.
struct Loaded<'a> {
    pages: Option<&'a HashMap<usize, PageText>>,
}

impl<'a> Loaded<'a> {
    fn card(&self) -> Option<&'a PageText> {
        self.pages.and_then(|pages| pages.values().next())
    }

    fn text(&self, page: u32) -> Option<&'a PageText> {
        self.pages.and_then(|pages| pages.get(&(page as usize)))
    }
}

pub(super) fn present(
    index: &Index,
    matched: &Matched,
    shown: &[Ranked],
    options: &SearchOptions,
) -> Result<Vec<ResultDoc>, Stop> {
    // The collection's size and mean page length, for BM25 over pages.
    let meta = &index.meta;
    let avg_page = meta.avg_len[0] * meta.docs as f32 / meta.pages.max(1) as f32;
    let shape = (meta.docs.max(1) as f32, avg_page);
    let mut need = Vec::new();
    for ranked in shown {
        let loaded = Loaded { pages: index.pages.get(&(ranked.doc as usize)) };
        let wanted = match loaded.card() {
            // The pages' lengths are known: ask for the text of the best pages.
            Some(card) => {
                let pages = best(matched, ranked.doc, options, shape, Some(&card.lengths));
                pages
                    .into_iter()
                    .take(options.text_pages)
                    .filter(|&p| loaded.text(p).is_none())
                    .collect()
            }
            // Nothing of the document yet: the pages that would be best if all were of the
            // mean length, which they mostly are; the lengths that come with them say whether
            // another page is better after all (then one more round asks for it). A result
            // with no hits (a search by filters alone) shows its card, from its first page.
            None => {
                let pages = best(matched, ranked.doc, options, shape, None);
                let mut pages: Vec<u32> = pages.into_iter().take(options.text_pages).collect();
                if pages.is_empty() {
                    pages.push(0);
                }
                pages
            }
        };
        need.extend(
            wanted
                .into_iter()
                .map(|page| index.need(Part::Page(ranked.doc as usize, page as usize))),
        );
    }
    super::needing(need)?;
    shown
        .iter()
        .map(|ranked| {
            let loaded = Loaded { pages: index.pages.get(&(ranked.doc as usize)) };
            let card = loaded.card().ok_or_else(|| {
                let file = Part::Page(ranked.doc as usize, 0).file(&index.meta.key);
                Stop::Damaged(damaged(&file, "a result's page text is missing"))
            })?;
            Ok(result(index, matched, ranked, card, &loaded, options, shape))
        })
        .collect()
}

/// A document's best pages (from 0), by BM25 over pages with the pages' lengths if known.
fn best(
    matched: &Matched,
    doc: u32,
    options: &SearchOptions,
    shape: (f32, f32),
    lengths: Option<&[u32]>,
) -> Vec<u32> {
    let page_len = |page: u32| page_length(lengths, page, shape.1);
    best_pages(matched, doc, options.pages_per_result, shape.0, &page_len, shape.1)
        .into_iter()
        .map(|(page, _, _)| page)
        .collect()
}

fn page_length(lengths: Option<&[u32]>, page: u32, mean: f32) -> f32 {
    match lengths {
        Some(lengths) => lengths.get(page as usize).map_or(1, |&l| l.max(1)) as f32,
        None => mean.max(1.0),
    }
}

/// The text of a page in a layer, as it was indexed.
fn layer_text(page: &PageText, layer: PostingLayer) -> &str {
    match layer {
        PostingLayer::Corrected => page.corrected.as_deref().unwrap_or_default(),
        _ => &page.ocr,
    }
}

fn result(
    index: &Index,
    matched: &Matched,
    ranked: &Ranked,
    card: &PageText,
    loaded: &Loaded,
    options: &SearchOptions,
    shape: (f32, f32),
) -> ResultDoc {
    let all: Vec<&HitRef> =
        matched.groups.iter().filter_map(|g| g.get(ranked.doc)).flatten().collect();
    let mut layer_hits = LayerHits::default();
    for hit in &all {
        match hit.layer {
            PostingLayer::Ocr => layer_hits.ocr += 1,
            PostingLayer::Corrected => layer_hits.corrected += 1,
            PostingLayer::Furniture => layer_hits.furniture += 1,
        }
    }
    let page_len = |page: u32| page_length(Some(&card.lengths), page, shape.1);
    let pages =
        best_pages(matched, ranked.doc, options.pages_per_result, shape.0, &page_len, shape.1);
    let mut hits = Vec::new();
    let mut snippet = Snippet::default();
    for (rank, &(page, _, _)) in pages.iter().enumerate().take(options.text_pages) {
        // `present` asked for every page of these: one missing was refused there.
        let Some(text) = loaded.text(page) else { continue };
        let on_page: Vec<&HitRef> = all.iter().copied().filter(|h| h.page == page).collect();
        let mut layers: Vec<PostingLayer> = on_page.iter().map(|h| h.layer).collect();
        super::order::sort_dedup(&mut layers);
        for layer in layers {
            let text = layer_text(text, layer);
            let tokens = index.tokenize(text);
            let mut here: Vec<&HitRef> =
                on_page.iter().copied().filter(|h| h.layer == layer).collect();
            super::order::sort_by(&mut here, |a, b| a.position.cmp(&b.position));
            here.dedup_by_key(|h| h.position);
            for h in &here {
                if let Some((start, end)) = span(&tokens, h) {
                    let term = tokens
                        .get(h.position as usize)
                        .map_or_else(String::new, |t| t.term.clone());
                    hits.push(Hit {
                        page: page + 1,
                        layer,
                        start,
                        end,
                        matched: text[start..end].to_owned(),
                        term,
                        fuzzy: h.fuzzy,
                    });
                }
            }
            let better = snippet.layer.is_none()
                || (rank == 0 && snippet.page == page + 1 && layer == PostingLayer::Corrected);
            if rank == 0 && better {
                snippet = cut(text, &tokens, &here, page + 1, layer);
            }
        }
    }
    hits.truncate(options.hits_per_result);
    ResultDoc {
        id: card.id.clone(),
        title: card.title.clone(),
        date: card.date.clone(),
        score: ranked.score,
        layer_hits,
        pages: pages
            .iter()
            .map(|&(page, score, hits)| ResultPage { page: page + 1, score, hits })
            .collect(),
        hits,
        snippet,
    }
}

fn span(tokens: &[Token], hit: &HitRef) -> Option<(usize, usize)> {
    let first = tokens.get(hit.position as usize)?;
    let last = tokens.get(hit.position.checked_add(hit.len.max(1) - 1)? as usize)?;
    Some((first.start, last.end))
}

/// About [`SNIPPET_WORDS`] tokens from a little before the window that holds the most hits.
fn cut(text: &str, tokens: &[Token], hits: &[&HitRef], page: u32, layer: PostingLayer) -> Snippet {
    if tokens.is_empty() {
        return Snippet { page, layer: Some(layer), ..Snippet::default() };
    }
    let best = hits
        .iter()
        .map(|h| {
            let inside = hits
                .iter()
                .filter(|o| {
                    let window = h.position.saturating_add(SNIPPET_WORDS as u32 - 8);
                    o.position >= h.position && o.position < window
                })
                .count();
            (inside, std::cmp::Reverse(h.position))
        })
        .max()
        .map_or(0, |(_, std::cmp::Reverse(p))| p as usize);
    // A hit's position comes from the postings: never past the page's last token.
    let from = best.saturating_sub(6).min(tokens.len() - 1);
    let to = (from + SNIPPET_WORDS).min(tokens.len());
    let (start, end) = (tokens[from].start, tokens[to - 1].end);
    let lead = if from > 0 { "… " } else { "" };
    let tail = if to < tokens.len() { " …" } else { "" };
    let body: String = text[start..end]
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{c}') { ' ' } else { c })
        .collect();
    let marks = hits
        .iter()
        .filter_map(|h| span(tokens, h))
        .filter(|&(s, e)| s >= start && e <= end)
        .map(|(s, e)| (s - start + lead.len(), e - start + lead.len()))
        .collect();
    Snippet { page, layer: Some(layer), text: format!("{lead}{body}{tail}"), marks }
}
