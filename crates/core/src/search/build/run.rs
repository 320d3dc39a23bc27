//! Sorted runs: the postings of a stretch of documents, spilled when they outgrow the memory
//! budget, and their merge.
//!
//! A run is a sequence of term entries in term order. An entry is a head of [`HEAD_BYTES`]
//! (little-endian: the term's length in bytes as a u32, then its [`Piece`]: documents, first
//! and last document as u32s, the records' length as a u64), the term, then the records: the
//! postings format's records ([`crate::search::format::chunk`]) without the first one's document
//! delta, which is the piece's `first`. A run's documents all come after the previous run's,
//! so a term's pieces from the runs in order join into its postings by putting back, before
//! each piece, the delta from the previous piece's last document ([`Joiner`]).
//!
//! Runs are temporary files of one build; the CLI owns them and reads them through
//! [`RunSource`], so this module does no I/O.

use crate::search::format::varint::put;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The bytes of an entry's head.
pub const HEAD_BYTES: usize = 24;

/// A term's postings within one run: how many documents, the first and last of them, and
/// the length of its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub docs: u32,
    pub first: u32,
    pub last: u32,
    pub len: u64,
}

/// Appends an entry's head and its term (the records follow).
pub fn put_head(out: &mut Vec<u8>, term: &str, piece: &Piece) {
    out.extend_from_slice(&(term.len() as u32).to_le_bytes());
    out.extend_from_slice(&piece.docs.to_le_bytes());
    out.extend_from_slice(&piece.first.to_le_bytes());
    out.extend_from_slice(&piece.last.to_le_bytes());
    out.extend_from_slice(&piece.len.to_le_bytes());
    out.extend_from_slice(term.as_bytes());
}

/// Reads a head: the length of the term that follows it, and the piece.
pub fn read_head(head: &[u8; HEAD_BYTES]) -> (usize, Piece) {
    let u32_at =
        |at: usize| u32::from_le_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let mut len = [0; 8];
    len.copy_from_slice(&head[16..24]);
    let piece =
        Piece { docs: u32_at(4), first: u32_at(8), last: u32_at(12), len: u64::from_le_bytes(len) };
    (u32_at(0) as usize, piece)
}

/// What takes bytes as they stream past, and may fail as its writer or reader does.
pub type Sink<'a, E> = dyn FnMut(&[u8]) -> Result<(), E> + 'a;

/// A run being read, entry by entry.
pub trait RunSource {
    type Error;
    /// The next entry's term and piece, or `None` after the last.
    fn next_term(&mut self) -> Result<Option<(String, Piece)>, Self::Error>;
    /// Hands the current entry's records (`piece.len` bytes) to `each`, in slices.
    fn read_records(&mut self, each: &mut Sink<'_, Self::Error>) -> Result<(), Self::Error>;
}

/// What the merge feeds: each term in order with its pieces, then their records.
pub trait MergeTarget {
    type Error;
    /// The next term, with its pieces in run (so document) order.
    fn term(&mut self, term: &str, pieces: &[Piece]) -> Result<(), Self::Error>;
    /// The next records of the current term: every piece's, in order, each whole before the
    /// next's, in slices of any size.
    fn records(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;
}

/// Merges sorted runs, given in document order, term by term into `target`.
pub fn merge<E>(
    sources: &mut [&mut (dyn RunSource<Error = E> + '_)],
    target: &mut dyn MergeTarget<Error = E>,
) -> Result<(), E> {
    let mut heads: Vec<Option<Piece>> = vec![None; sources.len()];
    let mut queue = BinaryHeap::new();
    for (n, source) in sources.iter_mut().enumerate() {
        if let Some((term, piece)) = source.next_term()? {
            heads[n] = Some(piece);
            queue.push(Reverse((term, n)));
        }
    }
    let mut from = Vec::new();
    let mut pieces = Vec::new();
    while let Some(Reverse((term, n))) = queue.pop() {
        from.clear();
        from.push(n);
        while queue.peek().is_some_and(|Reverse((next, _))| *next == term) {
            if let Some(Reverse((_, m))) = queue.pop() {
                from.push(m);
            }
        }
        pieces.clear();
        pieces.extend(from.iter().filter_map(|&m| heads[m]));
        target.term(&term, &pieces)?;
        for &m in &from {
            sources[m].read_records(&mut |bytes| target.records(bytes))?;
            heads[m] = None;
            if let Some((next, piece)) = sources[m].next_term()? {
                heads[m] = Some(piece);
                queue.push(Reverse((next, m)));
            }
        }
    }
    Ok(())
}

/// Writes merged runs as one run, for when there are more runs than can be read at once.
pub struct RunWriter<'a, E> {
    out: &'a mut Sink<'a, E>,
    joiner: Joiner,
}

impl<'a, E> RunWriter<'a, E> {
    pub fn new(out: &'a mut Sink<'a, E>) -> RunWriter<'a, E> {
        RunWriter { out, joiner: Joiner::default() }
    }
}

impl<E> MergeTarget for RunWriter<'_, E> {
    type Error = E;

    fn term(&mut self, term: &str, pieces: &[Piece]) -> Result<(), E> {
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return Ok(());
        };
        let joined = Piece {
            docs: pieces.iter().map(|p| p.docs).sum(),
            first: first.first,
            last: last.last,
            len: joined_len(pieces),
        };
        let mut head = Vec::with_capacity(HEAD_BYTES + term.len());
        put_head(&mut head, term, &joined);
        (self.out)(&head)?;
        self.joiner = Joiner::new(pieces);
        Ok(())
    }

    fn records(&mut self, bytes: &[u8]) -> Result<(), E> {
        self.joiner.feed(bytes, &mut *self.out)
    }
}

/// The bytes of a varint.
pub(super) fn varint_len(value: u64) -> u64 {
    u64::from((64 - value.leading_zeros()).max(1).div_ceil(7))
}

/// The length of a term's pieces joined: their records and the deltas put back between them.
pub(super) fn joined_len(pieces: &[Piece]) -> u64 {
    let deltas: u64 =
        pieces.windows(2).map(|w| varint_len(u64::from(w[1].first - w[0].last))).sum();
    pieces.iter().map(|p| p.len).sum::<u64>() + deltas
}

/// Joins a term's pieces as their records stream past: after each piece but the last, the
/// delta from its last document to the next piece's first.
#[derive(Debug, Default)]
pub(super) struct Joiner {
    pieces: Vec<Piece>,
    at: usize,
    left: u64,
}

impl Joiner {
    pub(super) fn new(pieces: &[Piece]) -> Joiner {
        Joiner { pieces: pieces.to_vec(), at: 0, left: pieces.first().map_or(0, |p| p.len) }
    }

    pub(super) fn feed<E>(&mut self, mut bytes: &[u8], out: &mut Sink<'_, E>) -> Result<(), E> {
        loop {
            while self.left == 0 && self.at + 1 < self.pieces.len() {
                let delta = self.pieces[self.at + 1].first - self.pieces[self.at].last;
                let mut varint = Vec::with_capacity(5);
                put(&mut varint, u64::from(delta));
                out(&varint)?;
                self.at += 1;
                self.left = self.pieces[self.at].len;
            }
            if bytes.is_empty() {
                return Ok(());
            }
            let take = (self.left.min(bytes.len() as u64)) as usize;
            debug_assert!(take > 0, "more records than the pieces announced");
            if take == 0 {
                return Ok(());
            }
            out(&bytes[..take])?;
            self.left -= take as u64;
            bytes = &bytes[take..];
        }
    }
}
