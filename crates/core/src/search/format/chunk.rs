//! Dictionary chunks and postings blocks, the two binary files of the index.
//!
//! A dictionary chunk is `RRD1` followed by an fst map from each term of a sorted range to the
//! place of its postings: the block's number in the high 32 bits, the offset in the low ones.
//! A postings block is `RRB1` followed by term entries. An entry is its byte length, the number
//! of documents it occurs in, then one record per (document, page, layer): the document as a
//! delta from the previous record's, the page, the layer, the count of positions and the
//! positions as deltas. Everything is a LEB128 varint but the layer byte.

use super::varint::{get_u32, put};
use super::{FormatError, PostingLayer, damaged};

const DICT_MAGIC: &[u8; 4] = b"RRD1";
const BLOCK_MAGIC: &[u8; 4] = b"RRB1";

/// Where a term's postings are: which block, and where in it.
pub fn place(block: u32, offset: u32) -> u64 {
    (u64::from(block) << 32) | u64::from(offset)
}

pub fn unplace(value: u64) -> (u32, u32) {
    ((value >> 32) as u32, value as u32)
}

/// The bytes of a dictionary chunk whose fst map is `fst`.
pub fn dict_bytes(fst: Vec<u8>) -> Vec<u8> {
    let mut out = DICT_MAGIC.to_vec();
    out.extend(fst);
    out
}

/// Reads a dictionary chunk.
pub fn read_dict(file: &str, bytes: &[u8]) -> Result<fst::Map<Vec<u8>>, FormatError> {
    let body = bytes.strip_prefix(DICT_MAGIC).ok_or_else(|| damaged(file, "not a dictionary"))?;
    fst::Map::new(body.to_vec()).map_err(|e| damaged(file, &e.to_string()))
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
        self.bytes
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

/// Checks a block's header; returns its bytes for [`each_record`].
pub fn read_block(file: &str, bytes: Vec<u8>) -> Result<Vec<u8>, FormatError> {
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
mod tests {
    use super::*;

    /// One (document, page, layer) occurrence of a term, with its token positions.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Record {
        doc: u32,
        page: u32,
        layer: PostingLayer,
        positions: Vec<u32>,
    }

    /// A term's postings, decoded whole.
    struct Postings {
        docs: u32,
        records: Vec<Record>,
    }

    fn read_postings(file: &str, block: &[u8], offset: u32) -> Result<Postings, FormatError> {
        let mut records = Vec::new();
        let docs = each_record(file, block, offset, &mut |doc, page, layer, positions| {
            records.push(Record { doc, page, layer, positions: positions.to_vec() });
        })?;
        Ok(Postings { docs, records })
    }

    #[test]
    fn postings_round_trip_through_a_block() {
        let mut first = PostingsWriter::default();
        first.push(0, 1, PostingLayer::Ocr, &[3, 9]);
        first.push(0, 1, PostingLayer::Corrected, &[2]);
        first.push(5, 0, PostingLayer::Furniture, &[0]);
        let mut second = PostingsWriter::default();
        second.push(2, 7, PostingLayer::Ocr, &[100_000]);
        let mut block = BlockWriter::default();
        let a = block.push(&first.finish());
        let b = block.push(&second.finish());
        let bytes = read_block("b", block.finish()).expect("a block");
        let read = read_postings("b", &bytes, a).expect("first entry");
        assert_eq!(read.docs, 2);
        assert_eq!(entry_docs("b", &bytes, a).expect("its head"), 2);
        assert_eq!(read.records.len(), 3);
        assert_eq!(read.records[0].positions, [3, 9]);
        assert_eq!(
            read.records[2],
            Record { doc: 5, page: 0, layer: PostingLayer::Furniture, positions: vec![0] }
        );
        let read = read_postings("b", &bytes, b).expect("second entry");
        assert_eq!(read.records[0].positions, [100_000]);
        assert!(read_postings("b", &bytes[..bytes.len() - 1], b).is_err());
        assert!(read_block("b", b"RRD1".to_vec()).is_err());
    }

    #[test]
    fn places_keep_block_and_offset() {
        assert_eq!(unplace(place(7, 123_456)), (7, 123_456));
        assert_eq!(unplace(place(u32::MAX, u32::MAX)), (u32::MAX, u32::MAX));
    }
}
