//! The reader marks exactly what the engine finds. For a mix of queries on the default
//! collection (single words, an OCR-fuzzy word, a phrase, a prefix, `OR`, an exclusion,
//! filters, `layer:`), every hit the engine reports on a result's pages, in the OCR and in the
//! transcription, is a mark the reader's [`DocumentTokens::marks`] puts on that page, and
//! every mark on those pages is such a hit: the same byte ranges, the same fuzzy flag. The
//! engine reads a result's text from the index's page texts; each snippet, and each of its
//! marks, is also found in the document's whole text, at the best page's first hits.

mod common;
use common::documents::load;
use readingroom_core::bundle::{BuiltFile, DocumentData, build_with};
use readingroom_core::search::build::BuildOptions;
use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::format::{META_FILE, PostingLayer};
use readingroom_core::search::highlight::{DocumentTokens, Mark, Matcher};
use readingroom_core::search::query;
use readingroom_core::search::results::{ResultDoc, SearchResults};
use std::collections::HashMap;

const QUERIES: &[&str] = &[
    "party",
    "Kazakhstanskaya",
    "\"soviet union\"",
    "instruct*",
    "pravda OR izvestia",
    "party -soviet",
    "country:USSR party",
    "layer:corrected party",
    "layer:ocr genoral",
    "communist",
    "oswald mexico",
    "cuban OR cuba embassy",
    "\"central intelligence\"",
    "agen*",
];

fn answer<T>(
    index: &mut Index,
    files: &HashMap<String, Vec<u8>>,
    mut ask: impl FnMut(&Index) -> Outcome<T>,
) -> T {
    for _ in 0..12 {
        match ask(index) {
            Outcome::Done(value) => return value,
            Outcome::Need(paths) => {
                for path in paths {
                    index.add(&path, files[&path].clone()).expect("a sound file");
                }
            }
        }
    }
    panic!("no answer after 12 rounds")
}

fn spans(marks: &[Mark]) -> Vec<(usize, usize, bool)> {
    marks.iter().map(|m| (m.start, m.end, m.fuzzy)).collect()
}

#[test]
fn the_reader_marks_exactly_the_hits_the_engine_reports() {
    let built = build_with(&load(None), BuildOptions::default());
    let files: HashMap<String, Vec<u8>> =
        built.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect();
    let mut index = Index::new(&files[META_FILE]).expect("the index opens");
    let options = SearchOptions {
        limit: 40,
        pages_per_result: 3,
        hits_per_result: usize::MAX,
        text_pages: 3,
    };
    let (mut compared, mut fuzzy, mut both_layers, mut snippets) = (0, 0, 0, 0);
    for text in QUERIES {
        let parsed = query::parse(text).expect("the query parses");
        let results: SearchResults =
            answer(&mut index, &files, |i| i.search(&parsed, &options).expect("sound"));
        let matcher: Matcher = answer(&mut index, &files, |i| i.matcher(&parsed).expect("sound"));
        for result in &results.results {
            let path = files
                .keys()
                .find(|p| p.starts_with(&format!("docs/{}.", result.id)))
                .expect("the result's data file");
            let data: DocumentData = serde_json::from_slice(&files[path]).expect("data");
            snippets += snippet_is_the_documents(text, result, &data);
            let marks = DocumentTokens::new(&data, None).marks(&matcher);
            for page in &result.pages {
                let on_page = &marks.pages[page.page as usize - 1];
                for (layer, marked) in [
                    (PostingLayer::Ocr, &on_page.ocr),
                    (PostingLayer::Corrected, &on_page.corrected),
                ] {
                    let hits: Vec<(usize, usize, bool)> = result
                        .hits
                        .iter()
                        .filter(|h| h.page == page.page && h.layer == layer)
                        .map(|h| (h.start, h.end, h.fuzzy))
                        .collect();
                    assert_eq!(
                        spans(marked),
                        hits,
                        "{text}: {} page {} {layer:?}: the reader's marks against the engine's hits",
                        result.id,
                        page.page
                    );
                    compared += hits.len();
                    fuzzy += hits.iter().filter(|h| h.2).count();
                }
                both_layers +=
                    usize::from(!on_page.ocr.is_empty() && !on_page.corrected.is_empty());
            }
        }
    }
    // The comparison is only worth something if it compared many hits of every kind.
    assert!(compared > 500, "only {compared} hits compared");
    assert!(fuzzy > 10, "only {fuzzy} fuzzy hits compared");
    assert!(both_layers > 3, "only {both_layers} pages marked in both layers");
    assert!(snippets > 50, "only {snippets} snippets compared");
}

/// Checks a result's snippet against the document's whole text: its words stand in the text
/// of its page and layer (line ends as spaces), and each mark covers the text of a hit the
/// engine reports there. Returns 1 for a snippet checked, 0 for a result without one.
fn snippet_is_the_documents(query: &str, result: &ResultDoc, data: &DocumentData) -> usize {
    let snippet = &result.snippet;
    let Some(layer) = snippet.layer else { return 0 };
    let page = &data.pages[snippet.page as usize - 1];
    let text = match layer {
        PostingLayer::Corrected => page.corrected.as_ref().expect("a transcription").search_text(),
        _ => page.ocr.clone(),
    };
    let flat: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{c}') { ' ' } else { c })
        .collect();
    let body = snippet.text.trim_start_matches("… ").trim_end_matches(" …");
    let at = flat.find(body).unwrap_or_else(|| panic!("{query}: {}: {body:?}", result.id));
    let lead = snippet.text.len() - snippet.text.trim_start_matches("… ").len();
    assert!(!snippet.marks.is_empty() || result.hits.is_empty(), "{query}: {}", result.id);
    for &(start, end) in &snippet.marks {
        let (start, end) = (start - lead + at, end - lead + at);
        let hit = result.hits.iter().find(|h| {
            h.page == snippet.page && h.layer == layer && (h.start, h.end) == (start, end)
        });
        let hit = hit.unwrap_or_else(|| panic!("{query}: {}: a mark at {start}..{end}", result.id));
        assert_eq!(text[start..end], hit.matched, "{query}: {}", result.id);
    }
    1
}

#[test]
fn filters_and_exclusions_mark_nothing() {
    let built =
        build_with(&load(Some(&["cia-rdp80-00809a000600290716-5"])), BuildOptions::default());
    let files: HashMap<String, Vec<u8>> =
        built.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect();
    let mut index = Index::new(&files[META_FILE]).expect("the index opens");
    for text in ["country:USSR", "year:1949", "-party", "has:corrected -soviet"] {
        let parsed = query::parse(text).expect("the query parses");
        let matcher: Matcher = answer(&mut index, &files, |i| i.matcher(&parsed).expect("sound"));
        assert!(matcher.is_empty(), "{text} marks {:?}", matcher.terms);
    }
    let parsed = query::parse("party -soviet country:USSR").expect("parses");
    let matcher: Matcher = answer(&mut index, &files, |i| i.matcher(&parsed).expect("sound"));
    assert_eq!(matcher.terms, ["party"]);
}
