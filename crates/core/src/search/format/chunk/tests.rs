//! Round trips of blocks and dictionary chunks, and their damage, sealed or not.

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
    let map =
        fst::Map::from_iter([("a", 1u64), ("commun", place(3, 9)), ("party", 7)]).expect("sorted");
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
