//! Reading a documents folder from disk: one sub-folder per document.
//!
//! Every problem is collected, not just the first, so a curator fixes a whole batch at once.

use readingroom_core::diagnostic::{Diagnostic, Position};
use readingroom_core::source::{self, SourceDocument, SourceFiles};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The documents that parsed, and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<SourceDocument>,
    pub problems: Vec<Diagnostic>,
}

/// Loads every document folder under `root`, in name order. Fails only when `root` itself
/// cannot be read; problems inside it are returned in [`Loaded::problems`].
pub fn load_all(root: &Path) -> anyhow::Result<Loaded> {
    let mut folders: Vec<_> = fs::read_dir(root)
        .map_err(|e| anyhow::anyhow!("cannot read the documents folder {}: {e}", root.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    let mut loaded = Loaded::default();
    let mut first_seen: BTreeMap<String, String> = BTreeMap::new();
    for folder in folders {
        match load_one(&folder) {
            Ok(document) => {
                let meta_path = display(&folder.join(source::META_FILE));
                let id = document.meta.id.clone();
                if let Some(earlier) = first_seen.insert(id.clone(), meta_path.clone()) {
                    let message = format!("The id \"{id}\" is already used by {earlier}.");
                    loaded.problems.push(Diagnostic::error(meta_path, Position::START, message));
                } else {
                    loaded.documents.push(document);
                }
            }
            Err(problems) => loaded.problems.extend(problems),
        }
    }
    Ok(loaded)
}

fn load_one(folder: &Path) -> Result<SourceDocument, Vec<Diagnostic>> {
    let folder_name =
        folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let meta_toml = read_text(&folder.join(source::META_FILE), true);
    let ocr_txt = read_text(&folder.join(source::OCR_FILE), true);
    let corrected_md = read_text(&folder.join(source::CORRECTED_FILE), false);
    let mut problems = Vec::new();
    let (Some(meta_toml), Some(ocr_txt), corrected_md) = (
        keep(meta_toml, &mut problems),
        keep(ocr_txt, &mut problems),
        keep(corrected_md, &mut problems),
    ) else {
        return Err(problems);
    };
    let files = SourceFiles {
        folder: &display(folder),
        meta_toml: &meta_toml,
        ocr_txt: &ocr_txt,
        corrected_md: corrected_md.as_deref(),
    };
    let document = SourceDocument::parse(files).map_err(|d| vec![d])?;
    let meta_path = display(&folder.join(source::META_FILE));
    if let Some(problem) = source::check_id(&document.meta, &folder_name, &meta_path) {
        return Err(vec![problem]);
    }
    Ok(document)
}

fn keep(
    read: Result<Option<String>, Diagnostic>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    read.unwrap_or_else(|problem| {
        problems.push(problem);
        None
    })
}

/// Reads a UTF-8 text file. A missing optional file is `Ok(None)`; a missing required file,
/// an unreadable one or one that is not UTF-8 is a diagnostic.
fn read_text(path: &Path, required: bool) -> Result<Option<String>, Diagnostic> {
    let shown = display(path);
    match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(Some(text)),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let at = Position::of(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
                Err(Diagnostic::error(
                    shown,
                    at,
                    "This file is not UTF-8 text; import it with `readingroom import`, which converts other encodings.",
                ))
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Diagnostic::error(
            shown,
            Position::START,
            "This file is missing; every document needs it.",
        )),
        Err(e) => Err(Diagnostic::error(
            shown,
            Position::START,
            format!("This file cannot be read: {e}."),
        )),
    }
}

/// A path as the curator typed it, with forward slashes.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
