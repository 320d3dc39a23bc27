//! Plain edit distance between short strings.

/// Levenshtein distance between two strings, counted in characters: for "did you mean"
/// suggestions, the labels and stamps of page furniture, and measuring synthetic noise, where
/// the strings are short. (The OCR comparison has its own aligner, and fuzzy search its
/// weighted distance.)
pub fn char_distance(a: &str, b: &str) -> usize {
    char_distance_up_to(a, b, usize::MAX)
}

/// [`char_distance`], or some number above `max` as soon as a whole row of the table exceeds
/// it: most comparisons of unrelated words stop after a letter or two.
pub fn char_distance_up_to(a: &str, b: &str, max: usize) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
        if row.iter().all(|&d| d > max) {
            return max.saturating_add(1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_distance_counts_edits_of_characters() {
        assert_eq!(char_distance("contry", "country"), 1);
        assert_eq!(char_distance("Atà", "Ata"), 1);
        assert_eq!(char_distance("", "abc"), 3);
        assert_eq!(char_distance("SEGNET", "SECRET"), 2);
    }

    #[test]
    fn a_bound_stops_early_above_it_and_changes_nothing_within_it() {
        assert_eq!(char_distance_up_to("SEGNET", "SECRET", 2), 2);
        assert_eq!(char_distance_up_to("SEGNET", "SECRET", 1), 2);
        assert_eq!(char_distance_up_to("XYZXYZ", "SECRET", 1), 2, "stopped at the first row over");
        assert_eq!(char_distance_up_to("", "abc", 0), 3);
    }
}
