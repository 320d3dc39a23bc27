//! The document page: the metadata header and the text, one page at a time.

use crate::api;
use crate::app::CatalogState;
use crate::components::{ErrorCard, Loading, MetaHeader, PageText, Pager};
use crate::hooks::{Fetch, use_json};
use crate::route::{DocumentQuery, Route};
use readingroom_core::bundle::{CatalogEntry, DocumentData};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
}

#[function_component]
pub fn DocumentPage(props: &Props) -> Html {
    let catalog = use_context::<CatalogState>().unwrap_or(Fetch::Loading);
    let entry = match &catalog {
        Fetch::Ready(catalog) => catalog.documents.iter().find(|e| e.meta.id == props.id).cloned(),
        _ => None,
    };
    let data_url = entry.as_ref().map(|e| api::bundle_url(&e.data));
    let data = use_json::<DocumentData>(data_url);
    match (catalog, entry) {
        (Fetch::Loading, _) => html! { <Loading label="Loading the collection…" /> },
        (Fetch::Failed(message), _) => html! {
            <ErrorCard title="The collection could not be loaded"><p>{ message.to_string() }</p></ErrorCard>
        },
        (Fetch::Ready(_), None) => html! {
            <ErrorCard title="No such document">
                <p>{ format!("This collection has no document with the id \u{201c}{}\u{201d}. ", props.id) }
                   <Link<Route> to={Route::Library}>{ "Browse the library" }</Link<Route>>{ "." }</p>
            </ErrorCard>
        },
        (Fetch::Ready(_), Some(entry)) => html! { <Reader entry={Rc::new(entry)} {data} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ReaderProps {
    entry: Rc<CatalogEntry>,
    data: Fetch<DocumentData>,
}

/// The header and the current page of one document.
#[function_component]
fn Reader(props: &ReaderProps) -> Html {
    let query = use_location()
        .and_then(|location| location.query::<DocumentQuery>().ok())
        .unwrap_or_default();
    let entry = &props.entry;
    let body = match &props.data {
        Fetch::Loading => html! { <Loading label="Loading the document…" /> },
        Fetch::Failed(message) => html! {
            <ErrorCard title="This document could not be loaded"><p>{ message.to_string() }</p></ErrorCard>
        },
        Fetch::Ready(data) => {
            let count = data.pages.len();
            let page = query.page.unwrap_or(1).clamp(1, count.max(1));
            let text = data.pages.get(page - 1).map(|p| p.ocr.clone()).unwrap_or_default();
            html! {
                <>
                    <Pager id={entry.meta.id.clone()} {page} {count} />
                    <PageText {page} {text} />
                    <Pager id={entry.meta.id.clone()} {page} {count} />
                </>
            }
        }
    };
    html! {
        <article class="document">
            <MetaHeader entry={Rc::clone(entry)} />
            { body }
        </article>
    }
}
