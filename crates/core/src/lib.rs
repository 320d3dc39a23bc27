//! readingroom-core: everything Reading Room knows about documents, with no I/O.
//!
//! The crate takes text and bytes and returns values. The `readingroom` CLI reads folders and
//! writes files around it; the Yew app fetches the served bundle and renders what it computes.
//! Nothing here touches a file system, a terminal or a browser API, so plain `cargo test`
//! covers all of it, and the same code runs natively and in WebAssembly.
//!
//! The modules follow the life of a document:
//! - [`meta`] is the curator's `meta.toml`, parsed with positions for every error;
//! - [`pages`] splits `ocr.txt` into pages at form feeds;
//! - [`source`] is one document in source form (metadata, OCR, optional correction);
//! - [`bundle`] is the served form that `readingroom build` writes and the app reads, defined
//!   once here so both sides agree by construction;
//! - [`decode`] reads the bundle's JSON and the engine's replies with little code, for the app;
//! - [`diagnostic`] is how every problem is reported: file, line, column and a sentence;
//! - [`compare`] sets the OCR against its correction: character and word error rates that
//!   agree with dinglehopper, the alignment, and the list of corrections;
//! - [`meta::FIELDS`] is the one table of metadata fields, and [`cite`] cites a document in
//!   Chicago, BibTeX, RIS and CSL-JSON;
//! - [`labelled`] is text with labelled byte ranges (highlights, furniture, marks), cut into
//!   the segments every renderer shows;
//! - [`synth`] makes synthetic collections for benchmarks (only the CLI calls it).

pub mod bundle;
pub mod calendar;
pub mod check;
pub mod cite;
pub mod compare;
pub mod corrected;
pub mod decode;
pub mod diagnostic;
pub mod distance;
pub mod extract;
pub mod furniture;
pub mod import;
pub mod labelled;
pub mod limits;
pub mod markdown;
pub mod meta;
pub mod pages;
pub mod quality;
pub mod search;
pub mod source;
pub mod synth;
