//! The streaming build ([`BundleBuilder`]) with its postings spilled as sorted runs, often and
//! at uneven places, against the build in one piece ([`build_with`]): every file of the bundle
//! must be the same, byte for byte, for the default collection and a synthetic one, however
//! the index is cut into files. The runs are kept in memory here; the CLI keeps them in files
//! (`crates/cli/tests/build_stream.rs`).

mod common;
use common::documents::load;
use readingroom_core::bundle::{BuiltFile, BundleBuilder, Prepared, build_with, prepare};
use readingroom_core::search::build::run::{self, HEAD_BYTES, Piece, RunSource, RunWriter, Sink};
use readingroom_core::search::build::{BuildOptions, Emitted, Files};
use readingroom_core::source::SourceDocument;
use readingroom_core::synth::SynthOptions;
use std::collections::BTreeMap;
use std::convert::Infallible;

/// A run held as bytes, read as the CLI reads a run file.
struct BytesRun {
    bytes: Vec<u8>,
    at: usize,
    left: usize,
}

impl BytesRun {
    fn new(bytes: Vec<u8>) -> BytesRun {
        BytesRun { bytes, at: 0, left: 0 }
    }
}

impl RunSource for BytesRun {
    type Error = Infallible;

    fn next_term(&mut self) -> Result<Option<(String, Piece)>, Infallible> {
        if self.at == self.bytes.len() {
            return Ok(None);
        }
        let head: [u8; HEAD_BYTES] =
            self.bytes[self.at..self.at + HEAD_BYTES].try_into().expect("a head");
        let (len, piece) = run::read_head(&head);
        self.at += HEAD_BYTES;
        let term = String::from_utf8(self.bytes[self.at..self.at + len].to_vec()).expect("UTF-8");
        self.at += len;
        self.left = piece.len as usize;
        Ok(Some((term, piece)))
    }

    fn read_records(&mut self, each: &mut Sink<'_, Infallible>) -> Result<(), Infallible> {
        // In uneven slices, as a reader with a small buffer hands them over.
        while self.left > 0 {
            let n = self.left.min(7);
            each(&self.bytes[self.at..self.at + n])?;
            self.at += n;
            self.left -= n;
        }
        Ok(())
    }
}

/// The documents prepared, sorted by id, as the build takes them.
fn prepared(documents: &[SourceDocument]) -> Vec<Prepared> {
    let mut sorted: Vec<&SourceDocument> = documents.iter().collect();
    sorted.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    sorted.into_iter().map(prepare).collect()
}

/// Builds the `prepared` documents with a spill after every document whose number `spill`
/// accepts; `regroup` runs are first merged into one run, as the CLI does when it has too many.
fn streamed(
    prepared: &[Prepared],
    options: BuildOptions,
    spill: impl Fn(usize) -> bool,
    regroup: usize,
) -> (Vec<BuiltFile>, usize) {
    let mut builder = BundleBuilder::new(options);
    let mut files = Vec::new();
    let mut catalog = Vec::new();
    let mut index = Files::default();
    let mut runs: Vec<Vec<u8>> = Vec::new();
    for (n, document) in prepared.iter().enumerate() {
        let added = builder.add(document.clone());
        files.push(added.file);
        catalog.extend(added.catalog);
        index.take(added.index);
        if spill(n) {
            runs.push(builder.spill().flatten().collect());
        }
    }
    let spilled = runs.len();
    if regroup > 1 && runs.len() >= regroup {
        let mut group: Vec<BytesRun> = runs.drain(..regroup).map(BytesRun::new).collect();
        let mut sources: Vec<&mut dyn RunSource<Error = Infallible>> =
            group.iter_mut().map(|r| r as &mut dyn RunSource<Error = Infallible>).collect();
        let mut merged = Vec::new();
        let mut out = |bytes: &[u8]| -> Result<(), Infallible> {
            merged.extend_from_slice(bytes);
            Ok(())
        };
        let Ok(()) = run::merge(&mut sources, &mut RunWriter::new(&mut out));
        runs.insert(0, merged);
    }
    let mut readers: Vec<BytesRun> = runs.into_iter().map(BytesRun::new).collect();
    let mut sources: Vec<&mut dyn RunSource<Error = Infallible>> =
        readers.iter_mut().map(|r| r as &mut dyn RunSource<Error = Infallible>).collect();
    let Ok(ended) = builder.finish(&mut sources, &mut |emitted: Emitted| {
        index.take([emitted]);
        Ok(())
    });
    catalog.extend(ended.catalog);
    files.extend(index.named(&ended.index));
    files.push(BuiltFile { path: "catalog.json".into(), bytes: catalog });
    (files, spilled)
}

fn by_path(files: Vec<BuiltFile>) -> BTreeMap<String, Vec<u8>> {
    files.into_iter().map(|f| (f.path, f.bytes)).collect()
}

fn assert_same(streamed: Vec<BuiltFile>, whole: Vec<BuiltFile>, what: &str) {
    let (streamed, whole) = (by_path(streamed), by_path(whole));
    assert_eq!(
        streamed.keys().collect::<Vec<_>>(),
        whole.keys().collect::<Vec<_>>(),
        "{what}: the same files"
    );
    for (path, bytes) in &whole {
        assert!(streamed[path] == *bytes, "{what}: {path} differs");
    }
}

fn synthetic(docs: usize) -> Vec<SourceDocument> {
    common::documents::synthetic(&SynthOptions {
        docs,
        pages_per_doc: 2,
        words_per_page: 100,
        cer: 0.05,
        seed: 14,
    })
}

const FINE: BuildOptions =
    BuildOptions { pack_limit: 0, dict_terms: 40, block_bytes: 700, lead_docs: Some(3) };

#[test]
fn the_default_collection_spilled_after_every_document_builds_the_same_bundle() {
    let documents = load(None);
    let prepared = prepared(&documents);
    for options in [BuildOptions::default(), FINE] {
        let (files, spilled) = streamed(&prepared, options, |_| true, 0);
        assert_eq!(spilled, documents.len(), "a run per document");
        assert_same(files, build_with(&documents, options), &format!("{options:?}"));
    }
}

#[test]
fn a_synthetic_collection_spilled_unevenly_and_regrouped_builds_the_same_bundle() {
    let documents = synthetic(60);
    let prepared = prepared(&documents);
    let uneven = |n: usize| n % 7 == 3 || n.is_multiple_of(11);
    let packed = BuildOptions { pack_limit: usize::MAX, ..BuildOptions::default() };
    for options in [BuildOptions::default(), FINE, packed] {
        let whole = build_with(&documents, options);
        let (files, spilled) = streamed(&prepared, options, uneven, 0);
        assert!(spilled > 10, "{spilled} runs");
        assert_same(files, whole.clone(), &format!("{options:?}"));
        let (regrouped, _) = streamed(&prepared, options, uneven, 5);
        assert_same(regrouped, whole, &format!("{options:?}, runs regrouped"));
    }
}

#[test]
fn a_collection_of_no_document_builds_the_same_bundle() {
    let (files, spilled) = streamed(&[], BuildOptions::default(), |_| true, 0);
    assert_eq!(spilled, 0);
    assert_same(files, build_with(&[], BuildOptions::default()), "empty");
}
