//! Previous and next page links. Links rather than buttons: they can be opened in a new tab,
//! and the page number lives in the URL, so every page is a link of its own.

use crate::route::{DocumentQuery, Route};
use crate::router::Link;
use yew::prelude::*;

/// The pager of document `id` at `page` (from 1) of `count`; each link keeps the rest of
/// `query` (view, run, passage), and a passage bounds the pages offered.
pub fn pager(id: &str, page: usize, count: usize, query: &DocumentQuery) -> Html {
    let link = |to_page: usize, label: Html, rel: &'static str| {
        let to = Route::Document { id: id.to_owned() };
        let query = DocumentQuery { page: Some(to_page), ..query.clone() };
        html! {
            <Link {to} query={Some(query)} classes={classes!("pager-link", rel)}>
                { label }
            </Link>
        }
    };
    let (first, last) = query.bounds(count);
    // On a phone the word "page" is left to screen readers, so that the pager fits one line.
    let previous = html! { <>{ "← Previous" }<span class="pager-word">{ " page" }</span></> };
    let next = html! { <>{ "Next" }<span class="pager-word">{ " page" }</span>{ " →" }</> };
    html! {
        <nav class="pager" aria-label="Pages">
            if page > first { { link(page - 1, previous, "prev") } }
            else { <span class="pager-link prev" aria-disabled="true">{ previous }</span> }
            <span class="pager-position">{ format!("Page {page} of {count}") }</span>
            if page < last { { link(page + 1, next, "next") } }
            else { <span class="pager-link next" aria-disabled="true">{ next }</span> }
        </nav>
    }
}
