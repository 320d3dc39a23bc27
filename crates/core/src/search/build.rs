//! Building the index from the bundle's documents: tokenize every page of both layers, collect
//! postings per term, then cut the sorted dictionary and the postings into the files that
//! [`super::format`] describes.

use super::format::chunk::{self, BlockWriter, PostingsWriter};
use super::format::page_text::{self, PageText};
use super::format::table::{self, DocRow};
use super::format::{self, FacetNames, IndexMeta, Part, PostingLayer};
use super::normalize::tokenize;
use crate::bundle::{BuiltFile, CatalogEntry, DocumentData, Page, short_hash};
use crate::furniture::Furniture;
use std::collections::{BTreeSet, HashMap};

/// How the index is cut into files.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// An index whose files together stay under this many bytes is served as one pack.
    pub pack_limit: usize,
    /// Terms per dictionary chunk.
    pub dict_terms: usize,
    /// Bytes per postings block (a term with more postings gets a block of its own).
    pub block_bytes: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { pack_limit: 512 * 1024, dict_terms: 2048, block_bytes: 48 * 1024 }
    }
}

/// Calls `each` with every token of one page: the OCR's (each marked as body or furniture)
/// and the corrected text's, which is the search text of its Markdown tree. Positions count
/// tokens within their layer's text, furniture included in the OCR's.
pub fn page_tokens(page: &Page, mut each: impl FnMut(PostingLayer, String, u32)) {
    for (position, token) in tokenize(&page.ocr).into_iter().enumerate() {
        let layer = if in_furniture(&page.furniture, token.start) {
            PostingLayer::Furniture
        } else {
            PostingLayer::Ocr
        };
        each(layer, token.term, position as u32);
    }
    if let Some(tree) = &page.corrected {
        for (position, token) in tokenize(&tree.search_text()).into_iter().enumerate() {
            each(PostingLayer::Corrected, token.term, position as u32);
        }
    }
}

fn in_furniture(furniture: &[Furniture], at: usize) -> bool {
    let i = furniture.partition_point(|f| f.end <= at);
    furniture.get(i).is_some_and(|f| f.start <= at && at < f.end)
}

/// Builds the index files for the documents of a catalog, in catalog order.
pub fn build(
    entries: &[CatalogEntry],
    data: &[DocumentData],
    options: BuildOptions,
) -> Vec<BuiltFile> {
    let facets = facet_names(entries);
    let mut terms: HashMap<String, PostingsWriter> = HashMap::new();
    let mut rows = Vec::with_capacity(entries.len());
    let mut pages = 0u32;
    for (doc, (entry, document)) in entries.iter().zip(data).enumerate() {
        let mut len = [0u32; 2];
        for (page, content) in document.pages.iter().enumerate() {
            pages += 1;
            let mut grouped: HashMap<(String, PostingLayer), Vec<u32>> = HashMap::new();
            page_tokens(content, |layer, term, position| {
                len[usize::from(layer == PostingLayer::Corrected)] += 1;
                grouped.entry((term, layer)).or_default().push(position);
            });
            let mut grouped: Vec<_> = grouped.into_iter().collect();
            grouped.sort_by_key(|((_, layer), _)| *layer);
            for ((term, layer), positions) in grouped {
                terms.entry(term).or_default().push(doc as u32, page as u32, layer, &positions);
            }
        }
        rows.push(row(entry, &facets, len));
    }
    let avg_len = average_lengths(&rows);
    let mut parts: Vec<(Part, Vec<u8>)> = Vec::new();
    let (dict, postings) = dictionary(terms, options, &mut parts);
    for (doc, (entry, document)) in entries.iter().zip(data).enumerate() {
        page_texts(doc, entry, document, &mut parts);
    }
    parts.push((Part::Table, table::write(&rows)));
    let hashes: String = parts.iter().map(|(_, bytes)| short_hash(bytes)).collect();
    let key = short_hash(hashes.as_bytes());
    let files: Vec<(String, Vec<u8>)> =
        parts.into_iter().map(|(part, bytes)| (part.file(&key), bytes)).collect();
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let pack = total <= options.pack_limit;
    let meta = IndexMeta {
        format: format::FORMAT_VERSION,
        docs: entries.len() as u32,
        pages,
        avg_len,
        facets,
        key: key.clone(),
        dict,
        postings,
        pack,
        fold: fold_table(data),
    };
    let mut out: Vec<BuiltFile> = Vec::new();
    if pack {
        out.push(BuiltFile { path: Part::Pack.file(&key), bytes: format::pack::write(&files) });
    } else {
        out.extend(files.into_iter().map(|(path, bytes)| BuiltFile { path, bytes }));
    }
    out.push(BuiltFile { path: format::META_FILE.to_owned(), bytes: meta.to_bytes() });
    out
}

/// The folds of every character of the collection's text (see `normalize::table_for`).
#[cfg(feature = "unicode-tables")]
fn fold_table(data: &[DocumentData]) -> Vec<(char, String)> {
    let mut chars: Vec<char> = Vec::new();
    for page in data.iter().flat_map(|d| &d.pages) {
        chars.extend(page.ocr.chars().filter(|c| !c.is_ascii()));
        if let Some(tree) = &page.corrected {
            chars.extend(tree.search_text().chars().filter(|c| !c.is_ascii()));
        }
        if chars.len() > 1 << 16 {
            chars.sort_unstable();
            chars.dedup();
        }
    }
    super::normalize::table_for(chars).entries().to_vec()
}

/// Without the Unicode tables there is nothing to fold from: the index is built natively.
#[cfg(not(feature = "unicode-tables"))]
fn fold_table(_: &[DocumentData]) -> Vec<(char, String)> {
    Vec::new()
}

fn facet_names(entries: &[CatalogEntry]) -> FacetNames {
    let collect = |get: fn(&CatalogEntry) -> Option<&String>| -> Vec<String> {
        let set: BTreeSet<&String> = entries.iter().filter_map(get).collect();
        set.into_iter().cloned().collect()
    };
    FacetNames {
        country: collect(|e| e.meta.country.as_ref()),
        subject: collect(|e| e.meta.subject.as_ref()),
        collection: collect(|e| e.meta.collection.as_ref()),
    }
}

fn code(names: &[String], value: Option<&String>) -> u32 {
    value.and_then(|v| names.binary_search(v).ok()).map_or(0, |i| i as u32 + 1)
}

fn row(entry: &CatalogEntry, facets: &FacetNames, len: [u32; 2]) -> DocRow {
    DocRow {
        country: code(&facets.country, entry.meta.country.as_ref()),
        subject: code(&facets.subject, entry.meta.subject.as_ref()),
        collection: code(&facets.collection, entry.meta.collection.as_ref()),
        year: entry.year.unwrap_or(0),
        has_corrected: entry.has_corrected,
        quality: entry.quality.as_ref().and_then(|q| q.metrics.cer).map(crate::quality::Band::of),
        len,
    }
}

fn average_lengths(rows: &[DocRow]) -> [f32; 2] {
    let mean = |layer: usize, only_corrected: bool| {
        let lens: Vec<u32> = rows
            .iter()
            .filter(|r| !only_corrected || r.has_corrected)
            .map(|r| r.len[layer])
            .collect();
        if lens.is_empty() {
            1.0
        } else {
            (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / lens.len() as f64).max(1.0) as f32
        }
    };
    [mean(0, false), mean(1, true)]
}

/// Cuts the sorted terms into dictionary chunks and their postings into blocks; returns each
/// chunk's first term and the number of blocks.
fn dictionary(
    terms: HashMap<String, PostingsWriter>,
    options: BuildOptions,
    parts: &mut Vec<(Part, Vec<u8>)>,
) -> (Vec<String>, u32) {
    let mut sorted: Vec<(String, PostingsWriter)> = terms.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut blocks = 0;
    let mut block = BlockWriter::default();
    let mut places = Vec::with_capacity(sorted.len());
    for (term, writer) in &sorted {
        let entry = writer.finish();
        if !block.is_empty() && block.len() + entry.len() > options.block_bytes {
            parts.push((Part::Block(blocks), std::mem::take(&mut block).finish()));
            blocks += 1;
        }
        let offset = block.push(&entry);
        places.push((term.as_str(), chunk::place(blocks as u32, offset)));
    }
    if !block.is_empty() {
        parts.push((Part::Block(blocks), block.finish()));
        blocks += 1;
    }
    let mut dict = Vec::new();
    for (n, run) in places.chunks(options.dict_terms.max(1)).enumerate() {
        let map = fst::Map::from_iter(run.iter().map(|&(term, place)| (term, place)))
            .unwrap_or_else(|e| unreachable!("terms are sorted and unique: {e}"));
        parts.push((Part::Dict(n), chunk::dict_bytes(map.into_fst().into_inner())));
        dict.push(run[0].0.to_owned());
    }
    (dict, blocks as u32)
}

/// Writes a document's page texts: each page's text, as it was indexed, with the document's card.
fn page_texts(
    doc: usize,
    entry: &CatalogEntry,
    document: &DocumentData,
    parts: &mut Vec<(Part, Vec<u8>)>,
) {
    for (n, page) in document.pages.iter().enumerate() {
        let text = PageText {
            id: entry.meta.id.clone(),
            title: entry.meta.title.clone(),
            date: entry.meta.date().map(str::to_owned),
            ocr: page.ocr.clone(),
            corrected: page.corrected.as_ref().map(|tree| tree.search_text()),
        };
        parts.push((Part::Page(doc, n), page_text::write(&text)));
    }
}
