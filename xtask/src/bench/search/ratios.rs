//! The ratios against Pagefind, collection by collection, over the exact queries.

use super::Measured;
use super::browser::{BrowserRun, Cold};
use super::figures::{find, median_of, search_only, total, warm};
use super::queries::Kind;
use super::rounds;
use crate::bench::stats::{median, ratio};
use std::fmt::Write;

pub fn render(s: &mut String, measured: &[Measured], browser: &BrowserRun) {
    let exact = Some(Kind::Exact.name());
    let _ = writeln!(
        s,
        "\n### Ratios, Reading Room / Pagefind\n\nBelow 1 means Reading Room is smaller or faster. Browser figures are medians over the *exact* queries, the one kind both engines answer alike. *All bytes* counts every response of the visit (our app shell and catalog included; the harness page is tiny); *search bytes* the search module, the index and the page texts (Pagefind's fragments).\n\n| collection | build time | index bytes (gzipped) | first-query bytes, all | first-query bytes, search | cold latency, wall | cold latency, engine | warm latency | cold rounds |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for m in measured {
        let (Some(pf), Some(run)) = (&m.pagefind, find(&browser.collections, m)) else { continue };
        let Some(theirs) = &run.pagefind else { continue };
        let ours = &run.app;
        let cell = |f: &dyn Fn(&Cold) -> f64| {
            ratio(median_of(ours, exact, f), median_of(theirs, exact, f))
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            m.collection.label(),
            ratio(median(&m.build.seconds), median(&pf.seconds)),
            ratio(m.build.search.gzip as f64, pf.index.gzip as f64),
            cell(&|c| total(&c.all)),
            cell(&|c| search_only(&c.all)),
            cell(&|c| c.wall_ms),
            cell(&|c| c.engine_ms.unwrap_or(f64::NAN)),
            ratio(median(&warm(ours, exact)), median(&warm(theirs, exact))),
            ratio(median(&rounds::cold(ours, exact)), median(&rounds::cold(theirs, exact))),
        );
    }
}
