//! Folding from the index's table gives exactly what folding with the Unicode tables gives:
//! for every page of the default collection, and for every character of the scripts readers
//! type. The browser's search module folds only from the table, so this is what makes the
//! app's results the CLI's.

use readingroom_core::search::normalize::{self, TYPED_RANGES, fold_with, tokenize, tokenize_with};
use std::path::Path;

fn collection_texts() -> Vec<String> {
    let documents = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../documents");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(documents).expect("documents/") {
        let folder = entry.expect("entry").path();
        for name in ["ocr.txt", "ocr-2.txt", "corrected.md"] {
            if let Ok(text) = std::fs::read_to_string(folder.join(name)) {
                texts.push(text);
            }
        }
    }
    assert!(texts.len() >= 23, "the default collection is there");
    texts
}

#[test]
fn the_table_folds_the_collection_and_typed_scripts_as_the_unicode_tables_do() {
    let texts = collection_texts();
    let table = normalize::table_for(texts.iter().flat_map(|t| t.chars()));
    let typed: Vec<String> =
        TYPED_RANGES.iter().flat_map(|&(a, b)| a..=b).map(|c| format!("x{c}y {c}")).collect();

    let full: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
    let full_typed: Vec<_> = typed.iter().map(|t| (tokenize(t), normalize::fold(t))).collect();

    let with = Some(&table);
    let tabled: Vec<_> = texts.iter().map(|t| tokenize_with(t, with)).collect();
    let tabled_typed: Vec<_> =
        typed.iter().map(|t| (tokenize_with(t, with), fold_with(t, with))).collect();

    assert!(full == tabled, "a page of the collection tokenizes differently from the table");
    for ((a, b), text) in full_typed.iter().zip(&tabled_typed).zip(&typed) {
        assert_eq!(a, b, "{text:?}");
    }
    assert!(table.entries().iter().any(|(c, folded)| *c == 'à' && folded == "a"));
    assert!(table.entries().iter().any(|(c, folded)| *c == 'ﬁ' && folded == "fi"));
}

#[test]
fn characters_outside_the_table_are_left_as_they_are() {
    let table = normalize::FoldTable::new(vec![('à', "a".to_owned())]);
    let folded = (fold_with("Alma-Atà", Some(&table)), fold_with("ÉTÉ", Some(&table)));
    assert_eq!(folded, ("alma-ata".to_owned(), "ÉtÉ".to_owned()));
    assert_eq!(normalize::fold("ÉTÉ"), "ete", "without a table, the Unicode tables fold");
}

#[test]
fn the_capitals_of_the_collections_letters_are_in_the_table() {
    // A collection written in lower case only: a reader may still type capitals.
    let table = normalize::table_for("мир".chars());
    assert_eq!(fold_with("МИР", Some(&table)), "мир");
}
