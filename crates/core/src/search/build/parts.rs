//! The index's files as the builder emits them: hashed on the way, since every file's name
//! carries the key (a hash of all their contents) and so is known only at the end; held back
//! while they might still all fit in one pack.

use crate::bundle::short_hash;
use crate::search::format::{Part, pack};
use sha2::{Digest, Sha256};

/// Bytes of a file of the index: the whole file (`end` set on its only slice) or the next slice
/// of one written in several (a large postings block), the last with `end` set. A file's
/// slices come in order, though other files' may come between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emitted {
    pub part: Part,
    pub bytes: Vec<u8>,
    pub end: bool,
}

/// The files of the index, as they are emitted.
#[derive(Debug)]
pub(super) struct Parts {
    pack_limit: usize,
    /// The bytes of every file so far.
    total: usize,
    /// Every file so far, while they fit in a pack; `None` once they do not.
    held: Option<Vec<Emitted>>,
    /// The hashes of the files begun and not yet ended.
    open: Vec<(Part, Sha256)>,
    /// The short hash of every file ended.
    hashes: Vec<(Part, String)>,
}

/// The order of the index's files in the key and in a pack: blocks, leads, dictionary chunks, page
/// texts (by document, then page), table.
fn rank(part: Part) -> (u8, usize, usize) {
    match part {
        Part::Block(n) => (0, n, 0),
        Part::Lead(n) => (1, n, 0),
        Part::Dict(n) => (2, n, 0),
        Part::Page(doc, page) => (3, doc, page),
        Part::Table => (4, 0, 0),
        Part::Pack => (5, 0, 0),
    }
}

/// The index's key and its files (one pack, or each part), in order.
#[derive(Debug)]
pub(super) struct Sealed {
    pub key: String,
    pub parts: Vec<Part>,
    pub pack: Option<Emitted>,
}

impl Parts {
    pub(super) fn new(pack_limit: usize) -> Parts {
        Parts { pack_limit, total: 0, held: Some(Vec::new()), open: Vec::new(), hashes: Vec::new() }
    }

    /// Takes a file or a slice of one; returns what may be written now.
    pub(super) fn add(&mut self, emitted: Emitted) -> Vec<Emitted> {
        self.total += emitted.bytes.len();
        let at = match self.open.iter().position(|(part, _)| *part == emitted.part) {
            Some(at) => at,
            None => {
                self.open.push((emitted.part, Sha256::new()));
                self.open.len() - 1
            }
        };
        self.open[at].1.update(&emitted.bytes);
        if emitted.end {
            let (part, hasher) = self.open.swap_remove(at);
            let digest = hasher.finalize();
            let hash = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
            self.hashes.push((part, hash));
        }
        match &mut self.held {
            Some(held) if self.total <= self.pack_limit => {
                match held.iter_mut().find(|h| h.part == emitted.part && !h.end) {
                    Some(begun) => {
                        begun.bytes.extend_from_slice(&emitted.bytes);
                        begun.end = emitted.end;
                    }
                    None => held.push(emitted),
                }
                Vec::new()
            }
            Some(_) => {
                let mut released = self.held.take().unwrap_or_default();
                released.push(emitted);
                released
            }
            None => vec![emitted],
        }
    }

    /// The key, and the pack if every file fits in one.
    pub(super) fn seal(mut self) -> Sealed {
        self.hashes.sort_by_key(|(part, _)| rank(*part));
        let hashes: String = self.hashes.iter().map(|(_, hash)| hash.as_str()).collect();
        let key = short_hash(hashes.as_bytes());
        match self.held {
            Some(mut held) => {
                held.sort_by_key(|e| rank(e.part));
                let files: Vec<(String, Vec<u8>)> =
                    held.into_iter().map(|e| (e.part.file(&key), e.bytes)).collect();
                let pack = Emitted { part: Part::Pack, bytes: pack::write(&files), end: true };
                Sealed { key, parts: vec![Part::Pack], pack: Some(pack) }
            }
            None => {
                let parts = self.hashes.into_iter().map(|(part, _)| part).collect();
                Sealed { key, parts, pack: None }
            }
        }
    }
}
