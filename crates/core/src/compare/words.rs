//! Words as dinglehopper's word error rate counts them.
//!
//! dinglehopper 0.11.0 (`word_error_rate.py`) takes the prepared text (lines stripped,
//! normalized and joined by `\n`), applies NFC once more, cuts it at the word boundaries of
//! UAX #29 (the uniseg package, Unicode 16) and drops every segment made only of characters in
//! the general categories M (marks), P (punctuation), S (symbols), Z (separators), Cc (controls)
//! and Cf (format characters). Everything else is a word: a segment with a letter or a number
//! (`½` and `²` are words, `$` and `€` are not), and a segment of private-use or unassigned
//! characters. Its attempt to make private-use characters letters for segmentation has no effect
//! with uniseg 0.10 (the tailored property is bound before it is patched), so `a\u{e000}b` is
//! three words there, and here.
//!
//! Segmentation here is unicode-segmentation's (Unicode 17). Without a table of general
//! categories, the categories are told apart with what the standard library and segmentation
//! know: a letter or number is `is_alphabetic() || is_numeric()`, minus the marks among
//! alphabetic characters (those that join the preceding letter in one grapheme cluster, which
//! covers the vowel signs of Indic scripts) and the circled and squared Latin letters (symbols
//! that Unicode calls alphabetic). Unassigned characters count as symbols, an approximation
//! that only matters for text written with characters newer than the tables.

use super::hashing::NumberMap;
use super::normalize::nfc_string;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The words of a prepared text, each interned so that equal words get equal numbers.
pub fn word_ids(text: &str, words: &mut WordInterner) -> Vec<u32> {
    let text = nfc_string(text);
    word_ranges(&text).map(|r| words.id(&text[r])).collect()
}

/// The byte ranges of the words of a text, with the same rule as [`word_ids`] (which also
/// composes the text first). A line break always ends a segment, so the text is cut into lines,
/// and a line of ASCII (nearly every line of English OCR) is segmented by [`ascii_words`].
pub fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').flat_map(move |line| {
        let offset = start;
        start += line.len() + 1;
        let words: Box<dyn Iterator<Item = Range<usize>>> = if line.is_ascii() {
            Box::new(ascii_words(line.as_bytes()))
        } else {
            Box::new(
                line.split_word_bound_indices()
                    .filter(|(_, segment)| is_word(segment))
                    .map(|(at, segment)| at..at + segment.len()),
            )
        };
        words.map(move |r| r.start + offset..r.end + offset)
    })
}

/// The words of a line of ASCII by the rules of UAX #29 as they apply to ASCII: letters,
/// digits and `_` hold together; `:`, `.` and `'` join two letters, and `,`, `;`, `.` and `'`
/// two digits; everything else stands alone. A segment is a word when it has a letter or a
/// digit (a run of `_` alone is punctuation). Checked against unicode-segmentation by a test.
pub fn ascii_words(line: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < line.len() {
            if !is_word_byte(line[at]) {
                at += 1;
                continue;
            }
            let start = at;
            let mut any_alphanumeric = false;
            while at < line.len() {
                let byte = line[at];
                if is_word_byte(byte) {
                    any_alphanumeric |= byte != b'_';
                    at += 1;
                } else if at > start
                    && at + 1 < line.len()
                    && joins(line[at - 1], byte, line[at + 1])
                {
                    at += 2;
                } else {
                    break;
                }
            }
            if any_alphanumeric {
                return Some(start..at);
            }
        }
        None
    })
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether `middle` joins `before` and `after` into one word (rules WB6, WB7, WB11, WB12).
fn joins(before: u8, middle: u8, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    letters && matches!(middle, b':' | b'.' | b'\'')
        || digits && matches!(middle, b',' | b';' | b'.' | b'\'')
}

/// Numbers words; shared by the two texts of a comparison.
#[derive(Debug, Default)]
pub struct WordInterner {
    ids: NumberMap<Box<str>, u32>,
}

impl WordInterner {
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.into(), id);
        id
    }
}

/// Whether dinglehopper keeps a UAX #29 segment as a word.
pub fn is_word(segment: &str) -> bool {
    segment.chars().any(is_wordlike)
}

/// A character outside dinglehopper's unwanted categories (M, P, S, Z, Cc, Cf).
fn is_wordlike(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_private_use(c) || matches!(c, '\u{ff9e}' | '\u{ff9f}') {
        // Private use is category Co; the two halfwidth sound marks are letters (Lm) that
        // segmentation treats as marks.
        return true;
    }
    if c.is_numeric() {
        return true;
    }
    c.is_alphabetic() && !is_alphabetic_symbol(c) && !joins_previous(c)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// Circled and squared Latin letters: category So, yet Alphabetic.
fn is_alphabetic_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{24b6}'..='\u{24e9}'
            | '\u{1f130}'..='\u{1f149}'
            | '\u{1f150}'..='\u{1f169}'
            | '\u{1f170}'..='\u{1f189}'
    )
}

/// Whether `c` joins a preceding letter in one grapheme cluster: a combining or spacing mark.
fn joins_previous(c: char) -> bool {
    let mut buffer = [0u8; 8];
    buffer[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buffer[1..]).len();
    let pair = std::str::from_utf8(&buffer[..len]).unwrap_or("a");
    pair.graphemes(true).nth(1).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_ranges(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn punctuation_symbols_and_spaces_are_not_words() {
        assert_eq!(
            words("The cat, $ 100 € § 3.5 can't e-mail!"),
            ["The", "cat", "100", "3.5", "can't", "e", "mail"]
        );
    }

    #[test]
    fn numbers_in_other_forms_are_words_and_circled_letters_are_not() {
        assert_eq!(words("½ ² Ⓐ Ⅻ"), ["½", "²", "Ⅻ"]);
    }

    #[test]
    fn ascii_lines_are_segmented_as_unicode_segmentation_does() {
        let alphabet = b"aZ09_ .:;,'\"-\t(x";
        let mut rng = crate::synth::Rng::new(9);
        for _ in 0..20_000 {
            let len = rng.below(12) as usize;
            let line: String = (0..len).map(|_| char::from(*rng.pick(alphabet))).collect();
            let expected: Vec<Range<usize>> = line
                .split_word_bound_indices()
                .filter(|(_, segment)| is_word(segment))
                .map(|(at, segment)| at..at + segment.len())
                .collect();
            assert_eq!(ascii_words(line.as_bytes()).collect::<Vec<_>>(), expected, "{line:?}");
        }
    }

    #[test]
    fn private_use_characters_are_words_of_their_own() {
        assert_eq!(words("a\u{e000}b"), ["a", "\u{e000}", "b"]);
    }

    #[test]
    fn a_mark_at_a_line_start_is_not_a_word() {
        assert_eq!(words("x\n\u{301}y \u{93f}"), ["x", "y"]);
    }
}
