//! `use_highlight`: what the reader's query marks on the page shown of the open document, and
//! how many hits every other page has, asked of the search engine module
//! ([`search_module::ask`]) whenever the query or the page changes.
//!
//! The engine tokenizes the document once and keeps it, so each keystroke in the find field
//! costs one walk over its tokens, and only the page shown crosses to the app. While a new
//! answer is on its way the previous one stays, so typing never blanks the text.

use crate::search_module::{self, SearchEngine};
use readingroom_core::search::highlight::MarkedPage;
use readingroom_core::search::results::{Reply, Request};
use std::rc::Rc;
use yew::prelude::*;

/// The marks of the current query.
#[derive(Debug, Clone)]
pub enum Highlight {
    /// No query: nothing to mark.
    Off,
    /// The first answer is on its way.
    Loading,
    Ready(Rc<MarkedPage>),
    /// The query cannot be read; the sentence says where and why.
    BadQuery(Rc<str>),
    Failed(Rc<str>),
}

/// Two answers are the same when they are the same allocation: comparing a long document's
/// marks field by field on every render would cost more than the render.
impl PartialEq for Highlight {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Highlight::Off, Highlight::Off) | (Highlight::Loading, Highlight::Loading) => true,
            (Highlight::Ready(a), Highlight::Ready(b)) => Rc::ptr_eq(a, b),
            (Highlight::BadQuery(a), Highlight::BadQuery(b))
            | (Highlight::Failed(a), Highlight::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Marks `query` on page `page` (from 1) of the document whose data file (bundle-relative)
/// is `document`.
#[hook]
pub fn use_highlight(document: String, query: Option<String>, page: usize) -> Highlight {
    let engine = use_context::<SearchEngine>().unwrap_or_default();
    let state = use_state(|| Highlight::Off);
    let current = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((document, query, page), move |(document, query, page)| {
            let ticket = {
                let mut current = current.borrow_mut();
                *current += 1;
                *current
            };
            let query = query.clone().filter(|q| !q.trim().is_empty());
            let Some(query) = query else {
                state.set(Highlight::Off);
                return;
            };
            if !matches!(*state, Highlight::Ready(_)) {
                state.set(Highlight::Loading);
            }
            let request = Request::Highlight { query, document: document.clone(), page: *page };
            wasm_bindgen_futures::spawn_local(async move {
                let reply = search_module::ask(&engine, &request, &|_, _| {}).await;
                if *current.borrow() != ticket {
                    return;
                }
                state.set(match reply {
                    Reply::Marked(marks) => Highlight::Ready(Rc::new(marks)),
                    Reply::QueryError { message } => Highlight::BadQuery(message.into()),
                    Reply::Damaged(message) => Highlight::Failed(message.into()),
                    _ => Highlight::Failed("the engine answered with search results".into()),
                });
            });
        });
    }
    (*state).clone()
}
