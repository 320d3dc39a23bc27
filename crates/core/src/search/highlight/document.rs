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

/// How many marks one text of a page has: in all, through an OCR variant, and (where the page
/// has an OCR text and a transcription) found in both texts or in this one only. On the wire
/// it is four numbers, as a page has a tally for each text and a document hundreds of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "[usize; 4]", into = "[usize; 4]")]
pub struct Tally {
    pub marks: usize,
    pub fuzzy: usize,
    pub both: usize,
    pub alone: usize,
}

/// The tallies of one page, one for each of its texts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageTally {
    pub ocr: Tally,
    pub corrected: Tally,
    /// One per further OCR run, in the document's order of runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<Tally>,
}

/// What the reader is sent for a query: the marks of the one page it shows, and every page's
/// tallies, which number the hits through the document and let "next" cross pages. Sending
/// every page's marks would make each keystroke pay for the document's length.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkedPage {
    /// The query's expressions as written; each mark's `term` indexes this.
    pub terms: Vec<String>,
    /// The page the marks are on, from 1; a page the document does not have has none.
    pub page: usize,
    pub marks: PageMarks,
    pub tallies: Vec<PageTally>,
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

impl DocumentMarks {
    /// The marks of page `page` (from 1) and the tallies of every page.
    pub fn page(mut self, page: usize) -> MarkedPage {
        let tallies = self.pages.iter().map(PageMarks::tally).collect();
        let marks = page
            .checked_sub(1)
            .and_then(|i| self.pages.get_mut(i))
            .map(std::mem::take)
            .unwrap_or_default();
        MarkedPage { terms: self.terms, page, marks, tallies }
    }
}

impl PageMarks {
    /// How many marks each text of the page has, and of what kind.
    pub fn tally(&self) -> PageTally {
        let (ocr_presence, corrected_presence) =
            self.presence.split_at(self.ocr.len().min(self.presence.len()));
        PageTally {
            ocr: tally(&self.ocr, ocr_presence),
            corrected: tally(&self.corrected, corrected_presence),
            runs: self.runs.iter().map(|marks| tally(marks, &[])).collect(),
        }
    }
}

fn tally(marks: &[Mark], presence: &[Presence]) -> Tally {
    let both = presence.iter().filter(|p| **p == Presence::Both).count();
    Tally {
        marks: marks.len(),
        fuzzy: marks.iter().filter(|m| m.fuzzy).count(),
        both,
        alone: presence.len() - both,
    }
}

impl From<[usize; 4]> for Tally {
    fn from([marks, fuzzy, both, alone]: [usize; 4]) -> Tally {
        Tally { marks, fuzzy, both, alone }
    }
}

impl From<Tally> for [usize; 4] {
    fn from(t: Tally) -> [usize; 4] {
        [t.marks, t.fuzzy, t.both, t.alone]
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
    fn a_page_is_sent_with_every_pages_tallies() {
        let fuzzy = Mark { fuzzy: true, ..mark(1) };
        let first = PageMarks {
            ocr: vec![mark(0), fuzzy],
            corrected: vec![mark(0)],
            runs: vec![vec![mark(0)]],
            presence: vec![Presence::Both, Presence::OcrOnly, Presence::Both],
        };
        let second = PageMarks { ocr: vec![mark(0)], ..PageMarks::default() };
        let document = DocumentMarks {
            terms: vec!["a".into(), "b".into()],
            pages: vec![first.clone(), second],
        };
        let sent = document.clone().page(1);
        assert_eq!(sent.marks, first);
        assert_eq!(
            sent.tallies,
            [
                PageTally {
                    ocr: Tally { marks: 2, fuzzy: 1, both: 1, alone: 1 },
                    corrected: Tally { marks: 1, fuzzy: 0, both: 1, alone: 0 },
                    runs: vec![Tally { marks: 1, ..Tally::default() }],
                },
                PageTally { ocr: Tally { marks: 1, ..Tally::default() }, ..PageTally::default() },
            ]
        );
        let beyond = document.page(3);
        assert_eq!((beyond.marks, beyond.tallies.len()), (PageMarks::default(), 2));
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
