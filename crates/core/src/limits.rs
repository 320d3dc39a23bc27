//! The sizes no real document reaches, and the errors for files that pass them.
//!
//! A file past these limits is not an OCR'd document but a mistake (a disk image, a log, a
//! generated stress test), and reading it on would only exhaust memory or time. The limits are
//! far above real holdings: the longest document in the collections we know has a few hundred
//! pages of a few kilobytes each, and hOCR, the most verbose input, takes about 100 KB a page.
//! [`Limits::DEFAULT`] applies everywhere a file is read (`import`, `check`, `build`, `diff`);
//! tests pass smaller ones.

use crate::diagnostic::{Diagnostic, Position};
use crate::pages::PAGE_BREAK;

/// The largest file, line and document accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes in one input file.
    pub file_bytes: usize,
    /// Bytes in one line of text (XML input is not held to it: it may be written on one line).
    pub line_bytes: usize,
    /// Pages in one document.
    pub pages: usize,
}

impl Limits {
    /// 256 MiB a file (2 500 pages of hOCR), 1 MiB a line (a printed line is under 200 bytes; a
    /// page written without line breaks under 20 KB), 10 000 pages a document.
    pub const DEFAULT: Limits =
        Limits { file_bytes: 256 << 20, line_bytes: 1 << 20, pages: 10_000 };

    /// An error if a file of `size` bytes is over the limit; for checking a file's size before
    /// reading it.
    pub fn check_file_size(&self, path: &str, size: u64) -> Result<(), Diagnostic> {
        if size <= self.file_bytes as u64 {
            return Ok(());
        }
        let message = format!(
            "{path} is {} bytes, over the limit of {}{} for one file: no OCR'd document is \
             this large. Check that it is the right file, or split the document into parts.",
            size,
            self.file_bytes,
            megabytes(self.file_bytes)
        );
        Err(Diagnostic::error(path, Position::START, message))
    }

    /// An error at the first line of `text` over [`Limits::line_bytes`].
    pub fn check_lines(&self, path: &str, text: &str) -> Result<(), Diagnostic> {
        for (index, line) in text.split('\n').enumerate() {
            if line.len() > self.line_bytes {
                let at = Position { line: index + 1, column: 1 };
                return Err(Diagnostic::error(path, at, self.long_line_message(index + 1, line)));
            }
        }
        Ok(())
    }

    /// The message for line `number`, `line`, over [`Limits::line_bytes`].
    pub fn long_line_message(&self, number: usize, line: &str) -> String {
        format!(
            "Line {number} is {} bytes long, over the limit of {}{}: this is not running \
             text. Check that the file is the OCR output and not binary data.",
            line.len(),
            self.line_bytes,
            megabytes(self.line_bytes)
        )
    }

    /// An error, at the form feed that starts the first page too many, if `text` has more
    /// than [`Limits::pages`] pages separated by form feeds. It counts without splitting.
    pub fn check_form_feeds(&self, path: &str, text: &str) -> Result<(), Diagnostic> {
        let Some((offset, _)) = text.match_indices(PAGE_BREAK).nth(self.pages.saturating_sub(1))
        else {
            return Ok(());
        };
        let at = Position::of(text, offset);
        Err(Diagnostic::error(path, at, self.too_many_pages_message("form feeds")))
    }

    /// An error if a document has `pages` pages, more than [`Limits::pages`].
    pub fn check_pages(&self, path: &str, pages: usize) -> Result<(), Diagnostic> {
        if pages <= self.pages {
            return Ok(());
        }
        let message = self.too_many_pages_message(&format!("{pages} pages"));
        Err(Diagnostic::error(path, Position::START, message))
    }

    fn too_many_pages_message(&self, found: &str) -> String {
        format!(
            "This document has more than {} pages (counting its {found}), the most one \
             document may have: no bound volume is this long. Check that the file is one \
             document's OCR, or split it into several documents.",
            self.pages
        )
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// A size of a megabyte or more in MiB, for a message: " (256 MB)".
fn megabytes(bytes: usize) -> String {
    if bytes < 1 << 20 { String::new() } else { format!(" ({} MB)", bytes >> 20) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limits = Limits { file_bytes: 100, line_bytes: 10, pages: 3 };

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        assert!(SMALL.check_file_size("f.txt", 100).is_ok());
        let err = SMALL.check_file_size("f.txt", 101).unwrap_err();
        assert!(err.message.starts_with("f.txt is 101 bytes, over the limit of 100"), "{err}");
    }

    #[test]
    fn the_first_long_line_is_refused_where_it_is() {
        assert!(SMALL.check_lines("f.txt", "0123456789\nshort\n").is_ok());
        let err =
            SMALL.check_lines("f.txt", "short\n0123456789\nshort\n01234567890\n").unwrap_err();
        assert_eq!((err.line, err.column), (4, 1));
        assert!(err.message.starts_with("Line 4 is 11 bytes long"), "{err}");
    }

    #[test]
    fn form_feeds_past_the_page_limit_are_refused_at_the_first_page_too_many() {
        assert!(SMALL.check_form_feeds("f.txt", "a\x0cb\x0cc").is_ok());
        let err = SMALL.check_form_feeds("f.txt", "a\x0cb\x0cc\nd\x0ce\x0c").unwrap_err();
        assert_eq!((err.line, err.column), (2, 2));
        assert!(err.message.contains("more than 3 pages"), "{err}");
    }

    #[test]
    fn a_page_count_over_the_limit_is_refused() {
        assert!(SMALL.check_pages("f.txt", 3).is_ok());
        assert!(SMALL.check_pages("f.txt", 4).unwrap_err().message.contains("4 pages"));
    }
}
