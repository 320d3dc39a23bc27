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
mod present;
mod rank;

use super::format::chunk::{read_block, read_dict};
use super::format::table::{self, DocRow};
use super::format::{self, DocCard, FormatError, IndexMeta, damaged};
use super::query::Query;
use super::results::SearchResults;
use crate::bundle::DocumentData;
use std::collections::{BTreeSet, HashMap};

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
    roles: HashMap<String, Role>,
    table: Option<Vec<DocRow>>,
    dicts: HashMap<usize, fst::Map<Vec<u8>>>,
    blocks: HashMap<usize, Vec<u8>>,
    shards: HashMap<usize, Vec<DocCard>>,
    data: HashMap<String, DocumentData>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("docs", &self.meta.docs).finish_non_exhaustive()
    }
}

/// Why a stage cannot go on.
pub(super) enum Stop {
    Need(BTreeSet<String>),
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
        let meta: IndexMeta = serde_json::from_slice(meta_bytes)
            .map_err(|e| damaged(format::META_FILE, &e.to_string()))?;
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
        let mut roles = HashMap::new();
        if let Some(pack) = &meta.pack {
            roles.insert(pack.clone(), Role::Pack);
        }
        roles.insert(meta.table.clone(), Role::Table);
        roles.extend(meta.dict.iter().enumerate().map(|(i, c)| (c.file.clone(), Role::Dict(i))));
        roles.extend(meta.postings.iter().enumerate().map(|(i, f)| (f.clone(), Role::Block(i))));
        roles.extend(meta.shards.iter().enumerate().map(|(i, f)| (f.clone(), Role::Shard(i))));
        Ok(Index {
            meta,
            roles,
            table: None,
            dicts: HashMap::new(),
            blocks: HashMap::new(),
            shards: HashMap::new(),
            data: HashMap::new(),
        })
    }

    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// Adds a file the engine asked for. Document data files are any other bundle path.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        match self.roles.get(file).copied() {
            Some(Role::Pack) => {
                for (inner, bytes) in format::pack::read(file, &bytes)? {
                    self.add(&inner, bytes)?;
                }
            }
            Some(Role::Table) => self.table = Some(table::read(file, &bytes)?),
            Some(Role::Dict(i)) => {
                self.dicts.insert(i, read_dict(file, &bytes)?);
            }
            Some(Role::Block(i)) => {
                self.blocks.insert(i, read_block(file, bytes)?);
            }
            Some(Role::Shard(i)) => {
                let cards =
                    serde_json::from_slice(&bytes).map_err(|e| damaged(file, &e.to_string()))?;
                self.shards.insert(i, cards);
            }
            None => {
                let data =
                    serde_json::from_slice(&bytes).map_err(|e| damaged(file, &e.to_string()))?;
                self.data.insert(file.to_owned(), data);
            }
        }
        Ok(())
    }

    /// Answers the query, or says which files it needs first.
    pub fn search(&self, query: &Query, options: &SearchOptions) -> Result<Outcome, FormatError> {
        match self.run(query, options) {
            Ok(results) => Ok(Outcome::Done(results)),
            Err(Stop::Need(files)) => Ok(Outcome::Need(files.into_iter().collect())),
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

    /// The file to ask for when `file` is missing: the pack holds everything but document text.
    fn need(&self, file: &str) -> String {
        match &self.meta.pack {
            Some(pack) if self.roles.contains_key(file) => pack.clone(),
            _ => file.to_owned(),
        }
    }

    fn table(&self) -> Result<&[DocRow], Stop> {
        self.table.as_deref().ok_or_else(|| Stop::Need([self.need(&self.meta.table)].into()))
    }
}

/// The folded words of a string, as the index holds them.
fn lookup_words(text: &str) -> Vec<String> {
    super::normalize::tokenize(text).into_iter().map(|t| t.term).collect()
}
