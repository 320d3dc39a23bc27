//! The default collection, `documents/`, read and checked as the CLI reads it, for the tests
//! that build a bundle in memory.

use readingroom_core::check::{FolderFiles, check_folder};
use readingroom_core::source::SourceDocument;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn documents_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../documents")
}

/// Reads and checks document folders of `documents/` as the CLI does: every folder, or `only`.
pub fn load(only: Option<&[&str]>) -> Vec<SourceDocument> {
    let mut names: Vec<String> = std::fs::read_dir(documents_folder())
        .expect("documents/ is readable")
        .map(|entry| entry.expect("entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| only.is_none_or(|ids| ids.contains(&name.as_str())))
        .collect();
    names.sort();
    names.iter().map(|name| load_one(name)).collect()
}

fn load_one(name: &str) -> SourceDocument {
    let folder = documents_folder().join(name);
    let read = |file: &str| std::fs::read(folder.join(file)).ok();
    let mut others = BTreeMap::new();
    for entry in std::fs::read_dir(&folder).expect("readable folder") {
        let file = entry.expect("entry").file_name().to_string_lossy().into_owned();
        if file.ends_with(".txt") && file != "ocr.txt" {
            others.insert(file.clone(), read(&file).expect("readable file"));
        }
    }
    let shown = format!("documents/{name}");
    let (meta, ocr, corrected) = (read("meta.toml"), read("ocr.txt"), read("corrected.md"));
    let files = FolderFiles {
        folder: &shown,
        name,
        meta: meta.as_deref(),
        ocr: ocr.as_deref(),
        corrected: corrected.as_deref(),
        others: others.iter().map(|(k, v)| (k.clone(), v.as_slice())).collect(),
    };
    let checked = check_folder(&files);
    checked.document.unwrap_or_else(|| panic!("{name} has errors: {:?}", checked.problems))
}

/// A synthetic collection made as the CLI's `synth` makes it, checked as the CLI reads it.
pub fn synthetic(opts: &readingroom_core::synth::SynthOptions) -> Vec<SourceDocument> {
    (0..opts.docs)
        .map(|i| {
            let made = readingroom_core::synth::document(opts, i);
            let files = FolderFiles {
                folder: &made.id,
                name: &made.id,
                meta: Some(made.meta_toml.as_bytes()),
                ocr: Some(made.ocr.as_bytes()),
                corrected: Some(made.corrected.as_bytes()),
                others: BTreeMap::new(),
            };
            check_folder(&files).document.expect("a synthetic document is sound")
        })
        .collect()
}
