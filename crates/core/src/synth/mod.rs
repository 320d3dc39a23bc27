//! Synthetic collections for benchmarks: any number of report-like documents, each with a
//! corrected transcription and an OCR text damaged at a chosen character error rate, in the
//! documents-folder format (`meta.toml`, `ocr.txt`, `corrected.md`).
//!
//! Everything comes from the options and the document's index through a seeded generator of
//! our own ([`Rng`]), so the same options give byte-identical documents on every platform, and
//! document i does not depend on any other: the CLI generates them in any order, in parallel.
//! The clean text and the damage have separate streams, so two collections that differ only in
//! `cer` hold the same corrected text.
//!
//! - [`words`]: English word frequencies from human-corrected text, sampled by count;
//! - [`text`]: sentences, paragraphs, numbers, dates and line wrapping;
//! - [`report`]: metadata, the report form and the page furniture;
//! - [`noise`]: the OCR noise model.

pub mod noise;
pub mod report;
pub mod rng;
pub mod text;
pub mod words;

pub use noise::noise;
pub use rng::Rng;

use std::fmt::Write;

/// The highest character error rate the generator is meant for: beyond it, text is noise.
pub const MAX_CER: f64 = 0.5;
/// The most pages a document may have: page numbers have at most three digits.
pub const MAX_PAGES: u32 = 999;
/// The OCR side's line width, in characters.
pub const LINE_WIDTH: usize = 72;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    /// How many documents the collection has (for the width of the ids).
    pub docs: usize,
    /// Pages in every document, 1 to [`MAX_PAGES`].
    pub pages_per_doc: u32,
    /// Words of running text on every page (the first page also has the report form).
    pub words_per_page: usize,
    /// Character error rate of the OCR, 0 to [`MAX_CER`]: 0.02 is two errors in 100 characters.
    pub cer: f64,
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> SynthOptions {
        SynthOptions { docs: 1, pages_per_doc: 7, words_per_page: 250, cer: 0.02, seed: 0 }
    }
}

/// One generated document: the three files of its folder, named by `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthDocument {
    pub id: String,
    pub meta_toml: String,
    pub ocr: String,
    pub corrected: String,
}

/// Random streams of a document: its text (and metadata), and its OCR damage.
const TEXT_STREAM: u64 = 1;
const NOISE_STREAM: u64 = 2;

/// Document `index` (0-based) of the collection `opts` describes.
pub fn document(opts: &SynthOptions, index: usize) -> SynthDocument {
    let mut rng = Rng::derive(opts.seed, index as u64, TEXT_STREAM);
    let mut damage = Rng::derive(opts.seed, index as u64, NOISE_STREAM);
    let opts = &SynthOptions {
        pages_per_doc: opts.pages_per_doc.clamp(1, MAX_PAGES),
        words_per_page: opts.words_per_page.max(1),
        cer: opts.cer.clamp(0.0, MAX_CER),
        ..opts.clone()
    };
    let report = report::report(opts, index, &mut rng);
    let stamp = report.meta.classification.clone().unwrap_or_default();
    let mut ocr = String::new();
    let mut corrected = String::new();
    for page in 1..=opts.pages_per_doc as usize {
        let mut typed = format!("{stamp}\n\n");
        let _ = write!(corrected, "<!-- page {page} -->\n\n");
        if page == 1 {
            let (form, transcribed) = report::form(&report);
            typed.push_str(&form);
            corrected.push_str(&transcribed);
        }
        for paragraph in text::body(opts.words_per_page, &mut rng) {
            text::wrap(&paragraph, LINE_WIDTH, &mut typed);
            typed.push('\n');
            corrected.push_str(&paragraph);
            corrected.push_str("\n\n");
        }
        if page > 1 {
            typed.push_str(&report::page_number(page, LINE_WIDTH));
            typed.push_str("\n\n");
        }
        typed.push_str(&stamp);
        typed.push('\n');
        if page > 1 {
            ocr.push(crate::pages::PAGE_BREAK);
        }
        ocr.push_str(&noise(&typed, opts.cer, &mut damage));
    }
    corrected.truncate(corrected.trim_end().len());
    corrected.push('\n');
    let meta_toml = report.meta.to_toml();
    SynthDocument { id: report.meta.id, meta_toml, ocr, corrected }
}

#[cfg(test)]
mod tests;
