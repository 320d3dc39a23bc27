//! What a result shows: its card, its best pages, its hits as byte ranges in the page text,
//! and a snippet of about thirty words around the densest hits.

use super::matching::{HitRef, Matched};
use super::rank::{Ranked, best_pages};
use super::{Index, SearchOptions, Stop};
use crate::bundle::DocumentData;
use crate::search::format::{DocCard, Part, PostingLayer, damaged};
use crate::search::normalize::Token;
use crate::search::results::{Hit, LayerHits, ResultDoc, ResultPage, Snippet};

const SNIPPET_WORDS: usize = 30;

fn card(index: &Index, doc: u32) -> Result<&DocCard, Stop> {
    let size = index.meta.shard_size.max(1);
    let shard = (doc / size) as usize;
    if shard >= index.meta.shards as usize {
        let what = "a document has no card shard in meta.json";
        return Err(Stop::Damaged(damaged(crate::search::format::META_FILE, what)));
    }
    let cards =
        index.shards.get(&shard).ok_or_else(|| Stop::Need(vec![index.need(Part::Shard(shard))]))?;
    cards.get((doc % size) as usize).ok_or_else(|| {
        Stop::Damaged(damaged(&Part::Shard(shard).file(&index.meta.key), "a card is missing"))
    })
}

pub(super) fn present(
    index: &Index,
    matched: &Matched,
    shown: &[Ranked],
    options: &SearchOptions,
) -> Result<Vec<ResultDoc>, Stop> {
    let mut need = Vec::new();
    let mut cards = Vec::new();
    for ranked in shown {
        match card(index, ranked.doc) {
            Ok(card) => cards.push(card),
            Err(Stop::Need(files)) => need.extend(files),
            Err(other) => return Err(other),
        }
    }
    if need.is_empty() {
        need.extend(
            cards.iter().filter(|c| !index.data.contains_key(&c.data)).map(|c| c.data.clone()),
        );
    }
    super::needing(need)?;
    // The collection's size and mean page length, for BM25 over pages.
    let meta = &index.meta;
    let avg_page = meta.avg_len[0] * meta.docs as f32 / meta.pages.max(1) as f32;
    let shape = (meta.docs.max(1) as f32, avg_page);
    Ok(shown
        .iter()
        .zip(cards)
        .map(|(ranked, card)| result(index, matched, ranked, card, options, shape))
        .collect())
}

/// The text of a page in a layer, as it was indexed.
fn layer_text(data: &DocumentData, page: u32, layer: PostingLayer) -> String {
    let Some(p) = data.pages.get(page as usize) else { return String::new() };
    match layer {
        PostingLayer::Corrected => {
            p.corrected.as_ref().map(|t| t.search_text()).unwrap_or_default()
        }
        _ => p.ocr.clone(),
    }
}

fn result(
    index: &Index,
    matched: &Matched,
    ranked: &Ranked,
    card: &DocCard,
    options: &SearchOptions,
    shape: (f32, f32),
) -> ResultDoc {
    let data = &index.data[&card.data];
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
    let page_len = |page: u32| {
        data.pages.get(page as usize).map_or(1, |p| p.ocr.split_whitespace().count()) as f32
    };
    let pages =
        best_pages(matched, ranked.doc, options.pages_per_result, shape.0, &page_len, shape.1);
    let mut hits = Vec::new();
    let mut snippet = Snippet::default();
    for (rank, &(page, _, _)) in pages.iter().enumerate() {
        let on_page: Vec<&HitRef> = all.iter().copied().filter(|h| h.page == page).collect();
        let mut layers: Vec<PostingLayer> = on_page.iter().map(|h| h.layer).collect();
        super::order::sort_dedup(&mut layers);
        for layer in layers {
            let text = layer_text(data, page, layer);
            let tokens = index.tokenize(&text);
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
                snippet = cut(&text, &tokens, &here, page + 1, layer);
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
