//! What a search answers, as the CLI prints it (`--json`) and the app shows it.

mod wire;

use super::format::PostingLayer;
use super::highlight::MarkedPage;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The number of documents that match, or its estimate (see `estimated`).
    pub total: usize,
    /// Whether `total` and the facet counts are estimates: the query was answered from the
    /// leads of frequent terms (their best documents), not every posting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    pub results: Vec<ResultDoc>,
    pub facets: Facets,
    /// The OCR variants fuzzy matching found in the dictionary for each query word, found in
    /// documents or not: "also matched" when there are results, "tried" when there are none.
    pub variants: Vec<Variant>,
}

/// One matching document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultDoc {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub score: f32,
    /// Hits in the whole document, per layer.
    pub layer_hits: LayerHits,
    /// The best pages, best first (1-based page numbers).
    pub pages: Vec<ResultPage>,
    /// The hits on the best pages, with their byte ranges in the page's text of their layer.
    pub hits: Vec<Hit>,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerHits {
    pub ocr: u32,
    pub corrected: u32,
    pub furniture: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultPage {
    pub page: u32,
    pub score: f32,
    pub hits: u32,
}

/// One hit: `start..end` are byte offsets in the page's text of its layer (the OCR page, or
/// the search text of the corrected page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub page: u32,
    pub layer: PostingLayer,
    pub start: usize,
    pub end: usize,
    /// The text as it stands on the page.
    pub matched: String,
    /// The indexed term it matched, and whether that was a fuzzy match.
    pub term: String,
    pub fuzzy: bool,
}

/// About 30 words around the best hits of the best page; `marks` are byte ranges in `text`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub page: u32,
    pub layer: Option<PostingLayer>,
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

/// Facet counts over the documents the query matches (each facet ignoring its own filter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub country: Vec<FacetCount>,
    pub subject: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub collection: Vec<FacetCount>,
    pub corrected: Vec<FacetCount>,
    /// OCR quality bands by name (`good`, `fair`, `poor`).
    #[serde(default)]
    pub quality: Vec<FacetCount>,
}

impl Facets {
    /// Every facet's counts.
    pub fn lists_mut(&mut self) -> [&mut Vec<FacetCount>; 6] {
        [
            &mut self.country,
            &mut self.subject,
            &mut self.year,
            &mut self.collection,
            &mut self.corrected,
            &mut self.quality,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// A dictionary term fuzzy matching accepted for a query word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub query: String,
    pub term: String,
    pub distance: f32,
    /// Documents containing it (before the other clauses and filters).
    pub docs: u32,
}

/// What a caller asks the engine ([`crate::search::engine::Index::ask`]): the one entry point
/// of the search module, across the wasm edge as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// The results of a query, `limit` of them, each with every hit of its `pages` best pages
    /// (0 for the engine's default: three pages, at most 100 hits). A `brief` answer names the
    /// best pages but gives the hits of the first only, as a result list shows them: each page
    /// with hits is a page text to fetch.
    Search {
        query: String,
        limit: usize,
        #[serde(default)]
        pages: usize,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        brief: bool,
    },
    /// What a query marks on page `page` (from 1) of one document, named by its data file
    /// (the path relative to the bundle that its catalog entry gives), with how many marks
    /// every other page has.
    Highlight { query: String, document: String, page: usize },
}

/// One answer of the engine across the wasm edge (see the `readingroom-search` crate): the
/// files to load first, the results or the marks, or what went wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Need(Vec<String>),
    Done(SearchResults),
    Marked(MarkedPage),
    /// The query cannot be read: the sentence to show.
    QueryError {
        message: String,
    },
    /// An index file is damaged.
    Damaged(String),
}
