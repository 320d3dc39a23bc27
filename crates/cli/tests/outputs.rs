//! Output folders are safe: `build --out` and `synth --out` replace only a folder the command
//! wrote itself (or a missing or empty one), a foreign folder only with `--force`, and never
//! the documents folder, the current folder or a file. A refused command leaves every byte of
//! the sources and the destination as it was, and nothing beside them.

mod common;
use common::{readingroom_in, scratch, workspace};

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Two real documents of the default collection, the second with a corrected transcription.
const DOCUMENTS: [&str; 2] = ["104-10048-10252", "176-10036-10094"];

/// A scratch folder holding `documents/`, a copy of [`DOCUMENTS`].
fn collection(name: &str) -> PathBuf {
    let dir = scratch("outputs", name);
    for id in DOCUMENTS {
        let (from, to) = (workspace().join("documents").join(id), dir.join("documents").join(id));
        fs::create_dir_all(&to).expect("document folder made");
        for entry in fs::read_dir(&from).expect("a document of the default collection") {
            let entry = entry.expect("entry");
            fs::copy(entry.path(), to.join(entry.file_name())).expect("file copied");
        }
    }
    dir
}

/// Every entry under `root` by its path relative to it: a file's bytes, or `None` for a folder.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut entries = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("readable folder") {
            let path = entry.expect("entry").path();
            let relative = path.strip_prefix(root).expect("inside").to_path_buf();
            if path.is_dir() {
                folders.push(path);
                entries.insert(relative, None);
            } else {
                entries.insert(relative, Some(fs::read(&path).expect("readable file")));
            }
        }
    }
    entries
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `args` in `dir/cwd` and asserts that it is refused, with a message saying each of
/// `says`, and that nothing under `dir` changed.
fn refused(dir: &Path, cwd: &str, args: &[&str], says: &[&str]) {
    let before = snapshot(dir);
    let output = readingroom_in(&dir.join(cwd), args);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{args:?} was not refused: {message}");
    for said in says.iter().chain(&["nothing was changed"]) {
        assert!(message.contains(said), "{args:?}: the message lacks {said:?}: {message}");
    }
    assert!(snapshot(dir) == before, "{args:?} changed or left something under {dir:?}");
}

#[test]
fn build_never_writes_over_into_or_around_the_documents_folder() {
    let dir = collection("documents");
    let document = format!("documents/{}", DOCUMENTS[0]);
    let cases = [
        ("documents", "is the documents folder"),
        ("./documents/", "is the documents folder"),
        ("documents/bundle", "lies inside the documents folder"),
        (document.as_str(), "lies inside the documents folder"),
        (".", "contains the documents folder"),
        ("..", "contains the documents folder"),
    ];
    for (out, says) in cases {
        for force in [&[][..], &["--force"]] {
            let args = [&["build", "documents", "--out", out][..], force].concat();
            refused(&dir, "", &args, &[says, "Choose a folder outside"]);
        }
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("documents", dir.join("link")).expect("symlink made");
        let args = ["build", "documents", "--out", "link", "--force"];
        refused(&dir, "", &args, &["is the documents folder"]);
    }
}

#[test]
fn build_refuses_a_foreign_folder_unless_forced_and_still_keeps_the_documents() {
    let dir = collection("foreign");
    let site = dir.join("site");
    fs::create_dir_all(site.join("notes")).expect("site made");
    fs::write(site.join("index.html"), "<h1>Our archive</h1>\n").expect("written");
    fs::write(site.join("notes/todo.txt"), "scan box 4\n").expect("written");
    let says = ["--out site", "not written by readingroom build", "--force"];
    refused(&dir, "", &["build", "documents", "--out", "site"], &says);

    let documents = snapshot(&dir.join("documents"));
    let forced = readingroom_in(&dir, &["build", "documents", "--out", "site", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(site.join("catalog.json").is_file(), "the bundle is written");
    assert!(!site.join("index.html").exists() && !site.join("notes").exists(), "replaced");
    assert!(snapshot(&dir.join("documents")) == documents, "a source changed");
    let names: Vec<_> =
        fs::read_dir(&dir).expect("ls").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(names.len(), 2, "only documents/ and site/ remain: {names:?}");
}

#[test]
fn build_refuses_a_file_even_with_force() {
    let dir = collection("file");
    fs::write(dir.join("bundle.json"), "{\"mine\": true}\n").expect("written");
    for force in [&[][..], &["--force"]] {
        let args = [&["build", "documents", "--out", "bundle.json"][..], force].concat();
        refused(&dir, "", &args, &["--out bundle.json is a file"]);
    }
}

#[test]
fn build_refuses_the_current_folder_even_away_from_the_documents() {
    let dir = collection("current");
    fs::create_dir(dir.join("work")).expect("made");
    fs::write(dir.join("work/draft.md"), "a curator's draft\n").expect("written");
    let documents = dir.join("documents");
    let documents = documents.to_str().expect("UTF-8 path");
    for out in [".", "./", "../work"] {
        let args = ["build", documents, "--out", out, "--force"];
        refused(&dir, "work", &args, &["is the current folder"]);
    }
}

#[test]
fn a_rebuild_replaces_the_previous_bundle_and_its_stale_files() {
    let dir = collection("rebuild");
    let build = || readingroom_in(&dir, &["build", "documents", "--out", "site/bundle"]);
    let first = build();
    assert!(first.status.success(), "{}", stderr(&first));
    let bundle = dir.join("site/bundle");
    let catalog = fs::read(bundle.join("catalog.json")).expect("a catalog");
    fs::write(bundle.join("docs/stale.json"), "{}").expect("written");
    let documents = snapshot(&dir.join("documents"));

    let second = build();
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(!bundle.join("docs/stale.json").exists(), "a stale file survived the rebuild");
    assert_eq!(fs::read(bundle.join("catalog.json")).expect("a catalog"), catalog);
    assert!(bundle.join(readingroom_core::bundle::MARKER_FILE).is_file());
    assert!(snapshot(&dir.join("documents")) == documents, "a source changed");
    let beside: Vec<_> = fs::read_dir(dir.join("site")).expect("ls").collect();
    assert_eq!(beside.len(), 1, "no staging or old copy is left beside the bundle");
}

fn synth_args<'a>(out: &'a str, seed: &'a str) -> Vec<&'a str> {
    let args = ["synth", "--docs", "2", "--pages-per-doc", "1", "--cer", "0.02", "--seed", seed];
    [&args[..], &["--words-per-page", "20", "--out", out]].concat()
}

#[test]
fn synth_replaces_its_own_collection_but_a_foreign_folder_only_when_forced() {
    let dir = scratch("outputs", "synth");
    fs::create_dir_all(dir.join("notes")).expect("made");
    fs::write(dir.join("notes/plan.md"), "benchmarks next week\n").expect("written");
    let says = ["--out notes", "not written by readingroom synth", "--force"];
    refused(&dir, "", &synth_args("notes", "1"), &says);

    let first = readingroom_in(&dir, &synth_args("synthetic", "1"));
    assert!(first.status.success(), "{}", stderr(&first));
    fs::write(dir.join("synthetic/stale.txt"), "from before").expect("written");
    let again = readingroom_in(&dir, &synth_args("synthetic", "2"));
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(!dir.join("synthetic/stale.txt").exists(), "the old collection was not replaced");
    let note = fs::read_to_string(dir.join("synthetic/SOURCE.md")).expect("SOURCE.md");
    assert!(note.contains("--seed 2"), "{note}");

    let forced = readingroom_in(&dir, &[&synth_args("notes", "1")[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(!dir.join("notes/plan.md").exists() && dir.join("notes/SOURCE.md").is_file());
}

#[test]
fn synth_never_replaces_the_current_folder_or_one_around_it() {
    let dir = scratch("outputs", "synth-here");
    fs::create_dir_all(dir.join("work")).expect("made");
    fs::write(dir.join("work/draft.md"), "a curator's draft\n").expect("written");
    for out in [".", ".."] {
        let args = [&synth_args(out, "1")[..], &["--force"]].concat();
        refused(&dir, "work", &args, &["the current folder"]);
    }
}
