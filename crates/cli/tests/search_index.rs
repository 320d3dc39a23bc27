//! `readingroom search`'s answers checked against the text they point into and against each
//! other, on the default collection: every hit's byte range lies on char boundaries of its
//! page's text in its layer and holds what the hit says it matched; snippet marks fall inside
//! the snippet; facet counts follow the query but not their own filter; page furniture is found
//! but ranks low; the same query gives the same JSON, and equal scores are listed by id; and a
//! built bundle (sharded for the default collection, packed for a small one) answers exactly
//! as the documents folder it was built from.

mod common;
use common::{readingroom, workspace};

use readingroom_core::bundle::{Catalog, DocumentData};
use readingroom_core::search::normalize::tokenize;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const CIA: &str = "cia-rdp80-00809a000600290716-5";

/// Queries covering every part of the engine: hits in every layer, joined and accented words,
/// fuzzy variants, phrases, prefixes, exclusions, filters, and nothing found.
const QUERIES: &[&str] = &[
    "party",
    "Kazakhstanskaya Pravda layer:ocr",
    "\"Caribbean Legion\"",
    "\"burn the chancery\"",
    "Alma-Atà",
    "coup -Lang",
    "Nhu OR Lodge",
    "commun*",
    "country:USSR country:Cuba",
    "SECRET year:1949..1963",
    "confidential -has:corrected",
    "underestimating layer:corrected",
    "superintendent",
    "niobium",
    "zzzzqx",
];

/// The JSON text `readingroom search` prints for `query` on `source` (a folder of documents or
/// a built bundle), with room for every document.
fn search_text(source: &Path, query: &str) -> String {
    let source = source.to_str().expect("UTF-8 path");
    let out = readingroom(&["search", "--json", "--limit", "30", "--", source, query]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{query}: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn search(source: &Path, query: &str) -> Value {
    serde_json::from_str(&search_text(source, query)).expect("valid JSON")
}

fn documents() -> PathBuf {
    workspace().join("documents")
}

fn results(answer: &Value) -> &Vec<Value> {
    answer["results"].as_array().expect("results")
}

fn number(value: &Value) -> usize {
    value.as_u64().expect("a number") as usize
}

/// Builds `source` into `out` with `readingroom build`.
fn build(source: &Path, out: &Path) {
    let (source, out) = (source.to_str().expect("UTF-8 path"), out.to_str().expect("UTF-8 path"));
    let args = ["build", source, "--out", out];
    let built = readingroom(&args);
    assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
}

/// Every document's pages in a built bundle, by id.
fn bundle_pages(bundle: &Path) -> HashMap<String, DocumentData> {
    let read = |path: &str| std::fs::read_to_string(bundle.join(path)).expect("bundle file");
    let catalog: Catalog = serde_json::from_str(&read("catalog.json")).expect("catalog");
    let data = catalog.documents.iter().map(|entry| {
        let document: DocumentData = serde_json::from_str(&read(&entry.data)).expect("data");
        (entry.meta.id.clone(), document)
    });
    data.collect()
}

/// The text a hit's offsets count in: the OCR page (furniture lies in it) or the transcription.
fn layer_text(data: &DocumentData, page: usize, layer: &str) -> String {
    let page = &data.pages[page - 1];
    match layer {
        "corrected" => page.corrected.as_ref().expect("a transcription").search_text(),
        _ => page.ocr.clone(),
    }
}

fn blank_breaks(text: &str) -> String {
    text.replace(['\n', '\r', '\t', '\u{c}'], " ")
}

#[test]
fn every_hit_is_a_char_range_of_its_page_text_holding_what_it_matched() {
    let out = tempfile::tempdir().expect("temp dir");
    let bundle = out.path().join("bundle");
    build(&documents(), &bundle);
    let data = bundle_pages(&bundle);
    let mut checked: HashMap<String, usize> = HashMap::new();
    for query in QUERIES {
        for result in results(&search(&bundle, query)) {
            let id = result["id"].as_str().unwrap();
            let document = &data[id];
            let ocr = std::fs::read_to_string(documents().join(id).join("ocr.txt")).unwrap();
            let pages: Vec<&str> = ocr.split('\u{c}').collect();
            assert!(document.pages.iter().map(|p| p.ocr.as_str()).eq(pages), "{id}");
            let hits = result["hits"].as_array().unwrap();
            for hit in hits {
                let layer = hit["layer"].as_str().unwrap();
                let text = layer_text(document, number(&hit["page"]), layer);
                let (start, end) = (number(&hit["start"]), number(&hit["end"]));
                assert!(start < end && text.is_char_boundary(start), "{query}: {hit}");
                assert!(text.is_char_boundary(end), "{query}: {hit}");
                let matched = hit["matched"].as_str().unwrap();
                assert_eq!(text.get(start..end), Some(matched), "{query}: {id} {hit}");
                let first = tokenize(matched).into_iter().next().expect("a word").term;
                assert_eq!(first, hit["term"].as_str().unwrap(), "{query}: {hit}");
                *checked.entry(layer.to_owned()).or_default() += 1;
                if matched.contains('\n') || !matched.is_ascii() {
                    *checked.entry("joined or accented".to_owned()).or_default() += 1;
                }
            }
            let snippet = &result["snippet"];
            let text = snippet["text"].as_str().unwrap();
            match result["pages"].get(0) {
                Some(best) => assert_eq!(snippet["page"], best["page"], "{query}: {id}"),
                None => assert!(text.is_empty() && hits.is_empty(), "{query}: {id} {snippet}"),
            }
            for mark in snippet["marks"].as_array().unwrap() {
                let (start, end) = (number(&mark[0]), number(&mark[1]));
                let marked = text.get(start..end).filter(|_| start < end);
                let marked = marked.unwrap_or_else(|| panic!("{query}: {mark} in {text:?}"));
                let on_page =
                    |h: &&Value| h["page"] == snippet["page"] && h["layer"] == snippet["layer"];
                let shown = hits
                    .iter()
                    .filter(on_page)
                    .any(|h| blank_breaks(h["matched"].as_str().unwrap()) == marked);
                assert!(hits.len() == 100 || shown, "{query}: {id} marks {marked:?}");
            }
        }
    }
    for kind in ["ocr", "corrected", "furniture", "joined or accented"] {
        assert!(checked.get(kind).is_some_and(|&n| n > 0), "no {kind} hit checked: {checked:?}");
    }
}

/// The value of a `meta.toml` field of a document, if any.
fn meta_field(id: &str, field: &str) -> Option<String> {
    let text = std::fs::read_to_string(documents().join(id).join("meta.toml")).expect("meta.toml");
    let table: toml::Table = text.parse().expect("valid TOML");
    table.get(field).and_then(|v| v.as_str()).map(str::to_owned)
}

#[test]
fn facet_counts_follow_the_query_and_ignore_their_own_filter() {
    let coup = search(&documents(), "coup");
    let listed = results(&coup);
    assert_eq!(listed.len(), number(&coup["total"]));
    for (facet, field) in [("country", "country"), ("collection", "collection")] {
        let counts = coup["facets"][facet].as_array().unwrap();
        assert!(!counts.is_empty(), "{facet}");
        for count in counts {
            let value = count["value"].as_str();
            let matching = listed
                .iter()
                .filter(|r| meta_field(r["id"].as_str().unwrap(), field).as_deref() == value)
                .count();
            assert_eq!(number(&count["count"]), matching, "{facet}: {count}");
        }
    }
    let vietnam = coup["facets"]["country"].as_array().unwrap().iter();
    let vietnam = vietnam.filter(|c| c["value"] == "SOUTH VIETNAM").map(|c| number(&c["count"]));
    let vietnam: usize = vietnam.sum();
    assert_eq!(vietnam, 2);

    let filtered = search(&documents(), "coup country:\"SOUTH VIETNAM\"");
    assert_eq!(number(&filtered["total"]), vietnam);
    assert_eq!(filtered["facets"]["country"], coup["facets"]["country"]);
    for facet in ["collection", "corrected"] {
        let counts = filtered["facets"][facet].as_array().unwrap();
        let sum: usize = counts.iter().map(|c| number(&c["count"])).sum();
        assert_eq!(sum, vietnam, "{facet}: {counts:?}");
    }

    let corrected = search(&documents(), "has:corrected");
    let in_1963 = search(&documents(), "has:corrected year:1963");
    assert_eq!(in_1963["facets"]["year"], corrected["facets"]["year"]);
    assert_eq!(number(&in_1963["total"]), 4);
    let split = corrected["facets"]["corrected"].as_array().unwrap();
    let split: Vec<(&str, usize)> =
        split.iter().map(|c| (c["value"].as_str().unwrap(), number(&c["count"]))).collect();
    assert_eq!(split, [("no", 17), ("yes", 6)]);
}

#[test]
fn page_furniture_is_searched_but_ranks_low() {
    // The CIA report's only "SECRET"s are its page stamps.
    let ocr = std::fs::read_to_string(documents().join(CIA).join("ocr.txt")).unwrap();
    let stamps = ocr.lines().filter(|l| l.starts_with("SECRET")).count();
    assert!(stamps >= 10 && !ocr.lines().any(|l| !l.starts_with("SECRET") && l.contains("SECRET")));
    let answer = search(&documents(), "SECRET");
    let list = results(&answer);
    let cia = list.iter().find(|r| r["id"] == CIA).expect("the CIA report is found");
    let layer_hits = &cia["layer_hits"];
    assert!(layer_hits["ocr"] == 0 && layer_hits["corrected"] == 0, "{layer_hits}");
    assert!(number(&layer_hits["furniture"]) >= stamps, "{layer_hits}");
    assert!(cia["hits"].as_array().unwrap().iter().all(|h| h["layer"] == "furniture"));

    let furniture_only =
        |r: &Value| r["layer_hits"]["ocr"] == 0 && r["layer_hits"]["corrected"] == 0;
    let exact_in_text = |r: &Value| {
        let hits = r["hits"].as_array().unwrap();
        hits.iter().any(|h| h["layer"] != "furniture" && h["fuzzy"] == false)
    };
    let last_exact = list.iter().rposition(exact_in_text).expect("exact hits in text");
    let first_furniture = list.iter().position(furniture_only).expect("furniture-only results");
    assert!(
        last_exact < first_furniture,
        "{:?}",
        list.iter().map(|r| &r["id"]).collect::<Vec<_>>()
    );
}

#[test]
fn the_same_query_gives_the_same_json_and_ties_break_by_id() {
    for query in ["party", "SECRET", "coup -Lang", "commun* has:corrected"] {
        assert_eq!(search_text(&documents(), query), search_text(&documents(), query), "{query}");
    }
    for query in ["country:USSR country:Cuba", "has:corrected", "year:1963", "-has:corrected"] {
        let answer = search(&documents(), query);
        let listed = results(&answer);
        assert!(listed.len() > 1 && listed.iter().all(|r| r["score"] == 0.0), "{query}");
        let ids: Vec<&str> = listed.iter().map(|r| r["id"].as_str().expect("id")).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{query}: {ids:?}");
    }
}

#[test]
fn a_built_bundle_answers_as_the_documents_folder_does() {
    let out = tempfile::tempdir().expect("temp dir");
    let bundle = out.path().join("bundle");
    build(&documents(), &bundle);
    let meta = std::fs::read_to_string(bundle.join("search/meta.json")).unwrap();
    let meta: Value = serde_json::from_str(&meta).unwrap();
    assert!(meta.get("pack").is_none(), "the default collection is sharded: {meta}");
    assert!(meta["dict"].as_array().unwrap().len() > 1 && meta["postings"].as_u64().unwrap() > 1);
    // meta.json names no file: each file's name is its part and the index's key.
    let key = meta["key"].as_str().expect("a key");
    let names = |dir: &str| -> Vec<String> {
        std::fs::read_dir(bundle.join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != "meta.json" && name != "page")
            .collect()
    };
    let (files, pages) = (names("search"), names("search/page"));
    assert!(files.len() > 3 && files.iter().all(|f| f.contains(&format!(".{key}."))), "{files:?}");
    // A page text for every page of every document, named by both numbers and the key.
    assert_eq!(pages.len() as u64, meta["pages"].as_u64().unwrap());
    assert!(pages.iter().all(|f| f.ends_with(&format!(".{key}.bin"))), "{pages:?}");
    // Searching a folder builds its index in memory first, which takes a while in a debug
    // build: a spread of the queries is enough to compare the two.
    for query in QUERIES.iter().step_by(3) {
        assert_eq!(search_text(&bundle, query), search_text(&documents(), query), "{query}");
    }
}

#[test]
fn a_small_collection_is_packed_and_answers_as_its_folder_does() {
    let out = tempfile::tempdir().expect("temp dir");
    let folder = out.path().join("documents");
    for id in ["176-10036-10138", "104-10076-10375"] {
        std::fs::create_dir_all(folder.join(id)).unwrap();
        for entry in std::fs::read_dir(documents().join(id)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, folder.join(id).join(path.file_name().unwrap())).unwrap();
        }
    }
    let bundle = out.path().join("bundle");
    build(&folder, &bundle);
    let meta = std::fs::read_to_string(bundle.join("search/meta.json")).unwrap();
    let meta: Value = serde_json::from_str(&meta).unwrap();
    assert_eq!(meta["pack"], true, "a small collection is packed");
    let pack = format!("search/pack.{}.bin", meta["key"].as_str().expect("a key"));
    let mut files: Vec<String> = std::fs::read_dir(bundle.join("search"))
        .unwrap()
        .map(|e| format!("search/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    assert_eq!(files, ["search/meta.json", pack.as_str()]);
    let mut found = 0;
    for query in ["Lodge", "chancery", "SECRET", "Cuba", "has:corrected", "secret layer:ocr"] {
        let answer = search_text(&bundle, query);
        assert_eq!(answer, search_text(&folder, query), "{query}");
        found += number(&serde_json::from_str::<Value>(&answer).unwrap()["total"]);
    }
    assert!(found >= 6, "the queries find the documents: {found}");
}
