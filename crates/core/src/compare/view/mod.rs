//! The reader's compare view, computed: one page of a document's OCR set beside the text it is
//! compared with, block by block, with its corrections and rates; and the rates of every page.
//!
//! A document's OCR is compared with its corrected transcription, or with another OCR run of
//! the same scans ([`Against`]). The view asks one question at a time ([`Request`]) and gets
//! one answer ([`Reply`]), both serde types defined here once: the compare module
//! (`crates/compare-wasm`) answers with [`answer_json`], and the app reads the reply.
//!
//! Against a transcription, a page is compared as its figures in the catalog are
//! ([`crate::quality`]): the OCR's furniture lines are blanked out first, since the curator
//! leaves them out on purpose. Every byte offset still holds, and the furniture lines the
//! alignment passes over are named [`Kind::Furniture`] corrections, never errors. The
//! transcription is read as [`Node::search_text_spans`] gives it, and the corrections' and
//! blocks' ranges point into that text ([`PageComparison::text`]), which the view shows.
//! Against another run, both texts are OCR, furniture included, and compared as they are.

mod blocks;
pub mod figures;
#[cfg(test)]
mod tests;
pub mod wording;

pub use blocks::{Block, BlockStyle};

use super::corrections::{self, Correction, Counts, Kind};
use super::markdown::SourceMap;
use super::text::{Interner, prepare};
use super::{Metrics, align_chars, rates};
use crate::bundle::DocumentData;
use crate::quality;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a page's OCR is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Against {
    /// The corrected transcription.
    Transcription,
    /// A further OCR run of the scans: 1 is the first of `DocumentData::alternates`.
    Run(usize),
}

/// One question of the compare view about a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub against: Against,
    /// The page to compare (1-based); `None` asks for the figures of every page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Page(Box<PageComparison>),
    Figures(DocumentFigures),
    /// The request could not be answered: the sentence to show the reader.
    Failed(String),
}

/// One page compared. Its shape is lean on purpose: the app, which every reader downloads,
/// decodes it, and each field and type costs it code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageComparison {
    /// The page, 1-based.
    pub page: usize,
    pub metrics: Metrics,
    pub counts: Counts,
    /// The reading errors in words ([`wording::summary`]).
    pub summary: String,
    /// The changes that are not errors, in words ([`wording::not_errors`]); may be empty.
    pub not_errors: String,
    /// Every correction, in order: what [`compare`](super::compare) finds, with its place in
    /// both texts and a sentence saying what it is.
    pub corrections: Vec<Change>,
    /// The text the OCR was compared with, as it was read: the transcription's search text, or
    /// the other run's page.
    pub text: String,
    /// The page in rows: each block of `text` beside the OCR it was aligned with. Both sides'
    /// ranges tile their texts, and every correction lies within one row on both sides.
    pub blocks: Vec<Block>,
}

/// One correction of a compared page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub kind: Kind,
    /// Bytes of the page's OCR, without whitespace at either end.
    pub ocr: Range<usize>,
    /// Bytes of [`PageComparison::text`], without whitespace at either end.
    pub text: Range<usize>,
    /// The row of [`PageComparison::blocks`] that holds it on both sides (for layout and
    /// furniture, which rows may part, the first that holds its start).
    pub row: usize,
    /// What it is, in a sentence without its full stop ([`wording::note`]).
    pub note: String,
}

/// The rates of every page of a document, in page order (as JSON, the list alone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentFigures {
    pub pages: Vec<Metrics>,
}

/// Answers `request` (JSON) about the document whose data file holds `document`: the compare
/// module's one entry point, all of it here so that native tests cover it.
pub fn answer_json(document: &[u8], request: &str) -> Reply {
    let request = match serde_json::from_str::<Request>(request) {
        Ok(request) => request,
        Err(e) => return failed(format!("The compare module cannot read the request ({e}).")),
    };
    match serde_json::from_slice::<DocumentData>(document) {
        Ok(data) => answer(&data, &request),
        Err(e) => failed(format!("The document's data cannot be read ({e}).")),
    }
}

/// Answers `request` about `data`.
pub fn answer(data: &DocumentData, request: &Request) -> Reply {
    let answered = match request.page {
        Some(page) => compare_page(data, request.against, page).map(|p| Reply::Page(Box::new(p))),
        None => figures(data, request.against).map(Reply::Figures),
    };
    answered.unwrap_or_else(Reply::Failed)
}

fn failed(message: String) -> Reply {
    Reply::Failed(message)
}

/// The rates of every page against `against`.
pub fn figures(data: &DocumentData, against: Against) -> Result<DocumentFigures, String> {
    let pages = (0..data.pages.len())
        .map(|index| {
            let pair = Pair::of(data, against, index)?;
            Ok(figures::rates(&pair.compared, &pair.text))
        })
        .collect::<Result<_, String>>()?;
    Ok(DocumentFigures { pages })
}

/// Page `page` (1-based) against `against`: its rates, its corrections and its rows.
pub fn compare_page(
    data: &DocumentData,
    against: Against,
    page: usize,
) -> Result<PageComparison, String> {
    let index = page.checked_sub(1).filter(|&i| i < data.pages.len()).ok_or_else(|| {
        format!("This document has {} pages, and there is no page {page}.", data.pages.len())
    })?;
    let pair = Pair::of(data, against, index)?;
    let ocr = &data.pages[index].ocr;
    let mut interner = Interner::default();
    let (a, b) = (prepare(&pair.compared, &mut interner), prepare(&pair.text, &mut interner));
    let ops = align_chars(&a, &b);
    let metrics = rates(&a, &b, &ops);
    let texts = (pair.compared.as_str(), pair.text.as_str());
    let mut corrections = corrections::corrections(texts, (&a, &b), &ops, &pair.furniture);
    name_blanked_furniture(ocr, &pair.compared, &mut corrections);
    let mut blocks = blocks::rows(texts, (&a, &b), &ops, &corrections);
    if let Some(map) = &pair.map {
        blocks::style(&mut blocks, &pair.text, data.pages[index].corrected.as_ref(), map);
    }
    let counts = Counts::of(&corrections);
    let changes = corrections
        .iter()
        .map(|c| Change {
            kind: c.kind,
            ocr: trimmed(ocr, c.ocr.clone()),
            text: trimmed(&pair.text, c.corrected.clone()),
            row: blocks::row_of(&blocks, c),
            note: wording::note(c, against),
        })
        .collect();
    Ok(PageComparison {
        page,
        metrics,
        summary: wording::summary(&counts, &corrections),
        not_errors: wording::not_errors(&counts),
        counts,
        corrections: changes,
        text: pair.text,
        blocks,
    })
}

/// `range` of `text` without the whitespace at its ends (a correction may take in the line
/// break before a word, which the view need not mark); empty at its start when it is all
/// whitespace.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(range.clone()) else { return range };
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = (range.end - (slice.len() - slice.trim_end().len())).max(start);
    start..end
}

/// One page's two texts as they are compared.
struct Pair {
    /// The OCR as compared: with its furniture blanked out against a transcription.
    compared: String,
    furniture: Vec<Range<usize>>,
    /// The text compared with.
    text: String,
    /// From `text` to the transcription's Markdown source, against a transcription.
    map: Option<SourceMap>,
}

impl Pair {
    fn of(data: &DocumentData, against: Against, index: usize) -> Result<Pair, String> {
        let page = &data.pages[index];
        let furniture: Vec<Range<usize>> = page.furniture.iter().map(|f| f.start..f.end).collect();
        match against {
            Against::Transcription => {
                let tree = page.corrected.as_ref().ok_or_else(|| {
                    "This document has no corrected transcription to compare with.".to_owned()
                })?;
                let (text, spans) = tree.search_text_spans();
                let compared = quality::ocr_without_furniture(page);
                Ok(Pair { compared, furniture, text, map: Some(SourceMap::new(spans)) })
            }
            Against::Run(run) => {
                let other =
                    run.checked_sub(1).and_then(|i| data.alternates.get(i)).ok_or_else(|| {
                        format!("This document has no OCR run {run} to compare with.")
                    })?;
                let text = other.pages.get(index).cloned().unwrap_or_default();
                Ok(Pair { compared: page.ocr.clone(), furniture, text, map: None })
            }
        }
    }
}

/// Gives every correction the OCR's own text where furniture was blanked out of it, and names
/// furniture the layout corrections that a blanked line is all the difference of.
fn name_blanked_furniture(ocr: &str, compared: &str, corrections: &mut [Correction]) {
    for correction in corrections.iter_mut() {
        let range = correction.ocr.clone();
        let (Some(original), Some(read)) = (ocr.get(range.clone()), compared.get(range)) else {
            continue;
        };
        if original != read {
            if correction.kind == Kind::Layout {
                correction.kind = Kind::Furniture;
            }
            original.clone_into(&mut correction.ocr_text);
        }
    }
}
