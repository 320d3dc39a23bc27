//! The compare view of a document (`#/doc/<id>?view=compare&page=N`): one page of its OCR beside
//! the transcription, or beside another OCR run of the same scans, row by row, with every
//! correction marked and stepped through, and every page's error rates as a chart.
//!
//! The work is the compare module's (`compare::view` in core, loaded on demand); this view only
//! renders its reply. It is one component, whose parts are plain functions (`summary`, `panes`,
//! `chart`): every component and hook is code each reader downloads. Each pane's text is cut at
//! labelled ranges ([`marks::CompareMark`]) and takes a list of highlight ranges, the seam for
//! search.

mod chart;
mod marks;
mod pane;
mod panes;
mod scroll;
mod summary;

use crate::api;
use crate::components::{HitLabel, error_card, loading};
use crate::hooks::{Fetch, use_compare};
use crate::route::{DocumentQuery, Route, View};
use crate::router::Link;
use marks::{Side, Wording};
use readingroom_core::bundle::Page;
use readingroom_core::compare::view::{Against, PageComparison};
use readingroom_core::labelled::Labelled;
use readingroom_core::quality::percent;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    /// The document's data file, as the catalog names it; the compare module reads it.
    pub data_file: String,
    pub has_corrected: bool,
    /// How many further OCR runs the document has.
    pub alternates: usize,
    /// The page, 1-based, and its text.
    pub page: usize,
    pub text: Option<Page>,
    /// The view's query: `run` chooses a further OCR run to compare with.
    pub query: DocumentQuery,
    /// The search hits on the OCR, as the reading view marks them.
    #[prop_or_default]
    pub ocr_highlights: Rc<Vec<Labelled<HitLabel>>>,
    /// The search hits on the other text (the reply's `text`).
    #[prop_or_default]
    pub other_highlights: Rc<Vec<Labelled<HitLabel>>>,
}

/// What the parts of a compared page are drawn from.
pub struct Shown<'a> {
    pub compared: &'a PageComparison,
    pub ocr: &'a str,
    pub wording: Wording,
    /// The correction stepped to, an index into the page's corrections.
    pub current: Option<usize>,
}

/// The reader's place in the view: the correction stepped to on a page, and the pane shown on a
/// narrow screen.
#[derive(Clone, Copy, PartialEq)]
struct Place {
    page: usize,
    current: Option<usize>,
    side: Side,
}

/// What the OCR is compared with: the run the query names, else the transcription, else the
/// first further run; `None` for a document with one text only.
pub fn against(has_corrected: bool, alternates: usize, run: Option<usize>) -> Option<Against> {
    match run.filter(|run| (1..=alternates).contains(run)) {
        Some(run) => Some(Against::Run(run)),
        None if has_corrected => Some(Against::Transcription),
        None => (alternates > 0).then_some(Against::Run(1)),
    }
}

#[function_component]
pub fn CompareView(props: &Props) -> Html {
    let against = against(props.has_corrected, props.alternates, props.query.run);
    let compared = use_compare(api::bundle_url(&props.data_file), against, props.page);
    let place = use_state(|| Place { page: 0, current: None, side: Side::Ocr });
    let refs = scroll::Panes { ocr: use_node_ref(), other: use_node_ref() };
    let sync: scroll::Shared = use_mut_ref(Default::default);
    let current = match &compared.page {
        Fetch::Ready(page) => place
            .current
            .filter(|_| place.page == page.page)
            .and_then(|n| Some((n, page.corrections.get(n)?.row))),
        _ => None,
    };
    {
        let (refs, sync, side) = (refs.clone(), sync.clone(), place.side);
        use_effect(move || scroll::settle(&refs, &sync, current, side));
    }
    let Some(against) = against else { return nothing_to_compare(props) };
    let wording =
        if against == Against::Transcription { Wording::TRANSCRIPTION } else { Wording::RUN };
    let body = match &compared.page {
        Fetch::Loading => loading("Comparing the texts…"),
        Fetch::Failed(message) => {
            error_card("The comparison could not be made", html! { <p>{ message.to_string() }</p> })
        }
        Fetch::Ready(page) => {
            let onstep = {
                let (place, at) = (place.clone(), page.page);
                Callback::from(move |n| place.set(Place { page: at, current: Some(n), ..*place }))
            };
            let onswitch = {
                let (place, refs, sync) = (place.clone(), refs.clone(), sync.clone());
                Callback::from(move |side| {
                    if side != place.side {
                        scroll::keep_place(&refs, &sync, place.side);
                        place.set(Place { side, ..*place });
                    }
                })
            };
            let ocr = props.text.as_ref().map_or("", |p| p.ocr.as_str());
            let shown = Shown { compared: page, ocr, wording, current: current.map(|c| c.0) };
            let furniture: Vec<Range<usize>> =
                props.text.iter().flat_map(|p| &p.furniture).map(|f| f.start..f.end).collect();
            let extra = panes::Extra {
                furniture: &furniture,
                ocr_highlights: &props.ocr_highlights,
                other_highlights: &props.other_highlights,
            };
            html! {
                <section class="compare" aria-label="Comparison">
                    <p class="compare-rates">{ rates(page, wording) }</p>
                    { summary::summary(&shown, &onstep) }
                    { panes::panes(&shown, &extra, (&refs, &sync), (place.side, &onswitch)) }
                </section>
            }
        }
    };
    let chart = match &compared.figures {
        Fetch::Ready(figures) => chart::chart(&props.id, figures, props.page, &props.query),
        Fetch::Loading => Html::default(),
        Fetch::Failed(message) => html! {
            <p class="empty-state">{ format!("The rates of every page could not be computed: {message}") }</p>
        },
    };
    html! { <>{ body }{ chart }</> }
}

/// "Page 1: character error rate 8.2 %, word error rate 9.9 %, against the transcription."
fn rates(page: &PageComparison, wording: Wording) -> String {
    let rate = |r: Option<f64>| r.map_or_else(|| "\u{2014}".to_owned(), percent);
    format!(
        "Page {}: character error rate {}, word error rate {}, against {}.",
        page.page,
        rate(page.metrics.cer),
        rate(page.metrics.wer),
        wording.name
    )
}

/// The view of a document with one text only.
fn nothing_to_compare(props: &Props) -> Html {
    let ocr = DocumentQuery { view: Some(View::Ocr), ..props.query.clone() };
    html! {
        <div class="empty-state compare-empty">
            <h2>{ "Nothing to compare" }</h2>
            <p>{ "This document has one text only, its OCR. A comparison needs a second text of the \
                  same pages: a corrected transcription, or another OCR run." }</p>
            <p><Link to={Route::Document { id: props.id.clone() }} query={Some(ocr)}>
                { "Read the OCR" }
            </Link></p>
        </div>
    }
}
