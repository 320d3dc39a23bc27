//! The error rates of every page as a small bar chart in inline SVG, beside the same figures
//! as a table. Each page's bars are a link (an SVG `<a>`, reached by the keyboard) that opens
//! that page in the compare view.

use crate::route::{DocumentQuery, Route};
use crate::router::Link;
use readingroom_core::compare::view::DocumentFigures;
use readingroom_core::quality::percent;
use yew::prelude::*;

const SLOT: u32 = 36;
const LEFT: u32 = 44;
const TOP: u32 = 12;
const PLOT: u32 = 110;

/// The chart and the table of `figures`; `page` is the page shown, and each link keeps the
/// rest of `query`.
pub fn chart(id: &str, figures: &DocumentFigures, page: usize, query: &DocumentQuery) -> Html {
    let link = |to_page: usize, content: Html, class: Classes| {
        let query = DocumentQuery { page: Some(to_page), ..query.clone() };
        html! {
            <Link to={Route::Document { id: id.to_owned() }} query={Some(query)} classes={class}>
                { content }
            </Link>
        }
    };
    let pages = &figures.pages;
    // The scale reaches the highest rate, and at least 5 %, so that small rates stay small.
    let top = pages.iter().flat_map(|m| [m.cer, m.wer]).flatten().fold(0.05_f64, f64::max);
    let width = LEFT + SLOT * pages.len() as u32 + 8;
    let (base, height) = (TOP + PLOT, TOP + PLOT + 24);
    // A bar is a path from the axis: up, across 12 units, and down again.
    let bar = |rate: Option<f64>, x: u32, class: &'static str| {
        let tall = (f64::from(PLOT) * (rate.unwrap_or(0.0) / top).min(1.0)).round() as u32;
        html! { <path {class} d={format!("M{x} {base}v-{tall}h12v{tall}z")} /> }
    };
    let bars = pages.iter().enumerate().map(|(i, m)| {
        let x = LEFT + SLOT * i as u32;
        let title = format!("Page {}: character error rate {}, word error rate {}", i + 1, shown(m.cer), shown(m.wer));
        let content = html! { <>
            <title>{ title }</title>
            <path class="bar-hit" d={format!("M{x} {TOP}h{SLOT}v{}h-{SLOT}z", PLOT + 24)} />
            { bar(m.cer, x + 5, "bar-cer") }
            { bar(m.wer, x + 18, "bar-wer") }
            <text class="bar-label" x={(x + 17).to_string()} y={(height - 6).to_string()} text-anchor="middle">{ i + 1 }</text>
        </> };
        link(i + 1, content, classes!("bar-link", (i + 1 == page).then_some("current")))
    });
    let rows = pages.iter().enumerate().map(|(i, m)| {
        let name = html! { <span aria-current={(i + 1 == page).then_some("page")}>{ format!("Page {}", i + 1) }</span> };
        html! { <tr><th scope="row">{ link(i + 1, name, Classes::new()) }</th><td>{ shown(m.cer) }</td><td>{ shown(m.wer) }</td></tr> }
    });
    html! {
        <figure class="page-chart">
            <figcaption>{ "Error rates by page: characters (CER) and words (WER). Choose a page to compare it." }</figcaption>
            <div class="chart-scroll">
                <svg width={width.to_string()} height={height.to_string()} viewBox={format!("0 0 {width} {height}")} role="group" aria-label="Error rates by page">
                    <path class="axis" d={format!("M{LEFT} {base}H{}", width - 4)} />
                    <text class="axis-label" x={(LEFT - 4).to_string()} y={(TOP + 4).to_string()} text-anchor="end">{ percent(top) }</text>
                    <text class="axis-label" x={(LEFT - 4).to_string()} y={base.to_string()} text-anchor="end">{ "0" }</text>
                    { for bars }
                </svg>
            </div>
            <p class="chart-legend" aria-hidden="true"><span class="swatch bar-cer"></span>{ "CER" }<span class="swatch bar-wer"></span>{ "WER" }</p>
            <table class="figures-table">
                <thead><tr><th scope="col">{ "Page" }</th><th scope="col">{ "CER" }</th><th scope="col">{ "WER" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </figure>
    }
}

fn shown(rate: Option<f64>) -> String {
    rate.map_or_else(|| "\u{2014}".to_owned(), percent)
}
