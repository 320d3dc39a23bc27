//! Plain-text OCR and the ways text converters mark its pages.
//!
//! Text carries its page breaks in one of a few conventions, tried from the most specific to
//! the least, so that a marker that could be ordinary text (a centred number) is believed only
//! when nothing more explicit is there: Tesseract's Markdown wrapper, `--- Page N ---` lines,
//! form feeds, centred page numbers, and finally a single page. Pages are built from whole
//! input lines with their line endings, so they keep every byte of the OCR; the only lines
//! ever left out are a converter's own markers.

use super::{Format, markdown, numbered};
use crate::diagnostic::Diagnostic;
use crate::pages;

/// The pages of a text file and how they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextPages {
    pub format: Format,
    pub pages: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

/// Splits decoded text into pages by the first convention it follows.
pub(crate) fn split(path: &str, text: &str) -> TextPages {
    if let Some(unwrapped) = markdown::unwrap(path, text) {
        return TextPages {
            format: Format::TesseractMarkdown,
            pages: unwrapped.pages,
            warnings: unwrapped.warnings,
        };
    }
    let (format, pages) = if let Some(pages) = split_page_lines(text) {
        (Format::PageLines, pages)
    } else if text.contains(pages::PAGE_BREAK) {
        (Format::FormFeed, pages::split(text).into_iter().map(str::to_owned).collect())
    } else if let Some(pages) = numbered::split(text) {
        (Format::NumberedPages, pages)
    } else {
        (Format::PlainText, vec![text.to_owned()])
    };
    TextPages { format, pages, warnings: Vec::new() }
}

/// The lines of `text`, each with its `\n` if it has one, so that joining them gives `text`.
pub(crate) fn lines(text: &str) -> std::str::SplitInclusive<'_, char> {
    text.split_inclusive('\n')
}

/// A line without its line ending.
pub(crate) fn content(line: &str) -> &str {
    line.strip_suffix('\n').unwrap_or(line)
}

/// Whether `line` is a converter's page marker such as `--- Page 3 ---`.
pub(crate) fn is_page_marker(line: &str) -> bool {
    let Some(inner) = line.trim().strip_prefix("---").and_then(|s| s.strip_suffix("---")) else {
        return false;
    };
    let Some(number) = inner.trim().strip_prefix("Page") else {
        return false;
    };
    number.starts_with(char::is_whitespace) && is_number(number.trim_start())
}

pub(crate) fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Splits text at `--- Page N ---` lines, which are dropped. Blank lines before the first
/// marker belong to no page and are left out; any text there becomes a page of its own, since
/// nothing that the OCR read may be lost.
fn split_page_lines(text: &str) -> Option<Vec<String>> {
    if !text.lines().any(is_page_marker) {
        return None;
    }
    let mut pages = Vec::new();
    let mut current = String::new();
    let mut seen_marker = false;
    for line in lines(text) {
        if !is_page_marker(content(line)) {
            current.push_str(line);
            continue;
        }
        if seen_marker || !current.trim().is_empty() {
            pages.push(std::mem::take(&mut current));
        }
        current.clear();
        seen_marker = true;
    }
    pages.push(current);
    Some(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_markers_are_recognised_loosely_but_only_whole() {
        assert!(is_page_marker("--- Page 3 ---"));
        assert!(is_page_marker("  ---  Page 12---  "));
        assert!(!is_page_marker("--- Page ---"));
        assert!(!is_page_marker("--- Page 3 --- and more"));
        assert!(!is_page_marker("--- Pages 3 ---"));
        assert!(!is_page_marker("---Page3---"));
    }

    #[test]
    fn page_marker_lines_start_pages_and_are_dropped() {
        let pages = split_page_lines("\n--- Page 1 ---\none\n\n--- Page 2 ---\ntwo\n");
        assert_eq!(pages, Some(vec!["one\n\n".to_owned(), "two\n".to_owned()]));
    }

    #[test]
    fn text_before_the_first_marker_is_kept_as_a_page() {
        let pages = split_page_lines("cover\n--- Page 1 ---\none\n");
        assert_eq!(pages, Some(vec!["cover\n".to_owned(), "one\n".to_owned()]));
    }

    #[test]
    fn a_marker_at_the_very_start_makes_no_empty_page() {
        let pages = split_page_lines("--- Page 1 ---\none");
        assert_eq!(pages, Some(vec!["one".to_owned()]));
    }

    #[test]
    fn form_feeds_split_when_there_are_no_markers() {
        let split = split("x", "a\n\u{c}b\n");
        assert_eq!(split.format, Format::FormFeed);
        assert_eq!(split.pages, vec!["a\n", "b\n"]);
    }

    #[test]
    fn text_without_markers_is_one_page() {
        let split = split("x", "just text\n- 2 -\n");
        assert_eq!((split.format, split.pages.len()), (Format::PlainText, 1));
    }
}
