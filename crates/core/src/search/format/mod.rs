//! The search index as it is served: serde and binary types defined once, here, written by
//! `readingroom build` and read by the engine in the browser and in the CLI.
//!
//! The index is split so that a query downloads only what it needs, as Pagefind's is:
//!
//! ```text
//! search/meta.json              IndexMeta: counts, facet names, and the list of every file below
//! search/table.<hash>.bin       per document: facet codes, year, layer lengths (BM25, filters, facets)
//! search/dict-<n>.<hash>.bin    a sorted range of the term dictionary, as an fst map
//! search/post-<n>.<hash>.bin    the postings of a sorted range of terms
//! search/docs-<n>.<hash>.json   display cards of a run of documents (title, date, data file)
//! ```
//!
//! A query fetches the table, the dictionary chunks its terms (and their fuzzy neighbourhoods)
//! fall in, the postings blocks of the terms it matched, and the cards of the documents it
//! shows. A small collection packs all of these into one file, `search/pack.<hash>.bin`.
//! Every file name but `meta.json` carries a hash of its content, so hosts may cache them forever.

pub mod chunk;
pub mod pack;
pub mod table;
pub mod varint;

use serde::{Deserialize, Serialize};

/// The version of the index format; the engine refuses others with a clear message.
pub const FORMAT_VERSION: u32 = 1;

/// The index's entry point, relative to the bundle folder.
pub const META_FILE: &str = "search/meta.json";

/// The index's entry point: what there is, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    pub format: u32,
    /// The number of documents; documents are numbered in catalog order (by id).
    pub docs: u32,
    pub pages: u32,
    /// The mean length in tokens of a document's OCR and corrected layers, for BM25.
    pub avg_len: [f32; 2],
    /// The values of the facets; a document's codes in the table index these lists.
    pub facets: FacetNames,
    /// The document table's file.
    pub table: String,
    /// The dictionary chunks, sorted by their first term.
    pub dict: Vec<ChunkRef>,
    /// The postings blocks; a dictionary entry names its block by position in this list.
    pub postings: Vec<String>,
    /// The documents per card shard, and the shards' files.
    pub shard_size: u32,
    pub shards: Vec<String>,
    /// When set, every file above is inside this one file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// How the collection's characters (and those of the scripts readers type) fold, where
    /// that is not plain lowercasing: the engine folds from this table, so the browser needs
    /// no Unicode decomposition tables (see `search::normalize`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fold: Vec<(char, String)>,
}

/// The distinct values of each facet, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetNames {
    pub country: Vec<String>,
    pub subject: Vec<String>,
    pub collection: Vec<String>,
}

/// One dictionary chunk: its first term and its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    pub first: String,
    pub file: String,
}

/// What a result shows of a document, without loading its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocCard {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub pages: u32,
    pub has_corrected: bool,
    /// The document's data file (its text), relative to the bundle folder.
    pub data: String,
}

/// The layer a posting is in. Furniture is the OCR's stamps and page numbers: it is searched,
/// but ranks low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostingLayer {
    Ocr = 0,
    Corrected = 1,
    Furniture = 2,
}

impl PostingLayer {
    pub fn from_byte(byte: u8) -> Option<PostingLayer> {
        match byte {
            0 => Some(PostingLayer::Ocr),
            1 => Some(PostingLayer::Corrected),
            2 => Some(PostingLayer::Furniture),
            _ => None,
        }
    }
}

/// A file of the index that could not be read: which, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for FormatError {}

pub(crate) fn damaged(file: &str, what: &str) -> FormatError {
    FormatError {
        file: file.to_owned(),
        message: format!("the search index file is damaged ({what}); build the bundle again"),
    }
}
