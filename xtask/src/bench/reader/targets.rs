//! The targets table of the `reader` section: each figure against its target, met or not, and
//! for a miss what the run shows of where the time or the bytes go.

use super::results::{CompareLink, Reading, Shown, Span, values};
use super::size::AppSize;
use super::{CIA, Measured, QUERIES};
use crate::bench::stats::{bytes, median, ms, p95};
use crate::dist::BUDGET_GZIP;
use std::fmt::Write;

/// The files a page load waits for, in order; the compare view's module after them.
const LOAD: [&str; 3] = ["app_wasm", "catalog", "data"];
const LOAD_COMPARE: [&str; 4] = ["app_wasm", "catalog", "data", "compare_wasm"];

struct Target {
    figure: String,
    target: String,
    measured: String,
    /// None when the figure could not be measured.
    met: Option<bool>,
    why: String,
}

pub fn render(out: &mut String, m: &Measured) {
    let start = "navigation start";
    let b = &m.browser;
    let library = "the library shown, by its link";
    let mut targets = vec![visit_target(library, &refs(&b.library), 300.0, &LOAD[..2], start)];
    let doc = |name: &str| b.documents.get(name);
    if let Some(d) = doc("long") {
        let label = format!("`{}` opened by its link", m.long.id);
        targets.push(visit_target(&label, &refs(&d.open), 150.0, &LOAD, start));
    }
    let label = format!("`{}` opened from the library", m.long.id);
    targets.push(visit_target(&label, &refs(&b.in_app), 150.0, &LOAD[2..], "the click"));
    if let Some(d) = doc("synth") {
        let label = "the synthetic document opened by its link";
        targets.push(visit_target(label, &refs(&d.open), 150.0, &LOAD, start));
    }
    for (name, label) in
        [("long", format!("`{}`", m.long.id)), ("synth", "the synthetic document".into())]
    {
        if let Some(d) = doc(name) {
            targets.push(find_target(&label, d));
        }
    }
    targets.push(compare_view_target(m));
    targets.push(compare_work_target(m));
    targets.push(size_target(&m.size));
    out.push_str(
        "| figure | target | measured | | where it goes |\n| --- | --- | --- | --- | --- |\n",
    );
    for t in &targets {
        let verdict = match t.met {
            Some(true) => "**met**",
            Some(false) => "**missed**",
            None => "n/a",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {verdict} | {} |",
            t.figure, t.target, t.measured, t.why
        );
    }
    let missed: Vec<&str> =
        targets.iter().filter(|t| t.met == Some(false)).map(|t| t.figure.as_str()).collect();
    if missed.is_empty() {
        out.push_str("\nEvery target measured was met.\n");
    } else {
        let _ = writeln!(
            out,
            "\n{} of {} targets missed: {}.",
            missed.len(),
            targets.len(),
            missed.join("; ")
        );
    }
}

/// A visit's median against `limit`; on a miss, when the files of `kinds` arrived, timed
/// from `from` (navigation start, or the click).
fn visit_target(figure: &str, visits: &[&Shown], limit: f64, kinds: &[&str], from: &str) -> Target {
    let shown = values(visits.iter().map(|v| &v.ms));
    let median_ms = median(&shown);
    let met = (!shown.is_empty()).then_some(median_ms < limit);
    Target {
        figure: figure.to_owned(),
        target: format!("< {}", ms(limit)),
        measured: format!("{} (p95 {})", ms(median_ms), ms(p95(&shown))),
        met,
        why: if met == Some(false) { arrivals(visits, kinds, from) } else { String::new() },
    }
}

/// When each file of `kinds` was asked for and had arrived, and how long after the last the
/// page showed, medians over the visits.
fn arrivals(visits: &[&Shown], kinds: &[&str], from: &str) -> String {
    let span = |kind: &str| -> Vec<Span> {
        visits.iter().filter_map(|v| v.spans.get(kind).copied()).collect()
    };
    let mut parts = Vec::new();
    for &kind in kinds {
        let spans = span(kind);
        if spans.is_empty() {
            continue;
        }
        let at = |pick: fn(&Span) -> f64| ms(median(&spans.iter().map(pick).collect::<Vec<_>>()));
        parts.push(format!(
            "{} asked for at {}, its first byte at {}, all in at {}",
            name(kind),
            at(|s| s.start),
            at(|s| s.first),
            at(|s| s.end)
        ));
    }
    let after: Vec<f64> =
        visits.iter().filter_map(|v| Some(v.ms? - v.spans.get(*kinds.last()?)?.end)).collect();
    if parts.is_empty() || after.is_empty() {
        return String::new();
    }
    let gaps = if kinds.len() > 1 {
        ". Between one file in and the next asked for, the app works (compiling and starting \
         its wasm, reading the catalog, loading a module)"
    } else {
        ""
    };
    format!(
        "{} (medians from {from}); then {} {}{gaps}",
        parts.join("; "),
        ms(median(&after)),
        kinds.last().map_or("", |kind| last_step(kind))
    )
}

/// What the app does once the last file of a load is in.
fn last_step(kind: &str) -> &'static str {
    match kind {
        "catalog" => "reading the catalog and rendering the list",
        "data" => "reading the document's data and rendering its first page",
        "compare_wasm" => "starting the module, its first answers (cold) and rendering both panes",
        _ => "to show it",
    }
}

fn refs(visits: &[Shown]) -> Vec<&Shown> {
    visits.iter().collect()
}

fn name(kind: &str) -> &'static str {
    match kind {
        "compare_wasm" => "the compare module's wasm",
        "app_js" => "the app's JS",
        "app_wasm" => "the app's wasm",
        "catalog" => "the catalog",
        _ => "the document's data",
    }
}

fn find_target(label: &str, d: &Reading) -> Target {
    let warm: Vec<f64> = d.warm.iter().map(|t| t.ms).collect();
    let median_ms = median(&warm);
    let met = (!warm.is_empty()).then_some(median_ms <= 16.0);
    let first = d.first.first();
    let why = if met == Some(false) {
        format!(
            "each keystroke has the engine mark every page of the document ({} of `{}`) and \
             the page shown rendered again with its {} marks; this run does not split the two",
            first.and_then(|t| t.status.as_deref()).unwrap_or("?"),
            QUERIES[0],
            first.and_then(|t| t.marks).unwrap_or(0),
        )
    } else {
        String::new()
    };
    Target {
        figure: format!("a keystroke in the find field of {label} to its marks, warm"),
        target: "≤ 16 ms (one frame)".to_owned(),
        measured: format!("{} (p95 {})", ms(median_ms), ms(p95(&warm))),
        met,
        why,
    }
}

fn compare_view_target(m: &Measured) -> Target {
    let figure = "the compare view of the synthetic document, by its link".to_owned();
    let link = m.browser.compare.get("synth");
    let Some(c) = link.filter(|c| c.available && !c.runs.is_empty()) else {
        return unavailable(figure, "< 500 ms".to_owned(), link);
    };
    let visits: Vec<&Shown> = c.runs.iter().map(|r| &r.shown).collect();
    let mut target = visit_target(&figure, &visits, 500.0, &LOAD_COMPARE, "navigation start");
    if target.met == Some(false) {
        let work = values(c.runs.iter().map(|r| &r.page_ms));
        let _ = write!(
            target.why,
            "; the module's `view` of the page takes {} of it once warm (median)",
            ms(median(&work))
        );
    }
    target
}

fn compare_work_target(m: &Measured) -> Target {
    let figure =
        format!("the CIA report's (`{CIA}`) compare work in wasm: the page and every page's rates");
    let target = "< 20 ms".to_owned();
    let link = m.browser.compare.get("cia");
    let Some(c) = link.filter(|c| c.available && !c.runs.is_empty()) else {
        return unavailable(figure, target, link);
    };
    // The work of opening the view: the page shown and every page's rates.
    let work: Vec<f64> = c.runs.iter().filter_map(|r| Some(r.page_ms? + r.figures_ms?)).collect();
    let page = values(c.runs.iter().map(|r| &r.page_ms));
    let figures = values(c.runs.iter().map(|r| &r.figures_ms));
    let met = (!work.is_empty()).then_some(median(&work) < 20.0);
    let why = match met {
        None => "the compare module answered with a failure".to_owned(),
        Some(true) => String::new(),
        Some(false) => format!(
            "the page {} and every page's rates {} (medians); the next page {}",
            ms(median(&page)),
            ms(median(&figures)),
            ms(median(&values(c.runs.iter().map(|r| &r.next_page_ms)))),
        ),
    };
    let measured = format!(
        "{} (p95 {}): the page {}, the rates {}",
        ms(median(&work)),
        ms(p95(&work)),
        ms(median(&page)),
        ms(median(&figures))
    );
    Target { figure, target, measured, met, why }
}

/// A compare figure the app could not show: what the route showed instead.
fn unavailable(figure: String, target: String, link: Option<&CompareLink>) -> Target {
    let why = match link.and_then(|c| c.shown.as_deref()) {
        Some("text") => "the route showed the document's text, not an OCR pane beside another",
        Some("failed") => "the route showed an error or an empty state",
        _ => "the route showed no OCR pane",
    };
    Target { figure, target, measured: "n/a (no compare view)".into(), met: None, why: why.into() }
}

fn size_target(size: &AppSize) -> Target {
    let gzip = AppSize::gzip(&size.app);
    let met = gzip <= BUDGET_GZIP;
    let wasm = size.app.iter().find(|f| f.name.ends_with(".wasm")).map_or(0, |f| f.gzip);
    let why = if met {
        String::new()
    } else {
        format!(
            "{} over; the wasm is {} of it, the JavaScript (glue and chrome.js) {}",
            bytes((gzip - BUDGET_GZIP) as f64),
            bytes(wasm as f64),
            bytes((gzip - wasm) as f64)
        )
    };
    Target {
        figure: "the app's wasm and JS, gzipped".to_owned(),
        target: format!("≤ {}", bytes(BUDGET_GZIP as f64)),
        measured: bytes(gzip as f64),
        met: Some(met),
        why,
    }
}
