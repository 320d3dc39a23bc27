//! Properties over many awkward strings from a small deterministic generator: combining marks,
//! ligatures, CJK, emoji, hyphens before line ends, CRLF, zero-width characters and any scalar
//! value of the first three planes.

use super::*;

// The seeded generator of the synthetic collections: a failure replays from its seed.
use crate::synth::Rng;

const PIECES: &[&str] = &[
    "Party",
    "or",
    "ganization",
    "alma",
    "ATA",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{301}",
    "ﬁ",
    "ﬂ",
    "ﬀ",
    "ſ",
    "東京",
    "한국",
    "ｶﾀｶﾅ",
    "👍🏽",
    "👨‍👩‍👧",
    "🇫🇷",
    "-\n",
    "-\r\n",
    "¬\n",
    "\u{AD}",
    "\u{AD}\n",
    " -\n ",
    "\r\n",
    "\n",
    " ",
    "  ",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "'",
    "’",
    "‘",
    "ʼ",
    "′",
    "＇",
    "“",
    "”",
    "–",
    "—",
    "‐",
    "‑",
    "−",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "1",
    "1.5",
    "３",
    "．",
    "½",
    "⑴",
    "ŀ",
    "İ",
    "ß",
    "ẞ",
    "Æ",
    "ΣΑΣ",
    "ς",
    "Москва",
    "عربي",
    "क़ि",
    "_",
    "(",
    "ǅ",
    "ﬅ",
    "㎏",
    "Ⅻ",
    "\u{34F}",
    "\u{2060}",
    "ı",
    "x",
    "Q",
];

fn awkward(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.index(24) {
        if rng.index(6) == 0 {
            // Any scalar value from the first planes, often a mark or a rare letter.
            let c = loop {
                if let Some(c) = char::from_u32(rng.index(0x3_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(PIECES[rng.index(PIECES.len())]);
        }
    }
    s
}

#[test]
fn property_ranges_are_ordered_char_boundaries_that_retokenize_to_their_term() {
    let mut rng = Rng::new(0x5eed_1234_abcd_0001);
    for _ in 0..20_000 {
        let text = awkward(&mut rng);
        let tokens = tokenize(&text);
        let mut previous_end = 0;
        for t in &tokens {
            assert!(t.start < t.end, "{text:?} {t:?}");
            assert!(previous_end <= t.start, "{text:?} {tokens:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            previous_end = t.end;
            assert!(!t.term.is_empty(), "{text:?} {t:?}");
            assert_eq!(
                terms(&text[t.start..t.end]),
                std::slice::from_ref(&t.term),
                "{text:?} {t:?}"
            );
            assert_eq!(fold(&t.term), t.term, "{text:?} {t:?}");
        }
        let terms_only: Vec<String> = tokens.into_iter().map(|t| t.term).collect();
        assert_eq!(terms(&terms_only.join(" ")), terms_only, "{text:?}");
    }
}

#[test]
fn property_fold_is_idempotent() {
    let mut rng = Rng::new(0x0dd_ba11_cafe_f00d);
    for _ in 0..20_000 {
        let text = awkward(&mut rng);
        let once = fold(&text);
        assert_eq!(fold(&once), once, "{text:?}");
    }
}

#[test]
fn property_the_ascii_path_agrees_with_unicode_segmentation() {
    const ALPHABET: &[u8] = b"aZk09_.,;:'-!\"()/ \t\n\r\x0b\x0c";
    let mut rng = Rng::new(0xa5c1_1a5c_11a5_c11a);
    for _ in 0..50_000 {
        let text: String =
            (0..rng.index(30)).map(|_| ALPHABET[rng.index(ALPHABET.len())] as char).collect();
        assert_eq!(tokenize(&text), tokenize_unicode(&text), "{text:?}");
    }
}
