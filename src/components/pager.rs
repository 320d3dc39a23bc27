//! Previous and next page links. Links rather than buttons: they can be opened in a new tab,
//! and the page number lives in the URL, so every page is a link of its own.

use crate::route::{DocumentQuery, Route};
use crate::router::Link;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    /// The current page, 1-based.
    pub page: usize,
    pub count: usize,
    /// The rest of the query (view, run, passage), kept as the reader turns pages; a passage
    /// bounds the pages offered.
    #[prop_or_default]
    pub query: DocumentQuery,
}

#[function_component]
pub fn Pager(props: &Props) -> Html {
    let link = |page: usize, label: Html, rel: &'static str| {
        let to = Route::Document { id: props.id.clone() };
        let query = DocumentQuery { page: Some(page), ..props.query.clone() };
        html! {
            <Link {to} query={Some(query)} classes={classes!("pager-link", rel)}>
                { label }
            </Link>
        }
    };
    let (first, last) = props.query.bounds(props.count);
    // On a phone the word "page" is left to screen readers, so that the pager fits one line.
    let previous = html! { <>{ "← Previous" }<span class="pager-word">{ " page" }</span></> };
    let next = html! { <>{ "Next" }<span class="pager-word">{ " page" }</span>{ " →" }</> };
    html! {
        <nav class="pager" aria-label="Pages">
            if props.page > first { { link(props.page - 1, previous, "prev") } }
            else { <span class="pager-link prev" aria-disabled="true">{ previous }</span> }
            <span class="pager-position">{ format!("Page {} of {}", props.page, props.count) }</span>
            if props.page < last { { link(props.page + 1, next, "next") } }
            else { <span class="pager-link next" aria-disabled="true">{ next }</span> }
        </nav>
    }
}
