//! What the find bar does: typing changes `q` in the URL (the first keystroke of a burst adds a
//! history entry, the rest replace it, so Back returns to the query before it), and stepping
//! moves the current hit, turning the page when the hit is on another. `n` and `N` step from
//! anywhere but a text field.

use super::hits::ViewHits;
use crate::hooks::Highlight;
use crate::route::{DocumentQuery, Query, Route, View};
use crate::router::use_router;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

pub struct Find {
    pub on_query: Callback<String>,
    pub on_done: Callback<()>,
    pub on_step: Callback<bool>,
}

#[hook]
pub fn use_find(
    id: &str,
    query: &DocumentQuery,
    hits: &Rc<ViewHits>,
    current: &UseStateHandle<Option<usize>>,
) -> Find {
    let router = use_router();
    let typing = use_mut_ref(|| false);
    let route = Route::Document { id: id.to_owned() };
    let on_query = {
        let (router, route, query, typing) =
            (router.clone(), route.clone(), query.clone(), typing.clone());
        Callback::from(move |q: String| {
            let next = DocumentQuery { q: (!q.is_empty()).then_some(q), ..query.clone() };
            if *typing.borrow() {
                router.replace(&route, Some(&next.to_query()));
            } else {
                router.push(&route, Some(&next.to_query()));
            }
            *typing.borrow_mut() = true;
        })
    };
    let on_done = Callback::from(move |()| *typing.borrow_mut() = false);
    let on_step = {
        let (hits, current, query) = (Rc::clone(hits), current.clone(), query.clone());
        Callback::from(move |forward: bool| {
            let page = query.page.unwrap_or(1);
            // In a passage, hits on pages outside it are passed over.
            let (first, last) = query.bounds(usize::MAX);
            let within = |n: usize| (first..=last).contains(&(hits.page_of(n) + 1));
            let mut next = hits.step(*current, page - 1, forward);
            for _ in 0..hits.total() {
                match next {
                    Some(n) if !within(n) => next = hits.step(Some(n), hits.page_of(n), forward),
                    _ => break,
                }
            }
            let Some(next) = next.filter(|&n| within(n)) else { return };
            current.set(Some(next));
            let target = hits.page_of(next) + 1;
            if target != page {
                let moved = DocumentQuery { page: Some(target), ..query.clone() };
                router.replace(&route, Some(&moved.to_query()));
            }
        })
    };
    use_step_keys(on_step.clone());
    Find { on_query, on_done: on_done.clone(), on_step }
}

/// `n` and `N` step to the next and previous hit, unless the reader is typing in a field.
#[hook]
fn use_step_keys(on_step: Callback<bool>) {
    let latest = use_mut_ref(|| on_step.clone());
    *latest.borrow_mut() = on_step;
    use_effect_with((), move |()| {
        let handler = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || in_field(&e) {
                return;
            }
            let forward = match e.key().as_str() {
                "n" => true,
                "N" => false,
                _ => return,
            };
            e.prevent_default();
            latest.borrow().emit(forward);
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(document) = &document {
            let _ = document
                .add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = &document {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    handler.as_ref().unchecked_ref(),
                );
            }
            drop(handler);
        }
    });
}

fn in_field(e: &KeyboardEvent) -> bool {
    let Some(element) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    // As the page's chrome decides (static/chrome.js): a box or a button is not a field.
    let button = matches!(
        element.get_attribute("type").as_deref(),
        Some("checkbox" | "radio" | "button" | "submit" | "reset")
    );
    match element.tag_name().as_str() {
        "INPUT" => !button,
        "TEXTAREA" | "SELECT" => true,
        _ => element.is_content_editable(),
    }
}

/// What the live region says, and the line under it about layers and OCR variants.
pub fn status(
    highlight: &Highlight,
    hits: &ViewHits,
    current: Option<usize>,
    view: View,
) -> (AttrValue, Option<AttrValue>) {
    let said = match highlight {
        Highlight::Off => "Type to find words in this document".to_owned(),
        Highlight::Loading => "Searching…".to_owned(),
        Highlight::BadQuery(message) => format!("The query cannot be read: {message}"),
        Highlight::Failed(message) => format!("Highlighting is unavailable: {message}"),
        Highlight::Ready(_) => match (hits.total(), current) {
            (0, _) => "No matches".to_owned(),
            (total, Some(c)) => format!("{} of {total}", c + 1),
            (1, None) => "1 match".to_owned(),
            (total, None) => format!("{total} matches"),
        },
    };
    let counts = hits.counts();
    let mut parts = Vec::new();
    match view {
        View::Corrected if counts.both + counts.corrected_only > 0 => {
            parts.push(format!("{} also in the OCR", counts.both));
            parts.push(format!("{} only in the transcription", counts.corrected_only));
        }
        View::Ocr if counts.both + counts.ocr_only > 0 => {
            parts.push(format!("{} also in the transcription", counts.both));
            parts.push(format!("{} only in the OCR", counts.ocr_only));
        }
        _ => {}
    }
    if counts.fuzzy > 0 {
        let variants = if counts.fuzzy == 1 { "OCR variant" } else { "OCR variants" };
        parts.push(format!("{} {variants}", counts.fuzzy));
    }
    let detail = (!parts.is_empty()).then(|| AttrValue::from(parts.join(" · ")));
    (said.into(), detail)
}
