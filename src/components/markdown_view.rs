//! Renders the Markdown tree that core parsed at build time as Yew nodes. Nothing here makes
//! HTML from strings: text is text, raw HTML from the source is shown literally, and link
//! targets were vetted by core.
//!
//! Search hits come as byte ranges of the page's search text ([`Node::search_text`]), which is
//! the text of every leaf in tree order. The walk takes the leaves in that same order, each
//! with its stretch of the search text ([`Node::search_text_spans`]), and marks inside each
//! leaf the part of every hit that falls in it: a hit across emphasis or a line break becomes
//! a mark on each side, with one hit number.

use super::hit_mark::HitLabel;
use super::labelled_text::labelled_text;
use readingroom_core::labelled::Labelled;
use readingroom_core::markdown::{Kind, Node, Span};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub root: Rc<Node>,
    /// The search hits, as byte ranges of the root's search text.
    #[prop_or_default]
    pub hits: Rc<Vec<Labelled<HitLabel>>>,
}

#[function_component]
pub fn MarkdownView(props: &Props) -> Html {
    let (_, spans) = props.root.search_text_spans();
    let walk = Walk { spans, next: Cell::new(0), hits: &props.hits };
    html! { <div class="markdown">{ walk.children(&props.root) }</div> }
}

/// The walk over the tree: the search-text spans in order, and the next one to take.
struct Walk<'a> {
    spans: Vec<Span>,
    next: Cell<usize>,
    hits: &'a [Labelled<HitLabel>],
}

impl Walk<'_> {
    fn children(&self, node: &Node) -> Html {
        node.children.iter().map(|child| self.render(child)).collect::<Html>()
    }

    /// A leaf's text with the hits that fall in it; takes the leaf's span.
    fn leaf(&self, node: &Node) -> Html {
        let text = node.text.as_str();
        if text.is_empty() {
            return Html::default();
        }
        let at = self.next.get();
        self.next.set(at + 1);
        let Some(span) = self.spans.get(at).filter(|s| s.text.len() == text.len()) else {
            return html! { { text.to_owned() } };
        };
        let (start, end) = (span.text.start, span.text.end);
        let inside: Vec<Labelled<HitLabel>> = self
            .hits
            .iter()
            .filter(|h| h.range.start < end && h.range.end > start)
            .map(|h| {
                let range = h.range.start.max(start) - start..h.range.end.min(end) - start;
                Labelled::new(range, h.label.clone())
            })
            .collect();
        labelled_text(text, &inside)
    }

    /// A line break takes its span: one newline of the search text.
    fn line_break(&self) {
        self.next.set(self.next.get() + 1);
    }

    fn render(&self, node: &Node) -> Html {
        let inner = || self.children(node);
        match &node.kind {
            Kind::Root | Kind::Paragraph if node.children.is_empty() => Html::default(),
            Kind::Root => inner(),
            Kind::Heading(level) => heading(*level, inner()),
            Kind::Paragraph => html! { <p>{ inner() }</p> },
            Kind::Quote => html! { <blockquote>{ inner() }</blockquote> },
            Kind::List { start: Some(start) } => {
                html! { <ol start={start.to_string()}>{ inner() }</ol> }
            }
            Kind::List { start: None } => html! { <ul>{ inner() }</ul> },
            Kind::Item => html! { <li>{ inner() }</li> },
            Kind::CodeBlock => html! { <pre><code>{ self.leaf(node) }</code></pre> },
            Kind::Rule => html! { <hr /> },
            Kind::Table => self.table(node),
            Kind::TableHead | Kind::TableRow => html! { <tr>{ inner() }</tr> },
            Kind::TableCell => html! { <td>{ inner() }</td> },
            Kind::Emphasis => html! { <em>{ inner() }</em> },
            Kind::Strong => html! { <strong>{ inner() }</strong> },
            Kind::Strike => html! { <s>{ inner() }</s> },
            Kind::Link { href: Some(href) } => html! {
                <a href={href.clone()} rel="noopener noreferrer">{ inner() }</a>
            },
            Kind::Link { href: None } => html! { <span class="unsafe-link">{ inner() }</span> },
            Kind::Image => {
                html! { <span class="image-alt">{ "[image: " }{ inner() }{ "]" }</span> }
            }
            Kind::Text => self.leaf(node),
            Kind::Code => html! { <code>{ self.leaf(node) }</code> },
            Kind::Html => html! { <code class="raw-html">{ self.leaf(node) }</code> },
            Kind::SoftBreak => {
                self.line_break();
                html! { " " }
            }
            Kind::HardBreak => {
                self.line_break();
                html! { <br /> }
            }
        }
    }
}

/// Document headings sit below the page's own title, so `#` becomes `<h2>`.
fn heading(level: u8, content: Html) -> Html {
    match level {
        1 => html! { <h2>{ content }</h2> },
        2 => html! { <h3>{ content }</h3> },
        3 => html! { <h4>{ content }</h4> },
        4 => html! { <h5>{ content }</h5> },
        _ => html! { <h6>{ content }</h6> },
    }
}

impl Walk<'_> {
    /// A table in tree order: the head row's cells as `<th>`, then the body rows.
    fn table(&self, node: &Node) -> Html {
        let mut head = Vec::new();
        let mut body = Vec::new();
        for child in &node.children {
            match child.kind {
                Kind::TableHead => head.push(html! {
                    <tr>{ for child.children.iter().map(|cell| html! { <th>{ self.children(cell) }</th> }) }</tr>
                }),
                _ => body.push(self.render(child)),
            }
        }
        html! { <table><thead>{ head }</thead><tbody>{ body }</tbody></table> }
    }
}
