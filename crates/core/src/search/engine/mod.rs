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
//! - [`matching`] turns postings into hits per document, joins phrases and applies clauses;
//!   [`filters`] applies the field filters from the document table;
//! - [`rank`] scores documents (BM25 with boosts) and pages, and counts facets;
//! - [`present`] maps hits to byte ranges in the page text and cuts snippets.

mod filters;
mod lookup;
mod matching;
mod order;
mod present;
mod rank;

use super::format::chunk::{read_block, read_dict};
use super::format::table::{self, DocRow};
use super::format::{self, DocCard, FormatError, IndexMeta, Part, damaged};
use super::query::Query;
use super::results::{Facets, SearchResults, Variant};
use crate::bundle::DocumentData;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

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

/// The index, with the files loaded so far.
pub struct Index {
    meta: IndexMeta,
    table: Option<Vec<DocRow>>,
    dicts: Vec<Option<fst::Map<Vec<u8>>>>,
    blocks: Vec<Option<Vec<u8>>>,
    shards: Vec<Option<Vec<DocCard>>>,
    data: HashMap<String, DocumentData>,
    /// The last query evaluated up to its ranking, which the rounds that fetch the shown
    /// results' cards and text (and "Show more") reuse instead of matching it again.
    last: RefCell<Option<Rc<Evaluated>>>,
}

/// A query matched, ranked and counted: everything but what is shown of each result.
struct Evaluated {
    query: Query,
    matched: matching::Matched,
    ranked: Vec<rank::Ranked>,
    facets: Facets,
    variants: Vec<Variant>,
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
        Ok(Index {
            dicts: (0..meta.dict.len()).map(|_| None).collect(),
            blocks: (0..meta.postings).map(|_| None).collect(),
            shards: (0..meta.shards).map(|_| None).collect(),
            meta,
            table: None,
            data: HashMap::new(),
            last: RefCell::new(None),
        })
    }

    /// Forgets the last query's evaluation (the memo later rounds of that query reuse), so
    /// that asking it again matches and ranks it again: for timing the engine itself.
    pub fn forget(&self) {
        self.last.borrow_mut().take();
    }

    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// Adds a file the engine asked for. Document data files are any other bundle path.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        match self.part(file) {
            Some(Part::Pack) => {
                for (inner, bytes) in format::pack::read(file, &bytes)? {
                    self.add(&inner, bytes)?;
                }
            }
            Some(Part::Table) => self.table = Some(table::read(file, &bytes)?),
            Some(Part::Dict(i)) => {
                *slot(&mut self.dicts, i, file)? = Some(read_dict(file, &bytes)?)
            }
            Some(Part::Block(i)) => {
                *slot(&mut self.blocks, i, file)? = Some(read_block(file, bytes)?)
            }
            Some(Part::Shard(i)) => *slot(&mut self.shards, i, file)? = Some(json(file, &bytes)?),
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
        let evaluated = self.evaluate(query)?;
        let shown: Vec<_> = evaluated.ranked.iter().take(options.limit).cloned().collect();
        let results = present::present(self, &evaluated.matched, &shown, options)?;
        Ok(SearchResults {
            total: evaluated.matched.docs.len(),
            results,
            facets: evaluated.facets.clone(),
            variants: evaluated.variants.clone(),
        })
    }

    /// Matches, ranks and counts a query, or takes the last evaluation if it was this query's:
    /// the files it was made from are all still here, so it would come out the same.
    fn evaluate(&self, query: &Query) -> Result<Rc<Evaluated>, Stop> {
        if let Some(last) = self.last.borrow().as_ref().filter(|last| last.query == *query) {
            return Ok(Rc::clone(last));
        }
        // The table and the dictionary chunks do not depend on each other: ask for both at once.
        let (rows, words) = match (self.table(), lookup::compile(self, query)) {
            (Ok(rows), Ok(words)) => (rows, words),
            (Err(Stop::Need(mut a)), Err(Stop::Need(b))) => {
                a.extend(b);
                order::sort_dedup(&mut a);
                return Err(Stop::Need(a));
            }
            (Err(stop), _) | (_, Err(stop)) => return Err(stop),
        };
        let matched = matching::evaluate(self, query, &words, rows)?;
        let ranked = rank::rank(self, &matched, rows);
        let facets = rank::facets(self, query, &matched, rows);
        let variants = lookup::variants_report(self, &words)?;
        let evaluated =
            Rc::new(Evaluated { query: query.clone(), matched, ranked, facets, variants });
        *self.last.borrow_mut() = Some(Rc::clone(&evaluated));
        Ok(evaluated)
    }

    fn part(&self, file: &str) -> Option<Part> {
        Part::of(file, &self.meta.key)
    }

    /// The file to ask for when a part is missing: the pack holds every part.
    fn need(&self, part: Part) -> String {
        if self.meta.pack { Part::Pack } else { part }.file(&self.meta.key)
    }

    fn table(&self) -> Result<&[DocRow], Stop> {
        self.table.as_deref().ok_or_else(|| Stop::Need(vec![self.need(Part::Table)]))
    }
}

/// Reads a JSON file of the bundle (through `from_str`, which the app's other JSON reading
/// shares, rather than a second copy of the parser for byte slices).
fn json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| damaged(file, &e.to_string()))?;
    serde_json::from_str(text).map_err(|e| damaged(file, &e.to_string()))
}

/// The place of a numbered file, which `meta.json` must count.
fn slot<'a, T>(
    slots: &'a mut [Option<T>],
    i: usize,
    file: &str,
) -> Result<&'a mut Option<T>, FormatError> {
    slots.get_mut(i).ok_or_else(|| damaged(file, "meta.json does not count this file"))
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
