//! One document's share of the index, made from its data alone, so that documents can be
//! indexed in parallel and added to the collection's postings one after another.

use super::page_tokens_of;
use crate::bundle::DocumentData;
use crate::search::format::PostingLayer;
use crate::search::format::varint::put;
use rustc_hash::FxHashMap;

/// A document's terms with their records already encoded, its layer lengths and what the
/// fold table needs of it. The terms and records lie in two buffers rather than one allocation
/// each, since the thread that adds them to the collection is not the one that made them, and
/// freeing memory another thread allocated is slow.
#[derive(Debug, Clone, Default)]
pub struct IndexedDocument {
    /// The terms, one after another.
    text: String,
    /// Each term's records in the postings format ([`crate::search::format::chunk`]), in (page,
    /// layer) order, but for the first record's document delta, which depends on the document
    /// the term occurred in before (every later record of the document has delta 0).
    records: Vec<u8>,
    /// Where each term and its records end in `text` and `records`.
    ends: Vec<(u32, u32)>,
    /// Tokens in the OCR layer (furniture included) and in the corrected layer.
    pub(super) len: [u32; 2],
    pub(super) pages: u32,
    /// The document's characters outside ASCII, sorted and without repeats (for the fold table).
    pub(super) chars: Vec<char>,
}

impl IndexedDocument {
    pub fn of(data: &DocumentData) -> IndexedDocument {
        let mut terms: FxHashMap<String, Vec<u8>> = FxHashMap::default();
        let mut len = [0u32; 2];
        let mut chars = Vec::new();
        let mut grouped: FxHashMap<(String, PostingLayer), Vec<u32>> = FxHashMap::default();
        for (page, content) in data.pages.iter().enumerate() {
            let search_text = content.corrected.as_ref().map(|tree| tree.search_text());
            if cfg!(feature = "unicode-tables") {
                chars.extend(content.ocr.chars().filter(|c| !c.is_ascii()));
                if let Some(text) = &search_text {
                    chars.extend(text.chars().filter(|c| !c.is_ascii()));
                }
            }
            page_tokens_of(content, search_text.as_deref(), |layer, term, position| {
                len[usize::from(layer == PostingLayer::Corrected)] += 1;
                grouped.entry((term, layer)).or_default().push(position);
            });
            let mut sorted: Vec<_> = grouped.drain().collect();
            sorted.sort_by_key(|((_, layer), _)| *layer);
            for ((term, layer), positions) in sorted {
                let records = terms.entry(term).or_default();
                if !records.is_empty() {
                    records.push(0);
                }
                record(records, page as u32, layer, &positions);
            }
        }
        chars.sort_unstable();
        chars.dedup();
        let mut text = String::with_capacity(terms.keys().map(String::len).sum());
        let mut all = Vec::with_capacity(terms.values().map(Vec::len).sum());
        let mut ends = Vec::with_capacity(terms.len());
        for (term, records) in terms {
            text.push_str(&term);
            all.extend_from_slice(&records);
            ends.push((text.len() as u32, all.len() as u32));
        }
        IndexedDocument { text, records: all, ends, len, pages: data.pages.len() as u32, chars }
    }

    /// Each term and its records.
    pub(super) fn terms(&self) -> impl Iterator<Item = (&str, &[u8])> {
        let starts = std::iter::once((0, 0)).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|((term, records), &(term_end, records_end))| {
            (
                &self.text[term as usize..term_end as usize],
                &self.records[records as usize..records_end as usize],
            )
        })
    }
}

/// One record without its document delta: page, layer, count, positions as deltas.
fn record(out: &mut Vec<u8>, page: u32, layer: PostingLayer, positions: &[u32]) {
    put(out, u64::from(page));
    out.push(layer as u8);
    put(out, positions.len() as u64);
    let mut previous = 0;
    for &position in positions {
        put(out, u64::from(position - previous));
        previous = position;
    }
}
