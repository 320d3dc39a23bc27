//! Joining words: across a line-end hyphen, and across zero-width characters.

use super::{Token, words_of};

/// Whether two terms make one word when joined: always for ASCII, and not across a script
/// boundary ("日" then "b" stay two tokens even after a line-end hyphen).
pub(super) fn joins_cleanly(first: &str, second: &str) -> bool {
    if first.is_ascii() && second.is_ascii() {
        return true;
    }
    let joined = [first, second].concat();
    words_of(&joined) == [(0, joined.len())]
}

/// Whether the word at `start` (whose text is `part`) continues the token `last`: across a
/// line-end hyphen with a lowercase continuation, or across zero-width characters only.
pub(super) fn joins(text: &str, last: &Token, start: usize, part: &str) -> bool {
    let gap = &text[last.end..start];
    if gap.is_empty() {
        return false;
    }
    if gap.chars().all(is_zero_width) {
        return true;
    }
    if !part.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let gap = match gap.chars().next() {
        Some(c @ ('-' | '\u{2010}' | '\u{2011}' | '¬' | '\u{00AD}')) => &gap[c.len_utf8()..],
        // A soft hyphen belongs to the segment before it, so it ends the previous token.
        _ if text[last.start..last.end].ends_with('\u{00AD}') => gap,
        _ => return false,
    };
    let gap = gap.trim_start_matches([' ', '\t']);
    let gap = gap.strip_prefix("\r\n").or_else(|| gap.strip_prefix('\n'));
    gap.is_some_and(|rest| rest.bytes().all(|b| b == b' ' || b == b'\t'))
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}
