//! The postings held in memory between spills: each term's records since the last spill, and
//! what they cost, so the builder can spill them as a sorted run before they outgrow the
//! memory budget.

use super::document::IndexedDocument;
use super::run::{Piece, RunSource, Sink, put_head};
use crate::search::format::varint::put;
use foldhash::HashMap as FastMap;

/// One term's records since the last spill: a [`Piece`] and its bytes.
#[derive(Debug, Default)]
pub(super) struct TermPostings {
    records: Vec<u8>,
    docs: u32,
    first: u32,
    last: u32,
}

impl TermPostings {
    fn piece(&self) -> Piece {
        Piece {
            docs: self.docs,
            first: self.first,
            last: self.last,
            len: self.records.len() as u64,
        }
    }
}

/// Every term's postings since the last spill (or those of one part of the terms, see
/// [`IndexedDocument::in_parts`]).
#[derive(Debug, Default)]
pub struct Postings {
    terms: FastMap<String, TermPostings>,
    /// The heap bytes of the terms and records (the table's own are counted from its capacity).
    heap: usize,
}

/// What a term costs in the table besides its heap bytes: the entry and hashbrown's control byte.
const ENTRY_BYTES: usize = size_of::<(String, TermPostings)>() + 1;

impl Postings {
    /// Adds the terms of document `doc` (which comes after every document added before) in
    /// part `part`.
    pub fn add(&mut self, doc: u32, document: &IndexedDocument, part: usize) {
        for (term, records) in document.terms(part) {
            if let Some(postings) = self.terms.get_mut(term) {
                let before = postings.records.capacity();
                put(&mut postings.records, u64::from(doc - postings.last));
                postings.records.extend_from_slice(records);
                postings.docs += 1;
                postings.last = doc;
                self.heap += postings.records.capacity() - before;
            } else {
                self.heap += term.len() + records.len();
                let postings =
                    TermPostings { records: records.to_vec(), docs: 1, first: doc, last: doc };
                self.terms.insert(term.to_owned(), postings);
            }
        }
    }

    /// About how many bytes of memory the postings take.
    pub fn bytes(&self) -> usize {
        self.heap + self.terms.capacity() * ENTRY_BYTES
    }

    /// Takes every term's postings, sorted by term, leaving none.
    pub fn take_sorted(&mut self) -> SortedPostings {
        let terms = std::mem::take(&mut self.terms);
        self.heap = 0;
        let mut sorted: Vec<(String, TermPostings)> = terms.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SortedPostings { terms: sorted.into_iter(), current: None }
    }
}

/// Postings sorted by term: a run in memory. Read as a [`RunSource`] (the last stretch of
/// documents, merged with the spilled runs) or as the bytes of a run to spill
/// ([`Iterator`], in slices of about [`SPILL_SLICE`] bytes).
#[derive(Debug)]
pub struct SortedPostings {
    terms: std::vec::IntoIter<(String, TermPostings)>,
    current: Option<Vec<u8>>,
}

/// The size of the slices a spilled run comes in.
pub const SPILL_SLICE: usize = 1 << 20;

impl Iterator for SortedPostings {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for (term, postings) in self.terms.by_ref() {
            put_head(&mut out, &term, &postings.piece());
            out.extend_from_slice(&postings.records);
            if out.len() >= SPILL_SLICE {
                break;
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

impl SortedPostings {
    /// Reads these postings as a run whose errors are those of the runs it is merged with.
    pub fn source<E>(self) -> MemoryRun<E> {
        MemoryRun { sorted: self, error: std::marker::PhantomData }
    }
}

/// [`SortedPostings`] as a [`RunSource`] of any error type (it never fails).
#[derive(Debug)]
pub struct MemoryRun<E> {
    sorted: SortedPostings,
    error: std::marker::PhantomData<E>,
}

impl<E> RunSource for MemoryRun<E> {
    type Error = E;

    fn next_term(&mut self) -> Result<Option<(String, Piece)>, E> {
        Ok(self.sorted.terms.next().map(|(term, postings)| {
            let piece = postings.piece();
            self.sorted.current = Some(postings.records);
            (term, piece)
        }))
    }

    fn read_records(&mut self, each: &mut Sink<'_, E>) -> Result<(), E> {
        match self.sorted.current.take() {
            Some(records) => each(&records),
            None => Ok(()),
        }
    }
}
