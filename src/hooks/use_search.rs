//! `use_search`: runs a query through the search engine module, fetching the index files it
//! asks for (all of one round at once) and reporting progress while they load.
//!
//! The engine lives in the app's context ([`SearchEngine`]), so files loaded for one query
//! serve the next: a warm query fetches nothing it has seen.

use crate::api;
use crate::search_module::{self, RemoteEngine};
use readingroom_core::search::results::{Reply, SearchResults};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The engine with the index files loaded so far, shared by every search.
#[derive(Clone, Default)]
pub struct SearchEngine(pub Rc<RefCell<Option<RemoteEngine>>>);

impl PartialEq for SearchEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

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

enum Failure {
    BadQuery(String),
    Failed(String),
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
                let result = run(&engine, &query, limit, &progress).await;
                if live() {
                    measure();
                    state.set(match result {
                        Ok(results) => SearchState::Ready(Rc::new(results)),
                        Err(Failure::BadQuery(message)) => SearchState::BadQuery(message.into()),
                        Err(Failure::Failed(message)) => SearchState::Failed(message.into()),
                    });
                }
            });
        });
    }
    (*state).clone()
}

async fn run(
    engine: &SearchEngine,
    query: &str,
    limit: usize,
    progress: &dyn Fn(usize, usize),
) -> Result<SearchResults, Failure> {
    if engine.0.borrow().is_none() {
        progress(0, 1);
        // The index's entry point and the engine's module load side by side.
        let (meta, module) =
            futures::future::join(api::fetch_bytes(&api::search_meta_url()), search_module::load())
                .await;
        let meta = meta.map_err(Failure::Failed)?;
        let module = module.map_err(|e| Failure::Failed(damaged(&e)))?;
        let opened =
            search_module::open(&module, &meta).map_err(|e| Failure::Failed(damaged(&e)))?;
        engine.0.borrow_mut().get_or_insert(opened);
    }
    let (loaded, asked) = (Rc::new(Cell::new(0)), Cell::new(0));
    loop {
        let reply = match engine.0.borrow().as_ref() {
            Some(engine) => engine.search(query, limit),
            None => return Err(Failure::Failed(damaged("the engine is not open"))),
        };
        let files = match serde_json::from_str::<Reply>(&reply) {
            Ok(Reply::Need(files)) => files,
            Ok(Reply::Done(results)) => return Ok(results),
            Ok(Reply::QueryError { message }) => return Err(Failure::BadQuery(message)),
            Ok(Reply::Damaged(message)) => return Err(Failure::Failed(damaged(&message))),
            Err(error) => return Err(Failure::Failed(damaged(&error.to_string()))),
        };
        asked.set(asked.get() + files.len());
        progress(loaded.get(), asked.get());
        let fetches = files.iter().map(|file| {
            let loaded = Rc::clone(&loaded);
            let asked = asked.get();
            async move {
                let bytes = api::fetch_bytes(&api::bundle_url(file)).await;
                loaded.set(loaded.get() + 1);
                progress(loaded.get(), asked);
                bytes
            }
        });
        let fetched = futures::future::join_all(fetches).await;
        for (file, bytes) in files.iter().zip(fetched) {
            let bytes = bytes.map_err(Failure::Failed)?;
            if let Some(engine) = engine.0.borrow().as_ref() {
                engine
                    .add(file, &bytes)
                    .map_err(|e| Failure::Failed(damaged(&search_module::describe(&e))))?;
            }
        }
    }
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
