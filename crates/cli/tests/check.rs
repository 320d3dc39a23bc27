//! `readingroom check` on the folder of bad documents in tests/fixtures: every problem is
//! printed with its place, the exit code is 1, nothing panics and no file is modified.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn readingroom(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_readingroom"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the readingroom binary runs")
}

/// Every file under `dir` with its bytes, to prove a command changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), std::fs::read(&path).expect("readable file"));
        }
    }
    files
}

const BAD: &str = "tests/fixtures/bad-documents";

/// One expected problem per error class: the place, then a phrase of the sentence.
const EXPECTED: &[(&str, &str)] = &[
    ("bad-dates/meta.toml:3:20: error:", "\"24 Mar 1950\", which is not a date"),
    ("bad-dates/meta.toml:4:16: error:", "\"2011-13-45\", which is not a date"),
    ("bad-dates/meta.toml:5:23: error:", "names no year"),
    ("bad-fields/meta.toml:3:1: error:", "Unknown field `contry`; did you mean `country`?"),
    ("bad-fields/meta.toml:4:9: error:", "`pages` must be a whole number, not a string"),
    ("bad-fields/meta.toml:5:12: error:", "`language` must be a string, not a number"),
    ("bad-markers/corrected.md:5:1: error:", "Page marker 1 comes after page 2"),
    ("bad-markers/corrected.md:9:1: error:", "Page marker 5 is outside the OCR's pages (1 to 2)"),
    (
        "duplicate-b/meta.toml:1:1: error:",
        "already used by tests/fixtures/bad-documents/duplicate-a",
    ),
    ("duplicate-b/meta.toml:1:1: error:", "does not match its folder \"duplicate-b\""),
    ("empty/ocr.txt:1:1: error:", "The OCR text is empty"),
    ("id-mismatch/meta.toml:1:1: error:", "does not match its folder \"id-mismatch\""),
    ("invalid-toml/meta.toml:3:16: error:", "Invalid TOML"),
    ("long-line/ocr.txt:2:1: error:", "Line 2 is 1100000 bytes long"),
    ("missing-meta/meta.toml:1:1: error:", "This file is missing"),
    ("missing-ocr/ocr.txt:1:1: error:", "This file is missing"),
    ("not-text/ocr.txt:3:1: error:", "This is not a text file"),
    ("wrong-encoding/ocr.txt:2:8: error:", "not UTF-8 text"),
];

#[test]
fn every_problem_is_printed_with_its_place_and_the_exit_code_is_1() {
    let before = snapshot(&workspace().join(BAD));
    let out = readingroom(&["check", BAD]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (place, phrase) in EXPECTED {
        let wanted = format!("{BAD}/{place}");
        let found = stdout.lines().any(|l| l.starts_with(&wanted) && l.contains(phrase));
        assert!(found, "no problem \"{phrase}\" reported at {wanted}:\n{stdout}");
    }
    assert_eq!(stdout.lines().count(), EXPECTED.len(), "{stdout}");
    assert!(stderr.contains("checked 13 document folders: 18 errors"), "{stderr}");
    assert_eq!(snapshot(&workspace().join(BAD)), before, "check modified a file");
}

#[test]
fn the_json_report_lists_the_same_problems() {
    let out = readingroom(&["check", BAD, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(report["folders"], 13);
    assert_eq!(report["errors"], 18);
    let problems = report["problems"].as_array().expect("a list of problems");
    let first = &problems[0];
    assert_eq!(first["path"], format!("{BAD}/bad-dates/meta.toml"));
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(3), Some(20)));
    assert_eq!(first["severity"], "error");
}

#[test]
fn build_refuses_bad_documents_and_leaves_the_old_output() {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let target = out_dir.path().join("bundle");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("catalog.json"), "previous").expect("write");
    // A bundle an earlier build wrote, which a sound build would replace.
    std::fs::write(target.join(readingroom_core::bundle::MARKER_FILE), "").expect("write");
    let out = readingroom(&["build", BAD, "--out", target.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("build refused: 18 errors"), "{stderr}");
    assert_eq!(std::fs::read_to_string(target.join("catalog.json")).expect("read"), "previous");
}

#[test]
fn the_default_collection_checks_clean() {
    let out = readingroom(&["check", "documents"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("error:"), "{stdout}");
}
