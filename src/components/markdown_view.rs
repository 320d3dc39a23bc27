//! Renders the Markdown tree that core parsed at build time as Yew nodes. Nothing here makes
//! HTML from strings: text is text, raw HTML from the source is shown literally, and link
//! targets were vetted by core.

use readingroom_core::markdown::{Kind, Node};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub root: Rc<Node>,
}

#[function_component]
pub fn MarkdownView(props: &Props) -> Html {
    html! { <div class="markdown">{ children(&props.root) }</div> }
}

fn children(node: &Node) -> Html {
    node.children.iter().map(render).collect::<Html>()
}

fn render(node: &Node) -> Html {
    let inner = || children(node);
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
        Kind::CodeBlock => html! { <pre><code>{ node.text.clone() }</code></pre> },
        Kind::Rule => html! { <hr /> },
        Kind::Table => table(node),
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
            html! { <span class="image-alt">{ format!("[image: {}]", node.plain_text()) }</span> }
        }
        Kind::Text => html! { node.text.clone() },
        Kind::Code => html! { <code>{ node.text.clone() }</code> },
        Kind::Html => html! { <code class="raw-html">{ node.text.clone() }</code> },
        Kind::SoftBreak => html! { " " },
        Kind::HardBreak => html! { <br /> },
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

fn table(node: &Node) -> Html {
    let head = node.children.iter().filter(|c| c.kind == Kind::TableHead);
    let rows = node.children.iter().filter(|c| c.kind == Kind::TableRow);
    html! {
        <table>
            <thead>{ for head.map(|row| html! { <tr>{ for row.children.iter().map(|cell| html! { <th>{ children(cell) }</th> }) }</tr> }) }</thead>
            <tbody>{ for rows.map(render) }</tbody>
        </table>
    }
}
