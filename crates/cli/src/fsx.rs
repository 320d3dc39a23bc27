//! File-system helpers that keep the "nothing is lost" promise: a command's output is written
//! beside its place and renamed into it, so a failure at any step leaves what was there as it
//! was, and no half-written file or staging folder behind. Which output folder a command may
//! replace at all is [`Destination::check`]'s rule.

mod destination;

pub use destination::{Destination, Marker, Rule};

use anyhow::Context;
use readingroom_core::bundle::BuiltFile;
use std::fs;
use std::path::{Path, PathBuf};

impl Destination {
    /// Writes `files` (paths relative to the folder) and the marker, replacing the folder.
    #[cfg(test)]
    pub fn write_files(&self, files: &[BuiltFile]) -> anyhow::Result<()> {
        self.fill(|staging| Ok(write_all(staging, files)?))
    }

    /// Has `write` fill a new folder beside the destination, adds the marker and swaps the
    /// folder in. On any failure everything made on the way is removed again.
    pub fn fill(&self, write: impl FnOnce(&Path) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let staging = sibling(&self.path, "tmp");
        let written = self.fill_at(&staging, write);
        if written.is_err() {
            let _ = fs::remove_dir_all(&staging);
            if let Some(made) = &self.made {
                let _ = fs::remove_dir_all(made);
            }
        }
        written.with_context(|| format!("cannot write {}; it is unchanged", self.shown))
    }

    fn fill_at(
        &self,
        staging: &Path,
        write: impl FnOnce(&Path) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        if let Some(parent) = self.path.parent() {
            fs::create_dir_all(parent)?;
        }
        if staging.exists() {
            fs::remove_dir_all(staging)?;
        }
        fs::create_dir(staging)?;
        write(staging)?;
        fs::write(staging.join(self.marker.file), self.marker.text())?;
        Ok(replace_dir(staging, &self.path)?)
    }
}

/// Writes `files` into the new folder `out`, made beside its place and renamed into it.
pub fn write_new_folder(out: &Path, files: &[BuiltFile]) -> std::io::Result<()> {
    let staging = sibling(out, "tmp");
    let written = write_all(&staging, files).and_then(|()| fs::rename(&staging, out));
    if written.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    written
}

/// Writes every file of `files` beside its place in `folder`, then renames them all in, so a
/// failed write leaves every file as it was. Other files in `folder` are left alone.
pub fn write_files_atomically(folder: &Path, files: &[BuiltFile]) -> std::io::Result<()> {
    let staged: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|file| {
            let path = folder.join(&file.path);
            (sibling(&path, "tmp"), path)
        })
        .collect();
    let written = files
        .iter()
        .zip(&staged)
        .try_for_each(|(file, (staging, _))| fs::write(staging, &file.bytes))
        .and_then(|()| staged.iter().try_for_each(|(staging, path)| fs::rename(staging, path)));
    if written.is_err() {
        for (staging, _) in &staged {
            let _ = fs::remove_file(staging);
        }
    }
    written
}

/// Writes one file beside its place and renames it in, so a reader never sees half of it.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let staging = sibling(path, "tmp");
    let written = fs::write(&staging, bytes).and_then(|()| fs::rename(&staging, path));
    if written.is_err() {
        let _ = fs::remove_file(&staging);
    }
    written
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

/// Moves the finished `staging` folder to `out`, keeping the old `out` until the swap is done
/// and putting it back if the swap fails.
fn replace_dir(staging: &Path, out: &Path) -> std::io::Result<()> {
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
    // The new folder is in place: an old copy that cannot be removed is only in the way.
    if let Err(e) = fs::remove_dir_all(&old) {
        eprintln!("readingroom: warning: cannot remove the previous copy {}: {e}", old.display());
    }
    Ok(())
}

/// `out` with a suffix, in the same parent folder so that renames stay on one file system.
fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name =
        out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

#[cfg(test)]
mod tests;
