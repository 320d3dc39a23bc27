//! The index reader: any file of a built index (the table, dictionary chunks, postings blocks,
//! page texts, `meta.json`, a document's data) damaged or replaced by other bytes. A query on
//! it answers exactly as on the sound index or fails naming that file; it never panics and
//! never asks twice for a file. Damage sealed again behind a right checksum reaches the readers'
//! own bounds checks: there any answer will do, but still no panic and no loop.
//!
//! An input is one line, `<file> raw` or `<file> sealed`, where `{key}` stands for the index's
//! key in the file's name, then the bytes served in that file's place.

use super::common::damaged::{Damaged, Files, Ran, run};
use super::common::documents::load;
use super::harness::{Mutation, config, exercise, mutation, replay};
use proptest::prelude::*;
use readingroom_core::bundle::{BuiltFile, build_with};
use readingroom_core::search::build::BuildOptions;
use readingroom_core::search::format::seal::seal;
use readingroom_core::search::format::{IndexMeta, META_FILE};
use std::sync::LazyLock;

const TARGET: &str = "index";

/// Queries that between them read every kind of file: words, a phrase, a prefix, an
/// exclusion, fuzzy variants, filters.
const QUERIES: [&str; 4] =
    ["\"Kazakhstanskaya Pravda\"", "commun* -Nhu", "Caribbean OR niobium", "country:USSR"];

struct Built {
    files: Files,
    key: String,
    /// Each query's sound answer.
    sound: Vec<Ran>,
}

/// The default collection, cut into many small files so that each file is a small input.
static BUILT: LazyLock<Built> = LazyLock::new(|| {
    let options =
        BuildOptions { pack_limit: 0, dict_terms: 400, block_bytes: 8 * 1024, lead_docs: None };
    let built = build_with(&load(None), options);
    let files: Files = built.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect();
    let key = IndexMeta::read(&files[META_FILE]).expect("a sound meta.json").key;
    let whole = Damaged { files: &files, path: "", bytes: None };
    let sound = QUERIES.iter().map(|q| run(&whole, q).0).collect();
    Built { files, key, sound }
});

fn index_target(input: &[u8]) {
    let Some(split) = input.iter().position(|&b| b == b'\n') else { return };
    let (head, bytes) = (String::from_utf8_lossy(&input[..split]), &input[split + 1..]);
    let Some((pattern, mode)) = head.rsplit_once(' ') else { return };
    let path = pattern.replace("{key}", &BUILT.key);
    let sealed = mode == "sealed" && path.ends_with(".bin");
    let served = if sealed { seal(bytes.to_vec()) } else { bytes.to_vec() };
    let files = Damaged { files: &BUILT.files, path: &path, bytes: Some(&served) };
    for (query, sound) in QUERIES.iter().zip(&BUILT.sound) {
        let (ran, _) = run(&files, query);
        match ran {
            Ran::Failed(file) => assert_eq!(file, path, "`{query}` names the damaged file"),
            answer if !sealed => assert_eq!(&answer, sound, "`{query}` answers as before"),
            Ran::Answer(_) => {}
        }
    }
}

/// A file of the index, damaged: the input line for it, then its bytes.
fn damaged_file() -> impl Strategy<Value = Vec<u8>> {
    let names: Vec<String> = BUILT.files.keys().cloned().collect();
    let mutations = proptest::collection::vec(mutation(), 1..4);
    (proptest::sample::select(names), mutations, any::<bool>()).prop_map(
        |(path, mutations, sealed): (String, Vec<Mutation>, bool)| {
            let mut bytes = BUILT.files[&path].clone();
            if sealed && path.ends_with(".bin") {
                // Damage the payload, not the checksum, which is sealed again around it.
                bytes.truncate(bytes.len().saturating_sub(8));
            }
            mutations.iter().for_each(|m| m.apply(&mut bytes));
            let pattern = path.replace(&BUILT.key, "{key}");
            let mode = if sealed { "sealed" } else { "raw" };
            let mut input = format!("{pattern} {mode}\n").into_bytes();
            input.extend(bytes);
            input
        },
    )
}

#[test]
fn the_index_corpus_replays() {
    replay(TARGET, index_target);
}

#[test]
fn the_sound_index_answers_every_query() {
    let failed = BUILT.sound.iter().filter(|ran| matches!(ran, Ran::Failed(_))).count();
    assert_eq!(failed, 0, "{:?}", BUILT.sound);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_damaged_index_file_is_named_or_answers_as_before(input in damaged_file()) {
        exercise(TARGET, &input, index_target)?;
    }
}
