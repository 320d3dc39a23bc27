//! Dictionary chunks and postings blocks, the two binary files of the index.
//!
//! A dictionary chunk is `RRD1` followed by an fst map from each term of a sorted range to the
//! place of its postings: the block's number in the high 32 bits, the offset in the low ones.
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
    seal(out)
}

/// Reads a dictionary chunk.
pub fn read_dict(file: &str, bytes: &[u8]) -> Result<fst::Map<Vec<u8>>, FormatError> {
    let body = unseal(file, bytes)?;
    let body = body.strip_prefix(DICT_MAGIC).ok_or_else(|| damaged(file, "not a dictionary"))?;
    let map = fst::Map::new(body.to_vec()).map_err(|e| damaged(file, &e.to_string()))?;
    map.as_fst().verify().map_err(|e| damaged(file, &e.to_string()))?;
    Ok(map)
}

/// Checks a dictionary chunk against `meta.json`: its terms lie in its range (from `first` up
/// to `next`, the next chunk's first term) and name blocks below `blocks`.
pub fn check_dict(
    file: &str,
    map: &fst::Map<Vec<u8>>,
    range: (&str, Option<&str>),
    blocks: u32,
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
        if unplace(place).0 >= blocks {
            return Err(damaged(file, "a term names a postings block meta.json does not count"));
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
        assert!(read_block("b", seal(b"RRD1".to_vec())).is_err());
        assert!(read_block("b", b"RRB1".to_vec()).is_err(), "no checksum");
    }

    fn sample_block() -> (Vec<u8>, Vec<u32>) {
        let mut block = BlockWriter::default();
        let mut offsets = Vec::new();
        for term in 0..4u32 {
            let mut writer = PostingsWriter::default();
            for doc in 0..3 {
                writer.push(doc * 2 + term, term, PostingLayer::Ocr, &[term, term + 7, 300]);
                writer.push(doc * 2 + term, term + 1, PostingLayer::Corrected, &[1]);
            }
            offsets.push(block.push(&writer.finish()));
        }
        let sealed = block.finish();
        (unseal("b", &sealed).expect("sound").to_vec(), offsets)
    }

    /// Damaged but sealed blocks: the reader's bounds, not the checksum, are tried.
    #[test]
    fn a_sealed_but_damaged_block_is_an_error_not_a_panic() {
        let (payload, mut offsets) = sample_block();
        offsets.extend([u32::MAX, payload.len() as u32, payload.len() as u32 - 1]);
        for at in 0..payload.len() {
            for bits in [0x01, 0x40, 0x80, 0xff] {
                let mut flipped = payload.clone();
                flipped[at] ^= bits;
                let block = read_block("b", seal(flipped));
                for &offset in &offsets {
                    if let Ok(block) = &block {
                        let _ = read_postings("b", block, offset);
                        let _ = entry_docs("b", block, offset);
                    }
                }
            }
            if let Ok(block) = read_block("b", seal(payload[..at].to_vec())) {
                for &offset in &offsets {
                    let whole = read_postings("b", &payload, offset).is_ok_and(|_| {
                        let mut head = offset as usize;
                        get_u32(&payload, &mut head).is_some_and(|len| head + len as usize <= at)
                    });
                    assert_eq!(read_postings("b", &block, offset).is_ok(), whole, "{at}");
                }
            }
        }
    }

    #[test]
    fn a_dictionary_chunk_is_checked_by_its_checksum_and_by_fst() {
        let map = fst::Map::from_iter([("a", 1u64), ("commun", place(3, 9)), ("party", 7)])
            .expect("sorted");
        let sealed = dict_bytes(map.into_fst().into_inner());
        assert_eq!(read_dict("d", &sealed).expect("sound").get("commun"), Some(place(3, 9)));
        let payload = unseal("d", &sealed).expect("sound").to_vec();
        for at in 0..payload.len() {
            let mut flipped = payload.clone();
            flipped[at] ^= 0x20;
            let error = read_dict("d", &sealed[..sealed.len() - 1]).expect_err("cut short");
            assert_eq!(error.file, "d");
            assert!(read_dict("d", &seal(flipped)).is_err(), "fst's own checksum at {at}");
            assert!(read_dict("d", &seal(payload[..at].to_vec())).is_err(), "cut to {at}");
        }
    }

    #[test]
    fn places_keep_block_and_offset() {
        assert_eq!(unplace(place(7, 123_456)), (7, 123_456));
        assert_eq!(unplace(place(u32::MAX, u32::MAX)), (u32::MAX, u32::MAX));
    }
}
