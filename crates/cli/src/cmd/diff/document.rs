//! `readingroom diff --document documents/<id>`: one document folder, read and checked as
//! `build` and `stats` read it ([`documents::load_one`]), compared page by page with the
//! figures they give it. Each way of naming the wrong folder gets an error that says what to
//! give instead.

use super::paged::{self, Paged};
use crate::documents::{self, display};
use anyhow::bail;
use readingroom_core::bundle;
use readingroom_core::source::{CORRECTED_FILE, META_FILE, OCR_FILE};
use std::path::Path;

/// The document's id and its comparison.
pub fn compare(folder: &Path) -> anyhow::Result<(String, Paged)> {
    let shown = display(folder);
    if !folder.is_dir() {
        let parent = folder.parent().filter(|p| p.join(META_FILE).is_file());
        if let (true, Some(parent)) = (folder.is_file(), parent) {
            bail!(
                "{shown} is a file: --document takes the folder it is in, --document {}",
                display(parent)
            );
        }
        let what = if folder.exists() { "is not a folder" } else { "does not exist" };
        bail!("{shown} {what}: --document takes a document's folder, such as documents/<id>");
    }
    if !folder.join(META_FILE).is_file() {
        return Err(not_a_document(folder));
    }
    if !folder.join(CORRECTED_FILE).is_file() {
        return Err(nothing_to_compare(folder));
    }
    let checked = documents::load_one(folder)?;
    let Some(document) = checked.document else {
        for problem in checked.problems.iter().filter(|p| p.is_error()) {
            eprintln!("{problem}");
        }
        bail!("{shown} has errors (above); fix them first (`readingroom check` lists them all)");
    };
    let data = bundle::document_data(&document);
    Ok((document.meta.id, paged::of_document(&data)))
}

/// A folder without `meta.toml`: the documents folder itself, or not a document at all.
fn not_a_document(folder: &Path) -> anyhow::Error {
    let shown = display(folder);
    if let Some(first) = first_document(folder) {
        return anyhow::anyhow!(
            "{shown} is a documents folder, not one document: give one of its documents, \
             such as --document {}, or run `readingroom stats {shown}` for the figures of all",
            display(&folder.join(first))
        );
    }
    anyhow::anyhow!(
        "{shown} is not a document folder: it has no {META_FILE} (a document folder, such as \
         documents/<id>, holds {META_FILE}, {OCR_FILE} and {CORRECTED_FILE})"
    )
}

/// The first sub-folder, by name, that holds a `meta.toml`, preferring one with a correction
/// (the example should work).
fn first_document(folder: &Path) -> Option<String> {
    let mut found: Vec<(bool, String)> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join(META_FILE).is_file())
        .map(|entry| {
            let uncorrected = !entry.path().join(CORRECTED_FILE).is_file();
            (uncorrected, entry.file_name().to_string_lossy().into_owned())
        })
        .collect();
    found.sort();
    found.into_iter().next().map(|(_, name)| name)
}

/// A document without a correction. A second OCR run beside it is another reading, not a
/// correction: scoring one run against the other would give an error rate of neither, so the
/// error says how to see where they differ instead.
fn nothing_to_compare(folder: &Path) -> anyhow::Error {
    let shown = display(folder);
    let mut message = format!(
        "{shown} has no {CORRECTED_FILE}, so there is nothing to compare its OCR with: write \
         the corrected transcription in {shown}/{CORRECTED_FILE} (page k after a line \
         `<!-- page k -->`)"
    );
    if let Some(run) = other_run(folder) {
        message.push_str(&format!(
            ". Its second OCR run, {run}, is another reading of the scans, not a correction, \
             so it gives no error rate; to see where the two runs differ, run `readingroom diff \
             {shown}/{OCR_FILE} {shown}/{run}`"
        ));
    }
    anyhow::anyhow!(message)
}

/// A further OCR run in the folder (`ocr-2.txt`: any text file beside `ocr.txt`, as
/// `check` looks for them), the first by name.
fn other_run(folder: &Path) -> Option<String> {
    let mut runs: Vec<String> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt") && name != OCR_FILE)
        .collect();
    runs.sort();
    runs.into_iter().next()
}
