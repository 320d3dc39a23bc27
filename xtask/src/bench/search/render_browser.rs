//! The browser tables of the `search` section: latency and bytes per kind of query, cold and
//! warm, for both engines; and what Pagefind finds of the fuzzy queries.

use super::Measured;
use super::browser::{BrowserRun, CollectionRun, EngineRun};
use super::queries::Kind;
use super::render::BYTE_KINDS;
use super::targets::{self, median_of};
use crate::bench::stats::{bytes, median, ms, p95};
use std::fmt::Write;

pub fn in_browser(s: &mut String, m: &Measured, run: &CollectionRun) {
    let _ = writeln!(s, "\n### In the browser: {}\n", m.collection.label());
    let pf = run.pagefind.as_ref();
    let _ = writeln!(
        s,
        "| kind | cold wall, ours | cold engine, ours | cold bytes, ours (search only) | cold wall, Pagefind | cold engine, Pagefind | cold bytes, Pagefind (search only) | warm median / p95, ours | warm median / p95, Pagefind |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for kind in Kind::ALL {
        let k = Some(kind.name());
        let cold = |e: &EngineRun| {
            format!(
                "{} | {} | {} ({})",
                ms(median_of(e, k, |c| c.wall_ms)),
                ms(median_of(e, k, |c| c.engine_ms.unwrap_or(f64::NAN))),
                bytes(median_of(e, k, |c| targets::total(&c.all))),
                bytes(median_of(e, k, |c| targets::search_only(&c.all)))
            )
        };
        let warm = |e: &EngineRun| {
            let v: Vec<f64> =
                e.warm.iter().filter(|w| w.kind == kind.name()).map(|w| w.ms).collect();
            format!("{} / {}", ms(median(&v)), ms(p95(&v)))
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            kind.name(),
            cold(&run.app),
            pf.map_or(" | | ".to_owned(), cold),
            warm(&run.app),
            pf.map_or(String::new(), warm)
        );
    }
    let _ = writeln!(
        s,
        "\nCold bytes by kind (median over the cold queries; a link to a search fetches no catalog; the app loads it only to list the whole collection):\n\n| engine | {} | total |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        BYTE_KINDS.join(" | ")
    );
    for (name, engine) in [("Reading Room", Some(&run.app)), ("Pagefind", pf)] {
        let Some(engine) = engine else { continue };
        let cells: Vec<String> = BYTE_KINDS
            .iter()
            .map(|kind| bytes(median_of(engine, None, |c| targets::kind(&c.all, kind))))
            .collect();
        let _ = writeln!(
            s,
            "| {name} | {} | {} |",
            cells.join(" | "),
            bytes(median_of(engine, None, |c| targets::total(&c.all)))
        );
    }
    let fetched = |e: &EngineRun| {
        let each = |f: &dyn Fn(&super::browser::ByKind) -> f64| {
            median(&e.warm.iter().map(|w| f(&w.fetched)).collect::<Vec<_>>())
        };
        format!(
            "{} (index {}, document data {})",
            bytes(each(&targets::total)),
            bytes(each(&|b| targets::kind(b, "search index"))),
            bytes(each(&|b| targets::kind(b, "document data")))
        )
    };
    let _ = writeln!(
        s,
        "\nA warm query fetched a median of {} in Reading Room{}.",
        fetched(&run.app),
        pf.map_or(String::new(), |p| format!(", and {} in Pagefind", fetched(p)))
    );
    if let Some(end) = median_finite(run.app.cold.iter().filter_map(|c| c.catalog_end_ms)) {
        let _ = writeln!(
            s,
            "\nThe catalog finished loading {} after navigation (median), the first results {}.",
            ms(end),
            ms(median_of(&run.app, None, |c| c.wall_ms))
        );
    }
    let errors: Vec<String> = run
        .app
        .cold
        .iter()
        .filter_map(|c| c.error.as_ref().map(|e| format!("`{}`: {e}", c.q)))
        .collect();
    if !errors.is_empty() {
        let _ = writeln!(s, "\nErrors: {}", errors.join("; "));
    }
}

fn median_finite(values: impl Iterator<Item = f64>) -> Option<f64> {
    let v: Vec<f64> = values.collect();
    (!v.is_empty()).then(|| median(&v))
}

pub fn recall(s: &mut String, measured: &[Measured], browser: &BrowserRun) {
    let _ = writeln!(
        s,
        "\n### Fuzzy queries: what Pagefind finds\n\nPagefind matches words exactly or by prefix, so the exact queries are the fair comparison of speed; on the OCR misreadings, *recall* is the share of the documents Reading Room matches that Pagefind finds too.\n\n| collection | query | Reading Room: documents | Pagefind: pages | Pagefind: documents | recall |\n| --- | --- | ---: | ---: | ---: | ---: |"
    );
    for m in measured {
        let Some(pf) = browser
            .collections
            .iter()
            .find(|c| c.name == m.collection.name)
            .and_then(|c| c.pagefind.as_ref())
        else {
            continue;
        };
        let fuzzy = m.queries.iter().filter(|q| q.kind == Kind::Fuzzy);
        for ((query, ours), theirs) in fuzzy.zip(&m.fuzzy_ids).zip(&pf.recall) {
            let found = theirs.ids.iter().filter(|id| ours.contains(id)).count();
            let _ = writeln!(
                s,
                "| {} | `{}` | {} | {}{} | {} | {} |",
                m.collection.label(),
                query.text,
                ours.len(),
                theirs.results,
                if theirs.capped { " (documents of the first 5 000)" } else { "" },
                theirs.ids.len(),
                if ours.is_empty() {
                    "n/a".to_owned()
                } else {
                    format!("{:.0}%", 100.0 * found as f64 / ours.len() as f64)
                }
            );
        }
    }
}
