//! Checks every text file shares: it is within the size limit, it is text, it is UTF-8, and no
//! line is absurdly long ([`Limits`]).

use crate::diagnostic::{Diagnostic, Position};
use crate::limits::Limits;

/// The text of a file that is UTF-8 text, or `None` with the problem recorded. A byte-order
/// mark is skipped. A file over the size limit is not read at all; long lines are reported
/// but do not stop the text being returned.
pub fn text_file<'a>(
    path: &str,
    bytes: &'a [u8],
    limits: &Limits,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    if let Err(too_large) = limits.check_file_size(path, bytes.len() as u64) {
        problems.push(too_large);
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let message = "This is not a text file (it contains NUL bytes); \
                       document files must be UTF-8 text.";
        problems.push(Diagnostic::error(path, position_of_byte(bytes, at), message));
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let message = "This file is not UTF-8 text. Import it with `readingroom import`, \
                           which reads other encodings and converts them.";
            problems.push(Diagnostic::error(
                path,
                position_of_byte(bytes, e.valid_up_to()),
                message,
            ));
            return None;
        }
    };
    problems.extend(long_lines(path, text, limits));
    Some(text)
}

/// An error for every line longer than [`Limits::line_bytes`].
pub fn long_lines(path: &str, text: &str, limits: &Limits) -> Vec<Diagnostic> {
    text.split('\n')
        .enumerate()
        .filter(|(_, line)| line.len() > limits.line_bytes)
        .map(|(index, line)| {
            let at = Position { line: index + 1, column: 1 };
            Diagnostic::error(path, at, limits.long_line_message(index + 1, line))
        })
        .collect()
}

/// The position of byte `at` in bytes that are valid UTF-8 up to `at`.
fn position_of_byte(bytes: &[u8], at: usize) -> Position {
    let valid = &bytes[..at.min(bytes.len())];
    let text = String::from_utf8_lossy(valid);
    Position::of(&text, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8]) -> (Option<String>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let text = text_file("f.txt", bytes, &Limits::DEFAULT, &mut problems).map(str::to_owned);
        (text, problems)
    }

    #[test]
    fn utf8_text_passes_and_a_bom_is_skipped() {
        assert_eq!(check(b"\xEF\xBB\xBFplain").0.as_deref(), Some("plain"));
    }

    #[test]
    fn windows_1252_is_refused_where_it_starts() {
        let (text, problems) = check(b"line one\nAlma-At\xe0\n");
        assert!(text.is_none());
        assert_eq!((problems[0].line, problems[0].column), (2, 8));
        assert!(problems[0].message.contains("not UTF-8"));
    }

    #[test]
    fn binary_files_are_not_text() {
        let (text, problems) = check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(text.is_none());
        assert!(problems[0].message.contains("not a text file"));
    }

    #[test]
    fn a_line_over_a_megabyte_is_reported_with_its_number() {
        let text = format!("short\n{}\nshort", "x".repeat(Limits::DEFAULT.line_bytes + 1));
        let (read, problems) = check(text.as_bytes());
        assert!(read.is_some(), "the text is still returned");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn a_file_over_the_size_limit_is_not_read() {
        let limits = Limits { file_bytes: 8, ..Limits::DEFAULT };
        let mut problems = Vec::new();
        assert!(text_file("f.txt", b"nine byte", &limits, &mut problems).is_none());
        assert!(problems[0].message.contains("over the limit of 8"), "{}", problems[0]);
    }
}
