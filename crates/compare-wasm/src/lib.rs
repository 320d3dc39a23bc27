//! The comparison of OCR with its correction, in the browser.
//!
//! The alignment, the error rates and the corrections are core's
//! ([`readingroom_core::compare`]); this crate is only their `#[wasm_bindgen]` edge. It is a
//! module of its own, as the search engine is, so that the app loads it only where a page
//! compares texts (the reader's compare view), and the benchmarks can time the alignment in
//! the browser. Answers are JSON in the shape of core's types.

use readingroom_core::compare;
use wasm_bindgen::prelude::*;

/// Compares an OCR text with its correction: the JSON of a [`compare::Comparison`] (error
/// rates, the corrections and their counts per kind).
#[wasm_bindgen]
pub fn compare(ocr: &str, corrected: &str) -> String {
    to_json(&compare::compare(ocr, corrected, &[]))
}

/// The error rates alone, without the corrections: the JSON of a [`compare::Metrics`].
#[wasm_bindgen]
pub fn metrics(ocr: &str, corrected: &str) -> String {
    to_json(&compare::metrics(ocr, corrected))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"damaged\":\"{e}\"}}"))
}
