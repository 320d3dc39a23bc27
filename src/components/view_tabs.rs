//! The choice of text: the transcription, the OCR, any further OCR runs, and the comparison of
//! the OCR with the second text where there is one. Each choice is a link, so the URL always
//! says what is shown; the links sit in a labelled `<nav>` and the current one carries
//! `aria-current="page"`, which is how links that change the URL announce their state (a tab
//! list is for panels that switch in place).

use crate::route::{DocumentQuery, Route, View};
use crate::router::Link;
use yew::prelude::*;

/// The document's texts, and where the reader is.
pub struct ViewTabs {
    pub id: String,
    pub page: usize,
    pub has_corrected: bool,
    /// Labels of the further OCR runs, in order.
    pub alternates: Vec<String>,
    pub current: DocumentQuery,
    /// The address the reader is at (`#/doc/<id>?...`), which the current choice links to.
    pub here: String,
}

pub fn view_tabs(props: &ViewTabs) -> Html {
    let mut choices = Vec::new();
    if props.has_corrected {
        choices.push(("Transcription".to_owned(), View::Corrected, None));
    }
    choices.push(("OCR".to_owned(), View::Ocr, None));
    for (index, label) in props.alternates.iter().enumerate() {
        choices.push((format!("OCR: {label}"), View::Ocr, Some(index + 1)));
    }
    if props.has_corrected || !props.alternates.is_empty() {
        choices.push(("Compare".to_owned(), View::Compare, None));
    }
    if choices.len() < 2 {
        return Html::default();
    }
    let tab = |(label, view, run): (String, View, Option<usize>)| {
        if props.current.view == Some(view) && props.current.run == run {
            // A plain link, as the router's `Link` takes no `aria-current`.
            return html! {
                <a class="view-tab selected" href={props.here.clone()} aria-current="page">{ label }</a>
            };
        }
        let query = DocumentQuery {
            page: Some(props.page),
            view: Some(view),
            run,
            q: props.current.q.clone(),
            pages: props.current.pages.clone(),
        };
        let to = Route::Document { id: props.id.clone() };
        html! {
            <Link {to} query={Some(query)} classes="view-tab">{ label }</Link>
        }
    };
    html! { <nav class="view-tabs" aria-label="Text shown">{ for choices.into_iter().map(tab) }</nav> }
}
