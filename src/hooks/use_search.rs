//! `use_search`: runs a query through the engine in core, fetching the index files it asks
//! for (all of one round at once) and reporting progress while they load.
//!
//! The [`SearchIndex`] lives in the app's context, so files loaded for one query serve the
//! next: a warm query fetches nothing it has seen.

use crate::api;
use readingroom_core::search::engine::{Index, Outcome, SearchOptions};
use readingroom_core::search::query::Query;
use readingroom_core::search::results::SearchResults;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The index with the files loaded so far, shared by every search.
#[derive(Clone, Default)]
pub struct SearchIndex(pub Rc<RefCell<Option<Index>>>);

impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The state of the current search.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchState {
    /// Index files are loading: how many have arrived, and how many this round waits for.
    Loading {
        loaded: usize,
        waiting: usize,
    },
    Ready(Rc<SearchResults>),
    Failed(Rc<str>),
}

/// Runs `query` whenever it changes; a newer query's answer always wins over an older one's.
#[hook]
pub fn use_search(query: Rc<Query>, limit: usize) -> SearchState {
    let index = use_context::<SearchIndex>().unwrap_or_default();
    let state = use_state(|| SearchState::Loading { loaded: 0, waiting: 0 });
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
                    move |loaded, waiting| {
                        if live() {
                            state.set(SearchState::Loading { loaded, waiting });
                        }
                    }
                };
                let result = run(&index, &query, limit, progress).await;
                if live() {
                    state.set(match result {
                        Ok(results) => SearchState::Ready(Rc::new(results)),
                        Err(message) => SearchState::Failed(message.into()),
                    });
                }
            });
        });
    }
    (*state).clone()
}

async fn run(
    index: &SearchIndex,
    query: &Query,
    limit: usize,
    progress: impl Fn(usize, usize),
) -> Result<SearchResults, String> {
    if index.0.borrow().is_none() {
        let url = api::search_meta_url();
        let bytes = api::fetch_bytes(&url).await?;
        let opened = Index::new(&bytes).map_err(|e| damaged(&e.to_string()))?;
        index.0.borrow_mut().get_or_insert(opened);
    }
    let options = SearchOptions { limit, ..SearchOptions::default() };
    let mut loaded = 0;
    loop {
        let outcome = match index.0.borrow().as_ref() {
            Some(engine) => engine.search(query, &options).map_err(|e| damaged(&e.to_string()))?,
            None => return Err(damaged("the index was not opened")),
        };
        let files = match outcome {
            Outcome::Done(results) => return Ok(results),
            Outcome::Need(files) => files,
        };
        progress(loaded, loaded + files.len());
        let fetched = futures::future::join_all(
            files.iter().map(|f| async move { api::fetch_bytes(&api::bundle_url(f)).await }),
        )
        .await;
        for (file, bytes) in files.iter().zip(fetched) {
            let bytes = bytes?;
            if let Some(engine) = index.0.borrow_mut().as_mut() {
                engine.add(file, bytes).map_err(|e| damaged(&e.to_string()))?;
            }
            loaded += 1;
        }
    }
}

fn damaged(detail: &str) -> String {
    format!(
        "The search index cannot be read ({detail}). Rebuild the site with `readingroom build`."
    )
}
