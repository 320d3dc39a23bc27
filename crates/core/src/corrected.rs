//! The corrected transcription, `corrected.md`: Markdown in which page k begins after a line
//! `<!-- page k -->`. The markers are HTML comments, so any Markdown renderer hides them.

/// One page marker found in the Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageMarker {
    /// The page number the marker announces.
    pub page: u32,
    /// 1-based line of the marker.
    pub line: usize,
    /// Byte offset of the text after the marker's line.
    pub body_start: usize,
    /// Byte offset where the marker's line starts.
    pub marker_start: usize,
}

/// Reads `<!-- page N -->` if `line` is exactly such a marker (surrounding spaces allowed).
pub fn parse_marker(line: &str) -> Option<u32> {
    let inner = line.trim().strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let number = inner.strip_prefix("page")?.trim();
    number.parse().ok()
}

/// Every page marker, in the order written.
pub fn markers(markdown: &str) -> Vec<PageMarker> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (index, line) in markdown.split_inclusive('\n').enumerate() {
        if let Some(page) = parse_marker(line) {
            found.push(PageMarker {
                page,
                line: index + 1,
                body_start: offset + line.len(),
                marker_start: offset,
            });
        }
        offset += line.len();
    }
    found
}

/// The Markdown of each page, indexed from page 1 to `page_count`. Text before the first
/// marker belongs to page 1; a page without a marker gets an empty text. Markers beyond
/// `page_count` or out of order are the checker's business; here their text goes to the page
/// they name when it exists and is otherwise dropped from the split (never from the file).
pub fn split_pages(markdown: &str, page_count: usize) -> Vec<String> {
    let mut pages = vec![String::new(); page_count.max(1)];
    let found = markers(markdown);
    let first_marker = found.first().map_or(markdown.len(), |m| m.marker_start);
    pages[0].push_str(&markdown[..first_marker]);
    for (i, marker) in found.iter().enumerate() {
        let end = found.get(i + 1).map_or(markdown.len(), |next| next.marker_start);
        let index = marker.page as usize;
        if (1..=pages.len()).contains(&index) {
            pages[index - 1].push_str(&markdown[marker.body_start..end]);
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_exact_comment_lines() {
        assert_eq!(parse_marker("<!-- page 3 -->\n"), Some(3));
        assert_eq!(parse_marker("  <!--page 12-->"), Some(12));
        assert_eq!(parse_marker("<!-- pages 3 -->"), None);
        assert_eq!(parse_marker("text <!-- page 3 -->"), None);
    }

    #[test]
    fn splits_markdown_by_markers() {
        let md = "<!-- page 1 -->\n# Title\n\nOne.\n<!-- page 2 -->\nTwo.\n";
        assert_eq!(split_pages(md, 2), vec!["# Title\n\nOne.\n", "Two.\n"]);
        let found = markers(md);
        assert_eq!(found.iter().map(|m| (m.page, m.line)).collect::<Vec<_>>(), [(1, 1), (2, 5)]);
    }

    #[test]
    fn pages_without_markers_are_empty() {
        assert_eq!(split_pages("Only.\n", 3), vec!["Only.\n", "", ""]);
    }
}
