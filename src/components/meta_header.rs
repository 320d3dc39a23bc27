//! The document header: title and the report form's facts, as a readable list.

use readingroom_core::bundle::CatalogEntry;
use readingroom_core::meta::Meta;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub entry: Rc<CatalogEntry>,
}

#[function_component]
pub fn MetaHeader(props: &Props) -> Html {
    let meta = &props.entry.meta;
    let facts = [
        ("Date", display_date(meta)),
        ("Country", meta.country.clone()),
        ("Subject", meta.subject.clone()),
        ("Source", meta.source.clone()),
        ("Place published", meta.place_published.clone()),
        ("Distributed", meta.date_distributed.clone()),
        ("Document number", meta.document_number.clone()),
    ];
    html! {
        <header class="doc-header">
            <h1>{ meta.title.clone() }</h1>
            <dl class="doc-facts">
                { for facts.into_iter().filter_map(|(label, value)| value.map(|value| html! {
                    <><dt>{ label }</dt><dd>{ value }</dd></>
                })) }
            </dl>
        </header>
    }
}

/// The date a reader most wants: when the information dates from, else when it was published,
/// else when it was distributed.
pub fn display_date(meta: &Meta) -> Option<String> {
    meta.date_of_information
        .clone()
        .or_else(|| meta.date_published.clone())
        .or_else(|| meta.date_distributed.clone())
}
