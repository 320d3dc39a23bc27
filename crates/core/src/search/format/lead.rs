//! A frequent term's lead: the postings of its best documents, in a file of its own.
//!
//! A term that occurs in many documents (more than twice [`lead_docs`] of them) has, beside
//! its whole postings in a block, a lead: the records of the documents where it weighs most
//! (by BM25 over the OCR layer, as the engine ranks a one-word query), in document order. Its
//! dictionary entry names the lead (see [`super::chunk::lead_place`]), so a query reads the
//! lead first, a few kilobytes whatever the collection's size, and reads the whole postings
//! only when the leads do not give it enough results.
//!
//! A lead file is `RRL1`, the number of documents the term occurs in, the place of its whole
//! postings, then a postings entry as a block holds one (length, documents, records), and the
//! checksum ([`super::seal`]).

use super::chunk::{entry_docs, unplace};
use super::seal::{seal, unseal};
use super::varint::{get, get_u32, put};
use super::{FormatError, damaged};

const LEAD_MAGIC: &[u8; 4] = b"RRL1";

/// How many documents a lead holds in a collection of `docs`: enough that two frequent words'
/// leads still share a page of results (about `lead²/docs` documents in common), at least 64.
pub fn lead_docs(docs: u32) -> u32 {
    ((40.0 * f64::from(docs)).sqrt().ceil() as u32).max(64)
}

/// The bytes of a lead file.
pub fn lead_bytes(df: u32, full: u64, entry: &[u8]) -> Vec<u8> {
    let mut out = LEAD_MAGIC.to_vec();
    put(&mut out, u64::from(df));
    put(&mut out, full);
    out.extend_from_slice(entry);
    seal(out)
}

/// A lead file, read and checked.
#[derive(Debug, Clone)]
pub struct Lead {
    /// The file's bytes without its checksum; its entry starts at `entry`.
    pub bytes: Vec<u8>,
    pub entry: u32,
    /// The documents the term occurs in, and those of them the lead holds.
    pub df: u32,
    pub docs: u32,
    /// The place of the term's whole postings.
    pub full: u64,
}

/// Reads a lead file of an index of `blocks` postings blocks.
pub fn read_lead(file: &str, mut bytes: Vec<u8>, blocks: u32) -> Result<Lead, FormatError> {
    let len = unseal(file, &bytes)?.len();
    bytes.truncate(len);
    if !bytes.starts_with(LEAD_MAGIC) {
        return Err(damaged(file, "not a lead"));
    }
    let broken = || damaged(file, "its head is cut short");
    let mut at = LEAD_MAGIC.len();
    let df = get_u32(&bytes, &mut at).ok_or_else(broken)?;
    let full = get(&bytes, &mut at).ok_or_else(broken)?;
    if unplace(full).0 >= blocks {
        return Err(damaged(file, "it names a postings block meta.json does not count"));
    }
    let entry = at as u32;
    let docs = entry_docs(file, &bytes, entry)?;
    if docs > df {
        return Err(damaged(file, "it holds more documents than the term occurs in"));
    }
    Ok(Lead { bytes, entry, df, docs, full })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::format::PostingLayer;
    use crate::search::format::chunk::{PostingsWriter, each_record, place};

    #[test]
    fn a_lead_reads_back_and_damage_is_refused() {
        let mut writer = PostingsWriter::default();
        writer.push(3, 0, PostingLayer::Ocr, &[1, 4]);
        writer.push(9, 2, PostingLayer::Corrected, &[0]);
        let bytes = lead_bytes(40, place(2, 17), &writer.finish());
        let lead = read_lead("lead", bytes.clone(), 3).expect("sound");
        assert_eq!((lead.df, lead.docs, lead.full), (40, 2, place(2, 17)));
        let mut seen = Vec::new();
        each_record("lead", &lead.bytes, lead.entry, &mut |doc, page, _, positions| {
            seen.push((doc, page, positions.to_vec()));
        })
        .expect("records");
        assert_eq!(seen, [(3, 0, vec![1, 4]), (9, 2, vec![0])]);
        let error = read_lead("lead", bytes, 2).expect_err("block 2 of 2");
        assert!(error.message.contains("does not count"), "{error}");
        let too_many = lead_bytes(1, place(0, 4), &writer.finish());
        assert!(read_lead("lead", too_many, 3).is_err());
    }

    #[test]
    fn leads_grow_as_the_root_of_the_collection() {
        assert_eq!(lead_docs(23), 64);
        assert_eq!(lead_docs(10_000), 633);
        assert_eq!(lead_docs(100_000), 2000);
    }
}
