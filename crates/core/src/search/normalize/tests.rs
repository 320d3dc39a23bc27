use super::*;

fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.term).collect()
}

/// The CIA report's OCR, as published (documents/cia-rdp80-00809a000600290716-5/ocr.txt).
const CIA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../documents/cia-rdp80-00809a000600290716-5/ocr.txt"
));

#[test]
fn words_are_lowercased_with_their_byte_ranges() {
    let text = "The Party  organization.";
    let tokens = tokenize(text);
    assert_eq!(terms(text), ["the", "party", "organization"]);
    assert_eq!((tokens[2].start, tokens[2].end), (11, 23));
    assert_eq!(&text[tokens[2].start..tokens[2].end], "organization");
}

#[test]
fn diacritics_fold_and_hyphens_within_a_line_split() {
    assert_eq!(terms("Alma-Atà"), ["alma", "ata"]);
    assert_eq!(terms("Málaga, Zürich, Ångström"), ["malaga", "zurich", "angstrom"]);
    assert_eq!(terms("mass-political"), ["mass", "political"]);
    let tokens = tokenize("Alma-Atà");
    assert_eq!(&"Alma-Atà"[tokens[1].start..tokens[1].end], "Atà");
}

#[test]
fn ligatures_long_s_and_letters_without_decompositions_fold() {
    assert_eq!(terms("ﬁnal ﬂoor eﬀect ſtate"), ["final", "floor", "effect", "state"]);
    assert_eq!(terms("Æther Œuvre Straße STRAẞE"), ["aether", "oeuvre", "strasse", "strasse"]);
    assert_eq!(terms("Søren Đorđe Łódź"), ["soren", "dorde", "lodz"]);
    assert_eq!(terms("ΟΔΥΣΣΕΥΣ οδυσσευς"), ["οδυσσευσ", "οδυσσευσ"]);
    assert_eq!(terms("ＦＵＬＬ１２"), ["full12"]);
}

#[test]
fn terms_stay_decomposed_where_no_mark_is_dropped() {
    use unicode_normalization::UnicodeNormalization;
    let hangul: String = "한국".nfd().collect();
    assert_eq!(hangul.chars().count(), 6);
    assert_eq!(terms("한국"), terms(&hangul));
    assert_eq!(terms(&hangul), [hangul]);
}

#[test]
fn apostrophes_straight_or_curly_split_words() {
    for text in ["Nhu's", "Nhu’s", "Nhu‘s", "Nhuʼs", "Nhu′s", "Nhu＇s"] {
        assert_eq!(terms(text), ["nhu", "s"], "{text}");
    }
    assert_eq!(terms("Bol'shevik don’t"), ["bol", "shevik", "don", "t"]);
}

#[test]
fn full_stops_split_words_but_not_numbers() {
    assert_eq!(terms("work.The went.into"), ["work", "the", "went", "into"]);
    assert_eq!(terms("U.S.A. 1.5 14.9000 1,000"), ["u", "s", "a", "1.5", "14.9000", "1,000"]);
    assert_eq!(terms("NO.OF PAGES: 7"), ["no", "of", "pages", "7"]);
}

#[test]
fn a_word_hyphenated_at_a_line_end_is_joined() {
    for text in [
        "or-\nganization",
        "or-\r\nganization",
        "or- \n  ganization",
        "or\t-\nganization",
        "or‐\nganization",
        "or¬\nganization",
        "or\u{AD}\nganization",
    ] {
        let tokens = tokenize(text);
        let expected = (text != "or\t-\nganization").then_some("organization");
        match expected {
            Some(term) => {
                assert_eq!(tokens.len(), 1, "{text:?}");
                assert_eq!(tokens[0].term, term);
                assert_eq!((tokens[0].start, tokens[0].end), (0, text.len()));
            }
            // A hyphen after a space is a dash, not a hyphenation.
            None => assert_eq!(terms(text), ["or", "ganization"]),
        }
    }
}

#[test]
fn only_a_lowercase_continuation_on_the_next_line_joins() {
    assert_eq!(terms("SOUTH-\nVIETNAM"), ["south", "vietnam"]);
    assert_eq!(terms("Alma-\nAta"), ["alma", "ata"]);
    assert_eq!(terms("from 1925 to-\n1935"), ["from", "1925", "to", "1935"]);
    assert_eq!(terms("Sir-\n\ntually"), ["sir", "tually"]);
    assert_eq!(terms("said—\nand then"), ["said", "and", "then"]);
    assert_eq!(terms("a-\nb-\nc"), ["abc"]);
}

#[test]
fn soft_hyphens_and_zero_width_characters_vanish_from_terms() {
    let text = "or\u{AD}gani\u{200B}za\u{200D}ti\u{FEFF}on";
    let tokens = tokenize(text);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].term, "organization");
    assert_eq!((tokens[0].start, tokens[0].end), (0, text.len()));
}

#[test]
fn quotes_and_dashes_fold_to_ascii() {
    assert_eq!(fold("“Smoldering Questions” — Nhu’s"), "\"smoldering questions\" - nhu's");
    assert_eq!(fold("Alma‑Atà – 1949−1950"), "alma-ata - 1949-1950");
}

#[test]
fn fold_matches_the_term_of_a_single_word() {
    for word in ["Kazakhstanskaya", "Atà", "ŒUVRE", "ﬁnal", "Straße", "İstanbul", "Москва"]
    {
        assert_eq!(terms(word), [fold(word)], "{word}");
    }
    // Facet values keep their punctuation and spaces.
    assert_eq!(fold("Alma-Atà, USSR"), "alma-ata, ussr");
}

#[test]
fn letters_that_fold_into_punctuation_settle_to_one_word() {
    assert_eq!(terms("⑴ ½ ŀ"), ["1", "1⁄2", "l"]);
}

#[test]
fn the_cia_report_reads_as_expected() {
    let all = terms(CIA);
    for expected in ["alma", "ata", "criticismand", "instruktor", "lisison", "perty"] {
        assert!(all.iter().any(|t| t == expected), "{expected} missing");
    }
    let line = "Kazakhstanskaya Pravda (instruktor), Alma-Atà; the \"25 let LKSMK\" Kolkhoz";
    assert_eq!(
        terms(line),
        [
            "kazakhstanskaya",
            "pravda",
            "instruktor",
            "alma",
            "ata",
            "the",
            "25",
            "let",
            "lksmk",
            "kolkhoz"
        ]
    );
    assert_eq!(terms("Party or ganization work"), ["party", "or", "ganization", "work"]);
    assert_eq!(terms("6 wonth's to one year's"), ["6", "wonth", "s", "to", "one", "year", "s"]);
}

#[test]
fn real_line_end_hyphenations_from_the_jfk_records_join() {
    let text = "Hungarian Post Office in Budapest, from 1925 to 1945; in-\nstructor of mathematics";
    assert!(terms(text).contains(&"instructor".to_string()));
    let text = "majored in metallurgical en-\r\ngineering at Riga";
    let tokens = tokenize(text);
    let joined = tokens.iter().find(|t| t.term == "engineering").expect("joined");
    assert_eq!(&text[joined.start..joined.end], "en-\r\ngineering");
}

mod properties;
