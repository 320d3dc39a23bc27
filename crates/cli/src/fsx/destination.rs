//! Which output folder a command may replace: the one rule behind `build --out` and
//! `synth --out`.
//!
//! A command that writes a whole folder may replace a missing path, an empty folder, or a
//! folder holding its own marker file (which it writes into every folder it makes). A
//! non-empty folder without the marker is someone else's, replaced only with `--force`. Never,
//! even with `--force`: a file, the folder the command reads (or one inside or around it), or
//! the current folder or one around it. Paths are compared resolved (absolute, symlinks
//! followed), so `.`, `..` and links cannot slip past the rule.

use crate::documents::display;
use anyhow::{Context, bail};
use std::fs;
use std::path::{Component, Path, PathBuf};

/// The file a command writes into every folder it makes, and the command's name.
#[derive(Debug, Clone, Copy)]
pub struct Marker {
    pub file: &'static str,
    pub writer: &'static str,
}

impl Marker {
    /// What the marker file says, for whoever finds it.
    pub fn text(&self) -> String {
        format!(
            "Written by `{writer}`. {writer} replaces this folder when it writes here again, \
             because this file is in it; delete this file to keep the folder from being \
             replaced.\n",
            writer = self.writer
        )
    }
}

/// What a command may replace.
#[derive(Debug, Clone, Copy)]
pub struct Rule<'a> {
    pub marker: Marker,
    /// `--force`: a non-empty folder without the marker may be replaced too.
    pub force: bool,
    /// The documents folder the command reads, if any.
    pub documents: Option<&'a Path>,
}

/// An output folder that the rule allows to be written.
#[derive(Debug, Clone)]
pub struct Destination {
    /// As the curator wrote it, for messages.
    pub shown: String,
    /// Absolute, with every existing part resolved.
    pub path: PathBuf,
    /// The outermost missing folder above `path`, made before writing and removed on failure.
    pub made: Option<PathBuf>,
    pub marker: Marker,
}

/// Why a path may not be written, and what to do instead.
type Refusal = (String, String);

impl Destination {
    /// Decides whether `out` may be written under `rule`, touching nothing.
    pub fn check(out: &Path, rule: Rule<'_>) -> anyhow::Result<Destination> {
        let shown = display(out);
        let (path, missing) =
            resolve(out).with_context(|| format!("cannot find where --out {shown} is"))?;
        let refusal = match forbidden(&path, rule.documents)? {
            Some(refusal) => Some(refusal),
            None if missing == 0 => occupied(&path, &shown, rule)?,
            None => None,
        };
        if let Some((what, advice)) = refusal {
            bail!("--out {shown} {what}; nothing was changed. {advice}");
        }
        let made = path.ancestors().nth(missing.max(2) - 1).filter(|_| missing > 1);
        let made = made.map(Path::to_path_buf);
        Ok(Destination { shown, path, made, marker: rule.marker })
    }
}

/// Refuses, even with `--force`, the documents folder and the folders inside and around it,
/// and the current folder and the folders around it.
fn forbidden(path: &Path, documents: Option<&Path>) -> anyhow::Result<Option<Refusal>> {
    if let Some(documents) = documents {
        let documents = fs::canonicalize(documents)
            .with_context(|| format!("cannot read the documents folder {}", display(documents)))?;
        let named = display(&documents);
        let what = if path == documents {
            Some("is the documents folder being built".to_owned())
        } else if path.starts_with(&documents) {
            Some(format!("lies inside the documents folder {named}"))
        } else if documents.starts_with(path) {
            Some(format!("contains the documents folder {named}"))
        } else {
            None
        };
        if let Some(what) = what {
            let advice = "Choose a folder outside the documents folder, such as dist/bundle.";
            return Ok(Some((what, advice.to_owned())));
        }
    }
    let here = std::env::current_dir().and_then(fs::canonicalize).context("no current folder")?;
    Ok(here.starts_with(path).then(|| {
        let what = "is the current folder or a folder around it";
        (what.to_owned(), "Choose a new folder for --out.".to_owned())
    }))
}

/// Refuses an existing file, and a non-empty folder without the marker unless `--force`.
fn occupied(path: &Path, shown: &str, rule: Rule<'_>) -> anyhow::Result<Option<Refusal>> {
    if !path.is_dir() {
        let what = "is a file, not a folder".to_owned();
        return Ok(Some((what, "Choose a folder for --out.".to_owned())));
    }
    let mut entries = fs::read_dir(path).with_context(|| format!("cannot read {shown}"))?;
    if entries.next().is_none() || rule.force || path.join(rule.marker.file).is_file() {
        return Ok(None);
    }
    let Marker { file, writer } = rule.marker;
    Ok(Some((
        format!("is not empty and was not written by {writer} (it has no {file} file)"),
        format!(
            "Choose a new or empty folder, or add --force to replace {shown} and everything in it."
        ),
    )))
}

/// `out` made absolute, with symlinks and `..` resolved as far as it exists, and how many of
/// its last parts do not exist yet (0 when `out` exists).
fn resolve(out: &Path) -> std::io::Result<(PathBuf, usize)> {
    let absolute = std::path::absolute(out)?;
    let mut existing = PathBuf::new();
    let mut missing: Vec<&std::ffi::OsStr> = Vec::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => existing.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                if missing.pop().is_none() {
                    existing.pop();
                }
            }
            Component::Normal(name) => {
                let next = existing.join(name);
                if missing.is_empty() && fs::symlink_metadata(&next).is_ok() {
                    existing = fs::canonicalize(&next)?;
                } else {
                    missing.push(name);
                }
            }
        }
    }
    let count = missing.len();
    Ok((missing.into_iter().fold(existing, |path, name| path.join(name)), count))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKER: Marker = Marker { file: ".test-output", writer: "the test" };

    fn rule(force: bool, documents: Option<&Path>) -> Rule<'_> {
        Rule { marker: MARKER, force, documents }
    }

    #[test]
    fn a_missing_path_resolves_through_its_existing_parent() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = fs::canonicalize(dir.path()).expect("canonical");
        let out = dir.path().join("a/./b/../c");
        let (path, missing) = resolve(&out).expect("resolved");
        assert_eq!((path, missing), (real.join("a/c"), 2));
        let destination = Destination::check(&out, rule(false, None)).expect("allowed");
        assert_eq!(destination.made, Some(real.join("a")));
    }

    #[test]
    fn only_an_empty_or_marked_folder_is_replaced_without_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        fs::create_dir(&out).expect("mkdir");
        assert!(Destination::check(&out, rule(false, None)).is_ok(), "empty");
        fs::write(out.join("notes.txt"), "mine").expect("write");
        let refused = Destination::check(&out, rule(false, None)).expect_err("foreign");
        assert!(refused.to_string().contains("--force"), "{refused}");
        assert!(Destination::check(&out, rule(true, None)).is_ok(), "forced");
        fs::write(out.join(MARKER.file), MARKER.text()).expect("marker");
        assert!(Destination::check(&out, rule(false, None)).is_ok(), "marked");
    }

    #[test]
    fn the_documents_folder_is_never_replaced_even_with_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let documents = dir.path().join("documents");
        fs::create_dir(&documents).expect("mkdir");
        for out in [documents.clone(), documents.join("bundle"), dir.path().to_path_buf()] {
            let refused = Destination::check(&out, rule(true, Some(&documents)));
            assert!(refused.is_err(), "{} was allowed", out.display());
        }
    }
}
