//! Normalization: the one place that decides what a "word" is and how it is spelled, so that
//! indexing a page, parsing a query and highlighting a hit all agree.
//!
//! [`tokenize`] segments a text into words with Unicode word segmentation (UAX #29, through
//! unicode-segmentation) and keeps the segments that contain a letter or a digit. Two refinements
//! split a segment further, because OCR and English typing make them matter:
//! - apostrophes (`'`, `’`, `‘`, `ʼ`, `′`, `＇`) always split: "Nhu’s" gives `nhu` and `s`,
//!   "don't" gives `don` and `t`, "Bol'shevik" gives `bol` and `shevik`. Straight and curly
//!   apostrophes therefore index alike, and a query written either way finds both;
//! - a full stop or colon inside a segment splits it unless it sits between two digits: OCR
//!   often loses the space after a full stop ("went.into", "NO.OF"), and a reader searching
//!   `went` must find it. "1.5" stays one word; "U.S.A" gives `u`, `s`, `a`.
//!
//! Hyphens between words split them, as segmentation does ("Alma-Ata" gives `alma`, `ata`), with
//! one exception: a word hyphenated at a line end is joined when the continuation starts with a
//! lowercase letter, so "or-\nganization" is the single token `organization`, whose range covers
//! both parts. The hyphen may be `-`, `‐`, `‑`, `¬` or a soft hyphen; spaces and tabs may stand
//! around the line break, which is `\n` or `\r\n`; a blank line ends the paragraph and never joins.
//! An uppercase continuation ("SOUTH-\nVIETNAM", "Alma-\nAta") is left as two words, exactly as
//! the same words written on one line, because a capital usually starts a compound's second part.
//! Dashes (`–`, `—`, `−`) are punctuation and never join. The cost of the rule: a real compound
//! broken after its hyphen ("self-\ncriticism") becomes one word, `selfcriticism`. Words
//! separated only by zero-width characters (U+200B..U+200D, U+2060, U+FEFF) are joined too.
//!
//! Each word is folded by [`fold`]: NFKC (ligatures `ﬁ` and the long `ſ` come apart here),
//! lowercase, canonical decomposition with every combining mark dropped (every mark with a
//! nonzero combining class, which covers all diacritics: `à` is `a`), a small explicit map for
//! letters that do not decompose (`æ` `ae`, `œ` `oe`, `ß` `ss`, `ø` `o`, `đ` `d`, `ł` `l`, `ı`
//! `i`, final `ς` `σ`), curly quotes and dashes made ASCII, soft hyphens and zero-width
//! characters removed. Terms are left decomposed (see `fold.rs` for why and where it shows). A
//! pure-ASCII word only needs lowercasing.
//! Every term is a fixed point: folding it or tokenizing it gives it back. In the rare case where
//! folding makes punctuation out of a letter (`⑴` is `(1)`, `ŀ` is `l·`), the term is the
//! concatenation of the words that folding produced (`1`, `l`). Joined parts (line-end hyphen,
//! zero-width characters) stay apart when their concatenation would not be one word.
//!
//! Not handled here: stray spaces inside words ("or ganization") and words run together
//! ("criticismand"). The index keeps the text as read; the search engine bridges both at query
//! time, where it can try the neighbouring terms.

use fold::fold_into;
#[cfg(feature = "unicode-tables")]
pub use fold::table_for;
pub use fold::{FoldTable, TYPED_RANGES};
use join::{joins, joins_cleanly};
use unicode_segmentation::UnicodeSegmentation;

/// One normalized token of a text. `term` is its folded form; `start..end` is the byte range
/// it covers in the original text (always on char boundaries; for a word joined across a line-end
/// hyphen it spans from the first part's start to the second part's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `text` (a page, or a query string) in reading order, folded with the Unicode
/// tables (see [`tokenize_with`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, None)
}

/// The tokens of `text`, folded from `table` when one is given (as the search engine folds,
/// from its index's table), else with the Unicode tables where they are compiled in.
pub fn tokenize_with(text: &str, table: Option<&FoldTable>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    // ASCII whitespace always separates words, so the text is cut there into chunks, and a chunk
    // of pure ASCII (nearly all of them in OCR'd English) takes a byte-level path that follows the
    // same rules as segmentation (checked against it by a test).
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if is_ascii_space(bytes[at]) {
            at += 1;
            continue;
        }
        let from = at;
        let mut ascii = true;
        while at < bytes.len() && !is_ascii_space(bytes[at]) {
            ascii &= bytes[at].is_ascii();
            at += 1;
        }
        if ascii {
            ascii_words(text, from, at, &mut tokens);
        } else {
            unicode_words(text, (from, at), &mut tokens, table);
        }
    }
    tokens
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The words of `text[from..to]`, pure ASCII without whitespace: runs of letters, digits and
/// `_`, with `.`, `,` or `;` between two digits inside a number.
fn ascii_words(text: &str, from: usize, to: usize, tokens: &mut Vec<Token>) {
    let b = text.as_bytes();
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = from;
    while i < to {
        if !is_word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < to && is_word(b[i]) {
                i += 1;
            }
            let number_goes_on = i + 1 < to
                && matches!(b[i], b'.' | b',' | b';')
                && b[i - 1].is_ascii_digit()
                && b[i + 1].is_ascii_digit();
            if !number_goes_on {
                break;
            }
            i += 1;
        }
        let word = &text[start..i];
        if word.bytes().any(|c| c != b'_') {
            push_word(text, tokens, start, word, word.to_ascii_lowercase());
        }
    }
}

/// The words of `text[from..to]` by Unicode word segmentation.
fn unicode_words(
    text: &str,
    (from, to): (usize, usize),
    tokens: &mut Vec<Token>,
    table: Option<&FoldTable>,
) {
    for (offset, segment) in text[from..to].split_word_bound_indices() {
        if segment.len() == 1 && !segment.as_bytes()[0].is_ascii_alphanumeric() {
            continue;
        }
        for_each_part(segment, |part_offset, part| {
            if let Some(term) = word_term(part, table) {
                push_word(text, tokens, from + offset + part_offset, part, term);
            }
        });
    }
}

/// Adds the word `part` found at `start`, or joins it to the previous token.
fn push_word(text: &str, tokens: &mut Vec<Token>, start: usize, part: &str, term: String) {
    let end = start + part.len();
    match tokens.last_mut() {
        Some(last) if joins(text, last, start, part) && joins_cleanly(&last.term, &term) => {
            last.term.push_str(&term);
            last.end = end;
        }
        _ => tokens.push(Token { term, start, end }),
    }
}

/// Unicode segmentation alone, without the ASCII path: for tests that compare the two.
#[cfg(test)]
fn tokenize_unicode(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    unicode_words(text, (0, text.len()), &mut tokens, None);
    tokens
}

/// The folded form of a short string without segmenting it (used for facet values and prefixes):
/// the same folding `tokenize` applies to each word, with the Unicode tables.
pub fn fold(text: &str) -> String {
    fold_with(text, None)
}

/// [`fold`] from `table` when one is given, as [`tokenize_with`] folds.
pub fn fold_with(text: &str, table: Option<&FoldTable>) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, table);
    out
}

/// Calls `f(offset, part)` for each piece of a word segment between apostrophes, and between
/// full stops or colons that do not sit between two digits.
fn for_each_part(segment: &str, mut f: impl FnMut(usize, &str)) {
    let mut from = 0;
    let mut chars = segment.char_indices().peekable();
    let mut previous = None;
    while let Some((at, c)) = chars.next() {
        let splits = match c {
            '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => true,
            '.' | ':' | '\u{00B7}' | '\u{0387}' | '\u{2024}' | '\u{2027}' | '\u{FE13}'
            | '\u{FE52}' | '\u{FE55}' | '\u{FF0E}' | '\u{FF1A}' => {
                let next = chars.peek().map(|&(_, n)| n);
                !(previous.is_some_and(char::is_numeric) && next.is_some_and(char::is_numeric))
            }
            _ => false,
        };
        if splits {
            emit(segment, from, at, &mut f);
            from = at + c.len_utf8();
        }
        previous = Some(c);
    }
    emit(segment, from, segment.len(), &mut f);
}

/// Calls `f` on `segment[from..to]` without the spaces, marks and format characters at its
/// start: a piece cut after an apostrophe may begin with a mark, and segmentation attaches marks
/// to spaces; on its own such a piece would not be the same word.
fn emit(segment: &str, mut from: usize, to: usize, f: &mut impl FnMut(usize, &str)) {
    while let Some(c) = segment[from..to].chars().next() {
        if !(c.is_whitespace() || !c.is_ascii() && attaches(c)) {
            break;
        }
        from += c.len_utf8();
    }
    if from < to {
        f(from, &segment[from..to]);
    }
}

/// Whether `c` continues whatever precedes it in word segmentation (Extend, Format, ZWJ).
fn attaches(c: char) -> bool {
    let mut buffer = [b' '; 5];
    let len = 1 + c.encode_utf8(&mut buffer[1..]).len();
    std::str::from_utf8(&buffer[..len]).is_ok_and(|s| s.split_word_bounds().nth(1).is_none())
}

/// The term of one word, or `None` when it has no letter or digit (or folds to nothing).
fn word_term(word: &str, table: Option<&FoldTable>) -> Option<String> {
    if word.is_ascii() {
        return word.bytes().any(|b| b.is_ascii_alphanumeric()).then(|| word.to_ascii_lowercase());
    }
    if !word.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut term = String::with_capacity(word.len());
    fold_into(word, &mut term, table);
    settle(term)
}

/// Makes a folded non-ASCII term a fixed point of tokenizing: when folding produced punctuation
/// or a script boundary inside it, the term becomes the concatenation of its own words.
fn settle(mut term: String) -> Option<String> {
    for _ in 0..4 {
        let words = words_of(&term);
        match words.as_slice() {
            [] => return None,
            [(0, end)] if *end == term.len() => return Some(term),
            _ => term = words.iter().map(|&(s, e)| &term[s..e]).collect(),
        }
    }
    None
}

/// The byte ranges of the words of a folded term.
fn words_of(term: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    for (start, segment) in term.split_word_bound_indices() {
        for_each_part(segment, |offset, part| {
            if part.chars().any(char::is_alphanumeric) {
                words.push((start + offset, start + offset + part.len()));
            }
        });
    }
    words
}

mod fold;
mod join;

#[cfg(test)]
mod tests;
