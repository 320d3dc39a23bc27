//! `readingroom check`: every problem in a documents folder, not just the first.
//!
//! The CLI reads each document folder's files as bytes and hands them here; this module decides
//! what is wrong and says where, as [`Diagnostic`]s. A folder that has no errors also yields its
//! [`SourceDocument`], so `readingroom build` checks and parses in one pass.
//!
//! The checks, by file:
//! - every file: it is UTF-8 text (not binary, not another encoding) and no line passes 1 MB;
//! - `meta.toml`: valid TOML, known fields of the right types, readable dates, an id that is a
//!   slug and names its folder ([`meta_fields`]);
//! - `ocr.txt`: present and not empty; the stated page count matches the OCR's;
//! - `corrected.md`: page markers in order and within the OCR's page count ([`markers`]), and
//!   a warning for raw HTML, which readers see as text ([`raw_html`]);
//! - the collection: no id used twice ([`duplicate_ids`]).

pub mod dates;
pub mod markers;
pub mod meta_fields;
pub mod raw_html;
pub mod text;

use crate::diagnostic::{Diagnostic, Position};
use crate::meta::Meta;
use crate::pages;
use crate::source::{self, SourceDocument};
use std::collections::BTreeMap;

/// The files of one document folder, as bytes; `None` where a file does not exist.
#[derive(Debug, Clone, Default)]
pub struct FolderFiles<'a> {
    /// The folder as the curator names it, e.g. `documents/cia-report`.
    pub folder: &'a str,
    /// The folder's own name, which the id must equal.
    pub name: &'a str,
    pub meta: Option<&'a [u8]>,
    pub ocr: Option<&'a [u8]>,
    pub corrected: Option<&'a [u8]>,
    /// Other files the metadata refers to (alternate OCR runs), by file name.
    pub others: BTreeMap<String, &'a [u8]>,
}

/// The outcome of checking one folder.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The id `meta.toml` gives, even when the folder has errors (for the duplicate check).
    pub id: Option<String>,
    /// The parsed document, when the folder has no errors.
    pub document: Option<SourceDocument>,
    pub problems: Vec<Diagnostic>,
}

/// Checks one document folder.
pub fn check_folder(files: &FolderFiles<'_>) -> Checked {
    let mut problems = Vec::new();
    let path = |file: &str| format!("{}/{file}", files.folder);
    let meta_text = required(&path(source::META_FILE), files.meta, &mut problems);
    let id = meta_text.and_then(meta_fields::written_id);
    let meta = meta_text.and_then(|text| {
        meta_fields::validate(&path(source::META_FILE), text, files.name, &mut problems)
    });
    let ocr = required(&path(source::OCR_FILE), files.ocr, &mut problems);
    if let Some(ocr) = ocr {
        check_ocr(&path(source::OCR_FILE), ocr, meta.as_ref(), &mut problems);
    }
    let corrected = files
        .corrected
        .and_then(|bytes| text::text_file(&path(source::CORRECTED_FILE), bytes, &mut problems));
    if let (Some(md), Some(ocr)) = (corrected, ocr) {
        let count = pages::split(ocr).len();
        problems.extend(markers::check(&path(source::CORRECTED_FILE), md, count));
        problems.extend(raw_html::check(&path(source::CORRECTED_FILE), md));
    }
    let alternates = meta.as_ref().map_or_else(Vec::new, |meta| {
        read_alternates(files, meta, &path(source::META_FILE), &mut problems)
    });
    let document = match (meta, ocr) {
        (Some(meta), Some(ocr)) if !problems.iter().any(Diagnostic::is_error) => {
            Some(SourceDocument {
                meta,
                ocr: ocr.to_owned(),
                corrected: corrected.map(str::to_owned),
                alternates,
            })
        }
        _ => None,
    };
    Checked { id, document, problems }
}

/// A required file: missing is an error; otherwise it must be text.
fn required<'a>(
    path: &str,
    bytes: Option<&'a [u8]>,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    let Some(bytes) = bytes else {
        problems.push(Diagnostic::error(
            path,
            Position::START,
            "This file is missing; every document needs it.",
        ));
        return None;
    };
    text::text_file(path, bytes, problems)
}

fn check_ocr(path: &str, ocr: &str, meta: Option<&Meta>, problems: &mut Vec<Diagnostic>) {
    if ocr.trim().is_empty() {
        let message = "The OCR text is empty: a document needs text to show. Import its OCR again.";
        problems.push(Diagnostic::error(path, Position::START, message));
        return;
    }
    let count = pages::split(ocr).len();
    if let Some(stated) = meta.and_then(|m| m.pages)
        && stated as usize != count
    {
        let message = format!(
            "meta.toml says the document has {stated} page{} but the OCR has {count}: its pages \
             may run together without form feeds, or the form counts another part of the record.",
            if stated == 1 { "" } else { "s" }
        );
        problems.push(Diagnostic::warning(path, Position::START, message));
    }
}

fn read_alternates(
    files: &FolderFiles<'_>,
    meta: &Meta,
    meta_path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for run in &meta.alternate_ocr {
        let path = format!("{}/{}", files.folder, run.file);
        match files.others.get(&run.file) {
            Some(bytes) => {
                if let Some(text) = text::text_file(&path, bytes, problems) {
                    found.push((run.file.clone(), text.to_owned()));
                }
            }
            None => problems.push(Diagnostic::error(
                meta_path,
                Position::START,
                format!("alternate_ocr names \"{}\", which is not in the folder.", run.file),
            )),
        }
    }
    found
}

/// Errors for ids used by more than one folder; `ids` pairs each id with its meta.toml path.
pub fn duplicate_ids<'a>(ids: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (id, path) in ids {
        if let Some(earlier) = first.get(id) {
            let message =
                format!("The id \"{id}\" is already used by {earlier}; ids must be unique.");
            problems.push(Diagnostic::error(path, Position::START, message));
        } else {
            first.insert(id, path);
        }
    }
    problems
}
