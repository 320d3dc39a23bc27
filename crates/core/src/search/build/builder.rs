//! The index built one document at a time, in bounded memory.
//!
//! [`IndexBuilder::add`] takes each document in catalog order ([`IndexedDocument::of`] makes it
//! from the document's data, on any thread) and returns the files it completes (the
//! document's page texts). The postings stay in memory until the caller, watching
//! [`IndexBuilder::postings_bytes`] against its budget, calls [`IndexBuilder::spill`] and
//! stores the sorted run it returns. [`IndexBuilder::finish`] merges the stored runs with what
//! is still in memory into the dictionary chunks and postings blocks, then writes the table
//! and `meta.json`. The files come out as [`Emitted`] slices under their [`Part`]; their names
//! carry the key, a hash of all of them, so the caller stores them under provisional names
//! and gives them their own once [`Finished`] says the key. The output is the same however
//! often the postings were spilled.

use super::dictionary::Dictionary;
use super::document::IndexedDocument;
use super::lead::Weighing;
use super::parts::{Emitted, Parts};
use super::postings::{Postings, SortedPostings};
use super::run::{self, MergeTarget, Piece, RunSource};
use super::{BuildOptions, average_lengths};
use crate::bundle::CatalogEntry;
use crate::quality::Band;
use crate::search::format::lead::lead_docs;
use crate::search::format::page_text::{self, PageText};
use crate::search::format::table::{self, DocRow, byte_length, length_byte};
use crate::search::format::{self, FacetNames, IndexMeta, Part};
use foldhash::HashMap as FastMap;
use std::collections::BTreeSet;

/// Builds the index document by document.
#[derive(Debug)]
pub struct IndexBuilder {
    options: BuildOptions,
    parts: Parts,
    postings: Postings,
    docs: u32,
    pages: u32,
    rows: Vec<Row>,
    facets: [Facet; 3],
    chars: BTreeSet<char>,
}

/// A document's row before the facet values are all known: its values by order of appearance.
#[derive(Debug, Clone, Copy)]
struct Row {
    facets: [u32; 3],
    year: u16,
    has_corrected: bool,
    quality: Option<Band>,
    len: [u32; 2],
}

/// The values of one facet in order of appearance, numbered from 1 (0 is none).
#[derive(Debug, Default)]
struct Facet {
    numbers: FastMap<String, u32>,
    values: Vec<String>,
}

impl Facet {
    fn number(&mut self, value: Option<&String>) -> u32 {
        let Some(value) = value else { return 0 };
        if let Some(&n) = self.numbers.get(value) {
            return n;
        }
        self.values.push(value.clone());
        let n = self.values.len() as u32;
        self.numbers.insert(value.clone(), n);
        n
    }

    /// The values sorted, and for each number of appearance its code among them.
    fn sorted(self) -> (Vec<String>, Vec<u32>) {
        let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
        order.sort_by(|&a, &b| self.values[a as usize].cmp(&self.values[b as usize]));
        let mut codes = vec![0; self.values.len() + 1];
        for (code, &n) in order.iter().enumerate() {
            codes[n as usize + 1] = code as u32 + 1;
        }
        let mut values = self.values;
        let sorted = order.iter().map(|&n| std::mem::take(&mut values[n as usize])).collect();
        (sorted, codes)
    }
}

/// The end of a build: the key, the index's files in order (one pack, or every part), and
/// `meta.json`'s bytes (its name, [`format::META_FILE`], carries no key).
#[derive(Debug)]
pub struct Finished {
    pub key: String,
    pub parts: Vec<Part>,
    pub meta: Vec<u8>,
}

impl IndexBuilder {
    pub fn new(options: BuildOptions) -> IndexBuilder {
        IndexBuilder {
            options,
            parts: Parts::new(options.pack_limit),
            postings: Postings::default(),
            docs: 0,
            pages: 0,
            rows: Vec::new(),
            facets: Default::default(),
            chars: BTreeSet::new(),
        }
    }

    /// Adds the next document in catalog order; returns the files that can be written now.
    pub fn add(&mut self, entry: &CatalogEntry, document: &IndexedDocument) -> Vec<Emitted> {
        for part in 0..document.parts() {
            self.postings.add(self.docs, document, part);
        }
        self.add_apart(entry, document)
    }

    /// [`IndexBuilder::add`] but for the document's postings, which the caller adds to
    /// [`Postings`] of its own as document number [`IndexBuilder::docs`] (one part on each of
    /// several threads, say) and hands back to [`IndexBuilder::finish`] as runs.
    pub fn add_apart(&mut self, entry: &CatalogEntry, document: &IndexedDocument) -> Vec<Emitted> {
        let meta = &entry.meta;
        self.rows.push(Row {
            facets: [
                self.facets[0].number(meta.country.as_ref()),
                self.facets[1].number(meta.subject.as_ref()),
                self.facets[2].number(meta.collection.as_ref()),
            ],
            year: entry.year.unwrap_or(0),
            has_corrected: entry.has_corrected,
            quality: entry.quality.as_ref().and_then(|q| q.metrics.cer).map(Band::of),
            len: document.len,
        });
        self.pages += document.pages;
        self.chars.extend(document.chars.iter().copied());
        let doc = self.docs as usize;
        self.docs += 1;
        // Each page's text, with the document's card.
        let mut out = Vec::new();
        for (n, (ocr, corrected)) in document.texts.iter().enumerate() {
            let text = PageText {
                id: meta.id.clone(),
                title: meta.title.clone(),
                date: meta.date().map(str::to_owned),
                ocr: ocr.clone(),
                corrected: corrected.clone(),
            };
            let bytes = page_text::write(&text);
            out.extend(self.parts.add(Emitted { part: Part::Page(doc, n), bytes, end: true }));
        }
        out
    }

    /// The number of documents added so far: the next one's number.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// About how many bytes of memory the postings held take.
    pub fn postings_bytes(&self) -> usize {
        self.postings.bytes()
    }

    /// Takes the postings held, as the bytes of a sorted run ([`run`]) in slices, for the
    /// caller to store and hand back to [`IndexBuilder::finish`] as a [`RunSource`].
    pub fn spill(&mut self) -> SortedPostings {
        self.postings.take_sorted()
    }

    /// Merges the stored `runs` with the postings still held, writes the rest of the index, and
    /// hands every file to `emit`. A term's pieces must come in document order: the runs in the
    /// order they were spilled (those of postings kept in parts may come part by part, each
    /// part's in order, since a term is in one part only).
    pub fn finish<E>(
        mut self,
        runs: &mut [&mut dyn RunSource<Error = E>],
        emit: &mut dyn FnMut(Emitted) -> Result<(), E>,
    ) -> Result<Finished, E> {
        let mut facets = std::mem::take(&mut self.facets).map(Facet::sorted);
        let rows: Vec<DocRow> = self
            .rows
            .iter()
            .map(|row| DocRow {
                country: facets[0].1[row.facets[0] as usize],
                subject: facets[1].1[row.facets[1] as usize],
                collection: facets[2].1[row.facets[2] as usize],
                year: row.year,
                has_corrected: row.has_corrected,
                quality: row.quality,
                len: row.len,
            })
            .collect();
        let avg_len = average_lengths(&rows);
        let mut held = self.postings.take_sorted().source::<E>();
        let mut sources: Vec<&mut (dyn RunSource<Error = E> + '_)> =
            Vec::with_capacity(runs.len() + 1);
        for run in runs.iter_mut() {
            sources.push(&mut **run);
        }
        sources.push(&mut held);
        let size = self.options.lead_docs.unwrap_or_else(|| lead_docs(self.docs));
        let weighing = Weighing {
            lengths: rows.iter().map(|r| byte_length(length_byte(r.len[0]))).collect(),
            avg: avg_len[0].max(1.0),
            size,
        };
        let dictionary = Dictionary::new(&self.options, weighing);
        let mut target = Cutting { dictionary, parts: &mut self.parts, emit };
        run::merge(&mut sources, &mut target)?;
        let (dict, postings, leads, rest) = target.dictionary.finish();
        for emitted in rest {
            for file in self.parts.add(emitted) {
                emit(file)?;
            }
        }
        let table = Emitted { part: Part::Table, bytes: table::write(&rows), end: true };
        for file in self.parts.add(table) {
            emit(file)?;
        }
        let sealed = self.parts.seal();
        if let Some(pack) = sealed.pack {
            emit(pack)?;
        }
        let [country, subject, collection] =
            std::array::from_fn(|n| std::mem::take(&mut facets[n].0));
        let meta = IndexMeta {
            format: format::FORMAT_VERSION,
            docs: self.docs,
            pages: self.pages,
            avg_len,
            facets: FacetNames { country, subject, collection },
            key: sealed.key.clone(),
            dict,
            postings,
            leads,
            pack: sealed.parts == [Part::Pack],
            fold: fold_table(self.chars),
        };
        Ok(Finished { key: sealed.key, parts: sealed.parts, meta: meta.to_bytes() })
    }
}

/// The merge's target for the index: the dictionary, whose files go through the parts to `emit`.
struct Cutting<'a, E> {
    dictionary: Dictionary,
    parts: &'a mut Parts,
    emit: &'a mut dyn FnMut(Emitted) -> Result<(), E>,
}

impl<E> Cutting<'_, E> {
    fn flush(&mut self) -> Result<(), E> {
        for emitted in std::mem::take(&mut self.dictionary.out) {
            for file in self.parts.add(emitted) {
                (self.emit)(file)?;
            }
        }
        Ok(())
    }
}

impl<E> MergeTarget for Cutting<'_, E> {
    type Error = E;

    fn term(&mut self, term: &str, pieces: &[Piece]) -> Result<(), E> {
        let Ok(()) = self.dictionary.term(term, pieces);
        self.flush()
    }

    fn records(&mut self, bytes: &[u8]) -> Result<(), E> {
        let Ok(()) = self.dictionary.records(bytes);
        if self.dictionary.out.is_empty() { Ok(()) } else { self.flush() }
    }
}

/// The folds of every character of the collection's text (see `normalize::table_for`).
#[cfg(feature = "unicode-tables")]
fn fold_table(chars: BTreeSet<char>) -> Vec<(char, String)> {
    crate::search::normalize::table_for(chars).entries().to_vec()
}

/// Without the Unicode tables there is nothing to fold from: the index is built natively.
#[cfg(not(feature = "unicode-tables"))]
fn fold_table(_: BTreeSet<char>) -> Vec<(char, String)> {
    Vec::new()
}
