//! One document's share of the index, made from its data alone, so that documents can be
//! indexed in parallel and added to the collection's postings one after another.

use super::page_tokens_of;
use crate::bundle::DocumentData;
use crate::search::format::PostingLayer;
use crate::search::format::varint::put;
use foldhash::HashMap as FastMap;

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
    /// Where each part's terms end in `ends`: the terms are cut into parts by their hash, so
    /// that the collection's postings can be kept in as many maps, on as many threads.
    part_ends: Vec<usize>,
    /// Tokens in the OCR layer (furniture included) and in the corrected layer.
    pub(super) len: [u32; 2],
    pub(super) pages: u32,
    /// The document's characters outside ASCII, sorted and without repeats (for the fold table).
    pub(super) chars: Vec<char>,
    /// Each page's OCR text and corrected search text, as indexed, for its page text.
    pub(super) texts: Vec<(String, Option<String>)>,
}

impl IndexedDocument {
    /// The document's share of the index, its terms in one part.
    pub fn of(data: &DocumentData) -> IndexedDocument {
        IndexedDocument::in_parts(data, 1)
    }

    /// The document's share of the index, its terms cut into `parts` by [`part_of`].
    pub fn in_parts(data: &DocumentData, parts: usize) -> IndexedDocument {
        let mut terms: FastMap<String, Vec<u8>> = FastMap::default();
        let mut len = [0u32; 2];
        let mut chars = Vec::new();
        let mut grouped: FastMap<(String, PostingLayer), Vec<u32>> = FastMap::default();
        let mut texts = Vec::with_capacity(data.pages.len());
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
            texts.push((content.ocr.clone(), search_text));
        }
        chars.sort_unstable();
        chars.dedup();
        let parts = parts.max(1);
        let mut terms: Vec<(usize, String, Vec<u8>)> = terms
            .into_iter()
            .map(|(term, records)| (part_of(&term, parts), term, records))
            .collect();
        terms.sort_unstable_by_key(|(part, _, _)| *part);
        let mut text = String::with_capacity(terms.iter().map(|(_, t, _)| t.len()).sum());
        let mut all = Vec::with_capacity(terms.iter().map(|(_, _, r)| r.len()).sum());
        let mut ends = Vec::with_capacity(terms.len());
        let mut part_ends = vec![0; parts];
        for (part, term, records) in terms {
            text.push_str(&term);
            all.extend_from_slice(&records);
            ends.push((text.len() as u32, all.len() as u32));
            part_ends[part] = ends.len();
        }
        for part in 1..parts {
            part_ends[part] = part_ends[part].max(part_ends[part - 1]);
        }
        let pages = data.pages.len() as u32;
        IndexedDocument { text, records: all, ends, part_ends, len, pages, chars, texts }
    }

    /// How many parts the terms are cut into.
    pub fn parts(&self) -> usize {
        self.part_ends.len()
    }

    /// Each term of part `part` and its records.
    pub(super) fn terms(&self, part: usize) -> impl Iterator<Item = (&str, &[u8])> {
        let from = if part == 0 { 0 } else { self.part_ends[part - 1] };
        let to = self.part_ends.get(part).copied().unwrap_or(from);
        (from..to).map(move |n| {
            let (term, records) = if n == 0 { (0, 0) } else { self.ends[n - 1] };
            let (term_end, records_end) = self.ends[n];
            (
                &self.text[term as usize..term_end as usize],
                &self.records[records as usize..records_end as usize],
            )
        })
    }
}

/// The part of `parts` a term's postings are kept in: the same for every document of a build.
pub fn part_of(term: &str, parts: usize) -> usize {
    if parts <= 1 {
        return 0;
    }
    use std::hash::BuildHasher;
    (foldhash::fast::FixedState::with_seed(0x0c12_5eed).hash_one(term) % parts as u64) as usize
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
