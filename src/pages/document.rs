//! The document page: the metadata header, the choice of text, and the text one page at a time.

use crate::api;
use crate::app::use_catalog;
use crate::components::reading_tools;
use crate::components::{ErrorCard, Loading, MarkdownView, MetaHeader, PageText, Pager, ViewTabs};
use crate::hooks::{Fetch, use_json};
use crate::route::{DocumentQuery, Route, View};
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
    let catalog = use_catalog();
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
    let asked = use_location()
        .and_then(|location| location.query::<DocumentQuery>().ok())
        .unwrap_or_default();
    let entry = &props.entry;
    let body = match &props.data {
        Fetch::Loading => html! { <Loading label="Loading the document…" /> },
        Fetch::Failed(message) => html! {
            <ErrorCard title="This document could not be loaded"><p>{ message.to_string() }</p></ErrorCard>
        },
        Fetch::Ready(data) => reading(entry, data, &asked),
    };
    html! {
        <article class="document">
            <MetaHeader entry={Rc::clone(entry)} />
            { body }
        </article>
    }
}

/// The query with its defaults filled in and its numbers brought within the document.
fn resolve(asked: &DocumentQuery, data: &DocumentData, has_corrected: bool) -> DocumentQuery {
    let count = data.pages.len().max(1);
    let view = match asked.view {
        Some(View::Corrected) | None if has_corrected => View::Corrected,
        _ => View::Ocr,
    };
    let run =
        asked.run.filter(|&run| view == View::Ocr && (1..=data.alternates.len()).contains(&run));
    let page = Some(asked.page.unwrap_or(1).clamp(1, count));
    DocumentQuery { page, view: Some(view), run, q: asked.q.clone() }
}

fn reading(entry: &CatalogEntry, data: &DocumentData, asked: &DocumentQuery) -> Html {
    let query = resolve(asked, data, entry.has_corrected);
    let page = query.page.unwrap_or(1);
    let count = data.pages.len();
    let id = entry.meta.id.clone();
    let alternates: Vec<String> = data.alternates.iter().map(|run| run.file.clone()).collect();
    let text = match (query.view, query.run) {
        (Some(View::Corrected), _) => {
            match data.pages.get(page - 1).and_then(|p| p.corrected.clone()) {
                Some(root) if !root.children.is_empty() => html! {
                    <section class="page transcription" aria-label={format!("Page {page}")}>
                        <h2 class="page-label">{ format!("Page {page} · transcription") }</h2>
                        <MarkdownView root={Rc::new(root)} />
                    </section>
                },
                _ => {
                    html! { <p class="empty-state">{ "The transcription has no text for this page." }</p> }
                }
            }
        }
        (_, Some(run)) => {
            let text = data.alternates[run - 1].pages.get(page - 1).cloned().unwrap_or_default();
            html! { <PageText {page} {text} /> }
        }
        _ => {
            let (text, furniture) = data
                .pages
                .get(page - 1)
                .map(|p| (p.ocr.clone(), Rc::new(p.furniture.clone())))
                .unwrap_or_default();
            html! { <PageText {page} {text} {furniture} /> }
        }
    };
    html! {
        <>
            <ViewTabs id={id.clone()} {page} has_corrected={entry.has_corrected} {alternates} current={query.clone()} />
            { reading_tools(query.view == Some(View::Ocr) && query.run.is_none()) }
            <Pager id={id.clone()} {page} {count} query={query.clone()} />
            { text }
            <Pager {id} {page} {count} {query} />
        </>
    }
}
