//! `readingroom search`'s command line on the default collection (`documents/`): options
//! before `--` are honoured and the query after it may start with a hyphen; a query after `--`
//! that spells one of the command's options is refused with a hint (after `--` everything is
//! the query, so `search documents -- --json` would otherwise search for `--json` and print
//! text); an unknown filter's message names every filter.

mod common;
use common::readingroom;

use serde_json::Value;
use std::collections::BTreeSet;

fn ids(answer: &Value) -> BTreeSet<String> {
    let results = answer["results"].as_array().expect("results");
    results.iter().map(|r| r["id"].as_str().expect("id").to_owned()).collect()
}

fn id_set(query: &str) -> BTreeSet<String> {
    let out = readingroom(&["search", "--json", "--limit", "30", "--", "documents", query]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    ids(&serde_json::from_slice(&out.stdout).expect("JSON"))
}

#[test]
fn options_come_before_the_double_hyphen_and_a_query_after_it_may_start_with_a_hyphen() {
    let out = readingroom(&["search", "documents", "--json", "--limit", "30", "--", "-soviet"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let answer: Value = serde_json::from_slice(&out.stdout).expect("JSON: --json is honoured");
    assert_eq!(answer["query"], "-soviet");
    let soviet = id_set("soviet");
    let rest = ids(&answer);
    assert!(!soviet.is_empty() && rest.is_disjoint(&soviet), "{rest:?} / {soviet:?}");
    assert_eq!(rest.len() + soviet.len(), 23);
}

#[test]
fn a_query_after_the_double_hyphen_that_is_an_option_is_refused_with_a_hint() {
    for option in ["--json", "--limit=5", "--help", "-h"] {
        let out = readingroom(&["search", "documents", "--", option]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{option}: {stderr}");
        assert!(out.stdout.is_empty(), "{option}");
        let name = option.split('=').next().expect("a name");
        let hint = format!("the query `{option}` is the option {name}: after `--` everything");
        assert!(stderr.contains(&hint) && stderr.contains("Put options before `--`"), "{stderr}");
    }
}

#[test]
fn an_unknown_filter_lists_every_filter() {
    let out = readingroom(&["search", "documents", "ref:123"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for filter in ["country", "subject", "collection", "year", "has", "layer", "quality"] {
        let example = format!("{filter}:x");
        let named = format!(" {filter}");
        assert!(stderr.contains(&named), "{filter} is not named: {stderr}");
        let refused = readingroom(&["search", "documents", &example]);
        let why = String::from_utf8_lossy(&refused.stderr);
        assert!(!why.contains("unknown filter"), "{filter} is a filter: {why}");
    }
}
