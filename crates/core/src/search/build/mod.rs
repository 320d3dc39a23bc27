//! Building the index from the bundle's documents: tokenize every page of both layers, collect
//! postings per term, then cut the sorted dictionary and the postings into the files that
//! [`super::format`] describes.
//!
//! The build streams ([`builder`]): each document is indexed on its own ([`document`]), its
//! postings are held in memory until they are spilled as a sorted [`run`], and the runs are
//! merged term by term into the dictionary chunks and postings blocks ([`dictionary`]). The
//! files are hashed as they are emitted ([`parts`]) and named at the end with the key. The
//! output is the same whether the postings were spilled or not.

pub mod builder;
mod dictionary;
pub mod document;
mod lead;
mod parts;
pub mod postings;
pub mod run;

pub use builder::{Finished, IndexBuilder};
pub use document::{IndexedDocument, part_of};
pub use parts::Emitted;
pub use postings::{MemoryRun, Postings, SPILL_SLICE, SortedPostings};

use super::format::table::DocRow;
use super::format::{self, Part, PostingLayer};
use super::normalize::tokenize;
use crate::bundle::{BuiltFile, Page};
use crate::furniture::Furniture;
use std::collections::HashMap;

/// How the index is cut into files.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// An index whose files together stay under this many bytes is served as one pack.
    pub pack_limit: usize,
    /// Terms per dictionary chunk.
    pub dict_terms: usize,
    /// Bytes per postings block (a term with more postings gets a block of its own).
    pub block_bytes: usize,
    /// Documents per lead ([`super::format::lead`]); by default as
    /// [`super::format::lead::lead_docs`] gives for the collection's size.
    pub lead_docs: Option<u32>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            pack_limit: 512 * 1024,
            dict_terms: 1024,
            block_bytes: 16 * 1024,
            lead_docs: None,
        }
    }
}

/// Calls `each` with every token of one page: the OCR's (each marked as body or furniture)
/// and the corrected text's, which is the search text of its Markdown tree. Positions count
/// tokens within their layer's text, furniture included in the OCR's.
pub fn page_tokens(page: &Page, each: impl FnMut(PostingLayer, String, u32)) {
    let search_text = page.corrected.as_ref().map(|tree| tree.search_text());
    page_tokens_of(page, search_text.as_deref(), each);
}

/// [`page_tokens`] with the corrected layer's search text already made.
fn page_tokens_of(
    page: &Page,
    search_text: Option<&str>,
    mut each: impl FnMut(PostingLayer, String, u32),
) {
    for (position, token) in tokenize(&page.ocr).into_iter().enumerate() {
        let layer = if in_furniture(&page.furniture, token.start) {
            PostingLayer::Furniture
        } else {
            PostingLayer::Ocr
        };
        each(layer, token.term, position as u32);
    }
    if let Some(text) = search_text {
        for (position, token) in tokenize(text).into_iter().enumerate() {
            each(PostingLayer::Corrected, token.term, position as u32);
        }
    }
}

fn in_furniture(furniture: &[Furniture], at: usize) -> bool {
    let i = furniture.partition_point(|f| f.end <= at);
    furniture.get(i).is_some_and(|f| f.start <= at && at < f.end)
}

/// The index's files as they are emitted, gathered in memory.
#[derive(Debug, Default)]
pub struct Files(HashMap<Part, Vec<u8>>);

impl Files {
    pub fn take(&mut self, emitted: impl IntoIterator<Item = Emitted>) {
        for e in emitted {
            self.0.entry(e.part).or_default().extend_from_slice(&e.bytes);
        }
    }

    /// Every file under its name, in the index's order, then `meta.json`.
    pub fn named(mut self, finished: &Finished) -> Vec<BuiltFile> {
        let mut out: Vec<BuiltFile> = finished
            .parts
            .iter()
            .map(|part| BuiltFile {
                path: part.file(&finished.key),
                bytes: self.0.remove(part).unwrap_or_default(),
            })
            .collect();
        out.push(BuiltFile { path: format::META_FILE.to_owned(), bytes: finished.meta.clone() });
        out
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
