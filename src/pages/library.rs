//! The library page: the search box, then either the whole collection or the results of the
//! search in the URL, with the facets beside them.

use crate::app::use_catalog;
use crate::components::{document_list, error_card, facet_panel, loading, result_list, search_box};
use crate::hooks::{Fetch, SearchState, use_search};
use crate::route::{Facet, LibraryQuery, Query, Route};
use crate::router::use_router;
use readingroom_core::bundle::Catalog;
use readingroom_core::quality::Band;
use readingroom_core::search::facets::{self, FacetValues};
use readingroom_core::search::query::Filter;
use readingroom_core::search::results::Facets;
use std::rc::Rc;
use yew::prelude::*;

/// How many results a search shows at first, and how many more each "Show more" adds: each
/// shown result loads the text of its best page, for its snippet.
const RESULTS: usize = 10;

#[function_component]
pub fn LibraryPage() -> Html {
    let router = use_router();
    let asked: LibraryQuery = router.query().unwrap_or_default();
    let on_query = {
        let (router, asked) = (router.clone(), asked.clone());
        Callback::from(move |q: String| {
            let next = LibraryQuery { q: (!q.is_empty()).then_some(q), ..asked.clone() };
            router.replace(&Route::Library, Some(&next.to_query()));
        })
    };
    let on_toggle = {
        let asked = asked.clone();
        Callback::from(move |(facet, value): (Facet, String)| {
            router.push(&Route::Library, Some(&asked.toggled(facet, &value).to_query()));
        })
    };
    let typed = asked.q.clone().unwrap_or_default();
    let body = if asked.is_search() {
        html! { <SearchView query={engine_query(&asked)} asked={asked.clone()} {on_toggle} /> }
    } else {
        html! { <CollectionView asked={asked.clone()} {on_toggle} /> }
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ "Library" }</h1>
            { search_box(typed, on_query) }
            { body }
        </section>
    }
}

/// The words typed plus the ticked facets, as one query in the engine's language: each
/// ticked value is a typed filter that prints its own canonical form, and several values of
/// one facet are alternatives there, as they are here.
fn engine_query(asked: &LibraryQuery) -> Rc<str> {
    let mut query = asked.q.clone().unwrap_or_default();
    for facet in Facet::ALL {
        for value in asked.values(facet) {
            if let Some(filter) = filter(facet, &value) {
                query.push(' ');
                query.push_str(&filter.to_string());
            }
        }
    }
    query.into()
}

/// The filter a ticked value of a facet stands for; `None` for a value the URL got wrong.
fn filter(facet: Facet, value: &str) -> Option<Filter> {
    Some(match facet {
        Facet::Country => Filter::Country(value.to_owned()),
        Facet::Subject => Filter::Subject(value.to_owned()),
        Facet::Collection => Filter::Collection(value.to_owned()),
        Facet::Year => {
            let year = value.parse().ok()?;
            Filter::Year(year, year)
        }
        Facet::Corrected => Filter::HasCorrected(value == "yes"),
        Facet::Quality => Filter::Quality(Band::from_name(value)?),
    })
}

#[derive(Properties, PartialEq)]
struct SearchProps {
    query: Rc<str>,
    asked: LibraryQuery,
    on_toggle: Callback<(Facet, String)>,
}

#[derive(Properties, PartialEq)]
struct CollectionProps {
    asked: LibraryQuery,
    on_toggle: Callback<(Facet, String)>,
}

/// A search: progress while the index loads, then facets and results.
#[function_component]
fn SearchView(props: &SearchProps) -> Html {
    let limit = use_state(|| RESULTS);
    {
        let limit = limit.clone();
        use_effect_with(Rc::clone(&props.query), move |_| limit.set(RESULTS));
    }
    let state = use_search(Rc::clone(&props.query), *limit);
    // While more results load, the ones already shown stay, so the reader keeps their place.
    let shown =
        use_mut_ref(|| None::<(Rc<str>, Rc<readingroom_core::search::results::SearchResults>)>);
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |()| limit.set(*limit + RESULTS))
    };
    let q = props.asked.q.clone().unwrap_or_default();
    let layout = |results: Rc<readingroom_core::search::results::SearchResults>, loading: Html| {
        html! {
            <div class="search-layout">
                { facet_panel(&results.facets, results.estimated, &props.asked, &props.on_toggle) }
                <div class="results-column">
                    { result_list(&results, &q, &on_more) }
                    { loading }
                </div>
            </div>
        }
    };
    match state {
        SearchState::Loading { loaded, asked } => {
            let label = format!("Loading the search index… {loaded} of {asked} files");
            let previous = shown.borrow().clone().filter(|(query, _)| *query == props.query);
            match previous {
                Some((_, results)) => layout(results, loading(label)),
                None => loading(label),
            }
        }
        SearchState::BadQuery(message) => html! {
            <p class="query-error" role="alert">{ format!("The search cannot be read: {message}") }</p>
        },
        SearchState::Failed(message) => {
            error_card("The search could not run", html! { <p>{ message.to_string() }</p> })
        }
        SearchState::Ready(results) => {
            *shown.borrow_mut() = Some((Rc::clone(&props.query), Rc::clone(&results)));
            layout(results, html! {})
        }
    }
}

/// No search: the whole collection from the catalog, with its facets to start filtering.
/// Nothing here needs the search engine, so a reader who only browses never loads it.
#[function_component]
fn CollectionView(props: &CollectionProps) -> Html {
    let catalog = use_catalog();
    match catalog {
        Fetch::Loading => loading("Loading the collection…"),
        Fetch::Failed(message) => error_card(
            "The collection could not be loaded",
            html! { <p>{ message.to_string() }</p> },
        ),
        Fetch::Ready(catalog) if catalog.documents.is_empty() => html! {
            <div class="empty-state">
                <h2>{ "This collection is empty" }</h2>
                <p>{ "No documents have been added yet. A curator adds them with \
                      `readingroom import`, then rebuilds the site." }</p>
            </div>
        },
        Fetch::Ready(catalog) => html! {
            <div class="search-layout">
                { facet_panel(&catalog_facets(&catalog), false, &props.asked, &props.on_toggle) }
                <div class="results">{ document_list(&catalog) }</div>
            </div>
        },
    }
}

/// The facet counts of the whole collection, from the catalog, by the engine's own rules.
fn catalog_facets(catalog: &Catalog) -> Facets {
    let values: Vec<FacetValues> = catalog
        .documents
        .iter()
        .map(|e| FacetValues {
            country: e.meta.country.as_deref(),
            subject: e.meta.subject.as_deref(),
            collection: e.meta.collection.as_deref(),
            year: e.year,
            corrected: e.has_corrected,
            quality: e.quality.as_ref().and_then(|q| q.metrics.cer).map(Band::of),
        })
        .collect();
    facets::count(&values, |_, _| true)
}
