//! The search engine ([`Index`]) on the real documents (`documents/`). However the index is cut
//! into files, a packed index and a sharded one built from the same collection give identical
//! answers (results, scores, hits, snippets, facets and variants), for a small collection
//! (packed by default) and for the default one (sharded by default, and also cut into many tiny
//! chunks); the engine asks only for files the build wrote, each once, never everything for a
//! narrow query on a sharded index, and only the pack from a packed one. And its ranking rules:
//! exact matches outrank fuzzy ones, and every fuzzy hit names a variant the answer lists.

mod common;
use common::documents::load;
use readingroom_core::bundle::{BuiltFile, build_with};
use readingroom_core::search::build::BuildOptions;
use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::format::META_FILE;
use readingroom_core::search::normalize::tokenize;
use readingroom_core::search::query;
use readingroom_core::search::results::SearchResults;
use readingroom_core::source::SourceDocument;
use std::collections::HashMap;

/// An index built one way: its files by path.
struct Built {
    files: HashMap<String, Vec<u8>>,
}

impl Built {
    fn new(documents: &[SourceDocument], options: BuildOptions) -> Built {
        let files = build_with(documents, options);
        Built { files: files.into_iter().map(|BuiltFile { path, bytes }| (path, bytes)).collect() }
    }

    fn meta(&self) -> serde_json::Value {
        serde_json::from_slice(&self.files[META_FILE]).expect("meta.json is JSON")
    }

    fn index_files(&self) -> usize {
        // The page texts are one a page whatever the cut: the count is of the rest.
        let page = |p: &str| p.starts_with("search/page/");
        self.files
            .keys()
            .filter(|p| p.starts_with("search/") && *p != META_FILE && !page(p))
            .count()
    }

    fn open(&self) -> Index {
        Index::new(&self.files[META_FILE]).expect("the index opens")
    }

    /// Answers `text` to the end on a fresh index, and every file the engine asked for.
    fn answer(&self, text: &str) -> (SearchResults, Vec<String>) {
        self.answer_on(&mut self.open(), text, 30)
    }

    /// Answers `text` to the end on `index`, and every file the engine asked for, in order.
    fn answer_on(
        &self,
        index: &mut Index,
        text: &str,
        limit: usize,
    ) -> (SearchResults, Vec<String>) {
        let query = query::parse(text).expect("the query parses");
        let options = SearchOptions { limit, ..SearchOptions::default() };
        let mut asked: Vec<String> = Vec::new();
        for _ in 0..12 {
            match index.search(&query, &options).expect("the index is sound") {
                Outcome::Done(results) => return (results, asked),
                Outcome::Need(paths) => {
                    assert!(!paths.is_empty(), "{text}: an empty request");
                    for path in paths {
                        assert!(!asked.contains(&path), "{text}: {path} asked for twice");
                        let bytes = self.files.get(&path).unwrap_or_else(|| {
                            panic!("{text}: the engine asks for {path}, which was not built")
                        });
                        index.add(&path, bytes.clone()).expect("the file reads");
                        asked.push(path);
                    }
                }
            }
        }
        panic!("{text}: no answer after 12 rounds; asked for {asked:?}")
    }
}

#[test]
fn one_index_answers_a_run_of_queries_as_fresh_ones_do() {
    let built = Built::new(&load(None), BuildOptions::default());
    let mut index = built.open();
    // As a reader types, widens with "Show more", and comes back to an earlier query.
    let run = [("part", 10), ("party", 10), ("party", 20), ("party -coup", 20), ("party", 10)];
    for (step, (text, limit)) in run.into_iter().enumerate() {
        let fresh = built.answer_on(&mut built.open(), text, limit).0;
        let (again, asked) = built.answer_on(&mut index, text, limit);
        assert_eq!(again, fresh, "{text}, {limit} results");
        assert!(again.results.len() <= limit && !again.results.is_empty(), "{text}");
        if step == run.len() - 1 {
            assert!(asked.is_empty(), "everything an earlier query loaded is kept: {asked:?}");
        }
    }
}

/// Every query gives the same answer from each build.
fn assert_alike(builds: &[&Built], queries: &[&str]) -> usize {
    let mut found = 0;
    for text in queries {
        let (first, _) = builds[0].answer(text);
        for other in &builds[1..] {
            assert_eq!(other.answer(text).0, first, "{text}");
        }
        found += first.total;
    }
    found
}

const SMALL: [&str; 2] = ["104-10076-10375", "176-10036-10138"];

#[test]
fn a_small_collection_answers_alike_packed_and_sharded() {
    let documents = load(Some(&SMALL));
    assert_eq!(documents.len(), 2);
    let packed = Built::new(&documents, BuildOptions::default());
    let sharded = Built::new(&documents, BuildOptions { pack_limit: 0, ..BuildOptions::default() });
    assert_eq!(packed.meta()["pack"], true, "{}", packed.meta());
    assert_eq!(packed.index_files(), 1, "only the pack");
    assert!(sharded.meta().get("pack").is_none(), "{}", sharded.meta());
    assert!(sharded.files.keys().any(|p| p.starts_with("search/dict-")));
    assert!(sharded.files.keys().any(|p| p.starts_with("search/post-")));
    let queries = [
        "Lodge",
        "chancery OR Cuba",
        "\"burn the chancery\"",
        "SECRET",
        "secret layer:corrected",
        "secret -Lodge",
        "assassinat*",
        "ambasador",
        "has:corrected",
        "country:Cuba",
    ];
    let found = assert_alike(&[&packed, &sharded], &queries);
    assert!(found >= queries.len(), "the queries find something: {found}");
}

#[test]
fn the_default_collection_answers_alike_sharded_packed_and_finely_cut() {
    let documents = load(None);
    assert_eq!(documents.len(), 23);
    let sharded = Built::new(&documents, BuildOptions::default());
    let meta = sharded.meta();
    assert!(meta.get("pack").is_none() && meta["dict"].as_array().unwrap().len() > 1, "{meta}");
    let packed =
        Built::new(&documents, BuildOptions { pack_limit: usize::MAX, ..BuildOptions::default() });
    assert_eq!(packed.meta()["pack"], true);
    let fine = BuildOptions { pack_limit: 0, dict_terms: 50, block_bytes: 512, lead_docs: None };
    let fine = Built::new(&documents, fine);
    assert!(fine.index_files() > 10 * sharded.index_files(), "the fine build has many files");
    let queries = [
        "party",
        "Kazakhstanskaya Pravda layer:ocr",
        "\"Caribbean Legion\"",
        "Alma-Atà",
        "coup -Lang country:\"SOUTH VIETNAM\"",
        "Nhu OR Lodge",
        "commun*",
        "SECRET year:1949..1963",
        "Commu nist",
        "underestimating layer:corrected",
        "-has:corrected",
    ];
    let found = assert_alike(&[&sharded, &packed, &fine], &queries);
    assert!(found >= queries.len(), "the queries find something: {found}");
}

#[test]
fn the_engine_asks_only_for_what_a_query_needs() {
    let documents = load(None);
    let sharded = Built::new(&documents, BuildOptions::default());
    let (results, asked) = sharded.answer("niobium");
    assert_eq!(results.total, 1);
    let index_files: Vec<&String> = asked
        .iter()
        .filter(|p| p.starts_with("search/") && !p.starts_with("search/page/"))
        .collect();
    assert!(index_files.len() < sharded.index_files(), "{asked:?}");
    assert!(!asked.iter().any(|p| p.starts_with("docs/")), "no document's data: {asked:?}");
    // The result's best pages (at most three) give their hits: their texts, and no others.
    let pages: Vec<&String> = asked.iter().filter(|p| p.starts_with("search/page/")).collect();
    let best = results.results[0].pages.len();
    assert!((1..=3).contains(&pages.len()) && pages.len() == best, "{pages:?}");

    let packed =
        Built::new(&documents, BuildOptions { pack_limit: usize::MAX, ..BuildOptions::default() });
    let (again, asked) = packed.answer("niobium");
    assert_eq!(again, results);
    assert_eq!(packed.meta()["pack"], true);
    let pack = format!("search/pack.{}.bin", packed.meta()["key"].as_str().expect("a key"));
    let index_files: Vec<&String> = asked.iter().filter(|p| p.starts_with("search/")).collect();
    assert_eq!(index_files, [&pack]);
}

/// Whether a document's OCR or transcription holds `term`, as the index reads words.
fn holds(documents: &[SourceDocument], id: &str, term: &str) -> bool {
    let document = documents.iter().find(|d| d.meta.id == id).expect("a known id");
    let text = [document.ocr.as_str(), document.corrected.as_deref().unwrap_or_default()];
    text.iter().any(|text| tokenize(text).iter().any(|t| t.term == term))
}

#[test]
fn exact_matches_outrank_fuzzy_ones() {
    let documents = load(None);
    let (party, _) = Built::new(&documents, BuildOptions::default()).answer("party");
    // Five documents hold "party"; the others only "part", "parts", "parte" or "parti".
    let exact: Vec<bool> =
        party.results.iter().map(|r| holds(&documents, &r.id, "party")).collect();
    assert_eq!(exact.iter().filter(|&&e| e).count(), 5, "{exact:?}");
    assert!(
        exact.windows(2).all(|w| w[0] >= w[1]),
        "an exact match ranks after a fuzzy one: {exact:?}"
    );
    for (result, exact) in party.results.iter().zip(&exact) {
        assert_eq!(result.hits.iter().any(|h| !h.fuzzy), *exact, "{}", result.id);
    }
    // The case is real: a fuzzy-only document scores more than the last exact one.
    let last_exact = party.results[4].score;
    assert!(party.results[5..].iter().any(|r| r.score > last_exact), "{:#?}", party.results);
}

#[test]
fn fuzzy_hits_name_their_variants_and_exact_hits_the_query_word() {
    let built = Built::new(&load(None), BuildOptions::default());
    for text in ["Caribbean Legion", "Kazakhstanskaya Pravda", "SECRET", "coup", "lang", "party"] {
        let (answer, _) = built.answer(text);
        let words: Vec<String> = tokenize(text).into_iter().map(|t| t.term).collect();
        let mut fuzzy = 0;
        for hit in answer.results.iter().flat_map(|r| &r.hits) {
            let variant = answer.variants.iter().find(|v| v.term == hit.term);
            if hit.fuzzy {
                let variant = variant.unwrap_or_else(|| panic!("{text}: {hit:?} is no variant"));
                assert!(words.contains(&variant.query) && variant.distance > 0.0, "{variant:?}");
                fuzzy += 1;
            } else {
                assert!(words.contains(&hit.term), "{text}: {hit:?}");
            }
        }
        assert!(fuzzy > 0, "{text}: no fuzzy hit");
    }
}

/// A synthetic collection of `docs` documents, as the CLI's `synth` makes it.
fn synthetic(docs: usize) -> Vec<SourceDocument> {
    use readingroom_core::synth::SynthOptions;
    let opts = SynthOptions { docs, pages_per_doc: 2, words_per_page: 120, cer: 0.03, seed: 9 };
    common::documents::synthetic(&opts)
}

/// The bytes of the postings (blocks and leads) among the files asked for.
fn postings_bytes(built: &Built, asked: &[String]) -> usize {
    let postings = |p: &&String| p.starts_with("search/post-") || p.starts_with("search/lead-");
    asked.iter().filter(postings).map(|path| built.files[path].len()).sum()
}

#[test]
fn frequent_words_are_answered_from_their_leads_with_estimated_counts() {
    let documents = synthetic(400);
    let led = Built::new(&documents, BuildOptions { lead_docs: Some(25), ..Default::default() });
    let whole =
        Built::new(&documents, BuildOptions { lead_docs: Some(1 << 30), ..Default::default() });
    assert!(led.meta()["leads"].as_u64().is_some_and(|n| n > 10), "{}", led.meta());
    assert!(whole.meta().get("leads").is_none(), "no term is that frequent");
    for word in ["the", "of", "and"] {
        let (estimate, asked) = led.answer_on(&mut led.open(), word, 10);
        let (exact, asked_whole) = whole.answer_on(&mut whole.open(), word, 10);
        assert!(estimate.estimated && !exact.estimated, "{word}");
        assert!(asked.iter().any(|p| p.starts_with("search/lead-")), "{word}: {asked:?}");
        // Within a tenth: the lead's documents plus those it leaves out, less the overlap of
        // the word's OCR variants, which the estimate counts twice.
        let (e, x) = (estimate.total as f64, exact.total as f64);
        assert!((e - x).abs() <= 0.1 * x, "{word}: about {e} against {x}");
        assert_eq!(estimate.results.len(), 10, "{word}");
        let lead_bytes = postings_bytes(&led, &asked);
        let whole_bytes = postings_bytes(&whole, &asked_whole);
        assert!(2 * lead_bytes < whole_bytes, "{word}: {lead_bytes} B against {whole_bytes} B");
        // Every result shown matches, with the hits whole postings give it on its best page.
        let (all, _) = whole.answer_on(&mut whole.open(), word, 400);
        for result in &estimate.results {
            let same = all.results.iter().find(|r| r.id == result.id);
            let same = same.unwrap_or_else(|| panic!("{word}: {} does not match", result.id));
            assert_eq!(same.layer_hits, result.layer_hits, "{word}: {}", result.id);
        }
        // Facet counts are scaled with the total, so they are estimates too, and sum to it.
        let sum: u32 = estimate.facets.corrected.iter().map(|c| c.count).sum();
        assert!((f64::from(sum) - e).abs() <= 0.05 * e + 2.0, "{word}: facets sum to {sum}");
    }
    // Phrases, exclusions and more results than the leads hold are read from whole postings:
    // the very answer, counted exactly.
    for (text, limit) in [("\"of the\"", 10), ("the -and", 10), ("of", 300), ("the year:1950", 10)]
    {
        let (led_answer, asked) = led.answer_on(&mut led.open(), text, limit);
        let (whole_answer, _) = whole.answer_on(&mut whole.open(), text, limit);
        assert!(!led_answer.estimated, "{text}");
        assert!(asked.iter().any(|p| p.starts_with("search/post-")), "{text}: {asked:?}");
        assert_eq!(led_answer, whole_answer, "{text}");
    }
}
