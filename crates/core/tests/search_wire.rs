//! The engine's replies cross the wasm edge as bytes (`search::results::wire`): every kind of
//! reply the engine gives on the default collection (files to load, results of exact, fuzzy,
//! phrase, prefix and filtered queries, marks on a page and on a page the document lacks, a
//! query error) comes back from its bytes equal to what was sent, and so does each request.

mod common;
use common::documents::load;
use readingroom_core::bundle;
use readingroom_core::search::engine::Index;
use readingroom_core::search::format::META_FILE;
use readingroom_core::search::results::{Reply, Request};
use std::collections::{BTreeSet, HashMap};

/// The kind of a reply, to check that every kind was seen.
fn kind(reply: &Reply) -> &'static str {
    match reply {
        Reply::Need(_) => "need",
        Reply::Done(_) => "done",
        Reply::Marked(_) => "marked",
        Reply::QueryError { .. } => "query_error",
        Reply::Damaged(_) => "damaged",
    }
}

/// Every reply to `request`, the requests for files first, through their bytes.
fn round_trip(
    index: &mut Index,
    files: &HashMap<String, Vec<u8>>,
    request: &Request,
    seen: &mut BTreeSet<&'static str>,
) {
    assert_eq!(Request::from_bytes(&request.to_bytes()).as_ref(), Ok(request));
    for _ in 0..16 {
        let reply = index.ask(request);
        seen.insert(kind(&reply));
        assert_eq!(Reply::from_bytes(&reply.to_bytes()).as_ref(), Ok(&reply), "{request:?}");
        let Reply::Need(needed) = reply else { return };
        for file in needed {
            index.add(&file, files[&file].clone()).expect("a sound file");
        }
    }
    panic!("no answer to {request:?}");
}

#[test]
fn every_kind_of_reply_comes_back_from_its_bytes() {
    let files: HashMap<String, Vec<u8>> =
        bundle::build(&load(None)).into_iter().map(|f| (f.path, f.bytes)).collect();
    let mut index = Index::new(&files[META_FILE]).expect("the index opens");
    let document = files.keys().find(|p| p.starts_with("docs/cia-")).expect("a document").clone();
    let mut seen = BTreeSet::new();
    let queries = [
        "party",
        "Kazakhstanskaya",
        "\"soviet union\" OR instruct*",
        "country:USSR -x",
        "comunist",
    ];
    for query in queries {
        for pages in [0, 5] {
            let search =
                Request::Search { query: query.into(), limit: 10, pages, brief: pages == 0 };
            round_trip(&mut index, &files, &search, &mut seen);
        }
        for page in [1, 2, 99] {
            let highlight =
                Request::Highlight { query: query.into(), document: document.clone(), page };
            round_trip(&mut index, &files, &highlight, &mut seen);
        }
    }
    let bad = Request::Search { query: "\"open".into(), limit: 5, pages: 0, brief: false };
    round_trip(&mut index, &files, &bad, &mut seen);
    assert_eq!(seen, BTreeSet::from(["done", "marked", "need", "query_error"]));
}
