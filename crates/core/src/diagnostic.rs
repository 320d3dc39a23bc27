//! Problems found in a curator's files, each with its place and a sentence that says what to fix.
//!
//! Every parser and check in core reports through [`Diagnostic`], so the CLI prints all of them
//! the same way (`path:line:col: error: sentence`) and the app can show them in an error card.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a problem is: errors stop a build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one file. Lines and columns count from 1; columns count characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, at, message)
    }

    pub fn warning(path: impl Into<String>, at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, at, message)
    }

    fn new(
        severity: Severity,
        path: impl Into<String>,
        at: Position,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line: at.line,
            column: at.column,
            severity,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path, self.line, self.column, self.severity, self.message
        )
    }
}

impl std::error::Error for Diagnostic {}

/// A place in a text, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The start of a file: for problems that belong to the file as a whole.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The line and column of a byte offset in `text`. An offset inside a character, or past
    /// the end, is clamped to the nearest character start before it.
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "first\nsécond line\nthird";
        assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(text, 6), Position { line: 2, column: 1 });
        // "sé" is three bytes and two characters.
        assert_eq!(Position::of(text, 9), Position { line: 2, column: 3 });
        assert_eq!(Position::of(text, 999), Position { line: 3, column: 6 });
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        assert_eq!(Position::of("é", 1), Position { line: 1, column: 1 });
    }

    #[test]
    fn diagnostics_print_as_path_line_column() {
        let d = Diagnostic::error("documents/x/meta.toml", Position { line: 3, column: 7 }, "Bad.");
        assert_eq!(d.to_string(), "documents/x/meta.toml:3:7: error: Bad.");
    }
}
