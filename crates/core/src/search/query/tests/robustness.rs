//! Robustness: no input makes the parser panic, and what parses prints back to itself.

use super::*;

// The seeded generator of the synthetic collections: a failure replays from its seed.
use crate::synth::Rng;

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
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let n = rng.index(12);
        let input: String = (0..n).map(|_| PIECES[rng.index(PIECES.len())]).collect();
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
    let mut rng = Rng::new(42);
    for _ in 0..20_000 {
        let n = rng.index(24);
        let input: String = (0..n).map(|_| CHARS[rng.index(CHARS.len())]).collect();
        check(&input);
    }
}

#[test]
fn long_and_limit_sized_inputs_never_panic() {
    let mut rng = Rng::new(7);
    for _ in 0..200 {
        let input: String =
            (0..rng.index(1_100)).map(|_| ['a', ' ', '-', '"', 'O'][rng.index(5)]).collect();
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
