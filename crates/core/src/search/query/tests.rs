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

// Errors, each with its message and column

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
            "unknown filter `ref`; the filters are country, subject, collection, year, has and \
             layer (to search for the text itself, quote it: \"ref:123\")"
                .into()
        )
    );
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

// Robustness

/// A small deterministic generator (xorshift), so failures reproduce without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Checks one input: no panic, a column inside the input, and a faithful round trip.
fn check(input: &str) -> bool {
    match parse(input) {
        Ok(query) => {
            let text = query.to_string();
            assert_eq!(parse(&text), Ok(query), "{input:?} printed as {text:?}");
            true
        }
        Err(e) => {
            assert!(e.column <= input.chars().count(), "{input:?}: {e:?}");
            assert!(!e.message.is_empty());
            false
        }
    }
}

#[test]
fn random_pieces_of_the_grammar_never_panic_and_round_trip() {
    const PIECES: &[&str] = &[
        "a",
        "Bé",
        "Alma-Ata",
        "OR",
        "or",
        "-",
        "--",
        "*",
        "\"",
        ":",
        "country",
        "Subject",
        "year",
        "has",
        "layer",
        "corrected",
        "ocr",
        "contry",
        "1949",
        "..",
        "1951",
        "10:30",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "x*",
        "\"a b\"",
        "re:",
        "..1",
        "0",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let n = rng.below(12);
        let input: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        parsed += usize::from(check(&input));
    }
    assert!(parsed > 4_000, "only {parsed} inputs parsed: the generator explores too little");
}

#[test]
fn random_characters_never_panic_and_round_trip() {
    const CHARS: &[char] = &[
        'a',
        'b',
        'O',
        'R',
        '-',
        '*',
        '"',
        ':',
        '.',
        '1',
        '9',
        ' ',
        '\t',
        '\n',
        'é',
        '\u{a0}',
        '\u{0}',
        '\u{1F600}',
    ];
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let n = rng.below(24);
        let input: String = (0..n).map(|_| CHARS[rng.below(CHARS.len())]).collect();
        check(&input);
    }
}

#[test]
fn long_and_limit_sized_inputs_never_panic() {
    let mut rng = Rng(7);
    for _ in 0..200 {
        let input: String =
            (0..rng.below(1_100)).map(|_| ['a', ' ', '-', '"', 'O'][rng.below(5)]).collect();
        check(&input);
    }
}

#[test]
fn suggestions_count_a_swap_of_neighbours_as_one_edit() {
    use super::filter::distance;
    assert_eq!(distance("yaer", "year"), 1);
    assert_eq!(distance("yaer", "layer"), 2);
    assert_eq!(distance("contry", "country"), 1);
    assert_eq!(distance("", "has"), 3);
    assert_eq!(distance("ab", "ba"), 1);
}
