//! One document in source form: the folder `documents/<id>/` a curator edits. The CLI reads
//! its files and `check` turns them into a [`SourceDocument`].

use crate::diagnostic::{Diagnostic, Position};
use crate::meta::Meta;
use crate::pages;

/// File names inside a document folder.
pub const META_FILE: &str = "meta.toml";
pub const OCR_FILE: &str = "ocr.txt";
pub const CORRECTED_FILE: &str = "corrected.md";

/// A checked document folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceDocument {
    pub meta: Meta,
    /// The OCR exactly as produced, pages separated by form feeds.
    pub ocr: String,
    /// The corrected transcription in Markdown, with `<!-- page k -->` markers.
    pub corrected: Option<String>,
    /// Further OCR runs named in the metadata, in its order: (file name, text).
    pub alternates: Vec<(String, String)>,
}

impl SourceDocument {
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
    fn the_id_must_match_the_folder() {
        let meta = Meta { id: "a".into(), ..Meta::default() };
        assert!(check_id(&meta, "a", "m").is_none());
        assert!(check_id(&meta, "b", "m").unwrap().message.contains("does not match"));
    }
}
