//! Words as OCR reads them: tokens with their byte ranges, letter keys and edit distance.
//!
//! OCR damages stamps and form labels in small ways: a letter misread (`SEGNET`), a space lost
//! or gained (`DATEOF`, `S E C R E T`), punctuation sprinkled in (`COUNTRY .`, `DATE DISTR,`).
//! Comparing *keys* (the ASCII letters and digits of a text, upper-cased) by edit distance
//! absorbs all three. Furniture detection and metadata extraction share these helpers so that
//! both tolerate the same damage in the same way.

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

/// Levenshtein distance between two ASCII keys, counted in bytes.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(x != y);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Whether `a` is within `max` edits of `b`; cheap when the lengths alone rule it out.
pub(crate) fn within(a: &str, b: &str, max: usize) -> bool {
    a.len().abs_diff(b.len()) <= max && edit_distance(a, b) <= max
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
