//! One document in source form: the folder `documents/<id>/` a curator edits.
//!
//! The CLI reads the files; this module turns their text into a [`SourceDocument`], reporting
//! problems as [`Diagnostic`]s that name the file they are in.

use crate::diagnostic::{Diagnostic, Position};
use crate::meta::Meta;
use crate::pages;

/// File names inside a document folder.
pub const META_FILE: &str = "meta.toml";
pub const OCR_FILE: &str = "ocr.txt";
pub const CORRECTED_FILE: &str = "corrected.md";

/// The text of a document folder's files, as read by the caller.
#[derive(Debug, Clone, Copy)]
pub struct SourceFiles<'a> {
    /// The folder as the curator knows it, e.g. `documents/cia-report`; used in messages.
    pub folder: &'a str,
    pub meta_toml: &'a str,
    pub ocr_txt: &'a str,
    pub corrected_md: Option<&'a str>,
}

/// A parsed document folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    pub meta: Meta,
    /// The OCR exactly as produced, pages separated by form feeds.
    pub ocr: String,
    /// The corrected transcription in Markdown, with `<!-- page k -->` markers.
    pub corrected: Option<String>,
}

impl SourceDocument {
    pub fn parse(files: SourceFiles<'_>) -> Result<SourceDocument, Diagnostic> {
        let meta_path = format!("{}/{META_FILE}", files.folder);
        let meta = Meta::from_toml(&meta_path, files.meta_toml)?;
        Ok(SourceDocument {
            meta,
            ocr: files.ocr_txt.to_owned(),
            corrected: files.corrected_md.map(str::to_owned),
        })
    }

    /// The OCR pages; a document always has at least one.
    pub fn ocr_pages(&self) -> Vec<&str> {
        pages::split(&self.ocr)
    }
}

/// Whether `id` is a valid document id: a lowercase ASCII slug.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks that the metadata's id is a slug and names its folder.
pub fn check_id(meta: &Meta, folder_name: &str, meta_path: &str) -> Option<Diagnostic> {
    let message = if !is_valid_id(&meta.id) {
        format!(
            "The id \"{}\" is not a lowercase slug: use a-z, 0-9 and inner hyphens only.",
            meta.id
        )
    } else if meta.id != folder_name {
        format!(
            "The id \"{}\" does not match its folder \"{folder_name}\": rename one of them.",
            meta.id
        )
    } else {
        return None;
    };
    Some(Diagnostic::error(meta_path, Position::START, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_slugs() {
        assert!(is_valid_id("cia-rdp80-00809a000600290716-5"));
        assert!(!is_valid_id("CIA-report"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn a_folder_with_bad_metadata_names_the_meta_file() {
        let files = SourceFiles {
            folder: "documents/x",
            meta_toml: "id = ",
            ocr_txt: "text",
            corrected_md: None,
        };
        let err = SourceDocument::parse(files).unwrap_err();
        assert_eq!(err.path, "documents/x/meta.toml");
    }

    #[test]
    fn the_id_must_match_the_folder() {
        let meta = Meta { id: "a".into(), ..Meta::default() };
        assert!(check_id(&meta, "a", "m").is_none());
        assert!(check_id(&meta, "b", "m").unwrap().message.contains("does not match"));
    }
}
