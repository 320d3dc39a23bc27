//! Running a query on an index built in memory, with one of its files damaged or dropped, as
//! the corruption sweep and the fuzz suite do: the answer, or the file an error named.

use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::format::{FormatError, META_FILE};
use readingroom_core::search::query;
use std::collections::{BTreeMap, BTreeSet};

pub type Files = BTreeMap<String, Vec<u8>>;

/// How a run ended: the answer's JSON, or the file an error named.
#[derive(Debug, PartialEq)]
pub enum Ran {
    Answer(String),
    Failed(String),
}

/// The files of a build, one of them damaged (`None`: dropped).
pub struct Damaged<'a> {
    pub files: &'a Files,
    pub path: &'a str,
    pub bytes: Option<&'a [u8]>,
}

impl Damaged<'_> {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        if path == self.path { self.bytes } else { self.files.get(path).map(Vec::as_slice) }
    }
}

/// Runs `text` on a fresh index over `files`; also returns the files it read.
pub fn run(files: &Damaged<'_>, text: &str) -> (Ran, BTreeSet<String>) {
    let parsed = query::parse(text).expect("the sweep's queries parse");
    let mut read = BTreeSet::from([META_FILE.to_owned()]);
    let failed = |e: FormatError| Ran::Failed(e.file);
    let Some(meta) = files.get(META_FILE) else { return (Ran::Failed(META_FILE.into()), read) };
    let mut index = match Index::new(meta) {
        Ok(index) => index,
        Err(error) => return (failed(error), read),
    };
    loop {
        match index.search(&parsed, &SearchOptions { limit: 30, ..SearchOptions::default() }) {
            Err(error) => return (failed(error), read),
            Ok(Outcome::Done(results)) => {
                let json = serde_json::to_string(&results).expect("results serialize");
                return (Ran::Answer(json), read);
            }
            Ok(Outcome::Need(paths)) => {
                for path in paths {
                    assert!(read.insert(path.clone()), "{text}: asked twice for {path}");
                    let Some(bytes) = files.get(&path) else { return (Ran::Failed(path), read) };
                    if let Err(error) = index.add(&path, bytes.to_vec()) {
                        return (failed(error), read);
                    }
                }
            }
        }
    }
}
