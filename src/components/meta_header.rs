//! The document header: the title and the facts a reader scans first (date, country, OCR
//! quality, page count), then the rest of the report form, the provenance and the rights
//! folded into a "Details" disclosure, closed at first so that the text starts on the first
//! screen. Values a program extracted from the OCR are marked, so a reader knows a person has
//! not checked them.

use crate::components::quality_badge;
use readingroom_core::bundle::CatalogEntry;
use readingroom_core::meta::{Field, Meta};
use yew::prelude::*;

pub fn meta_header(entry: &CatalogEntry) -> Html {
    let meta = &entry.meta;
    let pages = entry.pages;
    html! {
        <header class="doc-header">
            <h1>{ meta.title.clone() }</h1>
            <dl class="doc-summary">
                if let Some(date) = display_date(meta) {
                    <dt class="visually-hidden">{ "Date" }</dt><dd>{ date }</dd>
                }
                if let Some(country) = meta.country.clone() {
                    <dt class="visually-hidden">{ "Country" }</dt><dd>{ country }</dd>
                }
                if let Some(quality) = &entry.quality {
                    <dt class="visually-hidden">{ "OCR quality" }</dt>
                    <dd>{ quality_badge(quality) }</dd>
                }
                <dt class="visually-hidden">{ "Length" }</dt>
                <dd>{ format!("{pages} page{}", if pages == 1 { "" } else { "s" }) }</dd>
            </dl>
            <details class="doc-details">
                <summary>{ "Details" }</summary>
                { facts(meta) }
                { record(meta) }
            </details>
        </header>
    }
}

/// The report form's facts in the order a reader scans them, each with its label from core's
/// table of fields.
const FACTS: [Field; 14] = [
    Field::Country,
    Field::Subject,
    Field::DateOfInformation,
    Field::HowPublished,
    Field::PlacePublished,
    Field::DatePublished,
    Field::Source,
    Field::Language,
    Field::DateDistributed,
    Field::Classification,
    Field::Agency,
    Field::DocumentNumber,
    Field::ReleaseDate,
    Field::Collection,
];

/// The report form's facts, each marked when a program read it from the OCR.
fn facts(meta: &Meta) -> Html {
    let fact = |field: Field| {
        meta.value(field).map(|value| {
            html! {
                <>
                    <dt>{ field.label() }</dt>
                    <dd>
                        { value.to_string() }
                        if meta.is_extracted(field) {
                            <span class="extracted" title="Read from the OCR by a program; not yet checked by a person">
                                { " (from OCR)" }
                            </span>
                        }
                    </dd>
                </>
            }
        })
    };
    html! {
        <dl class="doc-facts">
            { for FACTS.into_iter().filter_map(fact) }
        </dl>
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
