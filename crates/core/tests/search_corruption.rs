//! A dense corruption sweep of the engine over bundles built in memory from the default
//! collection (`documents/`): cut into many small files, and packed. Each file a query reads is
//! damaged in turn (bytes flipped at positions spread over it, the first and last included; cut
//! to nothing, to half, to one byte short; dropped), and every query that read it runs again on
//! a fresh index. Each run must either fail with an error naming the damaged file, or give
//! exactly the sound answer; it must never panic, loop, or answer differently. Damage that
//! keeps a binary file's checksum right (sealed again after the damage) tries the bounds the
//! engine checks where it reads: no panic and no loop, whatever the answer.

mod common;
use common::damaged::{Damaged, Files, Ran, run};
use common::documents::load;
use readingroom_core::bundle::{BuiltFile, build_with};
use readingroom_core::search::build::BuildOptions;
use readingroom_core::search::format::META_FILE;
use readingroom_core::search::format::seal::{seal, unseal};
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

const QUERIES: [&str; 7] = [
    "Lodge chancery",
    "\"Kazakhstanskaya Pravda\"",
    "commun* -Nhu",
    "Caribbean OR niobium",
    "Alma-Atà year:1949..1951",
    "country:USSR",
    "has:corrected quality:poor",
];
/// Flipped positions per file (spread evenly, the first and last bytes included), each with
/// each of these masks.
const POSITIONS: usize = 12;
const MASKS: [u8; 2] = [0x01, 0xa5];

/// Every way the sweep damages a file of `len` bytes: the damaged bytes (`None`: dropped) and
/// a description.
fn damages(bytes: &[u8]) -> Vec<(Option<Vec<u8>>, String)> {
    let len = bytes.len();
    let mut out = vec![(None, "dropped".to_owned())];
    for cut in [0, len / 2, len.saturating_sub(1)] {
        out.push((Some(bytes[..cut].to_vec()), format!("cut to {cut} bytes")));
    }
    let mut positions: Vec<usize> =
        (0..POSITIONS).map(|i| i * len.saturating_sub(1) / (POSITIONS - 1)).collect();
    positions.dedup();
    for at in positions.into_iter().filter(|&at| at < len) {
        for mask in MASKS {
            let mut flipped = bytes.to_vec();
            flipped[at] ^= mask;
            out.push((Some(flipped), format!("byte {at} xor {mask:#04x}")));
        }
    }
    out
}

/// Sweeps one build; returns the number of damaged runs.
fn sweep(files: &Files) -> usize {
    let whole = Damaged { files, path: "", bytes: None };
    let sound: Vec<(Ran, BTreeSet<String>)> = QUERIES.iter().map(|q| run(&whole, q)).collect();
    for (query, (ran, _)) in QUERIES.iter().zip(&sound) {
        assert!(matches!(ran, Ran::Answer(_)), "{query} on the sound bundle: {ran:?}");
    }
    let mut runs = 0;
    for (path, bytes) in files {
        let readers: Vec<usize> =
            (0..QUERIES.len()).filter(|&q| sound[q].1.contains(path)).collect();
        for (damaged, how) in damages(bytes) {
            let files = Damaged { files, path, bytes: damaged.as_deref() };
            for &q in &readers {
                let ran = catch_unwind(AssertUnwindSafe(|| run(&files, QUERIES[q]).0));
                let ran = ran.unwrap_or_else(|_| panic!("{path} {how}: `{}` panicked", QUERIES[q]));
                runs += 1;
                match ran {
                    Ran::Failed(file) => assert_eq!(&file, path, "{how}: `{}`", QUERIES[q]),
                    answer => assert_eq!(answer, sound[q].0, "{path} {how}: `{}`", QUERIES[q]),
                }
            }
        }
    }
    runs
}

fn built(options: BuildOptions) -> Files {
    let files = build_with(&load(None), options);
    files.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect()
}

#[test]
fn a_finely_cut_index_names_every_damaged_file_or_answers_as_before() {
    let options =
        BuildOptions { pack_limit: 0, dict_terms: 400, block_bytes: 8 * 1024, lead_docs: Some(4) };
    let files = built(options);
    for kind in ["search/dict-", "search/post-", "search/page/"] {
        assert!(files.keys().any(|p| p.starts_with(kind)), "{kind}");
    }
    assert!(sweep(&files) >= 2000);
}

#[test]
fn a_packed_index_names_every_damaged_file_or_answers_as_before() {
    let files = built(BuildOptions { pack_limit: usize::MAX, ..BuildOptions::default() });
    assert!(files.keys().any(|p| p.starts_with("search/pack.")));
    // Every query reads two files, `meta.json` and the pack (the page texts are inside it).
    let runs = sweep(&files);
    assert!(runs >= 2 * QUERIES.len() * 25, "{runs}");
}

#[test]
fn damage_sealed_again_is_an_error_or_an_answer_never_a_panic() {
    let options =
        BuildOptions { pack_limit: 0, dict_terms: 400, block_bytes: 8 * 1024, lead_docs: Some(4) };
    let files = built(options);
    let whole = Damaged { files: &files, path: "", bytes: None };
    let read: Vec<BTreeSet<String>> = QUERIES.iter().map(|q| run(&whole, q).1).collect();
    let mut runs = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".bin")) {
        let payload = unseal(path, bytes).expect("a sound file");
        let readers: Vec<&str> =
            (0..QUERIES.len()).filter(|&q| read[q].contains(path)).map(|q| QUERIES[q]).collect();
        for (damaged, how) in damages(payload) {
            let sealed = damaged.map(seal);
            let files = Damaged { files: &files, path, bytes: sealed.as_deref() };
            for query in &readers {
                let ran = catch_unwind(AssertUnwindSafe(|| run(&files, query)));
                assert!(ran.is_ok(), "{path} {how}, sealed again: `{query}` panicked");
                runs += 1;
            }
        }
    }
    assert!(runs >= 1000, "{runs}");
}

/// The damage that once panicked the engine, made by hand and sealed again: a document table
/// one document short (with a `meta.json` that agrees), and postings on pages `meta.json` does
/// not count. Each is an error naming the postings block that holds the stray posting (or,
/// for the lost document, its page texts, which still hold it), never a panic.
#[test]
fn postings_beyond_the_table_or_the_pages_name_their_block() {
    use readingroom_core::search::format::{IndexMeta, table};
    let options =
        BuildOptions { pack_limit: 0, dict_terms: 400, block_bytes: 8 * 1024, lead_docs: Some(4) };
    let files = built(options);
    let meta = IndexMeta::read(&files[META_FILE]).expect("sound meta.json");
    let table_file = files.keys().find(|p| p.starts_with("search/table.")).expect("a table");
    let rows = table::read(table_file, &files[table_file], meta.docs, &meta.facets).expect("rows");
    type Change = fn(&mut IndexMeta);
    let cases: [(&str, Change); 2] =
        [("a document", |m| m.docs -= 1), ("a page", |m| m.pages = m.docs)];
    for (what, change) in cases {
        let mut files = files.clone();
        let mut changed = meta.clone();
        change(&mut changed);
        files.insert(META_FILE.to_owned(), changed.to_bytes());
        files.insert(table_file.clone(), table::write(&rows[..changed.docs as usize]));
        let whole = Damaged { files: &files, path: "", bytes: None };
        let named: BTreeSet<String> = ["coup", "commun*", "Lodge"]
            .iter()
            .filter_map(|q| match run(&whole, q).0 {
                Ran::Failed(file) => Some(file),
                Ran::Answer(_) => None,
            })
            .collect();
        // The page texts of the document the table lost are beyond its count.
        let lost = format!("search/page/{}-", changed.docs);
        let expected = |f: &String| f.starts_with("search/post-") || f.starts_with(&lost);
        assert!(named.iter().any(|f| f.starts_with("search/post-")), "{what}: {named:?}");
        assert!(named.iter().all(expected), "{what}: {named:?}");
    }
}
