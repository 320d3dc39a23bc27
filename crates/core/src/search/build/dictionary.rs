//! Cutting the sorted terms into dictionary chunks and their postings into blocks, as the
//! merge hands them over term by term. A term's postings are written as they stream past, so a
//! very frequent term (tens of megabytes of positions in a large collection) is never held
//! whole: its block is emitted in slices, sealed with a checksum computed on the way.

use super::BuildOptions;
use super::lead::{Collecting, Weighing};
use super::parts::Emitted;
use super::run::{Joiner, MergeTarget, Piece, joined_len, varint_len};
use crate::search::format::Part;
use crate::search::format::chunk::{self, BLOCK_MAGIC};
use crate::search::format::seal::{Sealer, seal};
use crate::search::format::varint::put;
use std::convert::Infallible;

/// A block growing past this many bytes is emitted in slices.
const SLICE_BYTES: usize = 1 << 20;

/// The dictionary and postings blocks being written.
#[derive(Debug)]
pub(super) struct Dictionary {
    dict_terms: usize,
    block_bytes: usize,
    /// A block's bytes held at most before they are emitted as a slice.
    slice_bytes: usize,
    /// The current block's bytes not yet emitted.
    block: Vec<u8>,
    /// The current block's length so far, emitted or not.
    block_len: usize,
    /// The checksum of the part of the current block already emitted, if any was.
    sealer: Option<Sealer>,
    blocks: usize,
    /// The current chunk's terms and the places of their postings.
    places: Vec<(String, u64)>,
    /// The first term of every chunk emitted.
    firsts: Vec<String>,
    joiner: Joiner,
    /// How documents weigh for leads, and the lead of the current term if it has one.
    weighing: Weighing,
    lead: Option<Collecting>,
    leads: u32,
    /// Files finished or begun, for the builder to take.
    pub(super) out: Vec<Emitted>,
}

impl Dictionary {
    pub(super) fn new(options: &BuildOptions, weighing: Weighing) -> Dictionary {
        Dictionary {
            dict_terms: options.dict_terms.max(1),
            block_bytes: options.block_bytes,
            slice_bytes: SLICE_BYTES,
            block: BLOCK_MAGIC.to_vec(),
            block_len: BLOCK_MAGIC.len(),
            sealer: None,
            blocks: 0,
            places: Vec::new(),
            firsts: Vec::new(),
            joiner: Joiner::default(),
            weighing,
            lead: None,
            leads: 0,
            out: Vec::new(),
        }
    }

    fn close_block(&mut self) {
        let mut bytes = std::mem::take(&mut self.block);
        match self.sealer.take() {
            Some(mut sealer) => {
                sealer.update(&bytes);
                bytes.extend_from_slice(&sealer.trailer());
            }
            None => bytes = seal(bytes),
        }
        self.out.push(Emitted { part: Part::Block(self.blocks), bytes, end: true });
        self.blocks += 1;
        self.block = BLOCK_MAGIC.to_vec();
        self.block_len = BLOCK_MAGIC.len();
    }

    fn close_chunk(&mut self) {
        let Some((first, _)) = self.places.first() else { return };
        self.firsts.push(first.clone());
        let map = fst::Map::from_iter(self.places.iter().map(|(term, place)| (term, *place)))
            .unwrap_or_else(|e| unreachable!("terms are sorted and unique: {e}"));
        let bytes = chunk::dict_bytes(map.into_fst().into_inner());
        self.out.push(Emitted { part: Part::Dict(self.firsts.len() - 1), bytes, end: true });
        self.places.clear();
    }

    fn close_lead(&mut self) {
        if let Some(lead) = self.lead.take() {
            let part = Part::Lead(lead.lead() as usize);
            let bytes = lead.finish(&self.weighing);
            self.out.push(Emitted { part, bytes, end: true });
        }
    }

    /// Emits what is left; returns the first term of each chunk, the number of blocks and the
    /// number of leads.
    pub(super) fn finish(mut self) -> (Vec<String>, u32, u32, Vec<Emitted>) {
        self.close_lead();
        if self.block_len > BLOCK_MAGIC.len() {
            self.close_block();
        }
        self.close_chunk();
        (self.firsts, self.blocks as u32, self.leads, self.out)
    }
}

impl MergeTarget for Dictionary {
    type Error = Infallible;

    fn term(&mut self, term: &str, pieces: &[Piece]) -> Result<(), Infallible> {
        self.close_lead();
        let docs: u32 = pieces.iter().map(|p| p.docs).sum();
        let first = pieces.first().map_or(0, |p| p.first);
        let body = varint_len(u64::from(docs)) + varint_len(u64::from(first)) + joined_len(pieces);
        let entry = (varint_len(body) + body) as usize;
        if self.block_len > BLOCK_MAGIC.len() && self.block_len + entry > self.block_bytes {
            self.close_block();
        }
        let mut place = chunk::place(self.blocks as u32, self.block_len as u32);
        if u64::from(docs) > 2 * u64::from(self.weighing.size) {
            let full = (self.blocks as u32, self.block_len as u32);
            self.lead = Some(Collecting::new(self.leads, docs, first, full));
            place = chunk::lead_place(self.leads);
            self.leads += 1;
        }
        self.places.push((term.to_owned(), place));
        if self.places.len() == self.dict_terms {
            self.close_chunk();
        }
        let before = self.block.len();
        put(&mut self.block, body);
        put(&mut self.block, u64::from(docs));
        put(&mut self.block, u64::from(first));
        self.block_len += self.block.len() - before;
        self.joiner = Joiner::new(pieces);
        Ok(())
    }

    fn records(&mut self, bytes: &[u8]) -> Result<(), Infallible> {
        let block = &mut self.block;
        let block_len = &mut self.block_len;
        let (lead, weighing) = (&mut self.lead, &self.weighing);
        self.joiner.feed(bytes, &mut |slice: &[u8]| -> Result<(), Infallible> {
            block.extend_from_slice(slice);
            *block_len += slice.len();
            if let Some(lead) = lead.as_mut() {
                lead.feed(slice, weighing);
            }
            Ok(())
        })?;
        if self.block.len() >= self.slice_bytes {
            let bytes = std::mem::take(&mut self.block);
            self.sealer.get_or_insert_default().update(&bytes);
            self.out.push(Emitted { part: Part::Block(self.blocks), bytes, end: false });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The files a dictionary emits for terms whose records are `sizes` bytes long (in pieces
    /// of 3 runs), each file's slices joined.
    fn files(slice_bytes: usize, sizes: &[usize]) -> (HashMap<Part, Vec<u8>>, usize) {
        let options =
            BuildOptions { pack_limit: 0, dict_terms: 4, block_bytes: 300, lead_docs: None };
        let weighing = Weighing { size: u32::MAX / 2, ..Weighing::default() };
        let mut dictionary = Dictionary { slice_bytes, ..Dictionary::new(&options, weighing) };
        let mut out: Vec<Emitted> = Vec::new();
        for (n, &size) in sizes.iter().enumerate() {
            let third = size as u64 / 3;
            let pieces: Vec<Piece> = (0..3u32)
                .map(|k| Piece { docs: 1, first: 10 * k, last: 10 * k + 2, len: third })
                .collect();
            let Ok(()) = dictionary.term(&format!("term{n:03}"), &pieces);
            let records: Vec<u8> = (0..3 * third).map(|i| (i * 7 + n as u64) as u8).collect();
            for slice in records.chunks(50) {
                let Ok(()) = dictionary.records(slice);
            }
            out.append(&mut dictionary.out);
        }
        let (_, _, _, rest) = dictionary.finish();
        out.extend(rest);
        let slices = out.iter().filter(|e| !e.end).count();
        let mut joined: HashMap<Part, Vec<u8>> = HashMap::new();
        for e in out {
            joined.entry(e.part).or_default().extend(e.bytes);
        }
        (joined, slices)
    }

    #[test]
    fn a_block_emitted_in_slices_is_the_block_emitted_whole() {
        let sizes = [30, 900, 12, 2400, 3, 3, 600, 45, 7000, 90];
        let (whole, none) = files(SLICE_BYTES, &sizes);
        let (sliced, slices) = files(64, &sizes);
        assert_eq!(none, 0);
        assert!(slices > 100, "{slices} slices");
        assert_eq!(sliced, whole);
        for (part, bytes) in &whole {
            if let Part::Block(_) = part {
                crate::search::format::seal::unseal("block", bytes).expect("sealed");
            }
        }
    }
}
