//! Tesseract's Markdown wrapper, as the JFK-NARA OCR pipeline writes it.
//!
//! ````text
//! # Document
//!
//! ## Page 1
//!
//! ```text
//! 14-00000
//! ...the whole OCR, every page of the scan...
//! ```
//! ````
//! The headings and fences are the converter's, not the OCR's, so they are unwrapped and the
//! fenced text is kept exactly. The pipeline ran the whole scan as one "page", so its real page
//! breaks show only where NARA stamped each sheet with a line such as `14-00000`: a page begins
//! at each such stamp, which stays as its first line. Several `## Page N` sections, where a
//! converter wrote them, each begin a page too.
//!
//! The wrapper is recognised only when everything outside the fences is headings or blank, so
//! a curator's own Markdown, or OCR that happens to contain a `#`, is never unwrapped.

use super::text::{content, lines};
use crate::diagnostic::{Diagnostic, Position};

/// The fenced OCR, split into pages, and what the curator should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unwrapped {
    pub pages: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

/// The fenced text of each `## Page N` section, in order.
#[derive(Debug, Default)]
struct Sections {
    texts: Vec<String>,
    page_headings: usize,
    fences: usize,
    /// The line of a fence that the file never closes, if any.
    open_fence: Option<usize>,
}

/// Unwraps `text` if it is Tesseract's Markdown wrapper; `None` if it is anything else.
pub(crate) fn unwrap(path: &str, text: &str) -> Option<Unwrapped> {
    let first = text.lines().find(|line| !line.trim().is_empty())?;
    if !first.starts_with('#') {
        return None;
    }
    let sections = sections(text)?;
    if sections.page_headings == 0 || sections.fences == 0 {
        return None;
    }
    let mut warnings = Vec::new();
    if let Some(line) = sections.open_fence {
        let at = Position { line, column: 1 };
        warnings.push(Diagnostic::warning(
            path,
            at,
            "This code fence is never closed: the rest of the file was taken as OCR text.",
        ));
    }
    let pages = sections.texts.iter().flat_map(|text| split_at_stamps(text)).collect();
    Some(Unwrapped { pages, warnings })
}

/// Walks the wrapper; `None` as soon as a line outside the fences is neither a heading nor blank.
fn sections(text: &str) -> Option<Sections> {
    let mut sections = Sections::default();
    let mut in_fence = false;
    for (index, line) in lines(text).enumerate() {
        let bare = content(line);
        if in_fence {
            if bare.trim() == "```" {
                in_fence = false;
                sections.open_fence = None;
            } else if let Some(current) = sections.texts.last_mut() {
                current.push_str(line);
            }
        } else if bare.trim_start().starts_with("```") {
            in_fence = true;
            sections.fences += 1;
            sections.open_fence = Some(index + 1);
            if sections.texts.is_empty() {
                sections.texts.push(String::new());
            }
        } else if is_page_heading(bare) {
            sections.page_headings += 1;
            sections.texts.push(String::new());
        } else if !(bare.trim().is_empty() || bare.starts_with('#')) {
            return None;
        }
    }
    Some(sections)
}

/// `## Page 3`, the converter's heading for one of its pages.
fn is_page_heading(line: &str) -> bool {
    line.strip_prefix("## Page")
        .is_some_and(|rest| rest.starts_with(' ') && super::text::is_number(rest.trim()))
}

/// A NARA sheet stamp: two digits, `-00000`, then nothing or anything that is not a digit
/// (the OCR often reads specks after it, as in `14-00000 . oe`).
pub(crate) fn is_stamp(line: &str) -> bool {
    let bytes = line.as_bytes();
    // The stamp is `14-00000`; the OCR often drops one zero (`14-0000`) on a sheet's first
    // line, where no other text would read as four zeros after two digits.
    let zeros = bytes.get(2..).map_or(0, |rest| {
        rest.strip_prefix(b"-").map_or(0, |z| z.iter().take_while(|&&b| b == b'0').count())
    });
    bytes.len() >= 7
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && (zeros == 4 || zeros == 5)
        && !bytes.get(3 + zeros).is_some_and(u8::is_ascii_digit)
}

/// Splits one section's OCR so that each stamp line begins a page. Text before the first stamp
/// is a page of its own unless it is only whitespace, which belongs to no page.
fn split_at_stamps(text: &str) -> Vec<String> {
    let mut pages = Vec::new();
    let mut current = String::new();
    let mut seen_stamp = false;
    for line in lines(text) {
        if is_stamp(content(line)) {
            if seen_stamp || !current.trim().is_empty() {
                pages.push(std::mem::take(&mut current));
            }
            current.clear();
            seen_stamp = true;
        }
        current.push_str(line);
    }
    pages.push(current);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(body: &str) -> String {
        format!("# Document\n\n## Page 1\n\n```text\n{body}```\n\n")
    }

    #[test]
    fn the_wrapper_is_dropped_and_the_fenced_text_kept_exactly() {
        let unwrapped = unwrap("x.md", &wrap("first line\n\n  # not a heading\n")).unwrap();
        assert_eq!(unwrapped.pages, vec!["first line\n\n  # not a heading\n"]);
        assert!(unwrapped.warnings.is_empty());
    }

    #[test]
    fn each_stamp_begins_a_page_and_stays_on_it() {
        let pages = unwrap("x.md", &wrap("cover\n14-00000\none\n13-00000 . oe\ntwo\n")).unwrap();
        assert_eq!(pages.pages, vec!["cover\n", "14-00000\none\n", "13-00000 . oe\ntwo\n"]);
    }

    #[test]
    fn blank_text_before_the_first_stamp_is_no_page() {
        let pages = unwrap("x.md", &wrap("\n\n14-00000\none\n")).unwrap();
        assert_eq!(pages.pages, vec!["14-00000\none\n"]);
    }

    #[test]
    fn stamps_have_four_or_five_zeros_and_no_more_digits() {
        assert!(is_stamp("14-00000"));
        assert!(is_stamp("13-00000 ."));
        assert!(is_stamp("14-0000"));
        assert!(!is_stamp("14-000"));
        assert!(!is_stamp("14-000001"));
        assert!(!is_stamp("14-00001"));
        assert!(!is_stamp(" 14-00000"));
    }

    #[test]
    fn several_page_sections_each_begin_a_page() {
        let text =
            "# Document\n\n## Page 1\n\n```text\none\n```\n\n## Page 2\n\n```text\ntwo\n```\n";
        assert_eq!(unwrap("x.md", text).unwrap().pages, vec!["one\n", "two\n"]);
    }

    #[test]
    fn an_unclosed_fence_is_a_warning_and_keeps_the_text() {
        let unwrapped = unwrap("x.md", "# Document\n## Page 1\n```text\none\n").unwrap();
        assert_eq!(unwrapped.pages, vec!["one\n"]);
        assert_eq!(unwrapped.warnings[0].line, 3);
    }

    #[test]
    fn other_markdown_is_not_unwrapped() {
        assert!(unwrap("x.md", "# Notes\n\nSome prose.\n\n## Page 1\n```\nx\n```\n").is_none());
        assert!(unwrap("x.md", "# Document\n\nno page heading\n").is_none());
        assert!(unwrap("x.md", "plain text\n").is_none());
    }
}
