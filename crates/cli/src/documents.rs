//! Reading a documents folder from disk, one sub-folder per document, and checking it.
//!
//! This is the CLI's only reader of document folders: `check`, `show`, `build`, `stats`,
//! `search` and `diff --document` all come through here. Every problem is collected, not just
//! the first, so a curator fixes a whole batch at once. [`kind`] tells a documents folder from
//! a built bundle by what is in it.

use readingroom_core::check::{self, FolderFiles};
use readingroom_core::diagnostic::Diagnostic;
use readingroom_core::source::{self, SourceDocument};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The documents that passed their checks, and every problem found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<SourceDocument>,
    pub problems: Vec<Diagnostic>,
    /// How many document folders were looked at.
    pub folders: usize,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// The documents under `root`, for a command that needs them all sound: any error is printed
/// and refuses the command, naming how many there are.
pub fn load_sound(root: &Path) -> anyhow::Result<Vec<SourceDocument>> {
    let loaded = load_all(root)?;
    let errors = loaded.errors();
    if errors > 0 {
        for problem in loaded.problems.iter().filter(|p| p.is_error()) {
            eprintln!("{problem}");
        }
        let s = crate::cmd::check::plural(errors);
        anyhow::bail!("{} has {errors} error{s} (above); fix them first", root.display());
    }
    Ok(loaded.documents)
}

/// What a folder given as a collection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Sub-folders with a `meta.toml` each, or nothing yet.
    Documents,
    /// A bundle written by `readingroom build`, with its search index.
    Bundle,
}

/// The files only a built bundle has (the marker `build` writes, the catalog, the index).
const BUNDLE_SIGNS: [&str; 4] = [".readingroom-bundle", "catalog.json", "search", "docs"];

/// Tells a documents folder from a bundle by what is in it, and says what it found when it is
/// neither, or a bundle without the index's entry point.
pub fn kind(root: &Path) -> anyhow::Result<Kind> {
    let shown = display(root);
    if root.join(readingroom_core::search::format::META_FILE).is_file() {
        return Ok(Kind::Bundle);
    }
    let signs = bundle_signs(root);
    let folders = document_folders(root)?;
    let documents = folders.iter().filter(|f| f.join(source::META_FILE).is_file()).count();
    let bundle_only = signs.iter().any(|s| matches!(*s, ".readingroom-bundle" | "catalog.json"));
    if bundle_only || (documents == 0 && signs.len() >= 2) {
        anyhow::bail!(
            "{shown} looks like a bundle built by readingroom build (it has {}), but \
             search/meta.json is missing: the bundle is damaged; build it again",
            signs.join(", ")
        );
    }
    if documents > 0 || folders.is_empty() {
        return Ok(Kind::Documents);
    }
    anyhow::bail!(
        "{shown} is neither a documents folder nor a bundle: none of its {} sub-folder{} has a \
         meta.toml (a documents folder has one sub-folder per document, each with a meta.toml), \
         and it has no search/meta.json (a bundle built by readingroom build has one)",
        folders.len(),
        crate::cmd::check::plural(folders.len())
    )
}

/// Which of the files only a bundle has are in `root`.
fn bundle_signs(root: &Path) -> Vec<&'static str> {
    // A document may be called `search` or `docs`: its folder has a meta.toml.
    let sign = |name: &&str| {
        let path = root.join(name);
        path.exists() && !path.join(source::META_FILE).is_file()
    };
    BUNDLE_SIGNS.into_iter().filter(sign).collect()
}

/// Loads and checks every document folder under `root`, in name order. Fails only when `root`
/// itself cannot be read, or is a built bundle; problems inside it are in [`Loaded::problems`].
pub fn load_all(root: &Path) -> anyhow::Result<Loaded> {
    let folders = folders_of(root)?;
    let mut loaded = Loaded { folders: folders.len(), ..Loaded::default() };
    let mut ids = Vec::new();
    for folder in &folders {
        let checked = check_one(folder)?;
        if let Some(id) = checked.id {
            ids.push((id, display(&folder.join(source::META_FILE))));
        }
        loaded.problems.extend(checked.problems);
        loaded.documents.extend(checked.document);
    }
    let duplicates = check::duplicate_ids(ids.iter().map(|(i, p)| (i.as_str(), p.as_str())));
    if !duplicates.is_empty() {
        let twice: Vec<&str> = ids
            .iter()
            .filter(|(id, _)| ids.iter().filter(|(other, _)| other == id).count() > 1)
            .map(|(id, _)| id.as_str())
            .collect();
        loaded.documents.retain(|d| !twice.contains(&d.meta.id.as_str()));
        loaded.problems.extend(duplicates);
    }
    loaded.problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    Ok(loaded)
}

/// The document folders under `root`, in name order (which is id order, since a sound
/// document's id is its folder's name), for a command that reads them one at a time with
/// [`load_one`]; fails when `root` cannot be read, or is a built bundle.
pub fn folders_of(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let signs = bundle_signs(root);
    if signs.iter().any(|s| matches!(*s, ".readingroom-bundle" | "catalog.json" | "search")) {
        anyhow::bail!(
            "{} is a bundle built by readingroom build, not a documents folder; give the \
             documents folder it was built from",
            display(root)
        );
    }
    document_folders(root)
}

/// The sub-folders of `root` that are documents: every folder not starting with a dot.
fn document_folders(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = fs::read_dir(root)
        .map_err(|e| anyhow::anyhow!("cannot read the documents folder {}: {e}", root.display()))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .filter(|path| !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    folders.sort();
    Ok(folders)
}

/// Loads and checks one document folder, for a command about that document alone: the
/// problems of the rest of the collection are none of its business.
pub fn load_one(folder: &Path) -> anyhow::Result<check::Checked> {
    check_one(folder)
}

fn check_one(folder: &Path) -> anyhow::Result<check::Checked> {
    let read = |name: &str| -> anyhow::Result<Option<Vec<u8>>> {
        match fs::read(folder.join(name)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(anyhow::anyhow!("cannot read {}: {e}", display(&folder.join(name)))),
        }
    };
    let meta = read(source::META_FILE)?;
    let ocr = read(source::OCR_FILE)?;
    let corrected = read(source::CORRECTED_FILE)?;
    let others = other_text_files(folder)?;
    let shown = display(folder);
    let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let files = FolderFiles {
        folder: &shown,
        name: &name,
        meta: meta.as_deref(),
        ocr: ocr.as_deref(),
        corrected: corrected.as_deref(),
        others: others.iter().map(|(k, v)| (k.clone(), v.as_slice())).collect(),
    };
    Ok(check::check_folder(&files))
}

/// The folder's other `.txt` files: the candidates for alternate OCR runs.
fn other_text_files(folder: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(folder)?.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && name != source::OCR_FILE && entry.path().is_file() {
            found.insert(name, fs::read(entry.path())?);
        }
    }
    Ok(found)
}

/// A path as the curator typed it, with forward slashes.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
