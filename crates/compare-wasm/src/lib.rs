//! The comparison of OCR with its correction, in the browser.
//!
//! The alignment, the error rates and the corrections are core's
//! ([`readingroom_core::compare`]); this crate is only their `#[wasm_bindgen]` edge. It is a
//! module of its own, as the search engine is, so that the app loads it only where a page
//! compares texts (the reader's compare view), and the benchmarks can time the alignment in
//! the browser.
//!
//! The reader's compare view asks through one entry point, [`view`], and reads one reply type,
//! [`Reply`], defined in core. [`compare`] and [`metrics`] are the benchmarks' (`tests/bench/`),
//! answering in the shape of core's [`compare::Comparison`] and [`compare::Metrics`].

use readingroom_core::compare;
use readingroom_core::compare::view::{Reply, answer_json};
use wasm_bindgen::prelude::*;

/// Answers the compare view's request (the JSON of a `compare::view::Request`) about the
/// document whose data file (`docs/<id>.<hash>.json`, as served and checked) is `document`:
/// the JSON of a [`Reply`], a failure included.
#[wasm_bindgen]
pub fn view(document: &[u8], request: &str) -> String {
    reply_json(&answer_json(document, request))
}

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

/// A reply as JSON; one that cannot be written (no reply type can fail to) becomes a failure.
fn reply_json(reply: &Reply) -> String {
    serde_json::to_string(reply).unwrap_or_else(|e| {
        let failed = Reply::Failed(format!("The reply cannot be written ({e})."));
        serde_json::to_string(&failed).unwrap_or_default()
    })
}

/// The benchmarks' answers; they cannot fail to serialize, and an empty answer says they did.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
