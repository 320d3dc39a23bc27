//! `use_search`: runs a query through the search engine module ([`search_module::ask`]),
//! reporting progress while the index files it asks for load.
//!
//! The engine lives in the app's context ([`SearchEngine`]), so files loaded for one query
//! serve the next: a warm query fetches nothing it has seen.

use crate::search_module::{self, SearchEngine};
use readingroom_core::search::results::{Reply, Request, SearchResults};
use std::rc::Rc;
use yew::prelude::*;

/// The state of the current search.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchState {
    /// Index files are loading: how many have arrived, and how many are asked for so far.
    Loading {
        loaded: usize,
        asked: usize,
    },
    Ready(Rc<SearchResults>),
    /// The query cannot be read; the sentence says where and why.
    BadQuery(Rc<str>),
    Failed(Rc<str>),
}

/// Runs `query` whenever it changes; a newer query's answer always wins over an older one's.
#[hook]
pub fn use_search(query: Rc<str>, limit: usize) -> SearchState {
    let engine = use_context::<SearchEngine>().unwrap_or_default();
    let state = use_state(|| SearchState::Loading { loaded: 0, asked: 0 });
    let current = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((query, limit), move |(query, limit)| {
            let ticket = {
                let mut current = current.borrow_mut();
                *current += 1;
                *current
            };
            let (query, limit) = (Rc::clone(query), *limit);
            let live = move || *current.borrow() == ticket;
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let (state, live) = (state.clone(), live.clone());
                    move |loaded, asked| {
                        if live() {
                            state.set(SearchState::Loading { loaded, asked });
                        }
                    }
                };
                mark();
                let request =
                    Request::Search { query: query.to_string(), limit, pages: 0, brief: true };
                let reply = search_module::ask(&engine, &request, &progress).await;
                if live() {
                    measure();
                    state.set(match reply {
                        Reply::Done(results) => SearchState::Ready(Rc::new(results)),
                        Reply::QueryError { message } => SearchState::BadQuery(message.into()),
                        Reply::Damaged(message) => SearchState::Failed(damaged(&message).into()),
                        _ => SearchState::Failed(
                            damaged("the engine answered a search with marks").into(),
                        ),
                    });
                }
            });
        });
    }
    (*state).clone()
}

/// The search's start and duration as User Timing entries (`readingroom:search`), which the
/// benchmarks read with `performance.getEntriesByName`.
fn mark() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("readingroom:search-start");
    }
}

fn measure() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ =
            performance.measure_with_start_mark("readingroom:search", "readingroom:search-start");
    }
}

fn damaged(detail: &str) -> String {
    format!(
        "The search index cannot be read ({detail}). Rebuild the site with `readingroom build`."
    )
}
