//! The root component: the hash router, and the catalog shared by every page as context.
//!
//! The catalog lists every document, so for a large collection it is a large file: it is
//! fetched only once a page asks for it ([`use_catalog`]). A search needs no catalog (the
//! index carries what results show), so a link to a search loads only what the search needs.
//!
//! An embedded view (`#/embed/doc/<id>?page=3`, `#/embed/?q=...`) is the same pages under the
//! router's basename `/embed`: every link and every navigation of the pages then stays inside
//! the embed, with no second copy of a page. `static/chrome.js` marks `<html>` with the class
//! `embed` before the app starts, hiding the site's chrome, and reloads the page when the
//! fragment crosses between the two, since a router's basename is fixed when it is made.

use crate::hooks::{Fetch, use_json};
use crate::pages::{DocumentPage, LibraryPage, not_found_page};
use crate::router::{HashRouter, use_router};
use crate::search_module::SearchEngine;
use crate::{api, route::Route};
use readingroom_core::bundle::Catalog;
use yew::prelude::*;

/// The catalog as every page sees it: loading, ready or failed.
pub type CatalogState = Fetch<Catalog>;

/// The catalog and the way to ask for it.
#[derive(Clone, PartialEq)]
pub struct CatalogContext {
    state: CatalogState,
    request: Callback<()>,
}

/// The catalog, fetched the first time a page asks for it and then shared.
#[hook]
pub fn use_catalog() -> CatalogState {
    let context = use_context::<CatalogContext>();
    let request = context.as_ref().map(|c| c.request.clone());
    use_effect_with((), move |()| {
        if let Some(request) = request {
            request.emit(());
        }
    });
    context.map_or(Fetch::Loading, |c| c.state)
}

#[function_component]
pub fn App() -> Html {
    let wanted = use_state(|| false);
    let catalog = use_json::<Catalog>(wanted.then(api::catalog_url));
    let request = {
        let wanted = wanted.clone();
        Callback::from(move |()| wanted.set(true))
    };
    let catalog = CatalogContext { state: catalog, request };
    let engine = use_memo((), |_| SearchEngine::default());
    html! {
        <ContextProvider<SearchEngine> context={(*engine).clone()}>
        <ContextProvider<CatalogContext> context={catalog}>
            <HashRouter base={embed_basename()}>
                <Pages />
            </HashRouter>
        </ContextProvider<CatalogContext>>
        </ContextProvider<SearchEngine>>
    }
}

/// `/embed` when the page shows an embedded view (chrome.js decided from the fragment).
fn embed_basename() -> Option<AttrValue> {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.filter(|root| root.class_list().contains("embed")).map(|_| AttrValue::from("/embed"))
}

/// The page of the route the fragment names.
#[function_component]
fn Pages() -> Html {
    match use_router().route() {
        Route::Library => html! { <LibraryPage /> },
        Route::Document { id } => html! { <DocumentPage {id} /> },
        Route::NotFound => not_found_page(),
    }
}
