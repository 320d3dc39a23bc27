//! `readingroom check`: every problem in a documents folder, not just the first.
//!
//! The CLI reads each document folder's files as bytes and hands them here; this module decides
//! what is wrong and says where, as [`Diagnostic`]s. A folder that has no errors also yields its
//! [`SourceDocument`], so `readingroom build` checks and parses in one pass.
//!
//! The checks, by file:
//! - every file: within the size limit, UTF-8 text (not binary, not another encoding), and no
//!   line over the line limit ([`Limits`]);
//! - `meta.toml`: valid TOML, known fields of the right types, readable dates, an id that is a
//!   slug and names its folder ([`meta_fields`]);
//! - `ocr.txt`: present and not empty; no more pages than the limit; the stated page count
//!   matches the OCR's;
//! - `corrected.md`: page markers in order and within the OCR's page count ([`markers`]), and
//!   a warning for raw HTML, which readers see as text ([`raw_html`]);
//! - the collection: no id used twice ([`duplicate_ids`]).

pub mod dates;
pub mod markers;
pub mod meta_fields;
pub mod raw_html;
pub mod text;

use crate::diagnostic::{Diagnostic, Position};
use crate::limits::Limits;
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
    check_folder_within(files, &Limits::DEFAULT)
}

/// [`check_folder`], holding the files to `limits`.
pub fn check_folder_within(files: &FolderFiles<'_>, limits: &Limits) -> Checked {
    let mut problems = Vec::new();
    let path = |file: &str| format!("{}/{file}", files.folder);
    let required = |file: &str, bytes, problems: &mut Vec<Diagnostic>| {
        required(&path(file), bytes, limits, problems)
    };
    let meta_text = required(source::META_FILE, files.meta, &mut problems);
    let id = meta_text.and_then(meta_fields::written_id);
    let meta = meta_text.and_then(|text| {
        meta_fields::validate(&path(source::META_FILE), text, files.name, &mut problems)
    });
    let ocr = required(source::OCR_FILE, files.ocr, &mut problems);
    let ocr = ocr.filter(|ocr| {
        check_ocr(&path(source::OCR_FILE), ocr, meta.as_ref(), limits, &mut problems)
    });
    let corrected = files.corrected.and_then(|bytes| {
        text::text_file(&path(source::CORRECTED_FILE), bytes, limits, &mut problems)
    });
    if let (Some(md), Some(ocr)) = (corrected, ocr) {
        let count = pages::count(ocr);
        problems.extend(markers::check(&path(source::CORRECTED_FILE), md, count));
        problems.extend(raw_html::check(&path(source::CORRECTED_FILE), md));
    }
    let alternates = meta.as_ref().map_or_else(Vec::new, |meta| {
        read_alternates(files, (meta, &path(source::META_FILE)), limits, &mut problems)
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
    limits: &Limits,
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
    text::text_file(path, bytes, limits, problems)
}

/// Checks the OCR text, and says whether it can be read on (it has no more pages than the
/// limit, which nothing should then split into pages).
fn check_ocr(
    path: &str,
    ocr: &str,
    meta: Option<&Meta>,
    limits: &Limits,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    if ocr.trim().is_empty() {
        let message = "The OCR text is empty: a document needs text to show. Import its OCR again.";
        problems.push(Diagnostic::error(path, Position::START, message));
        return true;
    }
    if let Err(too_many) = limits.check_form_feeds(path, ocr) {
        problems.push(too_many);
        return false;
    }
    let count = pages::count(ocr);
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
    true
}

fn read_alternates(
    files: &FolderFiles<'_>,
    (meta, meta_path): (&Meta, &str),
    limits: &Limits,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for run in &meta.alternate_ocr {
        let path = format!("{}/{}", files.folder, run.file);
        match files.others.get(&run.file) {
            Some(bytes) => {
                if let Some(text) = text::text_file(&path, bytes, limits, problems) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const META: &[u8] = b"id = \"doc\"\ntitle = \"A report\"\n";

    fn check(ocr: &[u8], limits: &Limits) -> Checked {
        let files = FolderFiles {
            folder: "documents/doc",
            name: "doc",
            meta: Some(META),
            ocr: Some(ocr),
            ..FolderFiles::default()
        };
        check_folder_within(&files, limits)
    }

    fn errors(checked: &Checked) -> Vec<&Diagnostic> {
        checked.problems.iter().filter(|p| p.is_error()).collect()
    }

    #[test]
    fn an_ocr_text_within_the_limits_makes_a_document() {
        let checked = check(b"one\x0ctwo\x0cthree", &Limits { pages: 3, ..Limits::DEFAULT });
        assert!(errors(&checked).is_empty(), "{:?}", checked.problems);
        assert!(checked.document.is_some());
    }

    #[test]
    fn an_ocr_text_with_too_many_pages_is_refused_at_the_first_page_too_many() {
        let checked =
            check(b"one\x0ctwo\x0cthree\nfour\x0c", &Limits { pages: 3, ..Limits::DEFAULT });
        let errors = errors(&checked);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "documents/doc/ocr.txt");
        assert_eq!((errors[0].line, errors[0].column), (2, 5));
        assert!(errors[0].message.contains("more than 3 pages"), "{}", errors[0]);
        assert!(checked.document.is_none());
    }

    #[test]
    fn an_ocr_file_over_the_size_limit_is_refused() {
        let ocr = "forty-one bytes of OCR, one more than 40.";
        let checked = check(ocr.as_bytes(), &Limits { file_bytes: 40, ..Limits::DEFAULT });
        let errors = errors(&checked);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "documents/doc/ocr.txt");
        assert!(errors[0].message.contains("41 bytes, over the limit of 40"), "{}", errors[0]);
    }
}
