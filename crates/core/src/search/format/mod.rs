//! The search index as it is served: serde and binary types defined once, here, written by
//! `readingroom build` and read by the engine in the browser and in the CLI.
//!
//! The index is split so that a query downloads only what it needs, as Pagefind's is:
//!
//! ```text
//! search/meta.json             IndexMeta: counts, facet names, each dictionary chunk's first term
//! search/table.<key>.bin       per document: facet codes, year, layer lengths (BM25, filters, facets)
//! search/dict-<n>.<key>.bin    a sorted range of the term dictionary, as an fst map
//! search/post-<n>.<key>.bin    the postings of a sorted range of terms
//! search/page/<d>-<p>.<key>.bin  page p (from 0) of document d: its text and the document's card
//! ```
//!
//! A query fetches the table, the dictionary chunks its terms (and their fuzzy neighbourhoods)
//! fall in, the postings blocks of the terms it matched, and the page texts its results'
//! snippets come from, which carry the results' cards. A small collection packs all of these
//! into one file, `search/pack.<key>.bin`.
//! Every file name but `meta.json` carries the index's key, a hash of the content of all its
//! files, so hosts may cache them forever; `meta.json` names no file, it gives their counts
//! (a list of 10 000 hashed names would cost a large collection's every query 190 KB).
//!
//! Every file is checked before it is read ([`seal`]): the binary files end in a checksum,
//! `meta.json` carries one, and the reader checks every count and number it reads against the
//! data, so a damaged file is an error that names it, never a panic or a wrong answer.

pub mod chunk;
pub mod lead;
mod meta;
pub mod pack;
pub mod page_text;
pub mod seal;
pub mod table;
pub mod varint;

use serde::{Deserialize, Serialize};

/// The version of the index format; the engine refuses others with a clear message.
pub const FORMAT_VERSION: u32 = 5;

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
    /// A hash of the content of every index file; each file's name carries it ([`Part::file`]).
    pub key: String,
    /// The first term of each dictionary chunk, in order (the chunks are sorted ranges).
    pub dict: Vec<String>,
    /// The number of postings blocks; a dictionary entry names its block by number.
    pub postings: u32,
    /// The number of leads: the best documents' postings of each frequent term
    /// ([`lead`]); a dictionary entry names its lead by number.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub leads: u32,
    /// When set, every file of the index is inside one file, [`Part::Pack`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pack: bool,
    /// How the collection's characters (and those of the scripts readers type) fold, where
    /// that is not plain lowercasing: the engine folds from this table, so the browser needs
    /// no Unicode decomposition tables (see `search::normalize`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fold: Vec<(char, String)>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The distinct values of each facet, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetNames {
    pub country: Vec<String>,
    pub subject: Vec<String>,
    pub collection: Vec<String>,
}

/// A file of the index, named by its part and the index's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Pack,
    Table,
    Dict(usize),
    Block(usize),
    /// A frequent term's lead ([`lead`]).
    Lead(usize),
    /// A page of a document, both from 0: its text and the document's card.
    Page(usize, usize),
}

impl Part {
    /// The file's path, relative to the bundle folder.
    pub fn file(self, key: &str) -> String {
        match self {
            Part::Pack => format!("search/pack.{key}.bin"),
            Part::Table => format!("search/table.{key}.bin"),
            Part::Dict(n) => format!("search/dict-{n}.{key}.bin"),
            Part::Block(n) => format!("search/post-{n}.{key}.bin"),
            Part::Lead(n) => format!("search/lead-{n}.{key}.bin"),
            Part::Page(doc, page) => format!("search/page/{doc}-{page}.{key}.bin"),
        }
    }

    /// The part a path names, if it is a file of the index whose key is `key`.
    pub fn of(file: &str, key: &str) -> Option<Part> {
        let stem = file.strip_prefix("search/")?.split('.').next()?;
        let numbered = |prefix: &str| stem.strip_prefix(prefix)?.parse::<usize>().ok();
        let part = match stem {
            "pack" => Part::Pack,
            "table" => Part::Table,
            _ => match (numbered("dict-"), numbered("post-"), stem.strip_prefix("page/")) {
                (Some(n), _, _) => Part::Dict(n),
                (_, Some(n), _) => Part::Block(n),
                _ if numbered("lead-").is_some() => Part::Lead(numbered("lead-")?),
                (_, _, Some(page)) => {
                    let (doc, page) = page.split_once('-')?;
                    Part::Page(doc.parse().ok()?, page.parse().ok()?)
                }
                _ => return None,
            },
        };
        // One spelling only: `dict-01` or another key's file is not this index's.
        (part.file(key) == file).then_some(part)
    }
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
        message: format!("the file is damaged ({what}); build the bundle again"),
    }
}

/// Reads a JSON file of the bundle, through core's JSON readers rather than serde's derived
/// deserializers (see [`crate::decode`]): the search module reads `meta.json`, the card shards
/// and documents' data with them.
pub(crate) fn json<T: crate::decode::FromJson>(file: &str, bytes: &[u8]) -> Result<T, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(file, &e.to_string()))?;
    T::from_json(text).map_err(|e| damaged(file, &e))
}

#[cfg(test)]
mod tests {
    use super::Part;

    #[test]
    fn a_part_is_read_back_from_its_file_name_and_only_from_it() {
        let key = "0123abcd";
        for part in [
            Part::Pack,
            Part::Table,
            Part::Dict(0),
            Part::Block(12),
            Part::Lead(4),
            Part::Page(3, 0),
        ] {
            assert_eq!(Part::of(&part.file(key), key), Some(part));
            assert_eq!(Part::of(&part.file("ffff0000"), key), None, "another index's key");
        }
        for file in [
            "search/dict-01.0123abcd.bin",
            "search/post-x.0123abcd.bin",
            "search/page/3-01.0123abcd.bin",
            "search/page/3.0123abcd.bin",
            "docs/a.json",
        ] {
            assert_eq!(Part::of(file, key), None, "{file}");
        }
    }
}
