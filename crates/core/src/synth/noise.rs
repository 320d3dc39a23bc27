//! The OCR noise model: damage a clean text the way a typewritten page comes out of OCR, at a
//! chosen character error rate (CER: edit distance over the clean text's length).
//!
//! Each character (never a line break or a form feed) is hit with probability `cer`. A hit draws
//! one kind of edit from a weighted mix: an OCR confusion from [`CONFUSIONS`] (`m` read as
//! `rn`, `e` as `c`, `l` as `1` ...), a random substitution, a deletion, an inserted speck, a
//! space inserted inside a word, two words merged, a flipped case. An edit that costs k units of
//! edit distance (`m` to `rn` costs 2) is then kept only once in k times, so every hit adds one
//! unit on average and the measured CER comes out at `cer` whatever the mix.

use super::rng::{Rng, threshold};

/// Kinds of edit and how often a hit draws each.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Confusion,
    Substitute,
    Delete,
    Insert,
    Split,
    Merge,
    Case,
}

const KINDS: [(Kind, u32); 7] = [
    (Kind::Confusion, 46),
    (Kind::Substitute, 16),
    (Kind::Delete, 10),
    (Kind::Insert, 8),
    (Kind::Split, 8),
    (Kind::Merge, 8),
    (Kind::Case, 4),
];

/// What the page says, what OCR reads, and how often, among the confusions that fit.
pub const CONFUSIONS: &[(&str, &str, u32)] = &[
    ("m", "rn", 4),
    ("rn", "m", 4),
    ("h", "li", 2),
    ("li", "h", 1),
    ("d", "cl", 2),
    ("cl", "d", 2),
    ("e", "c", 4),
    ("c", "e", 3),
    ("e", "o", 2),
    ("o", "e", 1),
    ("a", "o", 3),
    ("a", "e", 2),
    ("o", "a", 1),
    ("n", "u", 2),
    ("u", "n", 2),
    ("u", "ii", 1),
    ("n", "ri", 1),
    ("ri", "n", 1),
    ("r", "n", 1),
    ("l", "1", 3),
    ("l", "i", 2),
    ("l", "I", 1),
    ("i", "l", 3),
    ("i", "1", 1),
    ("t", "f", 2),
    ("f", "t", 2),
    ("o", "0", 2),
    ("s", "5", 1),
    ("w", "vv", 2),
    ("w", "v", 2),
    ("vv", "w", 1),
    ("b", "h", 1),
    ("h", "b", 1),
    ("g", "q", 1),
    ("y", "v", 1),
    ("k", "lc", 1),
    ("z", "r", 1),
    ("O", "0", 3),
    ("0", "O", 2),
    ("I", "1", 3),
    ("I", "l", 2),
    ("1", "I", 2),
    ("1", "l", 2),
    ("S", "5", 2),
    ("5", "S", 1),
    ("S", "B", 1),
    ("B", "8", 1),
    ("8", "B", 1),
    ("E", "F", 1),
    ("C", "G", 1),
    ("G", "C", 1),
    ("R", "B", 1),
    ("R", "N", 1),
    ("D", "O", 1),
    ("T", "7", 1),
    ("M", "H", 1),
    ("H", "M", 1),
    ("U", "V", 1),
    ("W", "VV", 1),
    (".", ",", 3),
    (",", ".", 3),
    (":", ";", 1),
    (";", ":", 1),
    ("'", "`", 1),
    ("-", "~", 1),
];

/// Specks that OCR reads between letters.
const SPECKS: [char; 8] = ['.', ',', '\'', '-', '|', '`', ':', ';'];
const PUNCTUATION: [char; 6] = ['.', ',', ';', ':', '\'', '-'];

/// `text` as OCR might read it, with about `cer` errors per character (0 leaves it unchanged).
/// Line breaks and form feeds are never touched, so lines and pages keep their places.
pub fn noise(text: &str, cer: f64, rng: &mut Rng) -> String {
    let trigger = threshold(cer);
    if trigger == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Untouched runs are copied whole: `text[copied..i]` is still to be written.
    let mut copied = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or_else(|| unreachable!("i is in the text"));
        if matches!(c, '\n' | '\r' | '\u{c}') || rng.next_u64() >= trigger {
            i += c.len_utf8();
            continue;
        }
        let edit = choose(text, i, c, rng);
        if edit.cost > 1 && !rng.one_in(edit.cost as u64) {
            i += c.len_utf8();
            continue;
        }
        out.push_str(&text[copied..i]);
        match edit.with {
            With::Text(text) => out.push_str(text),
            With::Char(c) => out.push(c),
            With::Nothing => {}
        }
        i += edit.take;
        copied = i;
    }
    out.push_str(&text[copied..]);
    out
}

/// Replace `take` bytes with `with`; `cost` is the edit distance that adds.
#[derive(Debug, Clone, Copy)]
struct Edit {
    take: usize,
    with: With,
    cost: usize,
}

#[derive(Debug, Clone, Copy)]
enum With {
    Text(&'static str),
    Char(char),
    Nothing,
}

/// An edit for the character `c` at byte `i` of `text`.
fn choose(text: &str, i: usize, c: char, rng: &mut Rng) -> Edit {
    let before = text[..i].chars().next_back();
    let inside_word = c.is_alphanumeric() && before.is_some_and(char::is_alphanumeric);
    let delete = Edit { take: c.len_utf8(), with: With::Nothing, cost: 1 };
    // An insertion is written before the character, which then gets its own chance.
    let insert = |before: char| Edit { take: 0, with: With::Char(before), cost: 1 };
    match *rng.pick_weighted(&KINDS) {
        Kind::Confusion => {
            if let Some(edit) = confusion(&text[i..], rng) {
                return edit;
            }
        }
        Kind::Delete => return delete,
        Kind::Insert => return insert(*rng.pick(&SPECKS)),
        Kind::Split if inside_word => return insert(' '),
        Kind::Merge if c == ' ' => return delete,
        Kind::Case if c.is_ascii_alphabetic() => {
            let flipped = if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            return Edit { take: 1, with: With::Char(flipped), cost: 1 };
        }
        _ => {}
    }
    // The kind drawn does not fit here: a space is dropped (two words merge), anything else is
    // misread as another character.
    if c == ' ' {
        delete
    } else {
        Edit { take: c.len_utf8(), with: With::Char(substitute(c, rng)), cost: 1 }
    }
}

/// One of the confusions whose clean side starts `rest`, by weight.
fn confusion(rest: &str, rng: &mut Rng) -> Option<Edit> {
    let mut fits: [(usize, u32); 8] = [(0, 0); 8];
    let mut count = 0;
    for (n, (from, _, weight)) in CONFUSIONS.iter().enumerate() {
        if rest.starts_with(from) && count < fits.len() {
            fits[count] = (n, *weight);
            count += 1;
        }
    }
    if count == 0 {
        return None;
    }
    let (from, to, _) = CONFUSIONS[*rng.pick_weighted(&fits[..count])];
    Some(Edit { take: from.len(), with: With::Text(to), cost: distance(from, to) })
}

/// Another character of the same class: a letter of the same case, a digit, a punctuation mark.
fn substitute(c: char, rng: &mut Rng) -> char {
    let other = |first: u8, size: u8, rng: &mut Rng| {
        let own = (c as u32).wrapping_sub(u32::from(first));
        let mut pick = rng.below(u64::from(size) - 1) as u32;
        if pick >= own {
            pick += 1;
        }
        char::from(first + pick as u8)
    };
    if c.is_ascii_lowercase() {
        other(b'a', 26, rng)
    } else if c.is_ascii_uppercase() {
        other(b'A', 26, rng)
    } else if c.is_ascii_digit() {
        other(b'0', 10, rng)
    } else if c.is_alphabetic() {
        char::from(b'a' + rng.below(26) as u8)
    } else {
        let others: Vec<char> = PUNCTUATION.iter().copied().filter(|&p| p != c).collect();
        *rng.pick(&others)
    }
}

/// Levenshtein distance between `a` and `b`, over characters: the measure of the character
/// error rate.
pub use crate::distance::char_distance as distance;

#[cfg(test)]
mod tests;
