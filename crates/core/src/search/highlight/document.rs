//! Marking a whole document: every page, in the OCR, the transcription and the further OCR
//! runs, tokenized once so that each new query only walks the tokens.
//!
//! The reader never marks page furniture, so the OCR's furniture tokens stay in the token list
//! (a phrase may not run into them, and positions count them, as in the index) but their marks
//! are dropped. Where a page has both an OCR text and a transcription, each mark says whether
//! its term is found in both: the k-th mark of a term in one layer is paired with the k-th mark
//! of that term in the other, and a mark with no partner is in one layer only.

use super::{Mark, Matcher};
use crate::bundle::{DocumentData, Page};
use crate::furniture::Furniture;
use crate::search::format::PostingLayer;
use crate::search::normalize::{FoldTable, Token, tokenize_with};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The tokens of one page of a document in each of its texts.
#[derive(Debug, Clone, Default)]
struct PageTokens {
    ocr: Vec<Token>,
    ocr_layers: Vec<PostingLayer>,
    corrected: Option<Vec<Token>>,
    runs: Vec<Vec<Token>>,
}

/// A document tokenized as the index tokenizes it.
#[derive(Debug, Clone, Default)]
pub struct DocumentTokens {
    pages: Vec<PageTokens>,
}

/// Whether a mark's term is found on its page in the other layer too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Both,
    OcrOnly,
    CorrectedOnly,
}

/// A page's marks in each of its texts, in text order, furniture left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageMarks {
    pub ocr: Vec<Mark>,
    pub corrected: Vec<Mark>,
    /// One list per further OCR run, in the document's order of runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<Vec<Mark>>,
    /// The presence of each mark of `ocr`, then of `corrected`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presence: Vec<Presence>,
}

/// What a query marks in a whole document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMarks {
    /// The query's expressions as written; each mark's `term` indexes this.
    pub terms: Vec<String>,
    pub pages: Vec<PageMarks>,
}

impl DocumentTokens {
    /// The document's tokens, folded from `fold` (the index's table) when given.
    pub fn new(data: &DocumentData, fold: Option<&FoldTable>) -> DocumentTokens {
        let tokenize = |text: &str| tokenize_with(text, fold);
        let pages = data
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| PageTokens {
                ocr: tokenize(&page.ocr),
                ocr_layers: Vec::new(),
                corrected: page.corrected.as_ref().map(|tree| tokenize(&tree.search_text())),
                runs: data
                    .alternates
                    .iter()
                    .map(|run| tokenize(run.pages.get(i).map_or("", String::as_str)))
                    .collect(),
            })
            .zip(&data.pages)
            .map(|(mut tokens, page)| {
                tokens.ocr_layers = ocr_layers(&tokens.ocr, page);
                tokens
            })
            .collect();
        DocumentTokens { pages }
    }

    /// The marks of `matcher` on every page.
    pub fn marks(&self, matcher: &Matcher) -> DocumentMarks {
        let pages = self.pages.iter().map(|page| page.marks(matcher)).collect();
        DocumentMarks { terms: matcher.terms.clone(), pages }
    }
}

impl PageTokens {
    fn marks(&self, matcher: &Matcher) -> PageMarks {
        let ocr: Vec<Mark> = matcher
            .marks(&self.ocr, |i| self.ocr_layers[i])
            .into_iter()
            .filter(|m| m.layer != PostingLayer::Furniture)
            .collect();
        let corrected = self
            .corrected
            .as_ref()
            .map(|tokens| matcher.marks(tokens, |_| PostingLayer::Corrected))
            .unwrap_or_default();
        let runs = self
            .runs
            .iter()
            .map(|tokens| {
                if matcher.marks_layer(PostingLayer::Ocr) {
                    matcher.marks(tokens, |_| PostingLayer::Ocr)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let presence = match self.corrected {
            Some(_) => presence(&ocr, &corrected),
            None => Vec::new(),
        };
        PageMarks { ocr, corrected, runs, presence }
    }
}

/// The layer of each OCR token: furniture where it starts inside a furniture range.
fn ocr_layers(tokens: &[Token], page: &Page) -> Vec<PostingLayer> {
    tokens
        .iter()
        .map(|t| {
            if in_furniture(&page.furniture, t.start) {
                PostingLayer::Furniture
            } else {
                PostingLayer::Ocr
            }
        })
        .collect()
}

fn in_furniture(furniture: &[Furniture], at: usize) -> bool {
    furniture.iter().any(|f| f.start <= at && at < f.end)
}

/// Pairs the k-th mark of each term in one layer with the k-th in the other.
fn presence(ocr: &[Mark], corrected: &[Mark]) -> Vec<Presence> {
    let side = |marks: &[Mark], other: &[Mark], alone: Presence| {
        let mut left: HashMap<usize, usize> = HashMap::new();
        for m in other {
            *left.entry(m.term).or_default() += 1;
        }
        marks
            .iter()
            .map(|m| match left.get_mut(&m.term) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    Presence::Both
                }
                _ => alone,
            })
            .collect::<Vec<_>>()
    };
    let mut out = side(ocr, corrected, Presence::OcrOnly);
    out.extend(side(corrected, ocr, Presence::CorrectedOnly));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(term: usize) -> Mark {
        Mark { start: 0, end: 1, term, fuzzy: false, layer: PostingLayer::Ocr }
    }

    #[test]
    fn marks_pair_by_term_and_order() {
        let ocr = [mark(0), mark(0), mark(1)];
        let corrected = [mark(0), mark(2)];
        assert_eq!(
            presence(&ocr, &corrected),
            [
                Presence::Both,
                Presence::OcrOnly,
                Presence::OcrOnly,
                Presence::Both,
                Presence::CorrectedOnly
            ]
        );
    }
}
