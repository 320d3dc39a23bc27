//! The library page: the search box, then either the whole collection or the results of the
//! search in the URL, with the facets beside them.

use crate::app::CatalogState;
use crate::components::{DocumentList, ErrorCard, FacetPanel, Loading, ResultList, SearchBox};
use crate::hooks::{Fetch, SearchState, use_search};
use crate::route::{Facet, LibraryQuery, Route};
use readingroom_core::search::query::{self, Filter, Query};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many results a search shows.
const RESULTS: usize = 20;

#[function_component]
pub fn LibraryPage() -> Html {
    let asked: LibraryQuery =
        use_location().and_then(|l| l.query::<LibraryQuery>().ok()).unwrap_or_default();
    let navigator = use_navigator();
    let on_query = {
        let (navigator, asked) = (navigator.clone(), asked.clone());
        Callback::from(move |q: String| {
            let next = LibraryQuery { q: (!q.is_empty()).then_some(q), ..asked.clone() };
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Library, &next);
            }
        })
    };
    let on_toggle = {
        let asked = asked.clone();
        Callback::from(move |(facet, value): (Facet, String)| {
            if let Some(navigator) = &navigator {
                let _ = navigator.push_with_query(&Route::Library, &asked.toggled(facet, &value));
            }
        })
    };
    let typed = asked.q.clone().unwrap_or_default();
    let body = match engine_query(&asked) {
        Err(message) => html! {
            <p class="query-error" role="alert">{ format!("The search cannot be read: {message}") }</p>
        },
        Ok(query) if asked.is_search() => html! {
            <SearchView {query} asked={asked.clone()} on_toggle={on_toggle.clone()} />
        },
        Ok(query) => html! { <CollectionView {query} asked={asked.clone()} {on_toggle} /> },
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ "Library" }</h1>
            <SearchBox value={typed} on_change={on_query} />
            { body }
        </section>
    }
}

/// The words typed plus the ticked facets, as one query for the engine.
fn engine_query(asked: &LibraryQuery) -> Result<Rc<Query>, String> {
    let mut query =
        query::parse(asked.q.as_deref().unwrap_or_default()).map_err(|e| e.to_string())?;
    for facet in Facet::ALL {
        for value in asked.values(facet) {
            let filter = match facet {
                Facet::Country => Some(Filter::Country(value)),
                Facet::Subject => Some(Filter::Subject(value)),
                Facet::Collection => Some(Filter::Collection(value)),
                Facet::Year => value.parse().ok().map(|y| Filter::Year(y, y)),
                Facet::Corrected => Some(Filter::HasCorrected(value == "yes")),
            };
            query.filters.extend(filter);
        }
    }
    Ok(Rc::new(query))
}

#[derive(Properties, PartialEq)]
struct ViewProps {
    query: Rc<Query>,
    asked: LibraryQuery,
    on_toggle: Callback<(Facet, String)>,
}

/// A search: progress while the index loads, then facets and results.
#[function_component]
fn SearchView(props: &ViewProps) -> Html {
    let state = use_search(Rc::clone(&props.query), RESULTS);
    match state {
        SearchState::Loading { loaded, waiting } => {
            let label = if waiting == 0 {
                "Opening the search index…".to_owned()
            } else {
                format!("Loading the search index… {loaded} of {waiting} files")
            };
            html! { <Loading {label} /> }
        }
        SearchState::Failed(message) => html! {
            <ErrorCard title="The search could not run"><p>{ message.to_string() }</p></ErrorCard>
        },
        SearchState::Ready(results) => html! {
            <div class="search-layout">
                <FacetPanel facets={Rc::new(results.facets.clone())} asked={props.asked.clone()} on_toggle={props.on_toggle.clone()} />
                <ResultList {results} q={props.asked.q.clone().unwrap_or_default()} />
            </div>
        },
    }
}

/// No search: the whole collection from the catalog, with the facets to start filtering.
#[function_component]
fn CollectionView(props: &ViewProps) -> Html {
    let catalog = use_context::<CatalogState>().unwrap_or(Fetch::Loading);
    let facets = use_search(Rc::clone(&props.query), 0);
    let panel = match facets {
        SearchState::Ready(results) => html! {
            <FacetPanel facets={Rc::new(results.facets.clone())} asked={props.asked.clone()} on_toggle={props.on_toggle.clone()} />
        },
        _ => html! {},
    };
    let list = match catalog {
        Fetch::Loading => html! { <Loading label="Loading the collection…" /> },
        Fetch::Failed(message) => html! {
            <ErrorCard title="The collection could not be loaded">
                <p>{ message.to_string() }</p>
            </ErrorCard>
        },
        Fetch::Ready(catalog) if catalog.documents.is_empty() => html! {
            <div class="empty-state">
                <h2>{ "This collection is empty" }</h2>
                <p>{ "No documents have been added yet. A curator adds them with \
                      `readingroom import`, then rebuilds the site." }</p>
            </div>
        },
        Fetch::Ready(catalog) => html! { <DocumentList {catalog} /> },
    };
    html! { <div class="search-layout">{ panel }<div class="results">{ list }</div></div> }
}
