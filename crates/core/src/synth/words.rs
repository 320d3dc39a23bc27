//! English word frequencies from human-corrected text (see `SOURCE.md` beside `words.txt`), and
//! sampling by frequency: a cumulative table searched by bisection, so a word is drawn as often
//! as it was counted and the text has the Zipf-like spread of real prose.

use super::rng::Rng;
use std::sync::OnceLock;

/// `word count` per line, most frequent first.
const WORDS_TXT: &str = include_str!("words.txt");

/// Words at this rank and beyond are content words (the function words are all above it).
pub const CONTENT_RANK: usize = 100;

/// The frequency table: `cumulative[i]` is the sum of the counts of words `0..=i`.
#[derive(Debug)]
pub struct Words {
    words: Vec<&'static str>,
    cumulative: Vec<u64>,
}

/// The table from `words.txt`, parsed once.
pub fn table() -> &'static Words {
    static TABLE: OnceLock<Words> = OnceLock::new();
    TABLE.get_or_init(|| Words::parse(WORDS_TXT))
}

impl Words {
    /// Parses `word count` lines; lines that do not have that shape are skipped.
    pub fn parse(text: &'static str) -> Words {
        let mut words = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0u64;
        for line in text.lines() {
            let Some((word, count)) = line.split_once(' ') else { continue };
            let Ok(count) = count.trim().parse::<u64>() else { continue };
            if word.is_empty() || count == 0 {
                continue;
            }
            total += count;
            words.push(word);
            cumulative.push(total);
        }
        Words { words, cumulative }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word at `rank` (0 is the most frequent) and its count.
    pub fn entry(&self, rank: usize) -> (&'static str, u64) {
        let before = if rank == 0 { 0 } else { self.cumulative[rank - 1] };
        (self.words[rank], self.cumulative[rank] - before)
    }

    /// A word drawn in proportion to its count.
    pub fn sample(&self, rng: &mut Rng) -> &'static str {
        self.sample_from(0, rng)
    }

    /// A word of rank `first` or beyond, drawn in proportion to its count.
    pub fn sample_from(&self, first: usize, rng: &mut Rng) -> &'static str {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let skipped = if first == 0 { 0 } else { self.cumulative[first - 1] };
        let point = skipped + rng.below(total - skipped);
        self.words[self.cumulative.partition_point(|&c| c <= point)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_loaded_most_frequent_first() {
        let words = table();
        assert!(words.len() > 4000, "{} words", words.len());
        assert_eq!(words.entry(0).0, "the");
        let counts: Vec<u64> = (0..words.len()).map(|rank| words.entry(rank).1).collect();
        assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "sorted by count");
        let top: Vec<&str> = (0..CONTENT_RANK).map(|rank| words.entry(rank).0).collect();
        for function_word in ["of", "and", "to", "in", "was", "that", "by", "with"] {
            assert!(top.contains(&function_word), "{function_word} is a frequent word");
        }
    }

    #[test]
    fn words_are_drawn_in_proportion_to_their_counts() {
        let words = table();
        let mut rng = Rng::new(7);
        let draws = 100_000;
        let the = (0..draws).filter(|_| words.sample(&mut rng) == "the").count() as f64;
        let total: u64 = (0..words.len()).map(|rank| words.entry(rank).1).sum();
        let expected = words.entry(0).1 as f64 / total as f64 * draws as f64;
        assert!((the - expected).abs() < expected * 0.05, "{the} draws of \"the\", {expected}");
        let content = (0..1000).map(|_| words.sample_from(CONTENT_RANK, &mut rng));
        let top: Vec<&str> = (0..CONTENT_RANK).map(|rank| words.entry(rank).0).collect();
        assert!(content.into_iter().all(|word| !top.contains(&word)));
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let words = Words::parse("the 10\nnonsense\nof x\na 5\n\nzero 0\n");
        assert_eq!(words.len(), 2);
        assert_eq!(words.entry(1), ("a", 5));
    }
}
