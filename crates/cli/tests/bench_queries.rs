//! `readingroom search --bench-queries`: the benchmarking aid runs every query of a file in one
//! process and prints each one's times, reads and matches as JSON.

mod common;
use common::readingroom;

use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let path = common::scratch("bench-queries-tests", name);
    std::fs::create_dir_all(&path).expect("scratch folder made");
    path
}

#[test]
fn every_query_is_timed_cold_and_warm_and_counted() {
    let dir = scratch("timed");
    let documents = dir.join("documents");
    let bundle = dir.join("bundle");
    let (documents_arg, bundle_arg) =
        (documents.to_str().expect("UTF-8"), bundle.to_str().expect("UTF-8"));
    let made = readingroom(&[
        "synth",
        "--docs",
        "4",
        "--pages-per-doc",
        "2",
        "--cer",
        "0.02",
        "--seed",
        "1",
        "--out",
        documents_arg,
    ]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let built = readingroom(&["build", documents_arg, "--out", bundle_arg]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let list = dir.join("queries.txt");
    std::fs::write(&list, "the\n\nzqxvbnkt\ncontry:USSR\n").expect("queries written");

    let out =
        readingroom(&["search", bundle_arg, "--bench-queries", list.to_str().expect("UTF-8")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let queries = json["queries"].as_array().expect("a list of queries");
    assert_eq!(queries.len(), 3, "blank lines are skipped: {json}");
    assert_eq!(queries[0]["query"], "the");
    assert!(queries[0]["total"].as_u64().expect("a count") > 0);
    assert!(queries[0]["cold_us"].is_u64() && queries[0]["warm_us"].is_u64());
    assert!(queries[0]["files"].as_u64().expect("files read") >= 2, "meta.json and more");
    assert!(queries[0]["bytes"].as_u64().expect("bytes read") > 0);
    assert_eq!(queries[1]["total"], 0);
    assert!(queries[2]["error"].as_str().expect("an error").contains("country"));
}

#[test]
fn bench_queries_replaces_the_query_and_is_in_the_help() {
    let help = readingroom(&["search", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--bench-queries <FILE>"));
    let neither = readingroom(&["search", "some-bundle"]);
    assert!(!neither.status.success());
}
