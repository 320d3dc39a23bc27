use super::*;

fn term(text: &str) -> Expr {
    Expr::Term(text.into())
}

fn phrase(text: &str) -> Expr {
    Expr::Phrase(text.into())
}

fn prefix(text: &str) -> Expr {
    Expr::Prefix(text.into())
}

fn clauses(input: &str) -> Vec<Clause> {
    let query = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    assert!(query.filters.is_empty(), "{input:?}: {query:?}");
    query.clauses
}

fn filters(input: &str) -> Vec<Filter> {
    let query = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    assert!(query.clauses.is_empty(), "{input:?}: {query:?}");
    query.filters
}

/// The error's column and message.
fn error(input: &str) -> (usize, String) {
    match parse(input) {
        Ok(query) => panic!("{input:?} parsed as {query:?}"),
        Err(e) => (e.column, e.message),
    }
}

// Constructs

#[test]
fn an_empty_or_blank_query_is_empty() {
    for input in ["", "   ", "\t\n"] {
        let query = parse(input).expect("empty");
        assert!(query.is_empty());
        assert_eq!(query.to_string(), "");
    }
}

#[test]
fn whitespace_separates_terms_that_must_all_match() {
    assert_eq!(
        clauses("  soviet\taircraft \u{a0}plant "),
        [Clause::Must(term("soviet")), Clause::Must(term("aircraft")), Clause::Must(term("plant"))]
    );
}

#[test]
fn terms_are_kept_raw() {
    assert_eq!(
        clauses("Čeljabinsk U.S.S.R. 1949,"),
        [
            Clause::Must(term("Čeljabinsk")),
            Clause::Must(term("U.S.S.R.")),
            Clause::Must(term("1949,")),
        ]
    );
}

#[test]
fn a_quoted_phrase_keeps_its_raw_text() {
    assert_eq!(clauses("\"five  year plan \""), [Clause::Must(phrase("five  year plan "))]);
}

#[test]
fn a_quote_inside_a_word_starts_a_phrase() {
    assert_eq!(
        clauses("foo\"bar baz\"qux"),
        [Clause::Must(term("foo")), Clause::Must(phrase("bar baz")), Clause::Must(term("qux"))]
    );
}

#[test]
fn a_star_at_the_end_makes_a_prefix() {
    assert_eq!(
        clauses("commun* Alma-A*"),
        [Clause::Must(prefix("commun")), Clause::Must(prefix("Alma-A"))]
    );
}

#[test]
fn a_leading_hyphen_excludes_a_term_phrase_or_prefix() {
    assert_eq!(
        clauses("-soviet -\"five year\" -commun* --double"),
        [
            Clause::Not(term("soviet")),
            Clause::Not(phrase("five year")),
            Clause::Not(prefix("commun")),
            Clause::Not(term("double")),
        ]
    );
}

#[test]
fn a_hyphen_inside_or_after_a_word_is_part_of_it() {
    assert_eq!(
        clauses("Alma-Ata Ust- x-"),
        [Clause::Must(term("Alma-Ata")), Clause::Must(term("Ust-")), Clause::Must(term("x-")),]
    );
}

#[test]
fn hyphens_standing_alone_are_ignored() {
    assert_eq!(
        clauses("Alma - Ata -- x -"),
        [Clause::Must(term("Alma")), Clause::Must(term("Ata")), Clause::Must(term("x")),]
    );
    assert!(parse("-").expect("lone hyphen").is_empty());
}

#[test]
fn an_excluded_only_query_parses() {
    assert_eq!(clauses("-foo"), [Clause::Not(term("foo"))]);
}

#[test]
fn or_joins_expressions_into_one_any() {
    assert_eq!(clauses("a OR b"), [Clause::Any(vec![term("a"), term("b")])]);
    assert_eq!(
        clauses("x a OR b* OR \"c d\" y"),
        [
            Clause::Must(term("x")),
            Clause::Any(vec![term("a"), prefix("b"), phrase("c d")]),
            Clause::Must(term("y")),
        ]
    );
    assert_eq!(clauses("\"a\"OR\"b\""), [Clause::Any(vec![phrase("a"), phrase("b")])]);
}

#[test]
fn lower_case_or_and_excluded_or_are_terms() {
    assert_eq!(
        clauses("a or b"),
        [Clause::Must(term("a")), Clause::Must(term("or")), Clause::Must(term("b"))]
    );
    assert_eq!(clauses("Or -OR"), [Clause::Must(term("Or")), Clause::Not(term("OR"))]);
}

#[test]
fn a_colon_after_digits_or_before_nothing_is_part_of_a_word() {
    assert_eq!(
        clauses("10:30 re: :x a1:b"),
        [
            Clause::Must(term("10:30")),
            Clause::Must(term("re:")),
            Clause::Must(term(":x")),
            Clause::Must(term("a1:b")),
        ]
    );
}

#[test]
fn text_filters_keep_raw_values_quoted_or_not() {
    assert_eq!(
        filters("country:USSR Subject:\"Aircraft plants\" COLLECTION:cia-crest"),
        [
            Filter::Country("USSR".into()),
            Filter::Subject("Aircraft plants".into()),
            Filter::Collection("cia-crest".into()),
        ]
    );
    assert_eq!(filters("country:\"South Vietnam\""), [Filter::Country("South Vietnam".into())]);
}

#[test]
fn a_value_ends_at_a_quote() {
    let query = parse("country:US\"x y\"").expect("parses");
    assert_eq!(query.filters, [Filter::Country("US".into())]);
    assert_eq!(query.clauses, [Clause::Must(phrase("x y"))]);
}

#[test]
fn year_takes_a_year_or_an_inclusive_range() {
    assert_eq!(
        filters("year:1949 year:1949..1951 year:\"1950\" year:1950..1950"),
        [
            Filter::Year(1949, 1949),
            Filter::Year(1949, 1951),
            Filter::Year(1950, 1950),
            Filter::Year(1950, 1950),
        ]
    );
}

#[test]
fn has_corrected_and_its_exclusion() {
    assert_eq!(filters("has:corrected"), [Filter::HasCorrected(true)]);
    assert_eq!(filters("-has:Corrected"), [Filter::HasCorrected(false)]);
}

#[test]
fn layer_is_ocr_or_corrected() {
    assert_eq!(
        filters("layer:ocr LAYER:Corrected"),
        [Filter::Layer(Layer::Ocr), Filter::Layer(Layer::Corrected)]
    );
}

#[test]
fn a_query_of_only_filters_is_valid_and_not_empty() {
    let query = parse("country:USSR").expect("parses");
    assert!(!query.is_empty());
    assert!(query.positive_exprs().is_empty());
}

#[test]
fn filters_and_clauses_mix_in_any_order() {
    let query = parse("year:1950 plant country:USSR -secret").expect("parses");
    assert_eq!(query.clauses, [Clause::Must(term("plant")), Clause::Not(term("secret"))]);
    assert_eq!(query.filters, [Filter::Year(1950, 1950), Filter::Country("USSR".into())]);
}

#[test]
fn positive_exprs_lists_what_is_searched_for_in_order() {
    let query = parse("a -b c OR \"d e\" f* country:X").expect("parses");
    assert_eq!(query.positive_exprs(), [&term("a"), &term("c"), &phrase("d e"), &prefix("f")]);
}

#[test]
fn display_is_canonical() {
    let query = parse("  a   OR b -c  country:\"South  Vietnam\" year:1949..1949 \"x\"  -has:corrected layer:OCR d* Subject:Z")
        .expect("parses");
    assert_eq!(
        query.to_string(),
        "a OR b -c \"x\" d* country:\"South  Vietnam\" year:1949 -has:corrected layer:ocr subject:Z"
    );
}

#[test]
fn limits_allow_up_to_the_maximum() {
    let words = vec!["w"; MAX_EXPRS].join(" ");
    assert_eq!(parse(&words).expect("32 words").clauses.len(), MAX_EXPRS);
    let long = "x".repeat(MAX_CHARS);
    assert_eq!(clauses(&long), [Clause::Must(term(&long))]);
}

mod errors;
mod robustness;

#[test]
fn quality_takes_a_band() {
    use crate::quality::Band;
    assert_eq!(
        filters("quality:good QUALITY:Poor"),
        [Filter::Quality(Band::Good), Filter::Quality(Band::Poor)]
    );
    assert_eq!(parse("quality:fair").map(|q| q.to_string()), Ok("quality:fair".to_owned()));
}
