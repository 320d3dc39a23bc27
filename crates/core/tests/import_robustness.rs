//! No cut-off file makes the importer panic: every prefix of a sample of each format gives pages
//! or a diagnostic with a real position. The fuzz suite (`tests/fuzz/import.rs`) damages the
//! same samples in other ways.

mod common;

use common::{IMPORT_SAMPLES, fixture};
use readingroom_core::import::{Imported, import};

/// Imports `bytes` and checks that the outcome is well formed, whichever it is.
fn check(bytes: &[u8]) -> Option<Imported> {
    match import("fuzz.xml", bytes) {
        Ok(imported) => {
            assert!(!imported.pages.is_empty(), "an import always has a page");
            Some(imported)
        }
        Err(err) => {
            assert!(err.is_error() && err.line >= 1 && err.column >= 1, "{err}");
            assert!(err.message.ends_with('.') || err.message.ends_with('?'), "{err}");
            None
        }
    }
}

#[test]
fn every_prefix_of_a_fixture_imports_or_fails_cleanly() {
    for path in IMPORT_SAMPLES {
        let bytes = fixture(path);
        // Every prefix of the small files; an even spread of about 1,000 of the larger ones.
        let step = if bytes.len() <= 4096 { 1 } else { bytes.len() / 1000 };
        for end in (0..=bytes.len()).step_by(step) {
            check(&bytes[..end]);
        }
        assert!(check(&bytes).is_some(), "{path} imports whole");
    }
}
