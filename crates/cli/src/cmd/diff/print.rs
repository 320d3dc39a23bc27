//! What `diff` prints: the rates, the counts per kind and the corrections, as text or as JSON.
//! A comparison read page by page prints a heading and the corrections of each page, and in
//! JSON a `pages` array.

use super::paged::{LeftOut, PageDiff, Paged};
use crate::output::{self, outln};
use readingroom_core::compare::{Comparison, Correction, Counts, Metrics};
use readingroom_core::quality::percent;
use serde::Serialize;

/// Why a rate is missing, for the JSON.
const UNDEFINED: &str = "the corrected text is empty, so the error rates are undefined";

/// A comparison of two texts read whole.
pub fn plain(comparison: &Comparison, json: bool) {
    if json {
        output::json_pretty(&Report {
            metrics: &comparison.metrics,
            counts: comparison.counts,
            corrections: &comparison.corrections,
            note: comparison.metrics.cer.is_none().then_some(UNDEFINED),
        });
        return;
    }
    summary(&comparison.metrics, &comparison.counts);
    for correction in &comparison.corrections {
        outln!("{}", line(correction));
    }
}

/// A comparison page by page; `document` is the id when it is a document of a folder.
pub fn paged(paged: &Paged, document: Option<&str>, json: bool) {
    if json {
        let pages: Vec<PageReport> = paged.pages.iter().map(PageReport::of).collect();
        output::json_pretty(&PagedReport {
            document,
            furniture_left_out: paged.furniture_left_out,
            metrics: &paged.metrics,
            counts: paged.counts,
            pages,
            note: paged.metrics.cer.is_none().then_some(UNDEFINED),
        });
        return;
    }
    if let Some(id) = document {
        outln!("document {id}");
    }
    summary(&paged.metrics, &paged.counts);
    if paged.furniture_left_out {
        outln!(
            "(furniture lines are left out of the OCR, as stats and the app measure a document)"
        );
    } else {
        outln!(
            "(the Markdown read as text, page by page; furniture lines count here, while \
             `diff --document <folder>` leaves them out, as stats and the app do)"
        );
    }
    for page in &paged.pages {
        print_page(page);
    }
}

fn print_page(page: &PageDiff) {
    let m = &page.comparison.metrics;
    outln!();
    outln!(
        "page {}: CER {}, WER {}",
        page.page,
        rate(m.cer, m.char_distance, m.chars, "characters"),
        rate(m.wer, m.word_distance, m.words, "words")
    );
    if !page.left_out.is_empty() {
        let lines: Vec<String> = page.left_out.iter().map(|f| format!("{:?}", f.text)).collect();
        outln!("  furniture left out: {}", lines.join(", "));
    }
    for correction in &page.comparison.corrections {
        outln!("{}", line(correction));
    }
}

/// The JSON of `diff --json` on two texts read whole: the metrics' fields, then the counts, the
/// corrections and a note. It is written as it is serialized, since a long text's corrections
/// as a JSON tree would take many times the memory of the texts.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    metrics: &'a Metrics,
    counts: Counts,
    corrections: &'a [Correction],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
}

/// The JSON of a comparison page by page: the whole's metrics and counts, then each page's.
#[derive(Serialize)]
struct PagedReport<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    furniture_left_out: bool,
    #[serde(flatten)]
    metrics: &'a Metrics,
    counts: Counts,
    pages: Vec<PageReport<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'static str>,
}

/// One page in JSON: its number, metrics, counts, the furniture left out and its corrections
/// (`ocr` in bytes of the page's OCR, `corrected` in bytes of the page's Markdown).
#[derive(Serialize)]
struct PageReport<'a> {
    page: usize,
    #[serde(flatten)]
    metrics: &'a Metrics,
    counts: Counts,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    furniture: &'a [LeftOut],
    corrections: &'a [Correction],
}

impl<'a> PageReport<'a> {
    fn of(page: &'a PageDiff) -> PageReport<'a> {
        PageReport {
            page: page.page,
            metrics: &page.comparison.metrics,
            counts: page.comparison.counts,
            furniture: &page.left_out,
            corrections: &page.comparison.corrections,
        }
    }
}

fn rate(rate: Option<f64>, distance: usize, of: usize, unit: &str) -> String {
    match rate {
        Some(rate) => format!("{} ({distance} of {of} {unit})", percent(rate)),
        None => format!("undefined (the corrected text has no {unit})"),
    }
}

fn summary(m: &Metrics, c: &Counts) {
    outln!("CER: {}", rate(m.cer, m.char_distance, m.chars, "characters"));
    outln!("WER: {}", rate(m.wer, m.word_distance, m.words, "words"));
    if !m.exact {
        outln!(
            "(the distances are an alignment's upper bound: the texts are too long and too far apart for the exact one)"
        );
    }
    outln!(
        "corrections: {} substitutions ({} known OCR confusions), {} insertions, {} deletions, \
         {} words joined, {} words split; {} furniture, {} layout",
        c.substitutions,
        c.confusions,
        c.insertions,
        c.deletions,
        c.words_joined,
        c.words_split,
        c.furniture,
        c.layout
    );
}

fn line(c: &Correction) -> String {
    let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_owned));
    let confusion = c.confusion.map(|k| format!(", {}", k.label())).unwrap_or_default();
    format!(
        "  {:>7}  {:?} -> {:?}  ({}{confusion})",
        c.ocr.start,
        c.ocr_text,
        c.corrected_text,
        kind.unwrap_or_default()
    )
}
