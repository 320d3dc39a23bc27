//! The list of documents on the library page.

use crate::components::meta_header::display_date;
use crate::components::quality_badge;
use crate::route::Route;
use crate::router::Link;
use readingroom_core::bundle::{Catalog, CatalogEntry};
use yew::prelude::*;

pub fn document_list(catalog: &Catalog) -> Html {
    let count = catalog.documents.len();
    html! {
        <>
            <p class="count">{ format!("{count} document{}", if count == 1 { "" } else { "s" }) }</p>
            <ul class="doc-list">
                { for catalog.documents.iter().map(item) }
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
                if let Some(quality) = &entry.quality {
                    <dt>{ "OCR quality" }</dt>
                    <dd>{ quality_badge(quality) }</dd>
                }
            </dl>
        </li>
    }
}
