//! The targets table of the `reader` section: each figure against its target, met or not, and
//! for a miss what the run shows of where the time or the bytes go.

use super::results::{CompareLink, Reading, Shown, values};
use super::size::AppSize;
use super::{CIA, Measured, QUERIES};
use crate::bench::stats::{bytes, median, ms, p95};
use crate::dist::BUDGET_GZIP;
use std::fmt::Write;

struct Target {
    figure: String,
    target: String,
    measured: String,
    /// None when the figure could not be measured.
    met: Option<bool>,
    why: String,
}

pub fn render(out: &mut String, m: &Measured) {
    let mut targets = vec![visit_target(
        "the library shown, by its link",
        &m.browser.library,
        300.0,
        &["app_wasm", "catalog"],
    )];
    let doc = |name: &str| m.browser.documents.get(name);
    if let Some(d) = doc("long") {
        let label = format!("`{}` opened by its link", m.long.id);
        targets.push(visit_target(&label, &d.open, 150.0, &["app_wasm", "catalog", "data"]));
    }
    let label = format!("`{}` opened from the library", m.long.id);
    targets.push(visit_target(&label, &m.browser.in_app, 150.0, &[]));
    if let Some(d) = doc("synth") {
        let label = "the synthetic document opened by its link";
        targets.push(visit_target(label, &d.open, 150.0, &["app_wasm", "catalog", "data"]));
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

/// A visit's median against `limit`; on a miss, when the files of `ends` had arrived.
fn visit_target(figure: &str, visits: &[Shown], limit: f64, ends: &[&str]) -> Target {
    let shown = values(visits.iter().map(|v| &v.ms));
    let median_ms = median(&shown);
    let met = (!shown.is_empty()).then_some(median_ms < limit);
    let mut why = String::new();
    if met == Some(false) && !ends.is_empty() {
        let arrived: Vec<String> = ends
            .iter()
            .filter_map(|&end| {
                let times: Vec<f64> =
                    visits.iter().filter_map(|v| v.ends.get(end).copied()).collect();
                let name = match end {
                    "app_wasm" => "the app's wasm",
                    "catalog" => "the catalog",
                    _ => "the document's data",
                };
                (!times.is_empty()).then(|| format!("{name} at {}", ms(median(&times))))
            })
            .collect();
        let _ = write!(
            why,
            "of it, a page load: the responses had ended with {} (medians from navigation \
             start); the rest is the app starting (compiling and instantiating its wasm) and \
             rendering",
            arrived.join(", ")
        );
    } else if met == Some(false) {
        why.push_str(
            "the click fetches the document's data file and parses it in the app before the \
             first page renders",
        );
    }
    Target {
        figure: figure.to_owned(),
        target: format!("< {}", ms(limit)),
        measured: format!("{} (p95 {})", ms(median_ms), ms(p95(&shown))),
        met,
        why,
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
    let target = "< 500 ms".to_owned();
    let link = m.browser.compare.get("synth");
    let Some(c) = link.filter(|c| c.available && !c.runs.is_empty()) else {
        return unavailable(figure, target, link);
    };
    let shown = values(c.runs.iter().map(|r| &r.ms));
    let met = median(&shown) < 500.0;
    let work: Vec<f64> = values(c.runs.iter().map(|r| &r.page_ms));
    let why = if met {
        String::new()
    } else {
        format!("the compare module's work on the page: {} (median)", ms(median(&work)))
    };
    let measured = format!("{} (p95 {})", ms(median(&shown)), ms(p95(&shown)));
    Target { figure, target, measured, met: Some(met), why }
}

fn compare_work_target(m: &Measured) -> Target {
    let figure = format!("the CIA report's (`{CIA}`) compare work in wasm, opening the view");
    let target = "< 20 ms".to_owned();
    let link = m.browser.compare.get("cia");
    let Some(c) = link.filter(|c| c.available && !c.runs.is_empty()) else {
        return unavailable(figure, target, link);
    };
    let sums: Vec<f64> = c.runs.iter().filter_map(|r| Some(r.page_ms? + r.figures_ms?)).collect();
    let page = values(c.runs.iter().map(|r| &r.page_ms));
    let figures = values(c.runs.iter().map(|r| &r.figures_ms));
    let met = (!sums.is_empty()).then_some(median(&sums) < 20.0);
    let why = format!(
        "`compare-page` {} and `compare-figures` {} (medians); the next page, warm, {}",
        ms(median(&page)),
        ms(median(&figures)),
        ms(median(&values(c.runs.iter().map(|r| &r.next_page_ms)))),
    );
    let measured = format!("{} (p95 {})", ms(median(&sums)), ms(p95(&sums)));
    Target {
        figure,
        target,
        measured,
        met,
        why: if met == Some(true) { String::new() } else { why },
    }
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
            "{} over; the wasm is {} of it, the JS glue {}",
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
