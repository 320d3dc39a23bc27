//! The helpers' promise under failure: a write that fails at any step leaves the old folder
//! and files byte for byte, and nothing beside them.

use super::*;
use std::collections::BTreeMap;

const MARKER: Marker = Marker { file: ".test-output", writer: "the test" };

fn file(path: &str, text: &str) -> BuiltFile {
    BuiltFile { path: path.into(), bytes: text.as_bytes().to_vec() }
}

fn destination(out: &Path) -> Destination {
    Destination::check(out, Rule { marker: MARKER, force: false, documents: None })
        .expect("an allowed destination")
}

/// Every file under `root`, by path relative to it, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("ls") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path.clone());
                files.insert(path.strip_prefix(root).expect("inside").to_path_buf(), Vec::new());
            } else {
                let bytes = fs::read(&path).expect("read");
                files.insert(path.strip_prefix(root).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    files
}

#[test]
fn replaces_its_own_folder_completely() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bundle");
    destination(&out).write_files(&[file("a.json", "1"), file("docs/b.json", "2")]).expect("1st");
    destination(&out).write_files(&[file("c.json", "3")]).expect("second");
    assert!(!out.join("a.json").exists(), "stale files are gone");
    assert_eq!(fs::read_to_string(out.join("c.json")).expect("c"), "3");
    assert!(out.join(MARKER.file).is_file(), "the marker is written");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(leftovers.len(), 1, "no staging folders remain");
}

#[test]
fn a_failure_in_the_middle_of_a_write_leaves_the_old_folder_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bundle");
    destination(&out).write_files(&[file("a.json", "1")]).expect("first");
    let before = snapshot(dir.path());
    let failed = destination(&out).fill(|staging| {
        fs::write(staging.join("half.json"), "written before the failure")?;
        anyhow::bail!("the disk is full")
    });
    let error = failed.expect_err("the write fails");
    assert!(format!("{error:#}").contains("the disk is full"), "{error:#}");
    assert_eq!(snapshot(dir.path()), before);
    // A file and a folder of the same name cannot both exist: this write fails half-way.
    let clash = [file("x", "file"), file("x/y", "needs x to be a folder")];
    assert!(destination(&out).write_files(&clash).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_failed_write_removes_the_folders_it_made_above_the_destination() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site/new/bundle");
    let failed = destination(&out).fill(|_| anyhow::bail!("the disk is full"));
    assert!(failed.is_err());
    assert_eq!(fs::read_dir(dir.path()).expect("ls").count(), 0, "site/ is removed again");
}

#[test]
fn a_failed_swap_puts_the_old_folder_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bundle");
    destination(&out).write_files(&[file("a.json", "1")]).expect("first");
    let before = snapshot(dir.path());
    // The staging folder is missing, so the rename into place fails after the old one moved.
    assert!(replace_dir(&dir.path().join("missing"), &out).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn files_written_together_fail_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("meta.toml"), "old").expect("write");
    let before = snapshot(dir.path());
    let files = [file("meta.toml", "new"), file("missing/ocr.txt", "cannot be written")];
    assert!(write_files_atomically(dir.path(), &files).is_err());
    assert_eq!(snapshot(dir.path()), before);
    write_files_atomically(dir.path(), &[file("meta.toml", "new"), file("ocr.txt", "x")])
        .expect("written");
    assert_eq!(fs::read_to_string(dir.path().join("meta.toml")).expect("read"), "new");
}
