//! `readingroom search` over a damaged bundle. The default collection (`documents/`) is built
//! into a scratch bundle; a fixed set of queries runs on it sound; then each file those queries
//! read (`catalog.json`, `search/meta.json`, every index file, a few documents' data) is damaged
//! in turn: bytes flipped (the first, the last, six between), cut to nothing, to half and to one
//! byte short, and dropped. After each damage, every query that reads the file runs again: it must
//! exit non-zero naming the file (its path in the bundle), or print exactly the sound answer;
//! never panic, and never answer differently with exit 0. The engine's own, denser sweep is
//! `crates/core/tests/search_corruption.rs`.

mod common;
use common::{readingroom, scratch};

use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::format::META_FILE;
use readingroom_core::search::query;
use std::collections::BTreeSet;
use std::path::Path;

const QUERIES: [&str; 4] = ["Lodge chancery", "\"Kazakhstanskaya Pravda\"", "commun*", "coup"];
/// Data files damaged: the sweep's queries read more, which all work alike.
const PAGE_TEXTS: usize = 3;
/// Bytes flipped per file, spread evenly from the first to the last.
const FLIPS: usize = 8;

fn built(name: &str) -> String {
    let out = scratch("corruption", name);
    let out = out.to_str().expect("UTF-8 path").to_owned();
    let built = readingroom(&["build", "documents", "--out", &out]);
    assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
    out
}

/// The bundle files a query reads, found by running the engine on them in this process.
fn files_read(bundle: &Path, text: &str) -> BTreeSet<String> {
    let read = |path: &str| std::fs::read(bundle.join(path)).expect("a sound bundle's file");
    let mut index = Index::new(&read(META_FILE)).expect("sound meta.json");
    let parsed = query::parse(text).expect("the sweep's queries parse");
    let mut files = BTreeSet::from(["catalog.json".to_owned(), META_FILE.to_owned()]);
    loop {
        match index.search(&parsed, &SearchOptions::default()).expect("a sound index") {
            Outcome::Done(_) => return files,
            Outcome::Need(paths) => {
                for path in paths {
                    index.add(&path, read(&path)).expect("a sound file");
                    files.insert(path);
                }
            }
        }
    }
}

/// `(exit code, stdout, stderr)` of a search on the bundle, as JSON.
fn search(bundle: &str, text: &str) -> (Option<i32>, String, String) {
    let out = readingroom(&["search", "--json", "--limit", "10", "--", bundle, text]);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// Every way a file of `len` bytes is damaged: its new bytes (`None`: dropped), and how.
fn damages(bytes: &[u8]) -> Vec<(Option<Vec<u8>>, String)> {
    let len = bytes.len();
    let mut out = vec![(None, "dropped".to_owned())];
    for cut in [0, len / 2, len - 1] {
        out.push((Some(bytes[..cut].to_vec()), format!("cut to {cut} bytes")));
    }
    for at in (0..FLIPS).map(|i| i * (len - 1) / (FLIPS - 1)) {
        let mut flipped = bytes.to_vec();
        flipped[at] ^= 0x10;
        out.push((Some(flipped), format!("byte {at} flipped")));
    }
    out
}

#[test]
fn a_damaged_file_is_named_or_the_answer_is_the_sound_one() {
    let bundle = built("sweep");
    let root = Path::new(&bundle);
    let read: Vec<BTreeSet<String>> = QUERIES.iter().map(|q| files_read(root, q)).collect();
    let sound: Vec<String> = QUERIES
        .iter()
        .map(|q| {
            let (code, stdout, stderr) = search(&bundle, q);
            assert_eq!(code, Some(0), "{q} on the sound bundle: {stderr}");
            stdout
        })
        .collect();
    let all: BTreeSet<&String> = read.iter().flatten().collect();
    let page = |p: &str| p.starts_with("search/page/");
    let data: Vec<&&String> = all.iter().filter(|p| page(p)).collect();
    let swept: Vec<&String> =
        all.iter().copied().filter(|p| !page(p) || data[..PAGE_TEXTS].contains(&p)).collect();
    for kind in
        ["catalog.json", "search/meta.json", "search/table.", "search/dict-", "search/page/"]
    {
        assert!(swept.iter().any(|p| p.starts_with(kind)), "no file {kind}* is swept");
    }
    let mut runs = 0;
    for path in swept {
        let file = root.join(path);
        let original = std::fs::read(&file).expect("a sound file");
        let readers: Vec<usize> = (0..QUERIES.len()).filter(|&q| read[q].contains(path)).collect();
        for (damaged, how) in damages(&original) {
            match &damaged {
                Some(bytes) => std::fs::write(&file, bytes).expect("damaged"),
                None => std::fs::remove_file(&file).expect("dropped"),
            }
            for &q in &readers {
                let (code, stdout, stderr) = search(&bundle, QUERIES[q]);
                runs += 1;
                let case = format!("{path} {how}, `{}`: exit {code:?}, {stderr}", QUERIES[q]);
                assert!(code != Some(101) && !stderr.contains("panicked"), "{case}");
                match code {
                    Some(0) => assert_eq!(stdout, sound[q], "{case}"),
                    _ => assert!(stderr.contains(path.as_str()) && stdout.is_empty(), "{case}"),
                }
            }
            std::fs::write(&file, &original).expect("restored");
        }
    }
    assert!(runs >= 300, "{runs} runs");
}

#[test]
fn a_bundle_without_its_index_entry_point_is_named_damaged() {
    let bundle = built("no-meta");
    std::fs::remove_file(Path::new(&bundle).join(META_FILE)).expect("meta.json removed");
    let (code, stdout, stderr) = search(&bundle, "soviet");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty());
    let (looks, missing) = (
        "looks like a bundle built by readingroom build (it has .readingroom-bundle, catalog.json",
        "but search/meta.json is missing: the bundle is damaged; build it again",
    );
    let said = stderr.contains(looks) && stderr.contains(missing);
    assert!(said && !stderr.contains("meta.toml"), "{stderr}");
    // Nor is it taken for a documents folder by the commands that read one.
    let checked = readingroom(&["check", &bundle]);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert_eq!(checked.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is a bundle built by readingroom build, not a documents folder"));
}

#[test]
fn a_folder_that_is_neither_says_what_it_found_and_what_each_needs() {
    let folder = scratch("corruption", "neither");
    for name in ["scans", "notes"] {
        std::fs::create_dir_all(folder.join(name)).expect("a sub-folder");
    }
    let (code, stdout, stderr) = search(folder.to_str().expect("UTF-8"), "soviet");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty());
    for said in [
        "is neither a documents folder nor a bundle",
        "none of its 2 sub-folders has a meta.toml",
        "a documents folder has one sub-folder per document, each with a meta.toml",
        "a bundle built by readingroom build has one",
    ] {
        assert!(stderr.contains(said), "{said}: {stderr}");
    }
}
