//! Folding one word: compatibility decomposition, lowercase, combining marks dropped, the explicit
//! folds.
//!
//! The rule is NFKC, lowercase, then NFD without marks. Decomposing twice and never composing
//! gives the same letters (NFD after NFKC is NFKD), and it spares the composition tables. So
//! terms stay decomposed: this shows only where a decomposition has no mark to drop (Hangul
//! syllables are stored as their jamo, a few Indic two-part vowels as their parts), and indexing
//! and querying agree on it.
//!
//! Folding is per character, so it can also run from a table ([`FoldTable`]): the index
//! carries, for every character of its collection, their capitals, and the scripts readers
//! type, the fold of each that is not the character itself. The search engine installs that
//! table, and then folds without the Unicode decomposition and case tables: the browser's
//! search module is built without them (the `unicode-tables` feature), which saves it some
//! 50 KB gzipped. Every character of the collection is in the table, so pages tokenize exactly
//! as they were indexed; a query character outside the table is left as it is, and since it
//! occurs nowhere in the collection, neither in lower nor in upper case, it could match
//! nothing anyway (only a character that folds into another script, a mathematical bold letter
//! say, is missed).

/// Appends the folded form of `text` to `out`, from `table` if given, else with the Unicode
/// tables (where they are compiled in).
pub(super) fn fold_into(text: &str, out: &mut String, table: Option<&FoldTable>) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match table {
            Some(table) => table.fold_char(c, out),
            None => full::fold_char(c, out),
        }
    }
}

/// The folds that differ from the character itself, sorted by character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldTable {
    folds: Vec<(char, String)>,
}

impl FoldTable {
    pub fn new(mut folds: Vec<(char, String)>) -> FoldTable {
        crate::search::order::sort_by(&mut folds, |(a, _), (b, _)| a.cmp(b));
        folds.dedup_by_key(|(c, _)| *c);
        FoldTable { folds }
    }

    pub fn entries(&self) -> &[(char, String)] {
        &self.folds
    }

    fn fold_char(&self, c: char, out: &mut String) {
        match self.folds.binary_search_by_key(&c, |(k, _)| *k) {
            Ok(i) => out.push_str(&self.folds[i].1),
            Err(_) => out.push(c),
        }
    }
}

/// The scripts and symbol blocks a reader may type or paste, beyond the collection's own
/// characters: Latin with its extensions, IPA, combining marks (text copied from a PDF often
/// carries its accents as separate marks), Greek, Cyrillic, punctuation, super- and subscripts,
/// letterlike symbols, number forms, enclosed alphanumerics, Latin ligatures, full and half
/// width forms.
pub const TYPED_RANGES: &[(char, char)] = &[
    ('\u{00A0}', '\u{036F}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{FE20}', '\u{FE2F}'),
    ('\u{0370}', '\u{052F}'),
    ('\u{1E00}', '\u{1FFF}'),
    ('\u{2000}', '\u{218F}'),
    ('\u{2460}', '\u{24FF}'),
    ('\u{FB00}', '\u{FB06}'),
    ('\u{FF00}', '\u{FFEF}'),
];

/// The table for a collection whose text uses `chars`: every one of them, their capitals, and
/// every character of [`TYPED_RANGES`], whose fold is not the character itself.
#[cfg(feature = "unicode-tables")]
pub fn table_for(chars: impl IntoIterator<Item = char>) -> FoldTable {
    let mut all: Vec<char> = chars.into_iter().filter(|c| !c.is_ascii()).collect();
    all.sort_unstable();
    all.dedup();
    let capitals: Vec<char> = all.iter().flat_map(|c| c.to_uppercase()).collect();
    all.extend(capitals);
    all.extend(TYPED_RANGES.iter().flat_map(|&(a, b)| a..=b));
    all.sort_unstable();
    all.dedup();
    let mut folds = Vec::new();
    for c in all.into_iter().filter(|c| !c.is_ascii()) {
        let mut folded = String::new();
        full::fold_char(c, &mut folded);
        if !folded.chars().eq([c]) {
            folds.push((c, folded));
        }
    }
    FoldTable::new(folds)
}

#[cfg(feature = "unicode-tables")]
mod full {
    use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

    /// Folds one character with the Unicode tables.
    pub(super) fn fold_char(c: char, out: &mut String) {
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
}

/// Without the Unicode tables and before a table is installed: the character as it is.
#[cfg(not(feature = "unicode-tables"))]
mod full {
    pub(super) fn fold_char(c: char, out: &mut String) {
        out.push(c);
    }
}
