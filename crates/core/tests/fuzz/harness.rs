//! What every target shares: the proptest configuration, the mutations applied to real files,
//! the capture of failing inputs, and the regression corpus.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Proptest's defaults (`PROPTEST_CASES` is read from the environment), without its own
/// record of failing seeds: failing inputs go to the crash folder and the corpus instead.
pub fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

/// One change to a file. Places are fractions of the file's length (`at / 2^16`), so that a
/// mutation means the same on any seed and shrinks towards the start.
#[derive(Debug, Clone)]
pub enum Mutation {
    FlipBit { at: u16, bit: u8 },
    SetByte { at: u16, byte: u8 },
    Remove { at: u16, len: u16 },
    Insert { at: u16, bytes: Vec<u8> },
    Repeat { at: u16, len: u8, times: u8 },
    Truncate { at: u16 },
}

/// Bytes that matter to some format: markup, quotes, entities, escapes, line and page ends,
/// and the starts of multi-byte and invalid UTF-8.
const SPECIAL: &[u8] = b"<>/&;#\"'=?![]{}-*:\\\0\t\r\n\x0c\xff\xfe\xef\xbb\xbf\xc3\xa9\xe2\x80";

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![proptest::sample::select(SPECIAL), any::<u8>()];
    prop_oneof![
        (any::<u16>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (any::<u16>(), byte.clone()).prop_map(|(at, byte)| Mutation::SetByte { at, byte }),
        (any::<u16>(), 1u16..512).prop_map(|(at, len)| Mutation::Remove { at, len }),
        (any::<u16>(), proptest::collection::vec(byte, 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<u16>(), 1u8..64, 2u8..64).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
        any::<u16>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

impl Mutation {
    pub fn apply(&self, bytes: &mut Vec<u8>) {
        let place = |at: u16, len: usize| (usize::from(at) * (len + 1)) >> 16;
        match self {
            Mutation::FlipBit { at, bit } if !bytes.is_empty() => {
                let i = place(*at, bytes.len() - 1);
                bytes[i] ^= 1 << bit;
            }
            Mutation::SetByte { at, byte } if !bytes.is_empty() => {
                let i = place(*at, bytes.len() - 1);
                bytes[i] = *byte;
            }
            Mutation::Remove { at, len } => {
                let start = place(*at, bytes.len());
                let end = (start + usize::from(*len)).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Insert { at, bytes: new } => {
                let i = place(*at, bytes.len());
                bytes.splice(i..i, new.iter().copied());
            }
            Mutation::Repeat { at, len, times } => {
                let start = place(*at, bytes.len());
                let end = (start + usize::from(*len)).min(bytes.len());
                let run = bytes[start..end].repeat(usize::from(*times));
                bytes.splice(end..end, run);
            }
            Mutation::Truncate { at } => bytes.truncate(place(*at, bytes.len())),
            Mutation::FlipBit { .. } | Mutation::SetByte { .. } => {}
        }
    }
}

/// One of `seeds` with a few mutations applied; shrinking removes mutations first.
pub fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    assert!(!seeds.is_empty(), "a target needs seeds");
    let count = seeds.len();
    (0..count, proptest::collection::vec(mutation(), 0..6)).prop_map(move |(seed, mutations)| {
        let mut bytes = seeds[seed].clone();
        for mutation in &mutations {
            mutation.apply(&mut bytes);
        }
        bytes
    })
}

/// Runs `body` on `input`; a panic (a crash, or a property's assertion) saves the input in
/// the crash folder and fails the case with the saved file's path.
pub fn exercise(target: &str, input: &[u8], body: impl FnOnce(&[u8])) -> Result<(), TestCaseError> {
    match catch_unwind(AssertUnwindSafe(|| body(input))) {
        Ok(()) => Ok(()),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic")
                .to_owned();
            let saved = save_crash(target, input);
            Err(TestCaseError::fail(format!(
                "{target}: {message}; the input is saved as {}",
                saved.display()
            )))
        }
    }
}

/// Where failing inputs of `target` are written: `target/tmp/fuzz-crashes/<target>/`.
pub fn crash_folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashes").join(target)
}

/// Saves `input` as `<length>-<hash>`, so that the smallest sorts first.
fn save_crash(target: &str, input: &[u8]) -> PathBuf {
    let folder = crash_folder(target);
    let mut hasher = DefaultHasher::new();
    input.hash(&mut hasher);
    let path = folder.join(format!("{:08}-{:016x}", input.len(), hasher.finish()));
    // A crash must be reported even when it cannot be saved.
    let _ = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, input));
    path
}

/// The regression corpus of `target`: every input that ever failed it, by file name.
pub fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = super::common::fixtures().join("fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else { return Vec::new() };
    let mut cases: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            (path.file_name().expect("a file name").to_string_lossy().into_owned(), bytes)
        })
        .collect();
    cases.sort();
    cases
}

/// Replays the corpus of `target` through `body`, naming the case that fails.
pub fn replay(target: &str, body: impl Fn(&[u8])) {
    for (name, bytes) in corpus(target) {
        if catch_unwind(AssertUnwindSafe(|| body(&bytes))).is_err() {
            panic!("the regression case tests/fixtures/fuzz/{target}/{name} fails again");
        }
    }
}

/// Text from bytes, as a text file is read when its encoding is not in question.
pub fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files of the repository's default collection named `name`, one per document.
pub fn collection_files(name: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../documents");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the documents folder")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders.iter().filter_map(|folder| std::fs::read(folder.join(name)).ok()).collect()
}

/// The CIA report of the default collection, with its correction: the folder damaged files
/// stand in, and the pages compared.
pub const NAME: &str = "cia-rdp80-00809a000600290716-5";

pub struct Folder {
    pub meta: Vec<u8>,
    pub ocr: Vec<u8>,
    pub corrected: Vec<u8>,
}

pub static REPORT: LazyLock<Folder> = LazyLock::new(|| {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../documents").join(NAME);
    let read = |name: &str| std::fs::read(folder.join(name)).expect("the CIA report's files");
    Folder { meta: read("meta.toml"), ocr: read("ocr.txt"), corrected: read("corrected.md") }
});
