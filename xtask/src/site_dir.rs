//! Replacing `dist/` without losing anything: the rule of the CLI's output folders
//! (`crates/cli/src/fsx/destination.rs`) for the one folder xtask writes.
//!
//! `cargo xtask dist` writes a marker file into every site it builds, and replaces `dist/` only
//! when it is missing, empty or holds that marker; anything else at `dist/` is someone's, and
//! is refused before the long build starts. The new site is swapped in with renames, and a
//! failed swap puts the old one back.

use anyhow::{Context, ensure};
use std::fs;
use std::path::Path;

/// The file in every site `cargo xtask dist` builds.
pub const MARKER: &str = ".readingroom-dist";

/// Refuses a `dist` that `cargo xtask dist` did not write, touching nothing.
pub fn check(dist: &Path) -> anyhow::Result<()> {
    if fs::symlink_metadata(dist).is_err() {
        return Ok(());
    }
    let shown = dist.display();
    ensure!(
        dist.is_dir(),
        "{shown} is a file, not a folder; nothing was changed. Move it away and run again"
    );
    let empty = fs::read_dir(dist)?.next().is_none();
    ensure!(
        empty || dist.join(MARKER).is_file(),
        "{shown} was not written by cargo xtask dist (it has no {MARKER} file); nothing was \
         changed. Move it away, or delete it if it is an old build, and run again"
    );
    Ok(())
}

/// Marks the finished `staging` site and replaces `dist` by it, keeping the old one in `old`
/// until the new one is in place.
pub fn swap_in(staging: &Path, dist: &Path, old: &Path) -> anyhow::Result<()> {
    fs::write(
        staging.join(MARKER),
        "Written by `cargo xtask dist`, which replaces this folder because this file is in it.\n",
    )?;
    if old.exists() {
        fs::remove_dir_all(old)?;
    }
    let had_dist = dist.exists();
    if had_dist {
        fs::rename(dist, old).with_context(|| format!("cannot move {} aside", dist.display()))?;
    }
    if let Err(error) = fs::rename(staging, dist) {
        if had_dist {
            fs::rename(old, dist)?;
        }
        return Err(error)
            .with_context(|| format!("cannot move the new site to {}", dist.display()));
    }
    if had_dist {
        fs::remove_dir_all(old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_marked_or_empty_dist_is_replaced() {
        let dir = std::env::temp_dir().join(format!("xtask-site-dir-{}", std::process::id()));
        let (dist, staging, old) = (dir.join("dist"), dir.join("dist.tmp"), dir.join("dist.old"));
        fs::create_dir_all(&dist).expect("made");
        check(&dist).expect("an empty dist/ is replaced");
        fs::write(dist.join("mine.txt"), "someone's").expect("written");
        assert!(check(&dist).is_err(), "a foreign dist/ is refused");
        fs::create_dir_all(&staging).expect("made");
        fs::write(staging.join("index.html"), "new").expect("written");
        fs::remove_file(dist.join("mine.txt")).expect("removed");
        swap_in(&staging, &dist, &old).expect("swapped");
        check(&dist).expect("its own dist/ is replaced");
        assert!(dist.join("index.html").is_file() && !staging.exists() && !old.exists());
        // A failed swap (the staging folder is gone) puts the old site back.
        assert!(swap_in(&staging, &dist, &old).is_err());
        assert!(dist.join("index.html").is_file() && !old.exists());
        fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
