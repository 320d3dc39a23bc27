//! Raw HTML in `corrected.md`. The reader never renders it: it is shown as literal text. A
//! curator who wrote it probably expected otherwise, so each occurrence is a warning.

use crate::corrected;
use crate::diagnostic::{Diagnostic, Position};
use crate::markdown::{self, Kind, Node};

/// A warning for each piece of raw HTML other than the page markers.
pub fn check(path: &str, markdown: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let root = markdown::parse(markdown);
    collect(&root, &mut found);
    found
        .into_iter()
        .filter(|node| node.text.lines().all(|line| corrected::parse_marker(line).is_none()))
        .map(|node| {
            let shown: String = node.text.trim().chars().take(40).collect();
            let message = format!(
                "Raw HTML (\"{shown}\") is shown to readers as text, not rendered; \
                 use Markdown instead."
            );
            Diagnostic::warning(path, Position::of(markdown, node.source.start), message)
        })
        .collect()
}

fn collect<'a>(node: &'a Node, found: &mut Vec<&'a Node>) {
    if node.kind == Kind::Html && !node.text.trim().is_empty() {
        found.push(node);
    }
    for child in &node.children {
        collect(child, found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_markers_are_not_raw_html() {
        assert!(check("c.md", "<!-- page 1 -->\n\nText.\n\n<!-- page 2 -->\n\nMore.\n").is_empty());
    }

    #[test]
    fn raw_html_is_a_warning_at_its_place() {
        let problems = check("c.md", "<!-- page 1 -->\n\nA <b>bold</b> claim.\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (3, 3));
        assert!(!problems[0].is_error());
    }
}
