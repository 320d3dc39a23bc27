//! Folding one word: compatibility decomposition, lowercase, combining marks dropped, the explicit
//! folds.
//!
//! The rule is NFKC, lowercase, then NFD without marks. Decomposing twice and never composing
//! gives the same letters (NFD after NFKC is NFKD), and it spares the wasm the composition
//! tables, about 35 KB gzipped. So terms stay decomposed: this shows only where a decomposition
//! has no mark to drop (Hangul syllables are stored as their jamo, a few Indic two-part vowels as
//! their parts), and indexing and querying agree on it.

use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

/// Appends the folded form of `text` to `out`.
pub(super) fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        decompose_compatible(c, |d| {
            for lower in d.to_lowercase() {
                // A lowercase letter may decompose where its capital did not (İ is i and a dot).
                decompose_compatible(lower, |e| {
                    if canonical_combining_class(e) == 0 {
                        push_folded(e, out);
                    }
                });
            }
        });
    }
}

/// Pushes one lowercase, decomposed, unmarked character, with the explicit folds.
fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{00AD}' | '\u{034F}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{2033}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push('-'),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ß' => out.push_str("ss"),
        'ø' => out.push('o'),
        'đ' => out.push('d'),
        'ł' => out.push('l'),
        'ı' => out.push('i'),
        'ς' => out.push('σ'),
        _ => out.push(c),
    }
}
