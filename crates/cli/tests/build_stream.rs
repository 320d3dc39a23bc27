//! `readingroom build` in bounded memory: with a memory budget so small that the postings are
//! spilled to temporary files after every document (more runs than are merged at once, so they
//! are merged in two rounds), kept in three parts on three threads, the bundle is the one built
//! in one piece on one thread, byte for byte, and it
//! answers a mix of queries (exact words, phrases, fuzzy misreadings, filters, misses) alike;
//! for the default collection and a synthetic one. A build refused after it began writing
//! leaves nothing behind.

mod common;
use common::{readingroom, tree, workspace};

use std::path::{Path, PathBuf};
use std::process::Output;

fn scratch(name: &str) -> PathBuf {
    common::scratch("build-stream-tests", name)
}

fn path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Builds with a memory budget and a number of threads (which is also the number of parts the
/// postings are kept in).
fn build(documents: &Path, out: &Path, budget: &str, jobs: &str) -> Output {
    let (documents, out) = (path(documents), path(out));
    let args = ["build", documents, "--out", out, "--memory-budget", budget, "--jobs", jobs];
    let built = readingroom(&args);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert_eq!(built.status.code(), Some(0), "{stderr}");
    built
}

/// The JSON `readingroom search` prints for `query` on the bundle `bundle`.
fn search(bundle: &Path, query: &str) -> String {
    let out = readingroom(&["search", "--json", "--limit", "20", "--", path(bundle), query]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{query}: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn found(answer: &str) -> usize {
    let answer: serde_json::Value = serde_json::from_str(answer).expect("JSON");
    answer["results"].as_array().expect("results").len()
}

/// Builds `documents` spilled after every document and in one piece, and holds the two to
/// the same bytes and the same answers; `exact` queries must find something, `miss` nothing.
fn streamed_equals_whole(documents: &Path, name: &str, exact: &[String], others: &[String]) {
    let spilled = scratch(&format!("{name}-spilled"));
    let whole = scratch(&format!("{name}-whole"));
    let spilled_run = build(documents, &spilled, "1", "3");
    let whole_run = build(documents, &whole, "4G", "1");
    let report =
        |run: &Output, out: &Path| String::from_utf8_lossy(&run.stderr).replace(path(out), "<out>");
    assert_eq!(report(&spilled_run, &spilled), report(&whole_run, &whole), "the same report");
    let (spilled_files, whole_files) = (tree(&spilled), tree(&whole));
    assert_eq!(
        spilled_files.keys().collect::<Vec<_>>(),
        whole_files.keys().collect::<Vec<_>>(),
        "the same files, and no temporary file left"
    );
    for (file, bytes) in &whole_files {
        assert!(spilled_files[file] == *bytes, "{} differs", file.display());
    }
    for query in exact {
        let answer = search(&whole, query);
        assert!(found(&answer) > 0, "{query} finds something: {answer}");
        assert_eq!(search(&spilled, query), answer, "{query}");
    }
    for query in others {
        assert_eq!(search(&spilled, query), search(&whole, query), "{query}");
    }
    let miss = "zzqxjvw";
    assert_eq!(found(&search(&spilled, miss)), 0);
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&s| s.to_owned()).collect()
}

#[test]
fn the_default_collection_built_in_a_tiny_budget_is_the_one_built_in_one_piece() {
    let exact = strings(&[
        "party",
        "\"Caribbean Legion\"",
        "superintendent",
        "country:USSR country:Cuba",
        "SECRET year:1949..1963",
    ]);
    // A misreading of a word of the collection, found as a fuzzy variant.
    let others = strings(&["govermnent", "commun*", "coup -Lang", "Nhu OR Lodge"]);
    streamed_equals_whole(&workspace().join("documents"), "default", &exact, &others);
}

#[test]
fn a_synthetic_collection_built_in_a_tiny_budget_is_the_one_built_in_one_piece() {
    let documents = scratch("synth-documents");
    let made = readingroom(&[
        "synth",
        "--docs",
        "150",
        "--pages-per-doc",
        "2",
        "--words-per-page",
        "80",
        "--cer",
        "0.04",
        "--seed",
        "21",
        "--out",
        path(&documents),
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    // Queries from the collection's own text: its first document's longest words, a phrase of
    // two of its words, and a misreading of one (m read as rn, or a letter dropped).
    let first = std::fs::read_dir(&documents)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .min()
        .expect("a document");
    let text = std::fs::read_to_string(first.join("corrected.md")).expect("corrected text");
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 5 && w.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(words.len() > 4, "words to query: {words:?}");
    let mut longest = words.clone();
    longest.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let misread = longest[0].replacen('m', "rn", 1).replacen('e', "c", 1);
    let meta = std::fs::read_to_string(first.join("meta.toml")).expect("meta");
    let country = meta
        .lines()
        .find_map(|l| l.strip_prefix("country = "))
        .expect("a country")
        .trim_matches('"')
        .to_owned();
    let exact = vec![
        longest[0].to_owned(),
        longest[1].to_owned(),
        format!("{} country:\"{country}\"", longest[0]),
    ];
    let others = vec![format!("\"{} {}\"", words[0], words[1]), misread, "the OR and".to_owned()];
    streamed_equals_whole(&documents, "synth", &exact, &others);
}

#[test]
fn a_build_refused_after_it_began_writing_leaves_nothing_behind() {
    let dir = scratch("refused");
    let documents = dir.join("documents");
    for id in ["a-first", "m-broken", "z-last"] {
        let folder = documents.join(id);
        std::fs::create_dir_all(&folder).expect("mkdir");
        let title = if id == "m-broken" { "" } else { "title = \"A report\"\n" };
        let meta = format!("id = \"{id}\"\n{title}");
        std::fs::write(folder.join("meta.toml"), meta).expect("meta");
        std::fs::write(folder.join("ocr.txt"), "Some text of the report.\n").expect("ocr");
    }
    let out = dir.join("bundle");
    let refused =
        readingroom(&["build", path(&documents), "--out", path(&out), "--memory-budget", "1"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("m-broken"), "{stderr}");
    assert!(stderr.contains("build refused"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["documents"], "no bundle and no staging folder");
}
