//! Search results: each document with its hits per layer, its best pages and a snippet with
//! the hits marked; "also matched" for the OCR variants found; an empty state that says what
//! was tried.

use super::labelled_text::{Wrap, labelled_text};
use crate::route::{DocumentQuery, Route, View};
use crate::router::Link;
use readingroom_core::labelled::Labelled;
use readingroom_core::search::format::PostingLayer;
use readingroom_core::search::results::{ResultDoc, SearchResults, Snippet, Variant};
use yew::prelude::*;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn variant_list(variants: &[Variant]) -> String {
    let mut terms: Vec<String> = variants.iter().map(|v| v.term.clone()).collect();
    terms.dedup();
    terms.join(", ")
}

/// The `results` of the words typed, `q` (carried to each document for its highlights);
/// `on_more` asks for more results.
pub fn result_list(results: &SearchResults, q: &str, on_more: &Callback<()>) -> Html {
    if results.total == 0 {
        let tried = (!results.variants.is_empty()).then(|| {
            html! { <p>{ format!("Spellings tried besides yours: {}.", variant_list(&results.variants)) }</p> }
        });
        return html! {
            <div class="empty-state" role="status">
                <h2>{ "No documents match" }</h2>
                { tried }
                <p>{ "Try fewer words, a shorter form with * (instruct*), or untick a filter." }</p>
            </div>
        };
    }
    let also = (!results.variants.is_empty()).then(|| {
        html! { <p class="variants">{ format!("Also matched: {}", variant_list(&results.variants)) }</p> }
    });
    let about = if results.estimated { "about " } else { "" };
    html! {
        <div class="results">
            <p class="count" role="status">
                if results.estimated { { "About " } }
                { plural(results.total, "document matches", "documents match") }
                if results.results.len() < results.total {
                    { format!("; the best {} are shown", results.results.len()) }
                }
            </p>
            { also }
            <ol class="result-list">
                { for results.results.iter().map(|r| item(r, q)) }
            </ol>
            if results.results.len() < results.total {
                <button type="button" class="more" onclick={on_more.reform(|_| ())}>
                    { format!("Show more ({} of {about}{})", results.results.len(), results.total) }
                </button>
            }
        </div>
    }
}

fn item(result: &ResultDoc, q: &str) -> Html {
    let first = result.hits.first();
    let page = first.map_or(1, |h| h.page as usize);
    let view =
        first.map(|h| if h.layer == PostingLayer::Corrected { View::Corrected } else { View::Ocr });
    let query =
        DocumentQuery { page: Some(page), view, run: None, q: Some(q.to_owned()), pages: None };
    let hits = result.layer_hits;
    let mut counts = Vec::new();
    if hits.corrected > 0 {
        counts.push(plural(
            hits.corrected as usize,
            "hit in the transcription",
            "hits in the transcription",
        ));
    }
    if hits.ocr > 0 {
        counts.push(plural(hits.ocr as usize, "hit in the OCR", "hits in the OCR"));
    }
    if hits.furniture > 0 {
        counts.push(plural(
            hits.furniture as usize,
            "in stamps and page numbers",
            "in stamps and page numbers",
        ));
    }
    let pages: Vec<String> = result.pages.iter().map(|p| p.page.to_string()).collect();
    html! {
        <li class="result" key={result.id.clone()}>
            <Link to={Route::Document { id: result.id.clone() }} query={Some(query)} classes="doc-title">
                { result.title.clone() }
            </Link>
            <p class="result-meta">{ meta(result.date.clone(), counts, &pages) }</p>
            if !result.snippet.text.is_empty() { { snippet(&result.snippet) } }
        </li>
    }
}

/// The date, the hits and the best pages, each only when there is one: a search by filters
/// alone has no hits and no pages to name.
fn meta(date: Option<String>, counts: Vec<String>, pages: &[String]) -> String {
    let mut parts: Vec<String> = date.into_iter().collect();
    if !counts.is_empty() {
        parts.push(counts.join(", "));
    }
    if !pages.is_empty() {
        let noun = if pages.len() == 1 { "page" } else { "pages" };
        parts.push(format!("best {noun}: {}", pages.join(", ")));
    }
    parts.join(" · ")
}

/// A snippet mark: the query's words in the result's text.
struct SnippetMark;

impl Wrap for SnippetMark {
    fn wrap(&self, inner: Html) -> Html {
        html! { <mark>{ inner }</mark> }
    }
}

fn snippet(snippet: &Snippet) -> Html {
    let marks: Vec<Labelled<SnippetMark>> =
        snippet.marks.iter().map(|&(start, end)| Labelled::new(start..end, SnippetMark)).collect();
    let layer = match snippet.layer {
        Some(PostingLayer::Corrected) => "transcription",
        _ => "OCR",
    };
    html! {
        <p class="snippet">
            <span class="snippet-where">{ format!("p. {}, {layer}: ", snippet.page) }</span>
            { labelled_text(&snippet.text, &marks) }
        </p>
    }
}
