//! The served bundle: what `readingroom build` writes and the app fetches.
//!
//! ```text
//! <bundle>/catalog.json               Catalog: every document's metadata and data file
//! <bundle>/docs/<id>.<hash>.json      DocumentData: the pages of one document
//! ```
//! Data file names carry a hash of their content, so a static host may cache them forever;
//! only `catalog.json` keeps a fixed name. These types are the one definition of the format:
//! the CLI serializes them and the app deserializes the very same types. [`verify`] checks any
//! file of a bundle before it is read: a data file against its name, the catalog against its
//! checksum.

use crate::corrected;
use crate::furniture::{self, Furniture};
use crate::markdown;
use crate::meta::Meta;
use crate::pages;
use crate::source::SourceDocument;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub mod stream;
mod verify;
pub use stream::{BundleBuilder, Prepared, prepare, prepare_in_parts};
pub use verify::{data_hash, read_catalog, read_data, verify, verify_data};

/// Bumped whenever a reader of an older bundle would misread a newer one (2: the catalog
/// carries its checksum).
pub const FORMAT_VERSION: u32 = 2;
/// The catalog's path inside the bundle.
pub const CATALOG_FILE: &str = "catalog.json";
/// The file `readingroom build` writes into every bundle folder: a later build replaces only a
/// folder that holds it (or an empty one), so it never deletes a folder it did not write.
pub const MARKER_FILE: &str = ".readingroom-bundle";

/// The list of documents the library page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    pub documents: Vec<CatalogEntry>,
}

/// One document in the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub meta: Meta,
    /// The number of OCR pages.
    pub pages: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub has_corrected: bool,
    /// Path of the [`DocumentData`] file, relative to the bundle folder.
    pub data: String,
    /// The OCR's error rates against the correction, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<crate::quality::Quality>,
}

/// The text of one document, page by page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentData {
    pub id: String,
    pub pages: Vec<Page>,
    /// Further OCR runs of the same scans, in the order the metadata lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternates: Vec<AlternateRun>,
}

/// Another OCR run of the document, page by page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlternateRun {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
    pub pages: Vec<String>,
}

/// One page: the OCR exactly as produced, where its page furniture lies in it, and the
/// corrected transcription if there is one, as a Markdown tree parsed at build time (see
/// [`crate::markdown`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub ocr: String,
    /// The stamps, page numbers, codes and release lines in `ocr` (see [`crate::furniture`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub furniture: Vec<Furniture>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<markdown::Node>,
}

/// A file of the built bundle, path relative to the bundle folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Builds the served bundle from parsed documents, sorted by id so that the same sources
/// always give the same bytes.
pub fn build(documents: &[SourceDocument]) -> Vec<BuiltFile> {
    build_with(documents, crate::search::build::BuildOptions::default())
}

/// [`build`], with the search index cut as `options` say: the streaming [`BundleBuilder`],
/// gathered in memory and never spilling.
pub fn build_with(
    documents: &[SourceDocument],
    options: crate::search::build::BuildOptions,
) -> Vec<BuiltFile> {
    let mut sorted: Vec<&SourceDocument> = documents.iter().collect();
    sorted.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let mut builder = BundleBuilder::new(options);
    let mut files = Vec::with_capacity(sorted.len() + 1);
    let mut catalog = Vec::new();
    let mut index = crate::search::build::Files::default();
    for document in sorted {
        let added = builder.add(prepare(document));
        files.push(added.file);
        catalog.extend(added.catalog);
        index.take(added.index);
    }
    let Ok(ended) = builder.finish::<std::convert::Infallible>(&mut [], &mut |emitted| {
        index.take([emitted]);
        Ok(())
    });
    catalog.extend(ended.catalog);
    files.extend(index.named(&ended.index));
    files.push(BuiltFile { path: CATALOG_FILE.to_owned(), bytes: catalog });
    files
}

/// The served text of a document: its pages, their furniture and their parsed correction.
pub fn document_data(document: &SourceDocument) -> DocumentData {
    let ocr = document.ocr_pages();
    let corrected = document.corrected.as_deref().map(|md| corrected::split_pages(md, ocr.len()));
    let pages = ocr
        .iter()
        .enumerate()
        .map(|(i, text)| Page {
            ocr: (*text).to_owned(),
            furniture: furniture::detect(text),
            corrected: corrected.as_ref().map(|pages| markdown::parse(&pages[i])),
        })
        .collect();
    let alternates = document
        .alternates
        .iter()
        .map(|(file, text)| AlternateRun {
            file: file.clone(),
            provenance: provenance_of(&document.meta, file),
            pages: pages::split(text).into_iter().map(str::to_owned).collect(),
        })
        .collect();
    DocumentData { id: document.meta.id.clone(), pages, alternates }
}

fn provenance_of(meta: &Meta, file: &str) -> Option<String> {
    meta.alternate_ocr.iter().find(|run| run.file == file).and_then(|run| run.provenance.clone())
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|e| unreachable!("bundle types serialize: {e}"))
}

/// The first 16 hex digits of the SHA-256 of `bytes`: enough to tell versions apart.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str, ocr: &str, corrected: Option<&str>) -> SourceDocument {
        SourceDocument {
            meta: Meta {
                id: id.into(),
                title: format!("Report {id}"),
                date_distributed: Some("1950-03-24".into()),
                ..Meta::default()
            },
            ocr: ocr.into(),
            corrected: corrected.map(Into::into),
            alternates: Vec::new(),
        }
    }

    fn catalog_of(files: &[BuiltFile]) -> Catalog {
        let file = files.iter().find(|f| f.path == CATALOG_FILE).expect("a catalog");
        serde_json::from_slice(&file.bytes).expect("the catalog reads back")
    }

    #[test]
    fn the_catalog_lists_documents_sorted_with_their_data_files() {
        let files = build(&[document("b", "x", None), document("a", "one\u{c}two", None)]);
        let catalog = catalog_of(&files);
        assert_eq!(catalog.format, FORMAT_VERSION);
        let ids: Vec<_> = catalog.documents.iter().map(|e| e.meta.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(catalog.documents[0].pages, 2);
        assert_eq!(catalog.documents[0].year, Some(1950));
        for entry in &catalog.documents {
            assert!(files.iter().any(|f| f.path == entry.data), "{} is written", entry.data);
        }
    }

    #[test]
    fn document_data_round_trips_with_pages_and_corrections() {
        let files = build(&[document("a", "one\u{c}two", Some("<!-- page 2 -->\nTwo.\n"))]);
        let entry = &catalog_of(&files).documents[0];
        assert!(entry.has_corrected);
        let file = files.iter().find(|f| f.path == entry.data).expect("data file");
        let data: DocumentData = serde_json::from_slice(&file.bytes).expect("reads back");
        let text = |page: &Page| page.corrected.as_ref().map(markdown::Node::plain_text);
        assert_eq!(data.pages[0].ocr, "one");
        assert_eq!(text(&data.pages[0]).as_deref(), Some(""));
        assert_eq!(text(&data.pages[1]).as_deref(), Some("Two."));
    }

    #[test]
    fn each_page_carries_its_furniture_as_byte_ranges_of_the_ocr() {
        let ocr = "SECRET\nThe instructor is the liaison.\n- 2 -\n\u{c}50X1-HUM\nText.\n";
        let files = build(&[document("a", ocr, None)]);
        let entry = &catalog_of(&files).documents[0];
        let file = files.iter().find(|f| f.path == entry.data).expect("data file");
        let data: DocumentData = serde_json::from_slice(&file.bytes).expect("reads back");
        let marked = |page: &Page| -> Vec<String> {
            page.furniture.iter().map(|f| page.ocr[f.start..f.end].to_owned()).collect()
        };
        assert_eq!(marked(&data.pages[0]), ["SECRET", "- 2 -"]);
        assert_eq!(marked(&data.pages[1]), ["50X1-HUM"]);
        assert_eq!(data.pages[0].ocr, "SECRET\nThe instructor is the liaison.\n- 2 -\n");
    }

    #[test]
    fn data_file_names_change_with_their_content() {
        let first = build(&[document("a", "one", None)]);
        let second = build(&[document("a", "two", None)]);
        assert_ne!(catalog_of(&first).documents[0].data, catalog_of(&second).documents[0].data);
        assert_eq!(build(&[document("a", "one", None)]), first, "builds are reproducible");
    }
}
