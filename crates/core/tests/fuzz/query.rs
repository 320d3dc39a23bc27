//! The query language: any string a reader types parses to a query that prints and parses back
//! to itself, or fails with a column inside the string.

use super::harness::{config, exercise, lossy, replay};
use proptest::prelude::*;
use readingroom_core::search::query::parse;

const TARGET: &str = "query";

fn query_target(bytes: &[u8]) {
    let input = lossy(bytes);
    match parse(&input) {
        Ok(query) => {
            let printed = query.to_string();
            let again = parse(&printed)
                .unwrap_or_else(|e| panic!("{input:?} printed as {printed:?} fails: {e:?}"));
            assert_eq!(again, query, "{input:?} printed as {printed:?} parses back to itself");
        }
        Err(error) => {
            let chars = input.chars().count();
            assert!(error.column <= chars, "column {} past {chars} in {input:?}", error.column);
            assert!(!error.message.is_empty(), "an error says what is wrong");
        }
    }
}

/// The pieces queries are made of: words, operators, quotes, filters and their values.
fn token() -> impl Strategy<Value = String> {
    let fixed = proptest::sample::select(vec![
        "OR",
        "or",
        "-",
        "\"",
        "*",
        "(",
        ")",
        ":",
        "..",
        " ",
        "  ",
        "country:",
        "subject:",
        "collection:",
        "year:",
        "has:",
        "layer:",
        "quality:",
        "corrected",
        "ocr",
        "good",
        "USSR",
        "1949",
        "1949..1951",
        "..1950",
        "Pravda",
        "Perty",
        "instruc-",
        "tor",
        "é",
        "ß",
        "İ",
        "ﬁ",
        "日本",
        "\u{301}",
        "\t",
        "\n",
    ]);
    prop_oneof![
        fixed.prop_map(str::to_owned),
        "[a-zA-Z0-9]{1,8}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn queries_round_trip_or_fail_at_a_column(tokens in proptest::collection::vec(token(), 0..12)) {
        let input = tokens.concat();
        exercise(TARGET, input.as_bytes(), query_target)?;
    }
}

#[test]
fn the_query_corpus_replays() {
    replay(TARGET, query_target);
}
