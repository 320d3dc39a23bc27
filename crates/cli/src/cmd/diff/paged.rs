//! The comparison against a correction written in Markdown, page by page, as `build` and
//! `stats` read `corrected.md`: the Markdown is split at its `<!-- page k -->` markers into the
//! OCR's pages ([`bundle::document_data`]), each page is parsed, and its text (markup and
//! markers are not text) is compared with that page's OCR. The whole's figures are the pages'
//! combined ([`Metrics::combine`]), as a document's are.
//!
//! Two files given by the curator keep their furniture in the OCR, since nothing says they are
//! a document of the collection; a document's figures leave it out ([`quality::compare_page`]).

use readingroom_core::bundle::{self, DocumentData, Page};
use readingroom_core::check::markers;
use readingroom_core::compare::{Comparison, Counts, Metrics, compare_markdown};
use readingroom_core::furniture::{self, FurnitureKind};
use readingroom_core::source::SourceDocument;
use readingroom_core::{corrected, markdown, pages, quality};
use serde::Serialize;

/// A comparison page by page, and its whole.
#[derive(Debug)]
pub struct Paged {
    pub metrics: Metrics,
    pub counts: Counts,
    pub pages: Vec<PageDiff>,
    /// Whether furniture lines were left out of the OCR, as a document's figures leave them.
    pub furniture_left_out: bool,
}

/// One page's comparison. The corrections' `ocr` ranges are bytes of the page's OCR, their
/// `corrected` ranges bytes of the page's Markdown (after its marker).
#[derive(Debug)]
pub struct PageDiff {
    /// 1-based.
    pub page: usize,
    pub comparison: Comparison,
    /// The furniture lines left out of the page's OCR (none when furniture is kept).
    pub left_out: Vec<LeftOut>,
}

/// A furniture line left out of the OCR: its kind, its bytes in the page's OCR, its text.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub kind: FurnitureKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Two files: the OCR against a Markdown correction at `path`, furniture kept. The page
/// markers must fit the OCR's pages (the rules `check` applies to `corrected.md`); a
/// correction without markers is one page, compared with the whole OCR.
pub fn of_files(ocr: &str, markdown: &str, path: &str) -> anyhow::Result<Paged> {
    let problems = markers::check(path, markdown, pages::count(ocr));
    for problem in &problems {
        eprintln!("{problem}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors > 0 {
        anyhow::bail!(
            "{path}'s page markers do not fit the OCR's pages ({errors} error{} above): fix \
             them, or compare the two texts whole with --plain",
            crate::cmd::check::plural(errors)
        );
    }
    let pages = pages_of(ocr, markdown);
    let diffs = pages.iter().enumerate().filter_map(|(i, page)| {
        let tree = page.corrected.as_ref()?;
        let furniture: Vec<_> = page.furniture.iter().map(|f| f.start..f.end).collect();
        let comparison = compare_markdown(&page.ocr, &furniture, tree);
        Some(PageDiff { page: i + 1, comparison, left_out: Vec::new() })
    });
    Ok(combine(diffs.collect(), false))
}

/// The pages as `build` makes them; without markers, the whole OCR as one page.
fn pages_of(ocr: &str, markdown: &str) -> Vec<Page> {
    if corrected::markers(markdown).is_empty() {
        // Split as build splits, a correction without markers would all be page 1's, and
        // every later page's OCR a deletion.
        let corrected = Some(markdown::parse(markdown));
        return vec![Page { ocr: ocr.to_owned(), furniture: furniture::detect(ocr), corrected }];
    }
    let document = SourceDocument {
        ocr: ocr.to_owned(),
        corrected: Some(markdown.to_owned()),
        ..SourceDocument::default()
    };
    bundle::document_data(&document).pages
}

/// A document's pages, with the figures `stats` and the app give it.
pub fn of_document(data: &DocumentData) -> Paged {
    let diffs = data.pages.iter().enumerate().filter_map(|(i, page)| {
        let comparison = quality::compare_page(page)?;
        Some(PageDiff { page: i + 1, comparison, left_out: left_out(page) })
    });
    combine(diffs.collect(), true)
}

fn left_out(page: &Page) -> Vec<LeftOut> {
    let text = |f: &furniture::Furniture| page.ocr.get(f.start..f.end).unwrap_or_default();
    page.furniture
        .iter()
        .map(|f| LeftOut { kind: f.kind, start: f.start, end: f.end, text: text(f).to_owned() })
        .collect()
}

fn combine(pages: Vec<PageDiff>, furniture_left_out: bool) -> Paged {
    let parts: Vec<Metrics> = pages.iter().map(|p| p.comparison.metrics.clone()).collect();
    let mut counts = Counts::default();
    for page in &pages {
        counts += page.comparison.counts;
    }
    Paged { metrics: Metrics::combine(&parts), counts, pages, furniture_left_out }
}
