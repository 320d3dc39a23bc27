//! Running the `readingroom` binary from the workspace root, as a curator would, and the
//! scratch folders the tests write into.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `readingroom <args>` in the workspace root.
pub fn readingroom(args: &[&str]) -> Output {
    readingroom_in(&workspace(), args)
}

/// Runs `readingroom <args>` in `dir`, as a curator working in that folder would.
pub fn readingroom_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readingroom"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the readingroom binary runs")
}

/// A scratch folder for one test, `<target tmp>/<suite>/<name>`, emptied of what an earlier
/// run left there; not created, since some commands must make their output folder themselves.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(suite).join(name);
    if path.exists() {
        std::fs::remove_dir_all(&path).expect("old scratch folder removed");
    }
    path
}

/// Every file under `dir`, by path relative to it, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let bytes = std::fs::read(&path).expect("readable file");
                files.insert(path.strip_prefix(root).expect("inside").to_owned(), bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}
