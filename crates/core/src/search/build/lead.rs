//! Choosing a frequent term's lead ([`crate::search::format::lead`]) as its postings stream
//! past the dictionary: the records are decoded as they come, a document at a time, and the
//! best documents so far are kept (at most the lead's size of them, each with its records),
//! so a term of millions of records costs the memory of its lead only.

use crate::search::format::PostingLayer;
use crate::search::format::chunk::place;
use crate::search::format::lead::lead_bytes;
use crate::search::format::varint::{get, put};
use crate::search::score::{bm25, layer_weight};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How the build weighs a document for a term: its OCR layer's length as the table keeps it,
/// and the mean length, as the engine ranks by them.
#[derive(Debug, Default)]
pub(super) struct Weighing {
    pub lengths: Vec<u32>,
    pub avg: f32,
    /// Documents per lead; a term gets one when it occurs in more than twice as many.
    pub size: u32,
}

/// A document kept for a lead: (its weight's bits, then lower numbers first), its records.
type Kept = (Reverse<(u32, Reverse<u32>)>, Vec<u8>);

/// The lead of the term whose records are streaming past.
#[derive(Debug)]
pub(super) struct Collecting {
    lead: u32,
    df: u32,
    full: u64,
    /// Bytes received and not yet decoded (a record cut between two slices).
    pending: Vec<u8>,
    /// The document being read: its number, its records (the first without its delta), and
    /// its term frequency weighted by layer.
    doc: Option<(u32, Vec<u8>, f32)>,
    /// The best documents so far, the weakest on top.
    best: BinaryHeap<Kept>,
}

impl Collecting {
    /// Begins lead number `lead` of a term in `df` documents, the first of them `first`, whose
    /// whole postings are at `(block, offset)`.
    pub fn new(lead: u32, df: u32, first: u32, (block, offset): (u32, u32)) -> Collecting {
        let mut pending = Vec::new();
        put(&mut pending, u64::from(first));
        Collecting {
            lead,
            df,
            full: place(block, offset),
            pending,
            doc: None,
            best: BinaryHeap::new(),
        }
    }

    pub fn lead(&self) -> u32 {
        self.lead
    }

    /// Takes the next bytes of the term's records.
    pub fn feed(&mut self, bytes: &[u8], weighing: &Weighing) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while let Some(Record { delta, start, end, tf }) = record(&self.pending, at) {
            match &mut self.doc {
                Some((_, records, weight)) if delta == 0 => {
                    records.extend_from_slice(&self.pending[at..end]);
                    *weight += tf;
                }
                _ => {
                    let doc = self.doc.as_ref().map_or(0, |d| d.0) + delta as u32;
                    self.close_doc(weighing);
                    self.doc = Some((doc, self.pending[start..end].to_vec(), tf));
                }
            }
            at = end;
        }
        self.pending.drain(..at);
    }

    fn close_doc(&mut self, weighing: &Weighing) {
        let Some((doc, records, tf)) = self.doc.take() else { return };
        let len = weighing.lengths.get(doc as usize).copied().unwrap_or(1).max(1) as f32;
        let weight = bm25(1.0, tf, len, weighing.avg);
        self.best.push((Reverse((weight.to_bits(), Reverse(doc))), records));
        if self.best.len() > weighing.size as usize {
            self.best.pop();
        }
    }

    /// The lead file's bytes, once every record has been fed.
    pub fn finish(mut self, weighing: &Weighing) -> Vec<u8> {
        self.close_doc(weighing);
        let mut kept: Vec<(u32, Vec<u8>)> =
            self.best.into_iter().map(|(Reverse((_, Reverse(doc))), r)| (doc, r)).collect();
        crate::search::order::sort_by(&mut kept, |a, b| a.0.cmp(&b.0));
        let mut body = Vec::new();
        put(&mut body, kept.len() as u64);
        let mut last = 0;
        for (doc, records) in &kept {
            put(&mut body, u64::from(doc - last));
            body.extend_from_slice(records);
            last = *doc;
        }
        let mut entry = Vec::with_capacity(body.len() + 5);
        put(&mut entry, body.len() as u64);
        entry.extend(body);
        lead_bytes(self.df, self.full, &entry)
    }
}

/// A whole record of the bytes received: its document delta, where the rest of it (page,
/// layer, positions) starts and where it ends, and its term frequency weighted by layer.
struct Record {
    delta: u64,
    start: usize,
    end: usize,
    tf: f32,
}

/// The record at `at`, if it is whole.
fn record(bytes: &[u8], at: usize) -> Option<Record> {
    let mut i = at;
    let delta = get(bytes, &mut i)?;
    let start = i;
    get(bytes, &mut i)?;
    let layer = PostingLayer::from_byte(*bytes.get(i)?);
    i += 1;
    let count = get(bytes, &mut i)?;
    for _ in 0..count {
        get(bytes, &mut i)?;
    }
    let tf = count as f32 * layer.map_or(0.0, layer_weight);
    Some(Record { delta, start, end: i, tf })
}
