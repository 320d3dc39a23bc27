//! The engine: answers a [`Query`] from the index files, asking for the files it lacks.
//!
//! It does no I/O. [`Index::search`] either answers or returns [`Outcome::Need`] with the
//! files (paths relative to the bundle folder) it must read first; the caller fetches them —
//! from disk in the CLI, over HTTP in the browser — hands them to [`Index::add`] and asks
//! again. A query so loads, in a few rounds, the document table, the dictionary chunks of its
//! words and their fuzzy neighbourhoods, the postings of the terms it matched, and the cards
//! and text of the documents it shows; nothing else.
//!
//! - [`ask`] is the one entry point ([`Request`](super::results::Request) in,
//!   [`Reply`](super::results::Reply) out) and [`drive`] the loop that reads what it asks for;
//! - [`lookup`] turns query words into dictionary terms: exact, OCR-fuzzy, prefix, and split
//!   (a word the OCR cut in two by a stray space);
//! - [`matching`] turns postings into hits per document, joins phrases and applies clauses;
//!   [`filters`] applies the field filters from the document table;
//! - [`rank`] scores documents (BM25 with boosts) and pages, and counts facets;
//! - [`matcher`] hands the looked-up words to the reader as a [`Matcher`];
//! - [`present`] maps hits to byte ranges in the page text and cuts snippets.

mod ask;
mod filters;
mod leads;
mod lookup;
mod matcher;
mod matching;
mod order;
mod present;
mod rank;

use super::format::chunk::{check_dict, read_block, read_dict};
use super::format::lead::{Lead, read_lead};
use super::format::page_text::{self, PageText};
use super::format::table::{self, DocRow};
use super::format::{self, FormatError, IndexMeta, Part, damaged, json};
pub use ask::drive;

use super::highlight::{DocumentTokens, Matcher};
use super::normalize::{FoldTable, Token, tokenize_with};
use super::query::Query;
use super::results::{Facets, SearchResults, Variant};
use crate::bundle::DocumentData;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// What a search (or any question to the engine) needs next.
#[derive(Debug)]
pub enum Outcome<T = SearchResults> {
    /// Read these files (bundle-relative paths) and [`Index::add`] them, then ask again.
    Need(Vec<String>),
    Done(T),
}

/// How many results, and how much of each.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub limit: usize,
    pub pages_per_result: usize,
    /// At most this many hits a result (the browser shows a few; the CLI may ask for all).
    pub hits_per_result: usize,
    /// Of the best pages, how many give their hits: each is a page text to fetch. A result
    /// list needs the first only, for its snippet and the page its link opens at.
    pub text_pages: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, pages_per_result: 3, hits_per_result: 100, text_pages: 3 }
    }
}

/// The index, with the files loaded so far.
pub struct Index {
    meta: IndexMeta,
    table: Option<Vec<DocRow>>,
    /// The files loaded so far, by number; `meta` says how many there are.
    dicts: HashMap<usize, fst::Map<Vec<u8>>>,
    blocks: HashMap<usize, Vec<u8>>,
    leads: HashMap<usize, Lead>,
    /// Whether the query being matched reads frequent terms' whole postings rather than their
    /// leads: it does when their leads do not give it enough results (see [`Index::evaluate`]).
    whole: Cell<bool>,
    /// The page texts loaded so far, by document and page.
    pages: HashMap<usize, HashMap<usize, PageText>>,
    /// The documents the reader highlights in, by data file.
    data: HashMap<String, DocumentData>,
    /// The last query evaluated up to its ranking, which the rounds that fetch the shown
    /// results' cards and text (and "Show more") reuse instead of matching it again.
    last: RefCell<Option<Rc<Evaluated>>>,
    /// The index's fold table: every text the engine reads (queries, filter values, pages) is
    /// folded from it, as the index was.
    fold: Option<FoldTable>,
    /// The document the reader last highlighted, tokenized, by its data file.
    tokens: RefCell<Option<(String, Rc<DocumentTokens>)>>,
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
        let meta = IndexMeta::read(meta_bytes)?;
        // Fold as the index was folded, from its own table (the browser has no other).
        let fold = (!meta.fold.is_empty()).then(|| FoldTable::new(meta.fold.clone()));
        Ok(Index {
            fold,
            dicts: HashMap::new(),
            blocks: HashMap::new(),
            leads: HashMap::new(),
            whole: Cell::new(false),
            pages: HashMap::new(),
            meta,
            table: None,
            data: HashMap::new(),
            last: RefCell::new(None),
            tokens: RefCell::new(None),
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

    /// Adds a file the engine asked for, once it has checked it: its checksum (or, for a
    /// document's data, the hash its name carries) and every count in it.
    pub fn add(&mut self, file: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        let meta = &self.meta;
        match self.part(file) {
            Some(Part::Pack) => self.add_pack(file, &bytes)?,
            Some(Part::Table) => {
                self.table = Some(table::read(file, &bytes, meta.docs, &meta.facets)?);
            }
            Some(Part::Dict(i)) => {
                counted(file, i, meta.dict.len())?;
                let map = read_dict(file, &bytes)?;
                let range = (meta.dict[i].as_str(), meta.dict.get(i + 1).map(String::as_str));
                check_dict(file, &map, range, (meta.postings, meta.leads))?;
                self.dicts.insert(i, map);
            }
            Some(Part::Block(i)) => {
                counted(file, i, meta.postings as usize)?;
                self.blocks.insert(i, read_block(file, bytes)?);
            }
            Some(Part::Lead(i)) => {
                counted(file, i, meta.leads as usize)?;
                self.leads.insert(i, read_lead(file, bytes, meta.postings)?);
            }
            Some(Part::Page(doc, page)) => {
                counted(file, doc, meta.docs as usize)?;
                let text = page_text::read(file, &bytes)?;
                let pages = self.pages.entry(doc).or_default();
                // The pages of one document must agree on its card.
                if let Some(other) = pages.values().next()
                    && (other.id != text.id || other.title != text.title || other.date != text.date)
                {
                    return Err(damaged(file, "it disagrees with another page of its document"));
                }
                pages.insert(page, text);
            }
            None => {
                crate::bundle::verify_data(file, &bytes)?;
                self.data.insert(file.to_owned(), json(file, &bytes)?);
            }
        }
        Ok(())
    }

    /// Adds every file of a pack, which must hold every part of the index and nothing else.
    fn add_pack(&mut self, file: &str, bytes: &[u8]) -> Result<(), FormatError> {
        for (inner, bytes) in format::pack::read(file, bytes)? {
            if matches!(self.part(&inner), None | Some(Part::Pack)) {
                return Err(damaged(file, &format!("it holds `{inner}`, not a part of the index")));
            }
            self.add(&inner, bytes)?;
        }
        let meta = &self.meta;
        let whole = self.table.is_some()
            && self.dicts.len() == meta.dict.len()
            && self.blocks.len() == meta.postings as usize
            && self.leads.len() == meta.leads as usize
            && self.pages.values().map(HashMap::len).sum::<usize>() == meta.pages as usize;
        if !whole {
            return Err(damaged(file, "it lacks files meta.json counts"));
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

    /// What the query marks in a text (see [`crate::search::highlight`]), or the dictionary
    /// chunks it needs first. Only the dictionary is read: no table, postings or cards.
    pub fn matcher(&self, query: &Query) -> Result<Outcome<Matcher>, FormatError> {
        match lookup::compile(self, query) {
            Ok(words) => Ok(Outcome::Done(matcher::matcher(query, &words))),
            Err(Stop::Need(files)) => Ok(Outcome::Need(files)),
            Err(Stop::Damaged(error)) => Err(error),
        }
    }

    fn run(&self, query: &Query, options: &SearchOptions) -> Result<SearchResults, Stop> {
        let evaluated = self.evaluate(query, options.limit)?;
        let shown: Vec<_> = evaluated.ranked.iter().take(options.limit).cloned().collect();
        let results = present::present(self, &evaluated.matched, &shown, options)?;
        Ok(SearchResults {
            total: evaluated.matched.total(self.meta.docs as usize),
            estimated: evaluated.matched.estimated(),
            results,
            facets: evaluated.facets.clone(),
            variants: evaluated.variants.clone(),
        })
    }

    /// Matches, ranks and counts a query for its first `limit` results, or takes the last
    /// evaluation if it was this query's and gave as many: the files it was made from are all
    /// still here, so it would come out the same.
    ///
    /// A query is matched first on the leads of its frequent terms, which hold their best
    /// documents; its counts are then estimates. When that gives fewer than `limit` results (a
    /// rare combination, a narrow filter, "Show more" past the leads), or the query excludes a
    /// frequent term or puts one in a phrase, it is matched again on the whole postings, and
    /// counted exactly.
    fn evaluate(&self, query: &Query, limit: usize) -> Result<Rc<Evaluated>, Stop> {
        let enough = |last: &&Rc<Evaluated>| {
            last.query == *query && (!last.matched.estimated() || last.ranked.len() >= limit)
        };
        if let Some(last) = self.last.borrow().as_ref().filter(enough) {
            return Ok(Rc::clone(last));
        }
        self.whole.set(false);
        let mut evaluated = self.evaluate_on(query)?;
        if evaluated.matched.whole
            || (evaluated.matched.estimated() && evaluated.ranked.len() < limit)
        {
            self.whole.set(true);
            let again = self.evaluate_on(query);
            self.whole.set(false);
            evaluated = again?;
        }
        let evaluated = Rc::new(evaluated);
        *self.last.borrow_mut() = Some(Rc::clone(&evaluated));
        Ok(evaluated)
    }

    /// [`Index::evaluate`] on the leads or the whole postings, as `whole` says.
    fn evaluate_on(&self, query: &Query) -> Result<Evaluated, Stop> {
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
        Ok(Evaluated { query: query.clone(), matched, ranked, facets, variants })
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

/// Checks that a numbered file is one `meta.json` counts.
fn counted(file: &str, i: usize, count: usize) -> Result<(), FormatError> {
    if i < count { Ok(()) } else { Err(damaged(file, "meta.json does not count this file")) }
}

/// Sorts and dedups a list of files to ask for; an empty list means nothing is missing.
fn needing(mut files: Vec<String>) -> Result<(), Stop> {
    if files.is_empty() {
        return Ok(());
    }
    order::sort_dedup(&mut files);
    Err(Stop::Need(files))
}

impl Index {
    /// The tokens of a text, folded as the index folded its own.
    fn tokenize(&self, text: &str) -> Vec<Token> {
        tokenize_with(text, self.fold.as_ref())
    }

    /// The folded words of a string, as the index holds them.
    fn words(&self, text: &str) -> Vec<String> {
        self.tokenize(text).into_iter().map(|t| t.term).collect()
    }
}
