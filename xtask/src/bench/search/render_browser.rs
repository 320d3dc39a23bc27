//! The browser tables of the `search` section: latency and bytes per kind of query, cold and
//! warm, for both engines; and what Pagefind finds of the fuzzy queries.

use super::Measured;
use super::browser::{BrowserRun, CollectionRun, EngineRun};
use super::figures::{self, median_of};
use super::queries::Kind;
use super::render::BYTE_KINDS;
use super::rounds;
use crate::bench::stats::{bytes, median, ms, p95};
use std::fmt::Write;

pub fn in_browser(s: &mut String, m: &Measured, run: &CollectionRun) {
    let _ = writeln!(s, "\n### In the browser: {}\n", m.collection.label());
    let pf = run.pagefind.as_ref();
    let _ = writeln!(
        s,
        "| kind | cold wall, ours | cold engine, ours | cold bytes, ours (search only) | cold rounds, ours (median / max) | cold wall, Pagefind | cold engine, Pagefind | cold bytes, Pagefind (search only) | cold rounds, Pagefind (median / max) | warm median / p95, ours | warm median / p95, Pagefind |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for kind in Kind::ALL {
        let k = Some(kind.name());
        let cold = |e: &EngineRun| {
            format!(
                "{} | {} | {} ({}) | {}",
                ms(median_of(e, k, |c| c.wall_ms)),
                ms(median_of(e, k, |c| c.engine_ms.unwrap_or(f64::NAN))),
                bytes(median_of(e, k, |c| figures::total(&c.all))),
                bytes(median_of(e, k, |c| figures::search_only(&c.all))),
                rounds::median_max(&rounds::cold(e, k))
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
            pf.map_or(" | | | ".to_owned(), cold),
            warm(&run.app),
            pf.map_or(String::new(), warm)
        );
    }
    let _ = writeln!(
        s,
        "\nCold bytes by kind (median over the cold queries; a link to a search fetches no catalog; the app loads it only to list the whole collection):\n\n| engine | {} | total |\n| --- |{}",
        BYTE_KINDS.join(" | "),
        " ---: |".repeat(BYTE_KINDS.len() + 1)
    );
    for (name, engine) in [("Reading Room", Some(&run.app)), ("Pagefind", pf)] {
        let Some(engine) = engine else { continue };
        let cells: Vec<String> = BYTE_KINDS
            .iter()
            .map(|kind| bytes(median_of(engine, None, |c| figures::kind(&c.all, kind))))
            .collect();
        let _ = writeln!(
            s,
            "| {name} | {} | {} |",
            cells.join(" | "),
            bytes(median_of(engine, None, |c| figures::total(&c.all)))
        );
    }
    let fetched = |e: &EngineRun| {
        let each = |f: &dyn Fn(&super::browser::ByKind) -> f64| {
            median(&e.warm.iter().map(|w| f(&w.fetched)).collect::<Vec<_>>())
        };
        format!(
            "{} (index {}, page texts {}, document data {})",
            bytes(each(&figures::total)),
            bytes(each(&|b| figures::kind(b, "search index"))),
            bytes(each(&|b| figures::kind(b, "page texts"))),
            bytes(each(&|b| figures::kind(b, "document data")))
        )
    };
    let _ = writeln!(
        s,
        "\nA warm query fetched a median of {} in Reading Room{}. One that fetched anything took a median of {} in Reading Room{}.",
        fetched(&run.app),
        pf.map_or(String::new(), |p| format!(", and {} in Pagefind", fetched(p))),
        rounds::rounds(median(&rounds::warm_fetching(&run.app))),
        pf.map_or(String::new(), |p| format!(
            ", {} in Pagefind",
            rounds::rounds(median(&rounds::warm_fetching(p)))
        ))
    );
    round_paths(s, &run.app, pf);
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

/// What each round of the cold exact and fuzzy queries fetched, in both engines, and the
/// app's count of rounds against the count from request times (Pagefind's method).
fn round_paths(s: &mut String, app: &EngineRun, pf: Option<&EngineRun>) {
    let list = |engine: &EngineRun| -> Vec<String> {
        engine
            .cold
            .iter()
            .filter(|c| c.kind == Kind::Exact.name() || c.kind == Kind::Fuzzy.name())
            .filter_map(|c| {
                Some(format!("`{}` ({}) {}: {}", c.q, c.kind, c.rounds?, rounds::path(c)))
            })
            .collect()
    };
    let ours = list(app);
    if ours.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "\nWhat each round of the cold exact and fuzzy queries fetched (ours: index files by part, `page` the page texts): {}.",
        ours.join("; "),
    );
    let (same, more, fewer) = rounds::by_timing(app);
    let _ = writeln!(
        s,
        "\nCounted from request times, as Pagefind's are, our rounds equal the app's marks on {same} of {} queries (cold and warm); they are more on {more} and fewer on {fewer}.",
        same + more + fewer
    );
    if let Some(pf) = pf {
        let _ = writeln!(s, "\nPagefind's, from request times: {}.", list(pf).join("; "));
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
