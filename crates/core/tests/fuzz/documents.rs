//! A document folder as a curator writes it: `meta.toml`, `ocr.txt` and `corrected.md`, each
//! damaged in turn beside the other two files of the real CIA report. The check reports every
//! problem with a place; what it accepts, the bundle build takes; `meta.toml` written back reads
//! the same; every Markdown node points inside its source.

use super::harness::{NAME, REPORT, collection_files, config, exercise, lossy, mutated, replay};
use super::import::located;
use proptest::prelude::*;
use readingroom_core::check::{FolderFiles, check_folder};
use readingroom_core::markdown::{self, Node};
use readingroom_core::meta::Meta;
use readingroom_core::{bundle, corrected};
use std::collections::BTreeMap;

/// Checks a folder; a document the check accepts is built into a bundle.
fn check(meta: &[u8], ocr: &[u8], corrected: &[u8]) {
    let files = FolderFiles {
        folder: "documents/fuzz",
        name: NAME,
        meta: Some(meta),
        ocr: Some(ocr),
        corrected: Some(corrected),
        others: BTreeMap::new(),
    };
    let checked = check_folder(&files);
    checked.problems.iter().for_each(located);
    if let Some(document) = checked.document {
        assert!(!bundle::build(std::slice::from_ref(&document)).is_empty());
    }
}

fn meta_target(bytes: &[u8]) {
    check(bytes, &REPORT.ocr, &REPORT.corrected);
    if let Ok(meta) = Meta::from_toml("meta.toml", &lossy(bytes)) {
        let written = meta.to_toml();
        let again = Meta::from_toml("meta.toml", &written).expect("written metadata reads back");
        assert_eq!(again, meta, "meta.toml written and read again is the same");
    }
}

fn ocr_target(bytes: &[u8]) {
    check(&REPORT.meta, bytes, &REPORT.corrected);
}

fn corrected_target(bytes: &[u8]) {
    check(&REPORT.meta, &REPORT.ocr, bytes);
    let text = lossy(bytes);
    within(&markdown::parse(&text), text.len());
    let pages = corrected::split_pages(&text, 5);
    assert_eq!(pages.len(), 5, "one Markdown text per page");
    for marker in corrected::markers(&text) {
        assert!(marker.marker_start <= marker.body_start && marker.body_start <= text.len());
    }
}

/// Every node's source range lies inside the Markdown it came from.
fn within(node: &Node, len: usize) {
    assert!(node.source.start <= node.source.end && node.source.end <= len, "{node:?}");
    node.children.iter().for_each(|child| within(child, len));
}

#[test]
fn the_document_corpora_replay() {
    replay("meta", meta_target);
    replay("ocr", ocr_target);
    replay("corrected", corrected_target);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_metadata_is_reported_with_a_place(bytes in mutated(collection_files("meta.toml"))) {
        exercise("meta", &bytes, meta_target)?;
    }

    #[test]
    fn damaged_ocr_is_reported_with_a_place(bytes in mutated(vec![REPORT.ocr.clone()])) {
        exercise("ocr", &bytes, ocr_target)?;
    }

    #[test]
    fn damaged_corrections_are_reported_with_a_place(
        bytes in mutated(vec![REPORT.corrected.clone()])
    ) {
        exercise("corrected", &bytes, corrected_target)?;
    }
}
