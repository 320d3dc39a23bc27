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

use super::normalize::nfc_string;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// The words of a prepared text, each interned so that equal words get equal numbers.
pub fn word_ids(text: &str, words: &mut WordInterner) -> Vec<u32> {
    let text = nfc_string(text);
    text.split_word_bounds().filter(|segment| is_word(segment)).map(|w| words.id(w)).collect()
}

/// The byte ranges of the words of a text, with the same rule as [`word_ids`].
pub fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, segment)| is_word(segment))
        .map(|(at, segment)| at..at + segment.len())
}

/// Numbers words; shared by the two texts of a comparison.
#[derive(Debug, Default)]
pub struct WordInterner {
    ids: HashMap<Box<str>, u32>,
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
    fn private_use_characters_are_words_of_their_own() {
        assert_eq!(words("a\u{e000}b"), ["a", "\u{e000}", "b"]);
    }

    #[test]
    fn a_mark_at_a_line_start_is_not_a_word() {
        assert_eq!(words("x\n\u{301}y \u{93f}"), ["x", "y"]);
    }
}
