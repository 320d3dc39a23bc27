//! Dictionary chunks and postings blocks, the two binary files of the index.
//!
//! A dictionary chunk is `RRD1` followed by an fst map from each term of a sorted range to the
//! place of its postings: the block's number in the high 32 bits, the offset in the low ones;
//! or, for a frequent term, the number of its lead ([`super::lead`]) with the top bit set.
//! A postings block is `RRB1` followed by term entries. An entry is its byte length, the number
//! of documents it occurs in, then one record per (document, page, layer): the document as a
//! delta from the previous record's, the page, the layer, the count of positions and the
//! positions as deltas. Everything is a LEB128 varint but the layer byte.
//!
//! Both end in their checksum ([`super::seal`]); a dictionary chunk's fst also has its own,
//! which is checked too, since fst trusts the offsets inside its bytes.

use super::seal::{seal, unseal};
use super::varint::{get_u32, put};
use super::{FormatError, PostingLayer, damaged};

mod fst_sum;

const DICT_MAGIC: &[u8; 4] = b"RRD1";
pub(crate) const BLOCK_MAGIC: &[u8; 4] = b"RRB1";

/// Where a term's postings are: which block, and where in it.
pub fn place(block: u32, offset: u32) -> u64 {
    (u64::from(block) << 32) | u64::from(offset)
}

pub fn unplace(value: u64) -> (u32, u32) {
    ((value >> 32) as u32, value as u32)
}

/// A dictionary value with this bit set names a term's lead ([`super::lead`]) by number rather
/// than its postings' place (blocks are numbered far below 2^31).
const LEAD: u64 = 1 << 63;

/// The dictionary value of a term whose postings have lead `n`.
pub fn lead_place(n: u32) -> u64 {
    LEAD | u64::from(n)
}

/// The lead a dictionary value names, if it names one.
pub fn lead_of(value: u64) -> Option<u32> {
    (value & LEAD != 0).then_some(value as u32)
}

/// The bytes of a dictionary chunk whose fst map is `fst`.
pub fn dict_bytes(fst: Vec<u8>) -> Vec<u8> {
    let mut out = DICT_MAGIC.to_vec();
    out.extend(fst);
    seal(out)
}

/// Reads a dictionary chunk.
pub fn read_dict(file: &str, bytes: &[u8]) -> Result<fst::Map<Vec<u8>>, FormatError> {
    let body = unseal(file, bytes)?;
    let body = body.strip_prefix(DICT_MAGIC).ok_or_else(|| damaged(file, "not a dictionary"))?;
    let map = fst::Map::new(body.to_vec()).map_err(|e| damaged(file, &e.to_string()))?;
    if !fst_sum::holds(map.as_fst().as_bytes()) {
        return Err(damaged(file, "its dictionary does not match its own checksum"));
    }
    Ok(map)
}

/// Checks a dictionary chunk against `meta.json`: its terms lie in its range (from `first` up
/// to `next`, the next chunk's first term) and name blocks below `blocks` or leads below
/// `leads`.
pub fn check_dict(
    file: &str,
    map: &fst::Map<Vec<u8>>,
    range: (&str, Option<&str>),
    (blocks, leads): (u32, u32),
) -> Result<(), FormatError> {
    use fst::{IntoStreamer, Streamer};
    let (first, next) = range;
    let mut stream = map.into_stream();
    let mut at_first = true;
    while let Some((term, place)) = stream.next() {
        let inside = term >= first.as_bytes() && next.is_none_or(|n| term < n.as_bytes());
        if !inside || (at_first && term != first.as_bytes()) {
            return Err(damaged(file, "its terms are not the range meta.json gives it"));
        }
        at_first = false;
        let within = match lead_of(place) {
            Some(lead) => lead < leads && place >> 32 == LEAD >> 32,
            None => unplace(place).0 < blocks,
        };
        if !within {
            return Err(damaged(file, "a term names postings meta.json does not count"));
        }
    }
    if at_first {
        return Err(damaged(file, "it holds no term"));
    }
    Ok(())
}

/// A postings block being written: term entries appended one after another.
#[derive(Debug)]
pub struct BlockWriter {
    bytes: Vec<u8>,
}

impl Default for BlockWriter {
    fn default() -> Self {
        BlockWriter { bytes: BLOCK_MAGIC.to_vec() }
    }
}

impl BlockWriter {
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.len() == BLOCK_MAGIC.len()
    }

    /// Appends an encoded term entry (from [`PostingsWriter::finish`]); returns its offset.
    pub fn push(&mut self, entry: &[u8]) -> u32 {
        let offset = self.bytes.len() as u32;
        self.bytes.extend_from_slice(entry);
        offset
    }

    pub fn finish(self) -> Vec<u8> {
        seal(self.bytes)
    }
}

/// One term's postings being collected, in (document, page, layer) order.
#[derive(Debug, Default, Clone)]
pub struct PostingsWriter {
    records: Vec<u8>,
    docs: u32,
    last_doc: Option<u32>,
}

impl PostingsWriter {
    pub fn push(&mut self, doc: u32, page: u32, layer: PostingLayer, positions: &[u32]) {
        let delta = match self.last_doc {
            Some(last) if last == doc => 0,
            Some(last) => {
                self.docs += 1;
                doc - last
            }
            None => {
                self.docs += 1;
                doc
            }
        };
        self.last_doc = Some(doc);
        put(&mut self.records, u64::from(delta));
        put(&mut self.records, u64::from(page));
        self.records.push(layer as u8);
        put(&mut self.records, positions.len() as u64);
        let mut previous = 0;
        for &position in positions {
            put(&mut self.records, u64::from(position - previous));
            previous = position;
        }
    }

    /// The entry's bytes: length, document count, records.
    pub fn finish(&self) -> Vec<u8> {
        let mut head = Vec::with_capacity(self.records.len() + 10);
        let mut count = Vec::new();
        put(&mut count, u64::from(self.docs));
        put(&mut head, (count.len() + self.records.len()) as u64);
        head.extend(count);
        head.extend_from_slice(&self.records);
        head
    }
}

/// Checks a block's checksum and header; returns its bytes for [`each_record`] (the offsets
/// in the dictionary count from the block's first byte).
pub fn read_block(file: &str, mut bytes: Vec<u8>) -> Result<Vec<u8>, FormatError> {
    let len = unseal(file, &bytes)?.len();
    bytes.truncate(len);
    if bytes.starts_with(BLOCK_MAGIC) {
        Ok(bytes)
    } else {
        Err(damaged(file, "not a postings block"))
    }
}

/// The number of documents of the entry at `offset` of a block, from its head alone.
pub fn entry_docs(file: &str, block: &[u8], offset: u32) -> Result<u32, FormatError> {
    let broken = || damaged(file, "a postings entry is cut short");
    let mut at = offset as usize;
    let len = get_u32(block, &mut at).ok_or_else(broken)? as usize;
    at.checked_add(len).filter(|&end| end <= block.len()).ok_or_else(broken)?;
    get_u32(block, &mut at).ok_or_else(broken)
}

/// What [`each_record`] calls: document, page, layer and positions of one record.
pub type EachRecord<'a> = dyn FnMut(u32, u32, PostingLayer, &[u32]) + 'a;

/// Calls `each` with every record of the entry at `offset` of a block, in order, its
/// positions decoded into one buffer that serves every record (a frequent term has hundreds
/// of thousands); returns the number of documents the term occurs in.
pub fn each_record(
    file: &str,
    block: &[u8],
    offset: u32,
    each: &mut EachRecord<'_>,
) -> Result<u32, FormatError> {
    let broken = || damaged(file, "a postings entry is cut short");
    let mut at = offset as usize;
    let len = get_u32(block, &mut at).ok_or_else(broken)? as usize;
    let end = at.checked_add(len).filter(|&end| end <= block.len()).ok_or_else(broken)?;
    let entry = &block[..end];
    let docs = get_u32(entry, &mut at).ok_or_else(broken)?;
    let mut positions = Vec::new();
    let mut doc = 0u32;
    while at < end {
        let delta = get_u32(entry, &mut at).ok_or_else(broken)?;
        doc = doc.checked_add(delta).ok_or_else(broken)?;
        let page = get_u32(entry, &mut at).ok_or_else(broken)?;
        let layer = entry.get(at).copied().and_then(PostingLayer::from_byte).ok_or_else(broken)?;
        at += 1;
        let count = get_u32(entry, &mut at).ok_or_else(broken)? as usize;
        positions.clear();
        let mut position = 0u32;
        for _ in 0..count {
            position = position
                .checked_add(get_u32(entry, &mut at).ok_or_else(broken)?)
                .ok_or_else(broken)?;
            positions.push(position);
        }
        each(doc, page, layer, &positions);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests;
