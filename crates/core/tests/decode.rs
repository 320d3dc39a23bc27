//! The app's readers ([`readingroom_core::decode`]) give exactly what serde gives on the same
//! text: for the catalog and every data file of the default collection, for Markdown holding
//! every kind of node, and for every reply of the compare module. A file they cannot read is
//! named with the member that failed. (The search engine's replies are not JSON: see
//! `search_wire.rs`.)

mod common;
use common::documents::load;
use readingroom_core::bundle::{self, BuiltFile, CATALOG_FILE, Catalog, DocumentData};
use readingroom_core::decode;
use readingroom_core::markdown::{Kind, Node};
use readingroom_core::meta::Meta;
use readingroom_core::source::SourceDocument;
use std::collections::BTreeSet;

fn text(file: &BuiltFile) -> &str {
    std::str::from_utf8(&file.bytes).expect("UTF-8")
}

#[test]
fn the_catalog_and_every_data_file_read_as_serde_reads_them() {
    let files = bundle::build(&load(None));
    let catalog = files.iter().find(|f| f.path == CATALOG_FILE).expect("a catalog");
    let by_serde: Catalog = serde_json::from_str(text(catalog)).expect("serde reads it");
    assert_eq!(decode::catalog(text(catalog)), Ok(by_serde.clone()));
    assert_eq!(bundle::read_catalog(&catalog.bytes), Ok(by_serde.clone()));
    assert!(by_serde.documents.iter().any(|d| d.quality.is_some()), "quality is compared");
    assert!(by_serde.documents.iter().any(|d| !d.meta.alternate_ocr.is_empty()));
    let mut read = 0;
    for file in files.iter().filter(|f| f.path.starts_with("docs/")) {
        let by_serde: DocumentData = serde_json::from_str(text(file)).expect("serde reads it");
        assert_eq!(decode::document_data(text(file)).as_ref(), Ok(&by_serde), "{}", file.path);
        assert_eq!(bundle::read_data(&file.path, &file.bytes), Ok(by_serde));
        read += 1;
    }
    assert_eq!(read, by_serde.documents.len());
}

#[test]
fn the_index_meta_reads_as_serde_reads_it() {
    use readingroom_core::search::build::BuildOptions;
    use readingroom_core::search::format::{IndexMeta, META_FILE};
    let options = BuildOptions { pack_limit: 0, ..BuildOptions::default() };
    let files = bundle::build_with(&load(None), options);
    let meta = files.iter().find(|f| f.path == META_FILE).expect("meta.json");
    let by_serde: IndexMeta = serde_json::from_str(text(meta)).expect("serde reads it");
    assert!(!by_serde.fold.is_empty() && by_serde.dict.len() > 1, "the fold table and chunks");
    assert_eq!(IndexMeta::read(&meta.bytes), Ok(by_serde));
}

/// Markdown with every kind of node (`kinds` below lists them, and fails to compile when a
/// kind is added without being covered here).
const EVERY_KIND: &str = "<!-- page 1 -->\n# Title\n\nSome *emphasis*, **strong**, ~~strike~~, \
`code`, a [link](https://example.org), a [bad one](javascript:alert(1)) and \
![an image](x.png).  \nA hard break.\nA soft one.\n\n> A quote\n\n3. three\n4. four\n\n- item\n\n\
```\ncode block\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>raw</b>\n";

fn kinds(node: &Node, seen: &mut BTreeSet<&'static str>) {
    seen.insert(match node.kind {
        Kind::Root => "root",
        Kind::Heading(_) => "heading",
        Kind::Paragraph => "paragraph",
        Kind::Quote => "quote",
        Kind::List { start: Some(_) } => "ordered list",
        Kind::List { start: None } => "list",
        Kind::Item => "item",
        Kind::CodeBlock => "code block",
        Kind::Rule => "rule",
        Kind::Table => "table",
        Kind::TableHead => "table head",
        Kind::TableRow => "table row",
        Kind::TableCell => "table cell",
        Kind::Emphasis => "emphasis",
        Kind::Strong => "strong",
        Kind::Strike => "strike",
        Kind::Link { href: Some(_) } => "link",
        Kind::Link { href: None } => "unsafe link",
        Kind::Image => "image",
        Kind::Text => "text",
        Kind::Code => "code",
        Kind::Html => "html",
        Kind::SoftBreak => "soft break",
        Kind::HardBreak => "hard break",
    });
    node.children.iter().for_each(|child| kinds(child, seen));
}

#[test]
fn markdown_trees_with_every_kind_of_node_read_as_serde_reads_them() {
    let document = SourceDocument {
        meta: Meta { id: "md".into(), title: "Markdown".into(), ..Meta::default() },
        ocr: "Title".into(),
        corrected: Some(EVERY_KIND.into()),
        alternates: Vec::new(),
    };
    let files = bundle::build(&[document]);
    let data = files.iter().find(|f| f.path.starts_with("docs/")).expect("a data file");
    let by_serde: DocumentData = serde_json::from_str(text(data)).expect("serde reads it");
    let mut seen = BTreeSet::new();
    kinds(by_serde.pages[0].corrected.as_ref().expect("a transcription"), &mut seen);
    assert_eq!(seen.len(), 24, "every kind is in the text: {seen:?}");
    assert_eq!(decode::document_data(text(data)), Ok(by_serde));
}

#[test]
fn what_cannot_be_read_is_named_by_its_member() {
    let catalog = r#"{"format":2,"documents":[{"meta":{"id":"a","title":7}}]}"#;
    let error = decode::catalog(catalog).expect_err("a title must be a string");
    assert_eq!(error, "documents: [0]: meta: title: expected a string, found a number");
    assert!(decode::document_data("{\"id\":").is_err(), "not JSON");
    use readingroom_core::decode::FromJson;
    use readingroom_core::search::format::IndexMeta;
    let meta = |avg_len: &str, fold: &str| {
        format!(
            r#"{{"format":3,"docs":1,"pages":1,"avg_len":{avg_len},"facets":{{"country":[],"subject":[],"collection":[]}},"key":"0123456789abcdef","dict":[],"postings":0,"fold":{fold}}}"#
        )
    };
    let sound = IndexMeta::from_json(&meta("[1.5,0]", r#"[["é","e"]]"#)).expect("sound");
    assert_eq!(
        (sound.avg_len, sound.fold, sound.pack),
        ([1.5, 0.0], vec![('é', "e".into())], false)
    );
    let error = IndexMeta::from_json(&meta("[1.5]", "[]")).expect_err("two lengths");
    assert_eq!(error, "avg_len: expected two numbers");
    let error = IndexMeta::from_json(&meta("[1,1]", r#"[["ab","x"]]"#)).expect_err("a character");
    assert_eq!(error, "fold: [0]: expected a single character");
    let plain = r#"{"id":"a","pages":[{"ocr":"x","extra":1}],"more":true}"#;
    let data = decode::document_data(plain).expect("unknown members are ignored");
    assert_eq!(data.pages[0].furniture, []);
    assert_eq!(data.pages[0].corrected, None);
}

#[test]
fn every_compare_reply_reads_as_serde_reads_it() {
    use readingroom_core::compare::view::{Against, Reply as CompareReply, Request, answer_json};
    let built = bundle::build(&load(Some(&["cia-rdp80-00809a000600290716-5", "104-10048-10252"])));
    let mut read = 0;
    for file in built.iter().filter(|f| f.path.starts_with("docs/")) {
        for against in [Against::Transcription, Against::Run(1)] {
            for page in [None, Some(1), Some(2), Some(99)] {
                let request = serde_json::to_string(&Request { against, page }).expect("json");
                let reply = answer_json(&file.bytes, &request);
                let json = serde_json::to_string(&reply).expect("replies serialize");
                let by_serde: CompareReply = serde_json::from_str(&json).expect("serde reads it");
                assert_eq!(decode::compare_reply(&json), Ok(by_serde), "{json}");
                read += usize::from(matches!(reply, CompareReply::Page(_)));
            }
        }
    }
    assert!(read >= 3, "pages compared against both a transcription and a run: {read}");
    assert!(decode::compare_reply(r#"{"page":{"page":"one"}}"#).is_err());
}
