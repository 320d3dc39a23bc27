//! Comparing against a correction written in Markdown.
//!
//! A corrected transcription is Markdown (`corrected.md`), and its markup is not text the OCR
//! could have read: `# CENTRAL INTELLIGENCE AGENCY` is the words alone. The comparison therefore
//! reads the Markdown as [`Node::search_text`] gives it (the text of every leaf, line breaks as
//! line breaks, a blank line between blocks) and maps each correction's corrected range back to
//! the source through [`SourceMap`]: byte for byte inside a text leaf written as it reads, to
//! the whole leaf where the text is not the source as written (an entity, an escape, inline
//! code), and to the end of the preceding leaf for the blank lines between blocks.
//! `corrected_text` stays the text as it reads.

use super::{Comparison, compare};
use crate::markdown::{Node, Span};
use std::ops::Range;

/// From byte ranges of a node tree's search text to byte ranges of its Markdown source.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    spans: Vec<Span>,
}

impl SourceMap {
    /// The map of the search text [`Node::search_text_spans`] returned with `spans`.
    pub fn new(spans: Vec<Span>) -> SourceMap {
        SourceMap { spans }
    }

    /// The source bytes that the search text's `text` range came from.
    pub fn source(&self, text: Range<usize>) -> Range<usize> {
        let start = self.start_of(text.start);
        let end = if text.is_empty() { start } else { self.end_of(text.end).max(start) };
        start..end
    }

    fn start_of(&self, at: usize) -> usize {
        let index = self.spans.partition_point(|s| s.text.end <= at);
        match self.spans.get(index) {
            Some(span) if span.text.start <= at => Self::inside(span, at, span.source.start),
            _ => self.before(index, at),
        }
    }

    fn end_of(&self, at: usize) -> usize {
        let index = self.spans.partition_point(|s| s.text.start < at);
        match index.checked_sub(1).map(|i| &self.spans[i]) {
            Some(span) if at <= span.text.end => Self::inside(span, at, span.source.end),
            _ => self.before(index, at),
        }
    }

    /// Offset `at` inside `span`: exact when the span's text is its source, else `coarse`.
    fn inside(span: &Span, at: usize, coarse: usize) -> usize {
        if span.text.len() == span.source.len() {
            span.source.start + (at - span.text.start)
        } else {
            coarse
        }
    }

    /// A position between spans (or before the first) maps to the end of the span before it.
    fn before(&self, index: usize, at: usize) -> usize {
        let previous = self.spans[..index].iter().rev().find(|s| s.text.end <= at);
        previous.map_or_else(|| self.spans.first().map_or(0, |s| s.source.start), |s| s.source.end)
    }
}

/// [`compare`] against a correction in Markdown, parsed into `corrected`; each correction's
/// `corrected` range points into the Markdown source.
pub fn compare_markdown(ocr: &str, furniture: &[Range<usize>], corrected: &Node) -> Comparison {
    let (text, spans) = corrected.search_text_spans();
    let map = SourceMap::new(spans);
    let mut comparison = compare(ocr, &text, furniture);
    for correction in &mut comparison.corrections {
        correction.corrected = map.source(correction.corrected.clone());
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Kind;
    use crate::markdown::parse;

    #[test]
    fn search_text_spans_give_the_search_text() {
        let node = parse("# Title\n\nOne *two* `three`\nfour.\n\n- item\n");
        let (text, spans) = node.search_text_spans();
        assert_eq!(text, node.search_text());
        assert!(spans.windows(2).all(|w| w[0].text.end <= w[1].text.start));
    }

    #[test]
    fn corrections_point_into_the_markdown_source() {
        let md = "# Report\n\nThe *Party* committee.\n";
        let comparison = compare_markdown("Report\n\nThe Perty committee.\n", &[], &parse(md));
        let substitution =
            comparison.corrections.iter().find(|c| c.kind != Kind::Layout).expect("one misreading");
        assert_eq!(substitution.kind, Kind::Substitution);
        assert_eq!(&md[substitution.corrected.clone()], "Party");
        assert_eq!(substitution.ocr_text, "Perty");
    }
}
