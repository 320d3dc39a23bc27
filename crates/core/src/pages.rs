//! Pages of `ocr.txt`: the OCR text is stored exactly as produced, with a form feed (`\f`)
//! between pages. Splitting keeps every byte, so page texts concatenated with form feeds give
//! the file back.

/// The page separator in `ocr.txt`.
pub const PAGE_BREAK: char = '\u{c}';

/// The pages of an OCR text. A text without form feeds is one page; an empty text is one
/// empty page, so a document always has at least one.
pub fn split(ocr: &str) -> Vec<&str> {
    ocr.split(PAGE_BREAK).collect()
}

/// The number of pages of an OCR text, counted without splitting it.
pub fn count(ocr: &str) -> usize {
    ocr.matches(PAGE_BREAK).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_form_feeds_and_keeps_every_byte() {
        let text = "one\n\u{c}two\n\u{c}\nthree";
        let pages = split(text);
        assert_eq!(pages, vec!["one\n", "two\n", "\nthree"]);
        assert_eq!(pages.join("\u{c}"), text);
        assert_eq!(count(text), pages.len());
    }

    #[test]
    fn a_text_without_breaks_is_one_page() {
        assert_eq!(split("just one"), vec!["just one"]);
        assert_eq!(split(""), vec![""]);
        assert_eq!((count("just one"), count("")), (1, 1));
    }
}
