//! Words as OCR reads them: tokens with their byte ranges, letter keys and edit distance.
//!
//! OCR damages stamps and form labels in small ways: a letter misread (`SEGNET`), a space lost
//! or gained (`DATEOF`, `S E C R E T`), punctuation sprinkled in (`COUNTRY .`, `DATE DISTR,`).
//! Comparing *keys* (the ASCII letters and digits of a text, upper-cased) by edit distance
//! absorbs all three. Furniture detection and metadata extraction share these helpers so that
//! both tolerate the same damage in the same way.

/// A whitespace-separated token of a line and its byte range in that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    /// The token's letters and digits, upper-cased.
    pub fn key(&self) -> String {
        key(self.text)
    }
}

/// The whitespace-separated tokens of `line`, with byte ranges that always fall on character
/// boundaries.
pub(crate) fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Token { text: &line[s..i], start: s, end: i });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token { text: &line[s..], start: s, end: line.len() });
    }
    out
}

/// The ASCII letters and digits of `text`, upper-cased; everything else is dropped.
pub(crate) fn key(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// The runs of ASCII letters and digits in `text`, upper-cased: `C-O-N-F` gives four runs.
pub(crate) fn runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| !run.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

/// Levenshtein distance between two ASCII keys.
pub(crate) use crate::distance::char_distance as edit_distance;

/// Whether `a` is within `max` edits of `b` (ASCII keys, so bytes are characters).
pub(crate) fn within(a: &str, b: &str, max: usize) -> bool {
    a.len().abs_diff(b.len()) <= max && crate::distance::char_distance_up_to(a, b, max) <= max
}

/// How many edits a word of `len` letters may suffer and still be recognized: none for short
/// words, where one edit makes another word, one up to eight letters, two beyond.
pub(crate) fn tolerance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether the line has no run of two ASCII letters or digits: a speck or a stray glyph.
pub(crate) fn is_garbage(line: &str) -> bool {
    !runs(line).iter().any(|run| run.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_their_byte_ranges() {
        let line = " Alma-Atà  7\t";
        let found: Vec<_> = tokens(line).iter().map(|t| (t.text, t.start, t.end)).collect();
        assert_eq!(found, vec![("Alma-Atà", 1, 10), ("7", 12, 13)]);
    }

    #[test]
    fn keys_keep_only_ascii_letters_and_digits() {
        assert_eq!(key("Date Distr,"), "DATEDISTR");
        assert_eq!(key("Alma-Atà"), "ALMAAT");
        assert_eq!(runs("C-O-N-F -I"), vec!["C", "O", "N", "F", "I"]);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("SECRET", "SECRET"), 0);
        assert_eq!(edit_distance("SEGNET", "SECRET"), 2);
        assert_eq!(edit_distance("SEGRE", "SECRET"), 2);
        assert_eq!(edit_distance("", "ABC"), 3);
        assert!(within("BECRET", "SECRET", 1));
        assert!(!within("SECRETARY", "SECRET", 2));
    }

    #[test]
    fn specks_are_garbage_and_words_are_not() {
        assert!(is_garbage("Γ"));
        assert!(is_garbage("c\t7\tC\tĦ\tĹ\t1"));
        assert!(!is_garbage("By"));
    }
}
