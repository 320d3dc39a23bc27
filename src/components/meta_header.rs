//! The document header: the title, the report form's facts as a readable list, and the
//! record's provenance and rights. Values a program extracted from the OCR are marked, so a
//! reader knows a person has not checked them.

use crate::components::QualityBadge;
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
    let fact = |label: &'static str, field: &'static str, value: &Option<String>| {
        value.as_ref().map(|value| {
            let extracted = meta.extracted.iter().any(|name| name == field);
            html! {
                <>
                    <dt>{ label }</dt>
                    <dd>
                        { value.clone() }
                        if extracted {
                            <span class="extracted" title="Read from the OCR by a program; not yet checked by a person">
                                { " (from OCR)" }
                            </span>
                        }
                    </dd>
                </>
            }
        })
    };
    let pages = Some(props.entry.pages.to_string());
    html! {
        <header class="doc-header">
            <h1>{ meta.title.clone() }</h1>
            <dl class="doc-facts">
                { fact("Country", "country", &meta.country) }
                { fact("Subject", "subject", &meta.subject) }
                { fact("Date of information", "date_of_information", &meta.date_of_information) }
                { fact("Published", "how_published", &meta.how_published) }
                { fact("Place published", "place_published", &meta.place_published) }
                { fact("Date published", "date_published", &meta.date_published) }
                { fact("Source", "source", &meta.source) }
                { fact("Language", "language", &meta.language) }
                { fact("Distributed", "date_distributed", &meta.date_distributed) }
                { fact("Classification", "classification", &meta.classification) }
                { fact("Document number", "document_number", &meta.document_number) }
                { fact("Released", "release_date", &meta.release_date) }
                { fact("Pages", "pages", &pages) }
                { fact("Collection", "collection", &meta.collection) }
                if let Some(quality) = props.entry.quality.clone() {
                    <dt>{ "OCR quality" }</dt>
                    <dd><QualityBadge {quality} /></dd>
                }
            </dl>
            { record(meta) }
        </header>
    }
}

/// Provenance and rights, which every reader citing the document needs.
fn record(meta: &Meta) -> Html {
    if meta.provenance.is_none() && meta.rights.is_none() {
        return Html::default();
    }
    html! {
        <section class="doc-record" aria-label="Provenance and rights">
            if let Some(provenance) = &meta.provenance {
                <p><strong>{ "Provenance: " }</strong>{ provenance.clone() }</p>
            }
            if let Some(rights) = &meta.rights {
                <p><strong>{ "Rights: " }</strong>{ rights.clone() }</p>
            }
        </section>
    }
}

/// The document's date as every view shows it ([`Meta::date`]).
pub fn display_date(meta: &Meta) -> Option<String> {
    meta.date().map(str::to_owned)
}
