//! Page markers in `corrected.md`: `<!-- page k -->` lines, in increasing order, never past the
//! OCR's last page. A line that looks like a marker but is not one is probably a typo, so it
//! is a warning rather than silently ordinary text.

use crate::corrected;
use crate::diagnostic::{Diagnostic, Position};

/// Every problem with the page markers of `markdown`, given the OCR's page count.
pub fn check(path: &str, markdown: &str, ocr_pages: usize) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut previous: Option<u32> = None;
    for marker in corrected::markers(markdown) {
        let at = Position { line: marker.line, column: 1 };
        let page = marker.page;
        if page == 0 || page as usize > ocr_pages {
            let message = format!(
                "Page marker {page} is outside the OCR's pages (1 to {ocr_pages}); \
                 the OCR text has {ocr_pages} page{}.",
                if ocr_pages == 1 { "" } else { "s" }
            );
            problems.push(Diagnostic::error(path, at, message));
        }
        if let Some(before) = previous
            && page <= before
        {
            let message = format!(
                "Page marker {page} comes after page {before}; markers must go up one page at a time."
            );
            problems.push(Diagnostic::error(path, at, message));
        }
        previous = Some(page);
    }
    problems.extend(near_misses(path, markdown));
    problems
}

/// Lines that start like a page marker but do not parse as one.
fn near_misses(path: &str, markdown: &str) -> Vec<Diagnostic> {
    markdown
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let squashed: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
            squashed.starts_with("<!-- page") || squashed.starts_with("<!--page")
        })
        .filter(|(_, line)| corrected::parse_marker(line).is_none())
        .map(|(index, line)| {
            let message = format!(
                "\"{}\" looks like a page marker but is not one; write it as `<!-- page N -->`.",
                line.trim()
            );
            Diagnostic::warning(path, Position { line: index + 1, column: 1 }, message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_order_within_the_pages_pass() {
        let md = "<!-- page 1 -->\nOne.\n<!-- page 2 -->\nTwo.\n";
        assert!(check("c.md", md, 2).is_empty());
    }

    #[test]
    fn out_of_order_and_excess_markers_are_errors_at_their_lines() {
        let md = "<!-- page 2 -->\nTwo.\n<!-- page 1 -->\nOne.\n<!-- page 9 -->\n";
        let problems = check("c.md", md, 3);
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 5]);
        assert!(problems[0].message.contains("comes after page 2"));
        assert!(problems[1].message.contains("outside the OCR's pages (1 to 3)"));
    }

    #[test]
    fn a_repeated_marker_is_out_of_order() {
        let problems = check("c.md", "<!-- page 1 -->\n<!-- page 1 -->\n", 2);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn a_malformed_marker_is_a_warning() {
        let problems = check("c.md", "<!-- page two -->\ntext\n", 2);
        assert_eq!(problems.len(), 1);
        assert!(!problems[0].is_error());
    }
}
