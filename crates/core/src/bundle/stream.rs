//! The bundle built one document at a time, so that a collection of any size is built in
//! bounded memory: [`prepare`] makes a document's data file, catalog entry and share of the
//! index from its source alone (on any thread), and [`BundleBuilder::add`] takes the prepared
//! documents in catalog order and returns what can be written at once: the data file, the
//! catalog's next bytes and the index files completed. The catalog is written as it grows
//! ([`CatalogWriter`]), never held whole. [`super::build`] is the same, gathered in memory.

use super::{BuiltFile, CatalogEntry, FORMAT_VERSION, document_data, short_hash, to_json};
use crate::search::build::run::RunSource;
use crate::search::build::{
    BuildOptions, Emitted, Finished, IndexBuilder, IndexedDocument, SortedPostings,
};
use crate::source::SourceDocument;
use sha2::{Digest, Sha256};

/// A document made ready for the bundle.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub entry: CatalogEntry,
    /// Its data file.
    pub file: BuiltFile,
    pub index: IndexedDocument,
}

/// Makes a document's data file, catalog entry and share of the index.
pub fn prepare(document: &SourceDocument) -> Prepared {
    prepare_in_parts(document, 1)
}

/// [`prepare`], the document's terms cut into `parts` (see [`IndexedDocument::in_parts`]).
pub fn prepare_in_parts(document: &SourceDocument, parts: usize) -> Prepared {
    let data = document_data(document);
    let bytes = to_json(&data);
    let path = format!("docs/{}.{}.json", document.meta.id, short_hash(&bytes));
    let entry = CatalogEntry {
        meta: document.meta.clone(),
        pages: data.pages.len() as u32,
        year: document.meta.year(),
        has_corrected: document.corrected.is_some(),
        data: path.clone(),
        quality: crate::quality::of_document(&data),
    };
    let index = IndexedDocument::in_parts(&data, parts);
    Prepared { entry, file: BuiltFile { path, bytes }, index }
}

/// What one document adds to the bundle.
#[derive(Debug)]
pub struct Added {
    /// The document's data file.
    pub file: BuiltFile,
    /// The next bytes of `catalog.json`.
    pub catalog: Vec<u8>,
    /// Files of the index completed (see [`IndexBuilder`]).
    pub index: Vec<Emitted>,
}

/// The end of a bundle: the last bytes of `catalog.json` and the index's ending.
#[derive(Debug)]
pub struct Ended {
    pub catalog: Vec<u8>,
    pub index: Finished,
}

/// Builds the bundle document by document.
#[derive(Debug)]
pub struct BundleBuilder {
    catalog: CatalogWriter,
    index: IndexBuilder,
}

impl BundleBuilder {
    pub fn new(options: BuildOptions) -> BundleBuilder {
        BundleBuilder { catalog: CatalogWriter::default(), index: IndexBuilder::new(options) }
    }

    /// Adds the next document; documents come sorted by id.
    pub fn add(&mut self, prepared: Prepared) -> Added {
        let catalog = self.catalog.entry(&prepared.entry);
        let index = self.index.add(&prepared.entry, &prepared.index);
        Added { file: prepared.file, catalog, index }
    }

    /// [`BundleBuilder::add`] but for the document's postings, which the caller keeps (see
    /// [`IndexBuilder::add_apart`]): returns them with the document's number.
    pub fn add_apart(&mut self, prepared: Prepared) -> (Added, u32, IndexedDocument) {
        let doc = self.index.docs();
        let catalog = self.catalog.entry(&prepared.entry);
        let index = self.index.add_apart(&prepared.entry, &prepared.index);
        (Added { file: prepared.file, catalog, index }, doc, prepared.index)
    }

    /// About how many bytes of memory the index's postings take.
    pub fn postings_bytes(&self) -> usize {
        self.index.postings_bytes()
    }

    /// The postings held, as a sorted run to store (see [`IndexBuilder::spill`]).
    pub fn spill(&mut self) -> SortedPostings {
        self.index.spill()
    }

    /// Finishes the index from the stored runs (see [`IndexBuilder::finish`]) and the catalog.
    pub fn finish<E>(
        self,
        runs: &mut [&mut dyn RunSource<Error = E>],
        emit: &mut dyn FnMut(Emitted) -> Result<(), E>,
    ) -> Result<Ended, E> {
        let index = self.index.finish(runs, emit)?;
        Ok(Ended { catalog: self.catalog.finish(), index })
    }
}

/// `catalog.json` written entry by entry: the bytes `serde_json` gives the whole [`super::Catalog`],
/// sealed as [`crate::search::format::seal::seal_json`] seals it, with the checksum hashed on
/// the way.
#[derive(Debug, Default)]
pub struct CatalogWriter {
    hasher: Sha256,
    entries: usize,
}

impl CatalogWriter {
    fn write(&mut self, bytes: Vec<u8>) -> Vec<u8> {
        self.hasher.update(&bytes);
        bytes
    }

    fn head() -> Vec<u8> {
        format!("{{\"format\":{FORMAT_VERSION},\"documents\":[").into_bytes()
    }

    /// The bytes that add `entry`.
    pub fn entry(&mut self, entry: &CatalogEntry) -> Vec<u8> {
        let mut bytes = if self.entries == 0 { Self::head() } else { b",".to_vec() };
        bytes.extend(to_json(entry));
        self.entries += 1;
        self.write(bytes)
    }

    /// The last bytes: the end of the list and the checksum.
    pub fn finish(mut self) -> Vec<u8> {
        let mut bytes = if self.entries == 0 { Self::head() } else { Vec::new() };
        bytes.push(b']');
        let mut out = self.write(bytes);
        self.hasher.update(b"}");
        let digest = self.hasher.finalize();
        let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        out.extend_from_slice(format!(",\"checksum\":\"{hash}\"}}").as_bytes());
        out
    }
}
