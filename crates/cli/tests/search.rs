//! `readingroom search` on the default collection (`documents/`, 23 documents): the query
//! language (words that must all match, "phrases", OR, -exclusion, prefix*, every field filter,
//! repeats of a field as alternatives), reading through the OCR (diacritics folded, words
//! hyphenated at a line end joined, misread words found as fuzzy variants and reported), and
//! malformed queries refused with exit code 2 and their column. Every expected id and word was
//! read beforehand in the documents' `ocr.txt`, `corrected.md` and `meta.toml`. The queries run
//! on a bundle built once from `documents/` (searching the folder indexes it anew, a second per
//! query in a debug build); `search_index.rs` proves the bundle answers as the folder does.

mod common;
use common::{readingroom, workspace};

use readingroom_core::search::normalize::tokenize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

const CIA: &str = "cia-rdp80-00809a000600290716-5";
const CORRECTED: [&str; 6] = [
    "176-10036-10094",
    "176-10036-10103",
    "176-10036-10138",
    "176-10036-10142",
    "176-10036-10149",
    CIA,
];

/// The default collection built once for this test binary, in Cargo's scratch folder.
fn bundle() -> &'static str {
    static BUNDLE: OnceLock<String> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-tests-bundle");
        let out = out.to_str().expect("UTF-8 path").to_owned();
        let built = readingroom(&["build", "documents", "--out", &out]);
        assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
        out
    })
}

/// The JSON answer to `query` on the default collection, with room for every document.
fn search(query: &str) -> Value {
    let out = readingroom(&["search", "--json", "--limit", "30", "--", bundle(), query]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{query}: {stderr}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn ids(answer: &Value) -> Vec<String> {
    let results = answer["results"].as_array().expect("results");
    results.iter().map(|r| r["id"].as_str().expect("id").to_owned()).collect()
}

fn id_set(query: &str) -> BTreeSet<String> {
    ids(&search(query)).into_iter().collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|&id| id.to_owned()).collect()
}

fn result<'a>(answer: &'a Value, id: &str) -> &'a Value {
    let results = answer["results"].as_array().expect("results");
    results.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} not found: {answer}"))
}

fn hits(result: &Value) -> &Vec<Value> {
    result["hits"].as_array().expect("hits")
}

fn variant_terms(answer: &Value) -> BTreeSet<String> {
    let variants = answer["variants"].as_array().expect("variants");
    variants.iter().map(|v| v["term"].as_str().expect("term").to_owned()).collect()
}

fn read(relative: &str) -> String {
    let path = workspace().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether a document's OCR or transcription holds `term` exactly, as the index reads words.
fn holds(id: &str, term: &str) -> bool {
    let corrected = workspace().join(format!("documents/{id}/corrected.md"));
    let text = read(&format!("documents/{id}/ocr.txt"));
    let texts = [text, std::fs::read_to_string(corrected).unwrap_or_default()];
    texts.iter().any(|text| tokenize(text).iter().any(|t| t.term == term))
}

#[test]
fn every_word_must_match_and_a_phrase_needs_its_words_in_order() {
    assert_eq!(id_set("Lodge chancery"), set(&["176-10036-10138"]));
    let both: BTreeSet<String> = id_set("Nhu").intersection(&id_set("Lodge")).cloned().collect();
    assert_eq!(id_set("Nhu Lodge"), both);
    assert_eq!(both, set(&["176-10036-10138", "176-10036-10142", "176-10036-10149"]));

    let phrase = search("\"burn the chancery\"");
    assert_eq!(ids(&phrase), ["176-10036-10138"]);
    let found = hits(result(&phrase, "176-10036-10138"));
    assert!(found.iter().any(|h| h["layer"] == "ocr"), "{found:?}");
    assert!(found.iter().all(|h| h["matched"] == "BURN THE CHANCERY"), "{found:?}");
    // Both words are in that document, but never in this order.
    assert_eq!(search("\"chancery lodge\"")["total"], 0);
    assert_eq!(search("chancery lodge")["total"], 1);
}

#[test]
fn or_joins_alternatives_and_a_hyphen_excludes_exact_words() {
    let either: BTreeSet<String> = id_set("Nhu").union(&id_set("Lodge")).cloned().collect();
    assert_eq!(id_set("Nhu OR Lodge"), either);
    assert_eq!(either.len(), 6, "{either:?}");

    let coup = id_set("coup");
    let without = id_set("coup -Lang");
    assert!(without.is_subset(&coup), "{without:?} / {coup:?}");
    let removed: BTreeSet<String> = coup.difference(&without).cloned().collect();
    assert_eq!(removed, set(&["176-10036-10142", "176-10036-10149"]));
    // Exclusion is not fuzzy: a document with "Lane" but no "Lang" stays.
    assert!(without.contains("104-10332-10023"));
    for id in &coup {
        assert_eq!(holds(id, "lang"), removed.contains(id), "{id}");
    }
}

#[test]
fn a_prefix_matches_every_word_that_starts_with_it() {
    let answer = search("commun*");
    let mut terms = BTreeSet::new();
    for result in answer["results"].as_array().unwrap() {
        for hit in hits(result) {
            let term = hit["term"].as_str().unwrap();
            assert!(term.starts_with("commun") && hit["fuzzy"] == false, "{hit}");
            terms.insert(term.to_owned());
        }
    }
    for term in ["communist", "communists", "communications", "community"] {
        assert!(terms.contains(term), "{term} in {terms:?}");
    }
    // Its only words starting with commun- are "communications".
    assert!(holds("104-10059-10057", "communications") && !holds("104-10059-10057", "communist"));
    assert!(ids(&answer).contains(&"104-10059-10057".to_owned()));
    assert!(ids(&answer).contains(&CIA.to_owned()));
}

#[test]
fn field_filters_restrict_and_repeats_of_a_field_are_alternatives() {
    let in_1963 = ["176-10036-10094", "176-10036-10103", "176-10036-10138", "176-10036-10149"];
    let ussr = ["104-10165-10077", CIA];
    let cases: &[(&str, &[&str])] = &[
        ("country:USSR", &ussr),
        ("country:Cuba", &["104-10074-10413", "104-10076-10375"]),
        ("country:USSR country:Cuba", &["104-10074-10413", "104-10076-10375", ussr[0], CIA]),
        ("subject:party", &[CIA]),
        ("collection:\"CIA CREST\"", &[CIA]),
        ("year:1949", &[CIA]),
        ("year:1949..1951", &[CIA]),
        ("year:1963", &in_1963),
        ("has:corrected", &CORRECTED),
        ("coup year:1963", &["176-10036-10149"]),
        ("party country:USSR year:1949..1951", &[CIA]),
    ];
    for (query, expected) in cases {
        assert_eq!(id_set(query), set(expected), "{query}");
    }
    let uncorrected = id_set("-has:corrected");
    assert_eq!(uncorrected.len(), 17);
    assert!(uncorrected.iter().all(|id| !CORRECTED.contains(&id.as_str())));
}

#[test]
fn layer_filters_pick_the_ocr_or_the_transcription() {
    // The OCR misread "underestimating" as "underestinating"; the transcription has it right.
    let ocr = search("underestimating layer:ocr");
    assert_eq!(ids(&ocr), [CIA]);
    let ocr_hits = hits(result(&ocr, CIA));
    assert!(ocr_hits.iter().all(|h| h["layer"] == "ocr" && h["fuzzy"] == true), "{ocr_hits:?}");
    assert!(ocr_hits.iter().any(|h| h["matched"] == "underestinating"));
    let corrected = search("underestimating layer:corrected");
    let corrected_hits = hits(result(&corrected, CIA));
    assert!(corrected_hits.iter().all(|h| h["layer"] == "corrected"));
    let right = |h: &&Value| h["matched"] == "underestimating" && h["fuzzy"] == false;
    assert!(corrected_hits.iter().any(|h| right(&h)), "{corrected_hits:?}");

    for (word, layer) in
        [("rayon", "ocr"), ("Lodge", "ocr"), ("rayon", "corrected"), ("Lodge", "corrected")]
    {
        let answer = search(&format!("{word} layer:{layer}"));
        assert!(answer["total"].as_u64() > Some(0), "{word} layer:{layer}");
        for result in answer["results"].as_array().expect("results") {
            let (id, counts) = (result["id"].as_str().expect("id"), &result["layer_hits"]);
            let in_ocr = counts["ocr"].as_u64() > Some(0) || counts["furniture"].as_u64() > Some(0);
            let in_corrected = counts["corrected"].as_u64() > Some(0);
            assert_eq!((in_ocr, in_corrected), (layer == "ocr", layer == "corrected"), "{result}");
            assert!(hits(result).iter().all(|h| (h["layer"] == "corrected") == in_corrected));
            assert!(in_ocr || CORRECTED.contains(&id), "{id}");
        }
    }
}

/// Finds the word split "<head>-\n<tail>" in a document's OCR and the hit that covers it.
fn assert_joined(word: &str, id: &str, split: &str) {
    let answer = search(word);
    let joined = |h: &&Value| h["matched"] == split && h["term"] == word && h["fuzzy"] == false;
    let found = hits(result(&answer, id)).iter().find(joined);
    let hit = found.unwrap_or_else(|| panic!("no hit on {split:?} for {word}: {answer}"));
    let number = |key: &str| hit[key].as_u64().expect("a number") as usize;
    let ocr = read(&format!("documents/{id}/ocr.txt"));
    let text = ocr.split('\u{c}').nth(number("page") - 1).expect("the page exists");
    assert_eq!(text.get(number("start")..number("end")), Some(split), "{id}: {hit}");
}

#[test]
fn a_word_hyphenated_at_a_line_end_is_found_whole() {
    // "nio-\nbium-95" is the only niobium in the collection; "super-\nintendent" stands beside
    // an unbroken "superintendent" in the same document.
    assert!(read("documents/104-10413-10306/ocr.txt").contains("nio-\nbium-95"));
    assert_joined("niobium", "104-10413-10306", "nio-\nbium");
    assert_joined("superintendent", "104-10215-10128", "super-\nintendent");
    assert_eq!(id_set("niobium"), set(&["104-10413-10306"]));
}

#[test]
fn alma_ata_is_found_with_or_without_its_accent() {
    assert!(read(&format!("documents/{CIA}/ocr.txt")).contains("\nAlma-Atà\n"));
    let mut answers = Vec::new();
    // Precomposed, plain, decomposed (a combining grave accent) and as a phrase.
    for query in ["Alma-Atà", "Alma-Ata", "alma-ata\u{300}", "\"Alma Ata\""] {
        let mut answer = search(query);
        answer.as_object_mut().expect("an object").remove("query");
        answers.push(answer);
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:#?}");
    assert_eq!(ids(&answers[0]), [CIA]);
    let accented = |h: &Value| h["layer"] == "ocr" && h["matched"] == "Alma-Atà";
    assert!(hits(result(&answers[0], CIA)).iter().any(accented));
}

#[test]
fn kazakhstanskaya_pravda_is_found_through_the_misread_ocr() {
    for query in ["Kazakhstanskaya Pravda layer:ocr", "\"Kazakhstanskaya Pravda\" layer:ocr"] {
        let answer = search(query);
        assert_eq!(ids(&answer), [CIA], "{query}");
        let found = hits(result(&answer, CIA));
        assert!(found.iter().all(|h| h["layer"] == "ocr"), "{query}");
        let misread = |h: &&Value| h["fuzzy"] == true && h["term"] == "karakhstanskaya";
        assert!(found.iter().any(|h| misread(&h)), "{query}: {found:?}");
        let variants = variant_terms(&answer);
        assert!(variants.contains("karakhstanskaya") && variants.contains("kazakhstarskaya"));
        let listed = answer["variants"].as_array().expect("variants");
        let of_the_word = |v: &Value| v["query"] == "kazakhstanskaya" && v["docs"] == 1;
        assert!(listed.iter().all(of_the_word), "{listed:?}");
    }
}

#[test]
fn caribbean_legion_is_found_through_ocr_variants() {
    let ocr = read("documents/104-10172-10001/ocr.txt");
    assert!(ocr.contains("Cariubean Legion") && !ocr.to_lowercase().contains("caribbean"));
    let phrase = search("\"Caribbean Legion\"");
    assert_eq!(ids(&phrase), ["104-10172-10001"]);
    let found = hits(result(&phrase, "104-10172-10001"));
    assert!(found.iter().any(|h| h["matched"] == "Cariubean Legion" && h["fuzzy"] == true));
    let words = search("Caribbean Legion");
    assert_eq!(ids(&words), ["104-10172-10001"]);
    let matched: BTreeSet<&str> = hits(result(&words, "104-10172-10001"))
        .iter()
        .map(|h| h["matched"].as_str().unwrap())
        .collect();
    assert!(matched.contains("Cariubean") && matched.contains("Legion"), "{matched:?}");
    let variants = variant_terms(&words);
    assert!(variants.contains("cariubean") && variants.contains("carittean"), "{variants:?}");
}

#[test]
fn a_malformed_query_exits_2_with_its_column() {
    let cases = [
        ("contry:USSR", "column 1: unknown filter `contry`; did you mean `country`?"),
        ("\"Caribbean Legion", "column 1: the quote opened here is never closed"),
        ("soviet \"five year", "column 8: the quote opened here is never closed"),
        ("OR soviet", "column 1: `OR` needs a word, phrase or prefix before it"),
        ("soviet OR", "column 8: `OR` needs a word, phrase or prefix after it"),
        ("coup year:1963..1949", "column 11: the range `1963..1949` runs backwards"),
    ];
    for (query, expected) in cases {
        let out = readingroom(&["search", "--json", "--", "documents", query]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{query}: {stderr}");
        assert!(out.stdout.is_empty(), "{query}");
        let said = stderr.contains("the query cannot be read") && stderr.contains(expected);
        assert!(said && !stderr.contains("panicked"), "{query}: {stderr}");
    }
}

#[test]
fn a_query_that_starts_with_a_hyphen_is_the_query_not_an_option() {
    // As a reader types it, without `--`: `-has:corrected` must not be read as `-h` (help).
    let out = readingroom(&["search", "documents", "-has:corrected", "--json", "--limit", "30"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let answer: Value = serde_json::from_str(&stdout).expect("JSON, not the help text");
    assert_eq!(ids(&answer).into_iter().collect::<BTreeSet<_>>(), id_set("-has:corrected"));
}
