//! The document page: the metadata header, the find bar, the choice of text, and the text one
//! page at a time with the hits of the query (`q`) marked and numbered through the document.

mod find;
mod hits;
mod scroll;

use crate::api;
use crate::app::use_catalog;
use crate::components::reading_tools;
use crate::components::{
    CompareView, FindBar, HitLabel, MarkdownView, PageText, ViewTabs, error_card, find_bar,
    loading, meta_header, pager, view_tabs,
};
use crate::hooks::{Fetch, Highlight, use_highlight, use_json};
use crate::route::{DocumentQuery, Route, View};
use crate::router::{Link, use_router};
use hits::ViewHits;
use readingroom_core::bundle::{CatalogEntry, DocumentData};
use readingroom_core::labelled::Labelled;
use std::rc::Rc;
use yew::prelude::*;

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
        (Fetch::Loading, _) => loading("Loading the collection…"),
        (Fetch::Failed(message), _) => error_card(
            "The collection could not be loaded",
            html! { <p>{ message.to_string() }</p> },
        ),
        (Fetch::Ready(_), None) => error_card(
            "No such document",
            html! {
                <p>{ format!("This collection has no document with the id \u{201c}{}\u{201d}. ", props.id) }
                   <Link to={Route::Library}>{ "Browse the library" }</Link>{ "." }</p>
            },
        ),
        (Fetch::Ready(_), Some(entry)) => html! { <Reader entry={Rc::new(entry)} {data} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ReaderProps {
    entry: Rc<CatalogEntry>,
    data: Fetch<DocumentData>,
}

/// The header, the find bar and the current page of one document, with the query's hits.
#[function_component]
fn Reader(props: &ReaderProps) -> Html {
    let asked: DocumentQuery = use_router().query().unwrap_or_default();
    let entry = &props.entry;
    let page = match &props.data {
        Fetch::Ready(data) => resolve(&asked, data, entry.has_corrected).page,
        _ => asked.page,
    };
    let highlight = use_highlight(entry.data.clone(), asked.q.clone(), page.unwrap_or(1));
    let body = match &props.data {
        Fetch::Loading => loading("Loading the document…"),
        Fetch::Failed(message) => error_card(
            "This document could not be loaded",
            html! { <p>{ message.to_string() }</p> },
        ),
        Fetch::Ready(data) => {
            let query = resolve(&asked, data, entry.has_corrected);
            html! { <Reading entry={Rc::clone(entry)} data={Rc::clone(data)} {query} {highlight} /> }
        }
    };
    html! {
        <article class="document">
            { meta_header(entry) }
            { body }
        </article>
    }
}

/// The query with its defaults filled in and its numbers brought within the document.
fn resolve(asked: &DocumentQuery, data: &DocumentData, has_corrected: bool) -> DocumentQuery {
    let count = data.pages.len().max(1);
    let view = match asked.view {
        Some(View::Corrected) | None if has_corrected => View::Corrected,
        Some(View::Compare) => View::Compare,
        _ => View::Ocr,
    };
    let run = asked
        .run
        .filter(|&run| view != View::Corrected && (1..=data.alternates.len()).contains(&run));
    let (first, last) = asked.bounds(count);
    let page = Some(asked.page.unwrap_or(first).clamp(first, last));
    DocumentQuery { page, view: Some(view), run, q: asked.q.clone(), pages: asked.pages.clone() }
}

#[derive(Properties, PartialEq)]
struct ReadingProps {
    entry: Rc<CatalogEntry>,
    data: Rc<DocumentData>,
    /// The resolved query: page, view and run within the document.
    query: DocumentQuery,
    highlight: Highlight,
}

/// The find bar, the choice of text, the page and the hit navigation.
#[function_component]
fn Reading(props: &ReadingProps) -> Html {
    let query = &props.query;
    let (view, run) = (query.view.unwrap_or(View::Ocr), query.run);
    let page = query.page.unwrap_or(1);
    // The current choice of text links to where the reader is: the address they are at.
    let here = {
        let location = use_router().location().clone();
        format!("#{}{}", location.path, location.query)
    };
    let hits =
        use_memo((props.highlight.clone(), view, run), |(highlight, view, run)| match highlight {
            Highlight::Ready(marks) => ViewHits::new(marks, *view, *run),
            _ => ViewHits::default(),
        });
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((query.q.clone(), view, run), move |_| current.set(None));
    }
    let find = find::use_find(&props.entry.meta.id, query, &hits, &current);
    scroll::use_scroll_to_current(*current, hits.marked_page());
    let id = props.entry.meta.id.clone();
    let data = &props.data;
    let count = data.pages.len();
    let alternates: Vec<String> = data.alternates.iter().map(|run| run.file.clone()).collect();
    let labels = hits.labels(page - 1, *current);
    let text = match view {
        View::Compare => {
            let against = run.or((!props.entry.has_corrected).then_some(1));
            let other = other_hits(&props.highlight, against, hits.total());
            html! {
                <CompareView id={id.clone()} data_file={props.entry.data.clone()} has_corrected={props.entry.has_corrected}
                    alternates={data.alternates.len()} {page} text={data.pages.get(page - 1).cloned()} query={query.clone()}
                    ocr_highlights={labels} other_highlights={other.labels(page - 1, None)} />
            }
        }
        _ => text(data, query, labels),
    };
    let status = find::status(&props.highlight, &hits, *current, view);
    html! {
        <>
            { find_bar(FindBar {
                query: query.q.clone().unwrap_or_default(),
                on_query: find.on_query,
                on_done: find.on_done,
                on_step: find.on_step.clone(),
                status: status.0,
                detail: status.1,
                can_step: hits.total() > 0,
            }) }
            { view_tabs(&ViewTabs {
                id: id.clone(),
                page,
                has_corrected: props.entry.has_corrected,
                alternates,
                current: query.clone(),
                here,
            }) }
            { reading_tools(view == View::Ocr && run.is_none()) }
            { pager(&id, page, count, query) }
            <div id="text" class="document-text" tabindex="-1">{ text }</div>
            { pager(&id, page, count, query) }
        </>
    }
}

/// The hits of the text the compare view sets beside the OCR (the transcription, or run
/// `run`), numbered after the OCR's `before`: they are shown, and the OCR's are stepped through.
fn other_hits(highlight: &Highlight, run: Option<usize>, before: usize) -> ViewHits {
    let Highlight::Ready(marks) = highlight else { return ViewHits::default() };
    let view = if run.is_some() { View::Ocr } else { View::Corrected };
    ViewHits::new(marks, view, run).numbered_after(before)
}

/// The page's text in the view asked for, with its hits.
fn text(data: &DocumentData, query: &DocumentQuery, hits: Rc<Vec<Labelled<HitLabel>>>) -> Html {
    let page = query.page.unwrap_or(1);
    match (query.view, query.run) {
        (Some(View::Corrected), _) => {
            match data.pages.get(page - 1).and_then(|p| p.corrected.clone()) {
                Some(root) if !root.children.is_empty() => html! {
                    <section class="page transcription" aria-label={format!("Page {page}")}>
                        <h2 class="page-label">{ format!("Page {page} · transcription") }</h2>
                        <MarkdownView root={Rc::new(root)} {hits} />
                    </section>
                },
                _ => {
                    html! { <p class="empty-state">{ "The transcription has no text for this page." }</p> }
                }
            }
        }
        (_, Some(run)) => {
            let text = data.alternates[run - 1].pages.get(page - 1).cloned().unwrap_or_default();
            html! { <PageText {page} {text} {hits} /> }
        }
        _ => {
            let (text, furniture) = data
                .pages
                .get(page - 1)
                .map(|p| (p.ocr.clone(), Rc::new(p.furniture.clone())))
                .unwrap_or_default();
            html! { <PageText {page} {text} {furniture} {hits} /> }
        }
    }
}
