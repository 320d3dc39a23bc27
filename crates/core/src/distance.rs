//! Plain edit distance between short strings.

/// Levenshtein distance between two strings, counted in characters: for "did you mean"
/// suggestions and for measuring synthetic noise, where the strings are short or the time
/// does not matter. (The OCR comparison has its own aligner, and fuzzy search its weighted
/// distance.)
pub fn char_distance(a: &str, b: &str) -> usize {
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
}
