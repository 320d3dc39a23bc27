//! The choice of text: the transcription, the OCR, and any further OCR runs. Each choice is a
//! link, so the URL always says what is shown.

use crate::route::{DocumentQuery, Route, View};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub page: usize,
    pub has_corrected: bool,
    /// Labels of the further OCR runs, in order.
    pub alternates: Vec<String>,
    pub current: DocumentQuery,
}

#[function_component]
pub fn ViewTabs(props: &Props) -> Html {
    let mut choices = Vec::new();
    if props.has_corrected {
        choices.push(("Transcription".to_owned(), View::Corrected, None));
    }
    choices.push(("OCR".to_owned(), View::Ocr, None));
    for (index, label) in props.alternates.iter().enumerate() {
        choices.push((format!("OCR: {label}"), View::Ocr, Some(index + 1)));
    }
    if choices.len() < 2 {
        return Html::default();
    }
    let tab = |(label, view, run): (String, View, Option<usize>)| {
        let selected = props.current.view == Some(view) && props.current.run == run;
        let query = DocumentQuery {
            page: Some(props.page),
            view: Some(view),
            run,
            q: props.current.q.clone(),
        };
        let to = Route::Document { id: props.id.clone() };
        html! {
            <Link<Route, DocumentQuery> {to} query={Some(query)}
                classes={classes!("view-tab", selected.then_some("selected"))}>
                <span aria-current={selected.then_some("true")}>{ label }</span>
            </Link<Route, DocumentQuery>>
        }
    };
    html! { <nav class="view-tabs" aria-label="Text shown">{ for choices.into_iter().map(tab) }</nav> }
}
