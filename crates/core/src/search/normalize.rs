//! (temporary: replaced by the search-normalize branch)

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_word_indices()
        .map(|(start, word)| Token { term: fold(word), start, end: start + word.len() })
        .collect()
}

pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
