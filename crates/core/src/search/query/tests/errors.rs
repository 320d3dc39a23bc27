//! Errors, each with its message and column.

use super::*;

#[test]
fn an_unclosed_quote_is_reported_at_the_quote() {
    let message = "the quote opened here is never closed; close it with \"";
    assert_eq!(error("soviet \"five year"), (7, message.into()));
    assert_eq!(error("country:\"South"), (8, message.into()));
    assert_eq!(error("a\"b\" \""), (5, message.into()));
}

#[test]
fn the_display_counts_columns_from_one() {
    assert_eq!(
        parse("soviet \"five year").expect_err("unclosed").to_string(),
        "column 8: the quote opened here is never closed; close it with \""
    );
}

#[test]
fn an_empty_phrase_is_an_error() {
    let message = "the quotes hold no words; put words between them or remove them";
    assert_eq!(error("a \"\""), (2, message.into()));
    assert_eq!(error("-\"  \""), (1, message.into()));
}

#[test]
fn a_lone_star_is_an_error() {
    let message = "a `*` needs the start of a word before it, as in `commun*`";
    assert_eq!(error("a *"), (2, message.into()));
    assert_eq!(error("-*"), (1, message.into()));
    assert_eq!(error("\"a b\"*"), (5, message.into()));
}

#[test]
fn a_star_not_at_the_end_is_an_error() {
    let message = "`*` can only end a word, as in `commun*` (words that start with commun)";
    assert_eq!(error("ab*cd"), (2, message.into()));
    assert_eq!(error("x *foo"), (2, message.into()));
    assert_eq!(error("ü**"), (1, message.into()));
}

#[test]
fn or_at_the_start_is_an_error() {
    assert_eq!(error("OR a"), (0, "`OR` needs a word, phrase or prefix before it".into()));
    assert_eq!(error("- OR a"), (2, "`OR` needs a word, phrase or prefix before it".into()));
}

#[test]
fn or_at_the_end_is_an_error() {
    assert_eq!(error("a OR"), (2, "`OR` needs a word, phrase or prefix after it".into()));
    assert_eq!(error("a OR b OR "), (7, "`OR` needs a word, phrase or prefix after it".into()));
}

#[test]
fn or_twice_is_an_error() {
    assert_eq!(error("a OR OR b"), (5, "two `OR`s in a row; remove one".into()));
}

#[test]
fn or_beside_an_exclusion_is_an_error() {
    let message = "`OR` cannot join an excluded word; remove the `-` or the `OR`";
    assert_eq!(error("-a OR b"), (0, message.into()));
    assert_eq!(error("a OR -b"), (5, message.into()));
}

#[test]
fn or_beside_a_filter_is_an_error() {
    let message = "`OR` joins words, phrases and prefixes, not filters";
    assert_eq!(error("country:USSR OR country:China"), (0, message.into()));
    assert_eq!(error("a OR year:1949"), (5, message.into()));
}

#[test]
fn an_unknown_filter_suggests_the_nearest() {
    assert_eq!(
        error("plant contry:USSR"),
        (6, "unknown filter `contry`; did you mean `country`?".into())
    );
    assert_eq!(error("-Yaer:1949"), (1, "unknown filter `Yaer`; did you mean `year`?".into()));
    assert_eq!(error("lyr:\"\""), (0, "unknown filter `lyr`; did you mean `layer`?".into()));
}

#[test]
fn an_unknown_filter_far_from_any_lists_them() {
    assert_eq!(
        error("ref:123"),
        (
            0,
            "unknown filter `ref`; the filters are country, subject, collection, year, has, \
             layer and quality (to search for the text itself, quote it: \"ref:123\")"
                .into()
        )
    );
}

#[test]
fn the_list_of_filters_names_every_filter_the_parser_accepts() {
    let (_, message) = error("ref:123");
    let listed = message.split("the filters are ").nth(1).expect("a list").split(" (").next();
    let listed: Vec<&str> = listed
        .expect("a list")
        .split([',', ' '])
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    let examples = ["country:USSR", "subject:a", "collection:b", "year:1949", "has:corrected"];
    let examples = [&examples[..], &["layer:ocr", "quality:good"]].concat();
    assert_eq!(listed.len(), examples.len(), "{message}");
    for (name, example) in listed.iter().zip(&examples) {
        assert!(example.starts_with(&format!("{name}:")), "{name} / {example}");
        assert!(parse(example).is_ok(), "{example} is a filter");
    }
}

#[test]
fn a_known_filter_without_a_value_is_an_error() {
    assert_eq!(
        error("a year:"),
        (2, "`year:` needs a value after the colon, as in `year:1949`".into())
    );
    assert_eq!(
        error("Country:\" \""),
        (0, "`Country:` needs a value after the colon, as in `country:USSR`".into())
    );
}

#[test]
fn year_must_be_a_number_or_a_range() {
    let message = |value: &str| {
        format!("`year:` takes a year like 1949 or a range like 1949..1951, not `{value}`")
    };
    assert_eq!(error("year:late"), (5, message("late")));
    assert_eq!(error("x year:1949.."), (7, message("1949..")));
    assert_eq!(error("year:19490"), (5, message("19490")));
    assert_eq!(error("year:1949-1951"), (5, message("1949-1951")));
}

#[test]
fn a_backwards_year_range_is_an_error() {
    assert_eq!(
        error("year:1951..1949"),
        (5, "the range `1951..1949` runs backwards; write `1949..1951`".into())
    );
}

#[test]
fn has_accepts_only_corrected() {
    assert_eq!(error("has:ocr"), (4, "`has:` accepts only `corrected`, not `ocr`".into()));
}

#[test]
fn layer_accepts_only_ocr_or_corrected() {
    assert_eq!(
        error("layer:\"raw text\""),
        (6, "`layer:` accepts `ocr` or `corrected`, not `raw text`".into())
    );
}

#[test]
fn only_has_can_be_excluded() {
    assert_eq!(
        error("a -country:USSR"),
        (2, "only `has:` can be excluded; remove the `-` before `country:`".into())
    );
}

#[test]
fn too_long_a_query_is_an_error() {
    let long = "x".repeat(MAX_CHARS + 1);
    assert_eq!(error(&long), (1000, "the query is longer than 1000 characters; shorten it".into()));
    let long = "é".repeat(MAX_CHARS + 1);
    assert_eq!(error(&long).0, 1000);
}

#[test]
fn too_many_expressions_is_an_error() {
    let message = "a query can hold at most 32 words, phrases and prefixes; remove some";
    let words = vec!["w"; MAX_EXPRS + 1].join(" ");
    assert_eq!(error(&words), (64, message.into()));
    let alternatives = vec!["w"; MAX_EXPRS + 1].join(" OR ");
    assert_eq!(error(&alternatives), (32 * 5, message.into()));
    let excluded = vec!["-w"; MAX_EXPRS + 1].join(" ");
    assert_eq!(error(&excluded), (32 * 3, message.into()));
}

#[test]
fn the_first_problem_in_reading_order_is_reported() {
    assert_eq!(error("OR \"open").0, 0);
    assert_eq!(error("a OR \"open").0, 5);
    assert_eq!(error("contry:x \"open").0, 0);
}

#[test]
fn quality_outside_its_bands_is_an_error() {
    let (column, message) = error("quality:great");
    assert_eq!(column, 8);
    assert!(message.contains("accepts `good` (CER under 2 %), `fair` or `poor`"), "{message}");
}
