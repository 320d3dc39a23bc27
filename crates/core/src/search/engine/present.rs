//! What a result shows: its card, its best pages, its hits as byte ranges in the page text,
//! and a snippet of about thirty words around the densest hits.

use super::matching::{HitRef, Matched};
use super::rank::{Ranked, best_pages};
use super::{Index, SearchOptions, Stop};
use crate::search::format::page_text::PageText;
use crate::search::format::{Part, PostingLayer};
use crate::search::normalize::Token;
use crate::search::results::{Hit, LayerHits, ResultDoc, ResultPage, Snippet};

const SNIPPET_WORDS: usize = 30;

pub(super) fn present(
    index: &Index,
    matched: &Matched,
    shown: &[Ranked],
    options: &SearchOptions,
) -> Result<Vec<ResultDoc>, Stop> {
    let n = index.meta.docs.max(1) as f32;
    let mut need = Vec::new();
    let mut chosen = Vec::with_capacity(shown.len());
    for ranked in shown {
        let pages = best_pages(matched, ranked.doc, options.pages_per_result, n);
        // The best pages give their hits, each from its text; a result with no hits (a search
        // by filters alone) shows its card, which its first page's text carries.
        let mut texts: Vec<u32> =
            pages.iter().take(options.text_pages).map(|&(page, _, _)| page).collect();
        if texts.is_empty() {
            texts.push(0);
        }
        let doc = ranked.doc as usize;
        let loaded = index.pages.get(&doc);
        need.extend(
            texts
                .iter()
                .filter(|&&page| !loaded.is_some_and(|l| l.contains_key(&(page as usize))))
                .map(|&page| index.need(Part::Page(doc, page as usize))),
        );
        chosen.push((pages, texts));
    }
    super::needing(need)?;
    Ok(shown
        .iter()
        .zip(chosen)
        .map(|(ranked, (pages, texts))| {
            let loaded = &index.pages[&(ranked.doc as usize)];
            let text = |page: u32| &loaded[&(page as usize)];
            let mut result = result(index, matched, ranked, text(texts[0]), &pages, &texts, &text);
            result.hits.truncate(options.hits_per_result);
            result
        })
        .collect())
}

/// The text of a page in a layer, as it was indexed.
fn layer_text(page: &PageText, layer: PostingLayer) -> &str {
    match layer {
        PostingLayer::Corrected => page.corrected.as_deref().unwrap_or_default(),
        _ => &page.ocr,
    }
}

/// A result, from its best `pages`, of which those in `texts` give their hits from `text`.
fn result<'a>(
    index: &Index,
    matched: &Matched,
    ranked: &Ranked,
    card: &PageText,
    pages: &[(u32, f32, u32)],
    texts: &[u32],
    text: &dyn Fn(u32) -> &'a PageText,
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
    let mut hits = Vec::new();
    let mut snippet = Snippet::default();
    for (rank, &(page, _, _)) in pages.iter().enumerate().filter(|(_, p)| texts.contains(&p.0)) {
        let text = text(page);
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
