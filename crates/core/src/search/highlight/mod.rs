//! What the reader marks in a text: the engine's own definition of a match, as data.
//!
//! The engine looks each query word up in the dictionary once ([`super::engine::Index::matcher`])
//! and hands back a [`Matcher`]: for every positive expression of the query, the terms each of
//! its words accepts (exactly, by prefix, or as an OCR variant) and the split forms of a long
//! word. Marking a page is then a walk over its tokens that follows the same rules as the
//! postings do in `engine::matching`: a phrase is consecutive tokens of one layer, a split word
//! two, the first expression of the query wins where two start on one token, excluded words
//! and field filters mark nothing, and `layer:` keeps to its layer. A test holds the engine's
//! reported hits and these marks equal on every page of the default collection.
//!
//! Marks are byte ranges of the text the caller tokenized, so they fall on the OCR page as it
//! is shown, or on the search text of a corrected page (which the app maps onto the Markdown
//! it renders).

mod document;

pub use document::{
    DocumentMarks, DocumentTokens, MarkedPage, PageMarks, PageTally, Presence, Tally,
};

use super::format::PostingLayer;
use super::normalize::Token;
use super::query::Layer;
use serde::{Deserialize, Serialize};

/// The terms a query marks, looked up in the index's dictionary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Matcher {
    /// The query's positive expressions as the reader wrote them (`party`, `"soviet union"`,
    /// `instruct*`): a mark's `term` indexes this list, which gives each its colour.
    pub terms: Vec<String>,
    pub patterns: Vec<Pattern>,
    /// The layer a `layer:` filter keeps the query to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Layer>,
}

/// One expression: the words it must find at consecutive positions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Which of [`Matcher::terms`] this expression is.
    pub term: usize,
    pub words: Vec<Accepts>,
}

/// The dictionary terms one query word matches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Accepts {
    /// The word as the query has it, folded (`instruct*` for a prefix).
    pub query: String,
    /// Terms matching exactly (the word itself, or a prefix's completions), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exact: Vec<String>,
    /// OCR variants fuzzy matching accepted, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fuzzy: Vec<String>,
    /// The word as two consecutive terms the OCR split it into; only a lone word has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub splits: Vec<(String, String)>,
}

/// One marked stretch of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Which of [`Matcher::terms`] it matches.
    pub term: usize,
    /// A match through an OCR variant or a split word, not the word as the query has it.
    pub fuzzy: bool,
    pub layer: PostingLayer,
}

/// How a token stands against one query word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    Exact,
    Fuzzy,
}

impl Accepts {
    fn fit(&self, term: &str) -> Option<Fit> {
        let has = |list: &[String]| list.binary_search_by(|t| t.as_str().cmp(term)).is_ok();
        if has(&self.exact) {
            Some(Fit::Exact)
        } else if has(&self.fuzzy) {
            Some(Fit::Fuzzy)
        } else {
            None
        }
    }
}

impl Matcher {
    /// Whether the query marks nothing (only filters, only exclusions, or no word found).
    pub fn is_empty(&self) -> bool {
        self.patterns.iter().all(|p| p.words.is_empty())
    }

    /// Whether the query's `layer:` filter lets a layer be marked.
    pub fn marks_layer(&self, layer: PostingLayer) -> bool {
        match self.layer {
            None => true,
            Some(Layer::Ocr) => layer != PostingLayer::Corrected,
            Some(Layer::Corrected) => layer == PostingLayer::Corrected,
        }
    }

    /// The marks on a text whose tokens are `tokens`, the layer of each given by `layer_of`
    /// (the OCR's furniture is a layer of its own), in text order, at most one per token
    /// start.
    pub fn marks(&self, tokens: &[Token], layer_of: impl Fn(usize) -> PostingLayer) -> Vec<Mark> {
        let layers: Vec<PostingLayer> = (0..tokens.len()).map(layer_of).collect();
        self.marks_in_layers(tokens, &layers)
    }

    /// [`Matcher::marks`] with each token's layer given: one copy of the code for every caller
    /// (the search module carried one per `layer_of`).
    fn marks_in_layers(&self, tokens: &[Token], layers: &[PostingLayer]) -> Vec<Mark> {
        let mut found: Vec<(usize, Mark)> = Vec::new();
        for pattern in &self.patterns {
            for at in 0..tokens.len() {
                if !self.marks_layer(layers[at]) {
                    continue;
                }
                if let Some((len, fuzzy)) = pattern.at(tokens, layers, at) {
                    let mark = Mark {
                        start: tokens[at].start,
                        end: tokens[at + len - 1].end,
                        term: pattern.term,
                        fuzzy,
                        layer: layers[at],
                    };
                    found.push((at, mark));
                }
            }
        }
        // As the engine does: by place, the earlier expression first where two start together.
        crate::search::order::sort_by(&mut found, |(a, _), (b, _)| a.cmp(b));
        found.dedup_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, mark)| mark).collect()
    }
}

impl Pattern {
    /// The tokens this pattern covers from `at`, and whether any was a fuzzy match.
    fn at(&self, tokens: &[Token], layers: &[PostingLayer], at: usize) -> Option<(usize, bool)> {
        let same_layer = |i: usize| layers.get(i) == Some(&layers[at]);
        let mut fuzzy = false;
        let whole = self.words.iter().enumerate().all(|(i, word)| {
            let fit = same_layer(at + i).then(|| word.fit(&tokens[at + i].term)).flatten();
            fuzzy |= fit == Some(Fit::Fuzzy);
            fit.is_some()
        });
        if whole && !self.words.is_empty() {
            return Some((self.words.len(), fuzzy));
        }
        let [word] = self.words.as_slice() else { return None };
        let next = tokens.get(at + 1).filter(|_| same_layer(at + 1))?;
        let split = word.splits.iter().any(|(a, b)| *a == tokens[at].term && *b == next.term);
        split.then_some((2, true))
    }
}

#[cfg(test)]
mod tests;
