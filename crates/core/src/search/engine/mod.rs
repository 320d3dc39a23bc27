//! The engine: answers a [`Query`] from the index files, asking for the files it lacks.
//!
//! It does no I/O. [`Index::search`] either answers or returns [`Outcome::Need`] with the
//! files (paths relative to the bundle folder) it must read first; the caller fetches them —
//! from disk in the CLI, over HTTP in the browser — hands them to [`Index::add`] and asks
//! again. A query so loads, in a few rounds, the document table, the dictionary chunks of its
//! words and their fuzzy neighbourhoods, the postings of the terms it matched, and the cards
//! and text of the documents it shows; nothing else.
//!
//! - [`lookup`] turns query words into dictionary terms: exact, OCR-fuzzy, prefix, and split
//!   (a word the OCR cut in two by a stray space);
//! - [`matching`] turns postings into hits per document, joins phrases, applies clauses and
//!   filters;
//! - [`rank`] scores documents (BM25 with boosts) and pages, and counts facets;
//! - [`present`] maps hits to byte ranges in the page text and cuts snippets.

mod lookup;
mod matching;
mod order;
mod present;
mod rank;

use super::format::chunk::{read_block, read_dict};
use super::format::table::{self, DocRow};
use super::format::{self, DocCard, FormatError, IndexMeta, damaged};
use super::query::Query;
use super::results::SearchResults;
use crate::bundle::DocumentData;
use std::collections::HashMap;

/// What a search needs next.
#[derive(Debug)]
pub enum Outcome {
    /// Read these files (bundle-relative paths) and [`Index::add`] them, then search again.
    Need(Vec<String>),
    Done(SearchResults),
}

/// How many results, and how much of each.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub limit: usize,
    pub pages_per_result: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, pages_per_result: 3 }
    }
}

#[derive(Debug, Clone, Copy)]
enum Role {
    Pack,
    Table,
    Dict(usize),
    Block(usize),
    Shard(usize),
}

/// The index, with the files loaded so far.
pub struct Index {
    meta: IndexMeta,
    /// Every index file's name and role, sorted by name.
    roles: Vec<(String, Role)>,
    table: Option<Vec<DocRow>>,
    dicts: Vec<Option<fst::Map<Vec<u8>>>>,
    blocks: Vec<Option<Vec<u8>>>,
    shards: Vec<Option<Vec<DocCard>>>,
    data: HashMap<String, DocumentData>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("docs", &self.meta.docs).finish_non_exhaustive()
    }
}

/// Why a stage cannot go on.
pub(super) enum Stop {
    /// The files to read first, sorted and without repeats.
    Need(Vec<String>),
    Damaged(FormatError),
}

impl From<FormatError> for Stop {
    fn from(error: FormatError) -> Self {
        Stop::Damaged(error)
    }
}

impl Index {
    /// Opens the index from the bytes of `search/meta.json`.
    pub fn new(meta_bytes: &[u8]) -> Result<Index, FormatError> {
        let meta: IndexMeta = json(format::META_FILE, meta_bytes)?;
        // Fold as the index was folded, from its own table (the browser has no other).
        if !meta.fold.is_empty() {
            super::normalize::install(super::normalize::FoldTable::new(meta.fold.clone()));
        }
        if meta.format != format::FORMAT_VERSION {
            return Err(FormatError {
                file: format::META_FILE.to_owned(),
                message: format!(
                    "the search index has format {}, and this version reads format {}; build \
                     the bundle again with this version",
                    meta.format,
                    format::FORMAT_VERSION
                ),
            });
        }
        let mut roles = Vec::new();
        if let Some(pack) = &meta.pack {
            roles.push((pack.clone(), Role::Pack));
        }
        roles.push((meta.table.clone(), Role::Table));
        roles.extend(meta.dict.iter().enumerate().map(|(i, c)| (c.file.clone(), Role::Dict(i))));
        roles.extend(meta.postings.iter().enumerate().map(|(i, f)| (f.clone(), Role::Block(i))));
        roles.extend(meta.shards.iter().enumerate().map(|(i, f)| (f.clone(), Role::Shard(i))));
        order::sort_by(&mut roles, |a, b| a.0.cmp(&b.0));
        let empty = |n: usize| (0..n).map(|_| None).collect();
        Ok(Index {
            dicts: (0..meta.dict.len()).map(|_| None).collect(),
            blocks: empty(meta.postings.len()),
            shards: (0..meta.shards.len()).map(|_| None).collect(),
            meta,
            roles,
            table: None,
            data: HashMap::new(),
        })
    }

    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// Adds a file the engine asked for. Document data files are any other bundle path.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        match self.role(file) {
            Some(Role::Pack) => {
                for (inner, bytes) in format::pack::read(file, &bytes)? {
                    self.add(&inner, bytes)?;
                }
            }
            Some(Role::Table) => self.table = Some(table::read(file, &bytes)?),
            Some(Role::Dict(i)) => self.dicts[i] = Some(read_dict(file, &bytes)?),
            Some(Role::Block(i)) => self.blocks[i] = Some(read_block(file, bytes)?),
            Some(Role::Shard(i)) => self.shards[i] = Some(json(file, &bytes)?),
            None => {
                let data = json(file, &bytes)?;
                self.data.insert(file.to_owned(), data);
            }
        }
        Ok(())
    }

    /// Answers the query, or says which files it needs first.
    pub fn search(&self, query: &Query, options: &SearchOptions) -> Result<Outcome, FormatError> {
        match self.run(query, options) {
            Ok(results) => Ok(Outcome::Done(results)),
            Err(Stop::Need(files)) => Ok(Outcome::Need(files)),
            Err(Stop::Damaged(error)) => Err(error),
        }
    }

    fn run(&self, query: &Query, options: &SearchOptions) -> Result<SearchResults, Stop> {
        let rows = self.table()?;
        let words = lookup::compile(self, query)?;
        let matched = matching::evaluate(self, query, &words, rows)?;
        let ranked = rank::rank(self, &matched, rows);
        let facets = rank::facets(self, query, &matched, rows);
        let shown: Vec<_> = ranked.into_iter().take(options.limit).collect();
        let results = present::present(self, &matched, &shown, options)?;
        Ok(SearchResults {
            total: matched.docs.len(),
            results,
            facets,
            variants: lookup::variants_report(self, &words)?,
        })
    }

    fn role(&self, file: &str) -> Option<Role> {
        let i = self.roles.binary_search_by(|(name, _)| name.as_str().cmp(file)).ok()?;
        Some(self.roles[i].1)
    }

    /// The file to ask for when `file` is missing: the pack holds everything but document text.
    fn need(&self, file: &str) -> String {
        match &self.meta.pack {
            Some(pack) if self.role(file).is_some() => pack.clone(),
            _ => file.to_owned(),
        }
    }

    fn table(&self) -> Result<&[DocRow], Stop> {
        self.table.as_deref().ok_or_else(|| Stop::Need(vec![self.need(&self.meta.table)]))
    }
}

/// Reads a JSON file of the bundle (through `from_str`, which the app's other JSON reading
/// shares, rather than a second copy of the parser for byte slices).
fn json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(file, &e.to_string()))?;
    serde_json::from_str(text).map_err(|e| damaged(file, &e.to_string()))
}

/// Sorts and dedups a list of files to ask for; an empty list means nothing is missing.
fn needing(mut files: Vec<String>) -> Result<(), Stop> {
    if files.is_empty() {
        return Ok(());
    }
    order::sort_dedup(&mut files);
    Err(Stop::Need(files))
}

/// The folded words of a string, as the index holds them.
fn lookup_words(text: &str) -> Vec<String> {
    super::normalize::tokenize(text).into_iter().map(|t| t.term).collect()
}
