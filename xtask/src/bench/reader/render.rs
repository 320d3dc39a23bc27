//! The `reader` section of BENCHMARKS.md: the method ([`super::method`]), the timings, the
//! downloads, the memory, the app's size, and the targets ([`super::targets`]).

use super::results::{Bytes, CompareRun, Reading, Shown, Timed, values};
use super::size::{AppSize, File};
use super::{CIA, Measured, QUERIES};
use crate::bench::stats::{bytes, median, ms, p95};
use std::fmt::Write;

/// The kinds of file a visit downloads, in the order the table shows them.
const KINDS: [&str; 6] =
    ["app shell", "catalog", "document data", "search module", "search index", "compare module"];

pub fn render(m: &Measured) -> String {
    let mut out = String::from("## Reader\n\n");
    super::method::render(&mut out, m);
    out.push_str("\n### Timings\n\n");
    timings(&mut out, m);
    out.push_str("\n### Downloads\n\n");
    downloads(&mut out, m);
    out.push_str("\n### Memory\n\n");
    memory(&mut out, m);
    out.push_str("\n### The app's size\n\n");
    size(&mut out, &m.size);
    out.push_str("\n### Targets\n\n");
    super::targets::render(&mut out, m);
    out
}

/// A row of the timings table: median, p95, next frame and samples.
fn row(out: &mut String, label: &str, shown: &[f64], frames: &[f64]) {
    let frame = if frames.is_empty() { String::new() } else { ms(median(frames)) };
    let _ = writeln!(
        out,
        "| {label} | {} | {} | {frame} | {} |",
        ms(median(shown)),
        ms(p95(shown)),
        shown.len()
    );
}

fn shown_row(out: &mut String, label: &str, visits: &[Shown]) {
    let shown = values(visits.iter().map(|v| &v.ms));
    let frames = values(visits.iter().map(|v| &v.frame_ms));
    row(out, label, &shown, &frames);
}

fn timed_row(out: &mut String, label: &str, timed: &[&Timed]) {
    let shown: Vec<f64> = timed.iter().map(|t| t.ms).collect();
    let frames: Vec<f64> = timed.iter().map(|t| t.frame_ms).collect();
    row(out, label, &shown, &frames);
}

fn timings(out: &mut String, m: &Measured) {
    let b = &m.browser;
    out.push_str("| | shown, median | p95 | next frame, median | samples |\n| --- | --: | --: | --: | --: |\n");
    shown_row(out, &format!("library ({} documents), by its link", m.documents), &b.library);
    let doc = |name: &str| b.documents.get(name);
    let long = format!("`{}`", m.long.id);
    if let Some(d) = doc("long") {
        shown_row(out, &format!("open the largest document, {long}, by its link"), &d.open);
    }
    shown_row(out, &format!("open {long} from the library"), &b.in_app);
    if let Some(d) = doc("cia") {
        shown_row(out, &format!("open the CIA report, `{CIA}`, by its link"), &d.open);
    }
    if let Some(d) = doc("synth") {
        shown_row(out, "open the synthetic document, by its link", &d.open);
    }
    for (name, label) in [("long", long.as_str()), ("synth", "the synthetic document")] {
        if let Some(d) = doc(name) {
            find_rows(out, label, d);
        }
    }
    compare_rows(out, m);
}

fn find_rows(out: &mut String, label: &str, d: &Reading) {
    let hits = d.first.first().map_or(String::new(), |t| {
        format!(
            " ({}, {} marked on the page)",
            t.status.as_deref().unwrap_or("?"),
            t.marks.unwrap_or(0)
        )
    });
    let first: Vec<&Timed> = d.first.iter().collect();
    timed_row(out, &format!("find `{}` in {label}, first keystroke{hits}", QUERIES[0]), &first);
    let warm: Vec<&Timed> = d.warm.iter().collect();
    timed_row(out, &format!("find in {label}, next keystrokes (warm)"), &warm);
    let within: Vec<&Timed> = d.steps.iter().filter(|s| !s.turned).collect();
    timed_row(out, &format!("next match in {label}, on the page"), &within);
    let turned: Vec<&Timed> = d.steps.iter().filter(|s| s.turned).collect();
    if !turned.is_empty() {
        timed_row(out, &format!("next match in {label}, turning the page"), &turned);
    }
}

fn compare_rows(out: &mut String, m: &Measured) {
    let b = &m.browser;
    let none = |out: &mut String, label: &str| {
        let _ = writeln!(out, "| {label} | n/a (no compare view) | | | |");
    };
    for (name, label) in [("synth", "the synthetic document"), ("cia", "the CIA report")] {
        let link = format!("compare view of {label}, by its link");
        let Some(c) = b.compare.get(name).filter(|c| c.available && !c.runs.is_empty()) else {
            none(out, &link);
            continue;
        };
        let shown = values(c.runs.iter().map(|r| &r.shown.ms));
        row(out, &link, &shown, &values(c.runs.iter().map(|r| &r.shown.frame_ms)));
        if name == "synth" {
            let from_doc = b.documents.get("synth").map(|d| &d.compare[..]).unwrap_or_default();
            let label = "compare view of the synthetic document, from the document";
            if from_doc.iter().any(|s| s.name.as_deref() == Some("compare")) {
                shown_row(out, label, from_doc);
            } else {
                none(out, label);
            }
        }
        for (what, pick) in [
            ("page 1", (|r| &r.page_ms) as fn(&CompareRun) -> &Option<f64>),
            ("every page's rates", |r| &r.figures_ms),
            ("page 2", |r| &r.next_page_ms),
        ] {
            let work = values(c.runs.iter().map(pick));
            row(out, &format!("{label}: the compare module's `view`, {what}"), &work, &[]);
        }
    }
}

fn downloads(out: &mut String, m: &Measured) {
    let b = &m.browser;
    out.push_str("| visit |");
    for kind in KINDS {
        let _ = write!(out, " {kind} |");
    }
    out.push_str(" total |\n| --- |");
    out.push_str(&" --: |".repeat(KINDS.len() + 1));
    out.push('\n');
    let mut rows: Vec<(String, Option<&Bytes>)> =
        vec![("the library".to_owned(), b.library.first().and_then(|v| v.bytes.as_ref()))];
    let doc = |name: &str| b.documents.get(name);
    for (name, label) in [
        ("long", format!("`{}` by its link", m.long.id)),
        ("cia", "the CIA report by its link".to_owned()),
        ("synth", "the synthetic document by its link".to_owned()),
    ] {
        rows.push((label, doc(name).and_then(|d| d.bytes.as_ref())));
    }
    let added = doc("synth")
        .and_then(|d| d.compare.first())
        .filter(|s| s.name.as_deref() == Some("compare"));
    rows.push(("then its compare view (added)".to_owned(), added.and_then(|s| s.bytes.as_ref())));
    for (name, label) in [("synth", "the synthetic document"), ("cia", "the CIA report")] {
        let link = b.compare.get(name).filter(|c| c.available).and_then(|c| c.bytes.as_ref());
        rows.push((format!("the compare view of {label} by its link"), link));
    }
    for (label, bytes_by_kind) in rows {
        let _ = write!(out, "| {label} |");
        let Some(by) = bytes_by_kind else {
            out.push_str(&" |".repeat(KINDS.len()));
            out.push_str(" n/a (no compare view) |\n");
            continue;
        };
        for kind in KINDS {
            let _ = write!(out, " {} |", by.get(kind).map_or(String::new(), |v| bytes(*v)));
        }
        let _ = writeln!(out, " **{}** |", bytes(by.values().sum()));
    }
}

fn memory(out: &mut String, m: &Measured) {
    out.push_str(
        "| state | JS heap in use | wasm memory | DOM nodes |\n| --- | --: | --: | --: |\n",
    );
    for state in &m.browser.memory {
        let label = match state.state.as_str() {
            "library" => "the library".to_owned(),
            "long" => format!("`{}` open (from the library)", m.long.id),
            "long-find" => format!("and `{}` marked (the search module loaded)", QUERIES[0]),
            "synth" => "the synthetic document open (a new page)".to_owned(),
            "synth-compare" => "and its compare view (the compare module loaded)".to_owned(),
            other => other.to_owned(),
        };
        let _ = writeln!(
            out,
            "| {label} | {} | {} ({} module{}) | {:.0} |",
            bytes(state.js_heap),
            bytes(state.wasm),
            state.wasm_memories,
            if state.wasm_memories == 1 { "" } else { "s" },
            state.nodes
        );
    }
    if !m.browser.memory.iter().any(|s| s.state == "synth-compare") {
        out.push_str(
            "\nThe compare view's memory is not measured: the app has no compare view yet.\n",
        );
    }
}

fn size(out: &mut String, size: &AppSize) {
    out.push_str("| file | raw | gzip -9 | brotli (dist's copy) |\n| --- | --: | --: | --: |\n");
    let line = |out: &mut String, label: &str, files: &[File]| {
        let raw: u64 = files.iter().map(|f| f.raw).sum();
        let brotli = AppSize::brotli(files).map_or("n/a".to_owned(), |b| bytes(b as f64));
        let gzip = bytes(AppSize::gzip(files) as f64);
        let _ = writeln!(out, "| {label} | {} | {gzip} | {brotli} |", bytes(raw as f64));
    };
    for file in &size.app {
        line(out, &format!("`{}`", file.name), std::slice::from_ref(file));
    }
    line(out, "**the app (wasm + JS), as its budget counts it**", &size.app);
    line(out, "the search module (loaded on the first search)", &size.search);
    line(out, "the compare module (loaded by the compare view)", &size.compare);
}
