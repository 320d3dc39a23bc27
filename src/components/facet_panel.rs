//! The facets beside the results: a checkbox per value with the number of matching
//! documents, each facet counted as if its own boxes were unticked. On a phone they come
//! folded, so that the documents are on the first screen.

use crate::route::{Facet, LibraryQuery};
use readingroom_core::quality::Band;
use readingroom_core::search::results::{FacetCount, Facets};
use yew::prelude::*;

fn counts(facets: &Facets, facet: Facet) -> &[FacetCount] {
    match facet {
        Facet::Country => &facets.country,
        Facet::Subject => &facets.subject,
        Facet::Year => &facets.year,
        Facet::Collection => &facets.collection,
        Facet::Corrected => &facets.corrected,
        Facet::Quality => &facets.quality,
    }
}

fn shown(facet: Facet, value: &str) -> String {
    match (facet, value) {
        (Facet::Corrected, "yes") => "Corrected".to_owned(),
        (Facet::Corrected, "no") => "OCR only".to_owned(),
        (Facet::Quality, name) => {
            Band::from_name(name).map_or_else(|| name.to_owned(), |b| b.label().to_owned())
        }
        _ => value.to_owned(),
    }
}

/// The counts of `facets` (estimates when `estimated`: see `SearchResults::estimated`), the
/// values `asked` for ticked; `on_toggle` hears a box change.
pub fn facet_panel(
    facets: &Facets,
    estimated: bool,
    asked: &LibraryQuery,
    on_toggle: &Callback<(Facet, String)>,
) -> Html {
    let about = if estimated { "about " } else { "" };
    let group = |facet: Facet| {
        let ticked = asked.values(facet);
        let mut list: Vec<FacetCount> = counts(facets, facet).to_vec();
        for value in &ticked {
            if !list.iter().any(|c| &c.value == value) {
                list.push(FacetCount { value: value.clone(), count: 0 });
            }
        }
        if list.is_empty() {
            return html! {};
        }
        let items = list.into_iter().map(|FacetCount { value, count }| {
            let checked = ticked.contains(&value);
            let onchange = {
                let (on_toggle, value) = (on_toggle.clone(), value.clone());
                Callback::from(move |_: Event| on_toggle.emit((facet, value.clone())))
            };
            html! {
                <li key={value.clone()}>
                    <label>
                        <input type="checkbox" {checked} {onchange} />
                        { format!(" {} ({about}{count})", shown(facet, &value)) }
                    </label>
                </li>
            }
        });
        html! {
            <fieldset class="facet">
                <legend>{ facet.label() }</legend>
                <ul>{ for items }</ul>
            </fieldset>
        }
    };
    let ticked: usize = Facet::ALL.iter().map(|&f| asked.values(f).len()).sum();
    html! {
        <aside class="facets" aria-label="Filters">
            <details class="facets-fold" open={!narrow()}>
                <summary>
                    { "Filters" }
                    if ticked > 0 { { format!(" ({ticked} ticked)") } }
                </summary>
                { for Facet::ALL.into_iter().map(group) }
            </details>
        </aside>
    }
}

/// Whether the screen is a phone's, where the stylesheet puts the facets above the results
/// (its 40rem, at the browser's 16px).
fn narrow() -> bool {
    let width = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64());
    width.is_some_and(|width| width < 640.0)
}
