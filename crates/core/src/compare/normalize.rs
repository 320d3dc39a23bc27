//! dinglehopper's `normalize_sbb`, applied to one line, with a record of which original bytes
//! each part of the result came from.
//!
//! dinglehopper 0.11.0 (`extracted_text.py`) normalizes every line it reads: NFC, then its
//! ligatures taken apart (`ﬁ` is `fi`, the MUFI and eMOP private-use ligatures such as U+E8BF
//! are their letters), then its equivalences: `==` and the em dash are an en dash, `’` is `'`,
//! `⸗` is `-`, `a`, `o`, `u` with a combining small e (U+0364) are `ä`, `ö`, `ü`, and four
//! private-use letters are `ü`, `ä`, `ö` and `q́`. The result is not normalized again.
//!
//! Here the line is normalized grapheme cluster by grapheme cluster, which gives the same text
//! (NFC composes only within a cluster, and every rule but `==` rewrites within one) and says
//! where each part came from. `==` spans two clusters and is paired as Python's left-to-right
//! `replace` pairs it: `===` is `–=`.
//!
//! NFC needs the Unicode composition tables of the `unicode-tables` feature. Without them (the
//! browser builds) a cluster is kept as written, so decomposed input (`e` + U+0301) counts as
//! two characters where dinglehopper counts one `é`; text from the OCR engines and editors this
//! project reads is in NFC already, and native builds compose.

use unicode_segmentation::UnicodeSegmentation;

/// One grapheme cluster of the original line and where its normalized form starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Offset in the normalized line.
    pub normalized: usize,
    /// The cluster's bytes in the original line.
    pub original: usize,
    pub original_end: usize,
}

/// Ligatures dinglehopper takes apart (`unjoin_ligatures`), in its order.
const LIGATURES: [(char, &str); 21] = [
    ('\u{eba6}', "ſſ"),
    ('\u{eba7}', "ſſi"),
    ('\u{f502}', "ch"),
    ('\u{eec4}', "ck"),
    ('\u{f4f9}', "ll"),
    ('\u{eba2}', "ſi"),
    ('\u{eada}', "ſt"),
    ('\u{fb01}', "fi"),
    ('\u{fb00}', "ff"),
    ('\u{fb02}', "fl"),
    ('\u{fb03}', "ffi"),
    ('\u{eec5}', "ct"),
    ('\u{eedc}', "tz"),
    ('\u{f532}', "as"),
    ('\u{f533}', "is"),
    ('\u{f534}', "us"),
    ('\u{f535}', "Qu"),
    ('\u{133}', "ij"),
    ('\u{e8bf}', "q&"),
    ('\u{eba5}', "ſp"),
    ('\u{fb06}', "st"),
];

/// Single characters dinglehopper replaces (`substitute_equivalences`). Its multi-character
/// rules (`==`, and a vowel with U+0364) are handled apart.
const EQUIVALENCES: [(char, &str); 7] = [
    ('\u{e72b}', "ü"),
    ('\u{e42c}', "ä"),
    ('\u{2014}', "–"),
    ('\u{e644}', "ö"),
    ('\u{2019}', "'"),
    ('\u{2e17}', "-"),
    ('\u{f50e}', "q\u{301}"),
];

const SMALL_E_ABOVE: char = '\u{364}';

/// `line` normalized as dinglehopper normalizes it; `pieces` receives one entry per grapheme
/// cluster of `line`, in order (a `==` pair is one entry).
pub fn normalize_line(line: &str, pieces: &mut Vec<Piece>) -> String {
    pieces.clear();
    let mut out = String::with_capacity(line.len() + 8);
    // The piece holding a lone `=` that the next cluster may pair with.
    let mut open_equals: Option<usize> = None;
    for (at, cluster) in line.grapheme_indices(true) {
        let end = at + cluster.len();
        if let (Some(open), Some(rest)) = (open_equals, cluster.strip_prefix('=')) {
            out.truncate(pieces[open].normalized);
            out.push('–');
            push_cluster(rest, &mut out);
            pieces[open].original_end = end;
            open_equals = None;
            continue;
        }
        open_equals = (cluster == "=").then_some(pieces.len());
        let normalized = out.len();
        push_cluster(cluster, &mut out);
        pieces.push(Piece { normalized, original: at, original_end: end });
    }
    out
}

/// Whether `line` could change under normalization; when not, the line is its own result.
pub fn needs_normalizing(line: &str) -> bool {
    line.contains("==") || !line.is_ascii()
}

fn push_cluster(cluster: &str, out: &mut String) {
    if cluster.is_ascii() {
        out.push_str(cluster);
        return;
    }
    let start = out.len();
    for c in nfc(cluster) {
        if let Some((_, letters)) = LIGATURES.iter().find(|(l, _)| *l == c) {
            out.push_str(letters);
        } else if let Some((_, letters)) = EQUIVALENCES.iter().find(|(e, _)| *e == c) {
            out.push_str(letters);
        } else {
            out.push(c);
        }
    }
    if out[start..].contains(SMALL_E_ABOVE) {
        let replaced =
            out[start..].replace("a\u{364}", "ä").replace("o\u{364}", "ö").replace("u\u{364}", "ü");
        out.truncate(start);
        out.push_str(&replaced);
    }
}

#[cfg(feature = "unicode-tables")]
fn nfc(text: &str) -> impl Iterator<Item = char> + '_ {
    unicode_normalization::UnicodeNormalization::nfc(text)
}

#[cfg(not(feature = "unicode-tables"))]
fn nfc(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
}

/// `text` in NFC, or as it is without the composition tables.
#[cfg(feature = "unicode-tables")]
pub fn nfc_string(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(unicode_normalization::UnicodeNormalization::nfc(text).collect())
    }
}

#[cfg(not(feature = "unicode-tables"))]
pub fn nfc_string(text: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Borrowed(text)
}
