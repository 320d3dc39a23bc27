//! `readingroom synth`: a small collection passes `readingroom check` and builds, the same
//! options write the same bytes, and bad options or an occupied --out are refused.

mod common;
use common::{readingroom, tree};

use std::path::{Path, PathBuf};
use std::process::Output;

fn scratch(name: &str) -> PathBuf {
    common::scratch("synth-tests", name)
}

fn synth(out: &Path, seed: &str, extra: &[&str]) -> Output {
    let out = out.to_str().expect("UTF-8 path");
    let args = ["synth", "--docs", "5", "--pages-per-doc", "3", "--cer", "0.03", "--seed", seed];
    readingroom(&[&args[..], &["--out", out], extra].concat())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_synthetic_collection_passes_the_check_and_builds() {
    let out = scratch("checked");
    let made = synth(&out, "1", &[]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(stderr(&made).contains("generated 5 documents of 3 pages"), "{}", stderr(&made));
    let folders: Vec<_> = tree(&out).into_keys().filter(|p| p.ends_with("ocr.txt")).collect();
    assert_eq!(folders.len(), 5);
    assert!(out.join("synth-000005/corrected.md").is_file());
    let checked = readingroom(&["check", out.to_str().unwrap()]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(stderr(&checked).contains("5 document folders: 0 errors, 0 warnings"));
    let bundle = scratch("bundle");
    let built = readingroom(&["build", out.to_str().unwrap(), "--out", bundle.to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(bundle.join("catalog.json").is_file());
}

#[test]
fn the_same_options_write_identical_trees_on_any_number_of_threads() {
    let (first, second, other) = (scratch("first"), scratch("second"), scratch("other"));
    assert!(synth(&first, "42", &[]).status.success());
    assert!(synth(&second, "42", &["--jobs", "1"]).status.success());
    assert!(synth(&other, "43", &[]).status.success());
    let tree_of_first = tree(&first);
    assert_eq!(tree_of_first.len(), 17, "5 folders of 3 files, SOURCE.md and the marker");
    assert!(tree_of_first == tree(&second), "same options, same bytes");
    assert!(tree_of_first != tree(&other), "another seed, another collection");
}

#[test]
fn an_occupied_out_is_kept_unless_forced() {
    let out = scratch("occupied");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    let refused = synth(&out, "1", &[]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("is not empty"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(out.join("keep.txt")).unwrap(), "mine");
    let forced = synth(&out, "1", &["--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(!out.join("keep.txt").exists());
    assert!(out.join("synth-000001/meta.toml").is_file());
    let parent = out.parent().unwrap();
    let leftovers = std::fs::read_dir(parent).unwrap().filter_map(Result::ok);
    let staging = |name: &str| name.starts_with(".occupied.");
    assert!(!leftovers.into_iter().any(|e| staging(&e.file_name().to_string_lossy())));
}

#[test]
fn bad_options_are_refused_with_a_reason() {
    let out = scratch("refused");
    let cases: [(&[&str], &str); 4] = [
        (&["--docs", "0"], "--docs"),
        (&["--pages-per-doc", "0"], "--pages-per-doc"),
        (&["--cer", "0.7"], "between 0 and 0.5"),
        (&["--cer", "lots"], "not a number"),
    ];
    for (change, expected) in cases {
        let mut args = vec!["synth", "--docs", "2", "--pages-per-doc", "2", "--cer", "0.02"];
        args.extend(["--seed", "1", "--out", out.to_str().unwrap()]);
        let at = args.iter().position(|a| *a == change[0]).unwrap();
        args[at + 1] = change[1];
        let output = readingroom(&args);
        assert!(!output.status.success(), "{change:?}");
        assert!(stderr(&output).contains(expected), "{change:?}: {}", stderr(&output));
        assert!(!out.exists(), "nothing is written");
    }
}
