//! File-system helpers that keep the "nothing is lost" promise: output folders are written
//! beside their destination and renamed into place, so a failure leaves the old one intact.

use readingroom_core::bundle::BuiltFile;
use std::fs;
use std::path::{Path, PathBuf};

/// Writes `files` (paths relative to `out`) into a fresh folder, then swaps it in for `out`.
pub fn write_tree_atomically(out: &Path, files: &[BuiltFile]) -> std::io::Result<()> {
    let staging = sibling(out, "tmp");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let written = write_all(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    replace_dir(&staging, out)
}

/// Writes one file beside its place and renames it in, so a reader never sees half of it.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let staging = sibling(path, "tmp");
    fs::write(&staging, bytes)?;
    fs::rename(&staging, path)
}

fn write_all(root: &Path, files: &[BuiltFile]) -> std::io::Result<()> {
    fs::create_dir_all(root)?;
    for file in files {
        let path = root.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, &file.bytes)?;
    }
    Ok(())
}

/// Moves the finished `staging` folder to `out`, keeping the old `out` until the swap is done.
pub fn replace_dir(staging: &Path, out: &Path) -> std::io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    let old = sibling(out, "old");
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::rename(out, &old)?;
    if let Err(e) = fs::rename(staging, out) {
        fs::rename(&old, out)?;
        return Err(e);
    }
    fs::remove_dir_all(&old)
}

/// `out` with a suffix, in the same parent folder so that renames stay on one file system.
pub fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name =
        out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> BuiltFile {
        BuiltFile { path: path.into(), bytes: text.as_bytes().to_vec() }
    }

    #[test]
    fn replaces_an_existing_folder_completely() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("bundle");
        write_tree_atomically(&out, &[file("a.json", "1"), file("docs/b.json", "2")])
            .expect("first");
        write_tree_atomically(&out, &[file("c.json", "3")]).expect("second");
        assert!(!out.join("a.json").exists(), "stale files are gone");
        assert_eq!(fs::read_to_string(out.join("c.json")).expect("c"), "3");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(leftovers.len(), 1, "no staging folders remain");
    }

    #[test]
    fn a_failed_write_leaves_the_old_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("bundle");
        write_tree_atomically(&out, &[file("a.json", "1")]).expect("first");
        // A file and a folder of the same name cannot both exist: the second write fails.
        let clash = [file("x", "file"), file("x/y", "needs x to be a folder")];
        assert!(write_tree_atomically(&out, &clash).is_err());
        assert_eq!(fs::read_to_string(out.join("a.json")).expect("a"), "1");
    }
}
