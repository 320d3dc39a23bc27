//! The list of documents on the library page.

use crate::components::QualityBadge;
use crate::components::meta_header::display_date;
use crate::route::Route;
use crate::router::Link;
use readingroom_core::bundle::{Catalog, CatalogEntry};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
}

#[function_component]
pub fn DocumentList(props: &Props) -> Html {
    let count = props.catalog.documents.len();
    html! {
        <>
            <p class="count">{ format!("{count} document{}", if count == 1 { "" } else { "s" }) }</p>
            <ul class="doc-list">
                { for props.catalog.documents.iter().map(item) }
            </ul>
        </>
    }
}

fn item(entry: &CatalogEntry) -> Html {
    let meta = &entry.meta;
    let field = |label: &'static str, value: Option<String>| {
        value.map(|value| html! { <><dt>{ label }</dt><dd>{ value }</dd></> })
    };
    html! {
        <li class="doc-item" key={meta.id.clone()}>
            <Link to={Route::Document { id: meta.id.clone() }} classes="doc-title">
                { meta.title.clone() }
            </Link>
            <dl class="doc-facts">
                { field("Date", display_date(meta)) }
                { field("Country", meta.country.clone()) }
                { field("Subject", meta.subject.clone()) }
                { field("Pages", Some(entry.pages.to_string())) }
                if let Some(quality) = entry.quality.clone() {
                    <dt>{ "OCR quality" }</dt>
                    <dd><QualityBadge {quality} /></dd>
                }
            </dl>
        </li>
    }
}
