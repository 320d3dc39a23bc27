//! Markdown as a small tree the app renders as Yew nodes, never as HTML.
//!
//! pulldown-cmark does the parsing; this module folds its events into [`Node`]s and applies the
//! safety rules once, where native tests cover them: raw HTML becomes a node whose text is shown
//! as text, images show their description instead of fetching anything, and a link keeps its
//! target only if it is http(s), mailto or relative. Every text node keeps its byte range in the
//! source, so highlights found in the source can be placed on the rendered text.
//!
//! The tree is built when the bundle is built and shipped in it (serialized with short field
//! names), so the browser never parses Markdown: pulldown-cmark would add some 66 KB gzipped to
//! the app, which every reader would download.

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a node is. Containers have children; leaves carry `Node::text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Root,
    Heading(u8),
    Paragraph,
    Quote,
    List {
        start: Option<u64>,
    },
    Item,
    CodeBlock,
    Rule,
    Table,
    TableHead,
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Strike,
    /// A link; `href` is `None` when the target was not safe to keep.
    Link {
        href: Option<String>,
    },
    /// An image: rendered as its description, never fetched.
    Image,
    Text,
    Code,
    /// Raw HTML from the source, to be shown as literal text.
    Html,
    SoftBreak,
    HardBreak,
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    #[serde(rename = "k")]
    pub kind: Kind,
    /// The text of a leaf (`Text`, `Code`, `Html`, `CodeBlock`); empty for containers.
    #[serde(rename = "t", default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The byte range of the node in the Markdown source.
    #[serde(rename = "s")]
    pub source: Range<usize>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Node {
    fn new(kind: Kind, source: Range<usize>) -> Node {
        Node { kind, text: String::new(), source, children: Vec::new() }
    }

    /// The text under this node as search and comparison read it: line breaks stay line
    /// breaks, and blocks (paragraphs, headings, items, cells) are separated by a blank line,
    /// so words of neighbouring blocks never run together.
    pub fn search_text(&self) -> String {
        let mut out = String::new();
        self.push_search_text(&mut out, &mut None);
        out
    }

    /// [`Node::search_text`] with the source of each stretch of it: every leaf's text and every
    /// line break, in order. The blank lines between blocks come from no source.
    pub fn search_text_spans(&self) -> (String, Vec<Span>) {
        let mut out = String::new();
        let mut spans = Some(Vec::new());
        self.push_search_text(&mut out, &mut spans);
        (out, spans.unwrap_or_default())
    }

    fn push_search_text(&self, out: &mut String, spans: &mut Option<Vec<Span>>) {
        let start = out.len();
        match self.kind {
            Kind::SoftBreak | Kind::HardBreak => out.push('\n'),
            _ => out.push_str(&self.text),
        }
        if let Some(spans) = spans
            && out.len() > start
        {
            spans.push(Span { text: start..out.len(), source: self.source.clone() });
        }
        for child in &self.children {
            child.push_search_text(out, spans);
        }
        let block = matches!(
            self.kind,
            Kind::Heading(_)
                | Kind::Paragraph
                | Kind::Item
                | Kind::CodeBlock
                | Kind::TableCell
                | Kind::TableRow
                | Kind::Quote
                | Kind::Image
        );
        if block && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
    }

    /// All the text under this node, concatenated.
    pub fn plain_text(&self) -> String {
        let mut out = self.text.clone();
        for child in &self.children {
            out.push_str(&child.plain_text());
        }
        out
    }
}

/// A stretch of a node tree's search text and the bytes of the Markdown source it came from.
/// The two have the same length when the text is the source as written, which is how a range
/// inside the stretch can be mapped byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: Range<usize>,
    pub source: Range<usize>,
}

/// Parses Markdown (CommonMark with tables and strikethrough) into a tree rooted at `Root`.
pub fn parse(markdown: &str) -> Node {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut stack = vec![Node::new(Kind::Root, 0..markdown.len())];
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(tag) => stack.push(Node::new(kind_of(tag), range)),
            Event::End(_) => close(&mut stack),
            Event::Text(text) => leaf(&mut stack, Kind::Text, &text, range),
            Event::Code(text) => leaf(&mut stack, Kind::Code, &text, range),
            Event::Html(text) | Event::InlineHtml(text) => {
                leaf(&mut stack, Kind::Html, &text, range)
            }
            Event::SoftBreak => leaf(&mut stack, Kind::SoftBreak, "\n", range),
            Event::HardBreak => leaf(&mut stack, Kind::HardBreak, "\n", range),
            Event::Rule => leaf(&mut stack, Kind::Rule, "", range),
            // Footnotes, task lists and math are not enabled, so these events do not occur;
            // were one to appear, its source is shown as text rather than lost.
            _ => leaf(&mut stack, Kind::Text, &markdown[range.clone()], range),
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_else(|| Node::new(Kind::Root, 0..0))
}

fn leaf(stack: &mut [Node], kind: Kind, text: &str, source: Range<usize>) {
    if let Some(parent) = stack.last_mut() {
        // A code block's text arrives as leaves; it is kept on the block itself.
        if parent.kind == Kind::CodeBlock {
            parent.text.push_str(text);
            return;
        }
        parent.children.push(Node { kind, text: text.to_owned(), source, children: Vec::new() });
    }
}

fn close(stack: &mut Vec<Node>) {
    if stack.len() > 1
        && let Some(node) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(node);
    }
}

fn kind_of(tag: Tag<'_>) -> Kind {
    match tag {
        Tag::Heading { level, .. } => Kind::Heading(level as u8),
        Tag::BlockQuote(_) => Kind::Quote,
        Tag::CodeBlock(_) => Kind::CodeBlock,
        Tag::List(start) => Kind::List { start },
        Tag::Item => Kind::Item,
        Tag::Table(_) => Kind::Table,
        Tag::TableHead => Kind::TableHead,
        Tag::TableRow => Kind::TableRow,
        Tag::TableCell => Kind::TableCell,
        Tag::Emphasis => Kind::Emphasis,
        Tag::Strong => Kind::Strong,
        Tag::Strikethrough => Kind::Strike,
        Tag::Link { dest_url, .. } => Kind::Link { href: safe_href(&dest_url).map(str::to_owned) },
        Tag::Image { .. } => Kind::Image,
        // Paragraphs, and any container this reader does not style, keep their content.
        _ => Kind::Paragraph,
    }
}

/// The link target if it is safe to follow: http, https, mailto, or a relative path or
/// fragment. Anything with another scheme (`javascript:`, `data:`, `vbscript:` ...) is dropped.
pub fn safe_href(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let scheme_end = trimmed.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if trimmed[i..].starts_with(':') => {
            let scheme = trimmed[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then_some(trimmed)
        }
        _ if trimmed.chars().any(char::is_control) => None,
        _ => Some(trimmed),
    }
}

#[cfg(test)]
mod tests;
