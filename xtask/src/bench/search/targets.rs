//! The ratios against Pagefind and the targets from the issue, each met or missed with its
//! figure, and for a miss what dominates the cost.

use super::Measured;
use super::browser::{BrowserRun, ByKind, Cold, CollectionRun, EngineRun};
use super::module::Module;
use super::queries::Kind;
use super::render::BYTE_KINDS;
use crate::bench::stats::{bytes, median, ms, p95, ratio, secs};
use std::fmt::Write;

pub fn total(by: &ByKind) -> f64 {
    by.values().map(|b| b.transfer as f64).sum()
}

/// The search module, the index and the document data: what searching adds to a visit.
pub fn search_only(by: &ByKind) -> f64 {
    ["search module", "search index", "document data"].iter().map(|k| kind(by, k)).sum()
}

pub fn kind(by: &ByKind, kind: &str) -> f64 {
    by.get(kind).map_or(0.0, |b| b.transfer as f64)
}

/// The median over an engine's cold runs (of one kind of query, or all).
pub fn median_of(engine: &EngineRun, kind: Option<&str>, f: impl Fn(&Cold) -> f64) -> f64 {
    let v: Vec<f64> =
        engine.cold.iter().filter(|c| kind.is_none_or(|k| c.kind == k)).map(f).collect();
    median(&v)
}

fn warm(engine: &EngineRun, kind: Option<&str>) -> Vec<f64> {
    engine.warm.iter().filter(|w| kind.is_none_or(|k| w.kind == k)).map(|w| w.ms).collect()
}

pub fn render(s: &mut String, measured: &[Measured], browser: &BrowserRun, module: &Module) {
    let exact = Some(Kind::Exact.name());
    let _ = writeln!(
        s,
        "\n### Ratios, Reading Room / Pagefind\n\nBelow 1 means Reading Room is smaller or faster. Browser figures are medians over the *exact* queries, the one kind both engines answer alike. *All bytes* counts every response of the visit (our app shell and catalog included; the harness page is tiny); *search bytes* the search module, index and document data or fragments.\n\n| collection | build time | index bytes (gzipped) | first-query bytes, all | first-query bytes, search | cold latency, wall | cold latency, engine | warm latency |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for m in measured {
        let (Some(pf), Some(run)) = (&m.pagefind, find(browser, m)) else { continue };
        let Some(theirs) = &run.pagefind else { continue };
        let ours = &run.app;
        let cell = |f: &dyn Fn(&Cold) -> f64| {
            ratio(median_of(ours, exact, f), median_of(theirs, exact, f))
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            m.collection.label(),
            ratio(median(&m.build.seconds), median(&pf.seconds)),
            ratio(m.build.search.gzip as f64, pf.index.gzip as f64),
            cell(&|c| total(&c.all)),
            cell(&|c| search_only(&c.all)),
            cell(&|c| c.wall_ms),
            cell(&|c| c.engine_ms.unwrap_or(f64::NAN)),
            ratio(median(&warm(ours, exact)), median(&warm(theirs, exact))),
        );
    }
    let _ = writeln!(s, "\n### Targets\n\n| target | measured | |\n| --- | --- | --- |");
    let mut rows: Vec<(String, String, bool, Option<String>)> = Vec::new();
    if let Some((m, run)) = at(measured, browser, 10_000) {
        let app = &run.app;
        let wall = median_of(app, None, |c| c.wall_ms);
        rows.push((
            "10 000 docs: first results, cold, < 300 ms".into(),
            format!(
                "{} median wall over {} cold queries (p95 {}); engine {}",
                ms(wall),
                app.cold.len(),
                ms(p95(&app.cold.iter().map(|c| c.wall_ms).collect::<Vec<_>>())),
                ms(median_of(app, None, |c| c.engine_ms.unwrap_or(f64::NAN)))
            ),
            wall < 300.0,
            Some(latency_why(app)),
        ));
        let fetched = median_of(app, None, |c| total(&c.all));
        rows.push((
            "10 000 docs: cold query fetches < 300 KB".into(),
            format!(
                "{} median, all responses; {} search only",
                bytes(fetched),
                bytes(median_of(app, None, |c| search_only(&c.all)))
            ),
            fetched < 300.0 * 1024.0,
            Some(format!("{}. By kind of query: {}", bytes_why(app), bytes_by_query_kind(app))),
        ));
        let kinds: Vec<(Kind, f64, f64)> = Kind::ALL
            .iter()
            .map(|&k| (k, median(&warm(app, Some(k.name()))), p95(&warm(app, Some(k.name())))))
            .collect();
        let worst = kinds.iter().map(|k| k.1).fold(0.0, f64::max);
        let list: Vec<String> = kinds
            .iter()
            .map(|(k, med, p)| format!("{} {} (p95 {})", k.name(), ms(*med), ms(*p)))
            .collect();
        rows.push((
            "10 000 docs: warm queries < 20 ms, fuzzy included".into(),
            format!("medians: {}", list.join(", ")),
            worst < 20.0,
            Some(warm_why(app)),
        ));
        if let (Some(pf), Some(theirs)) = (&m.pagefind, &run.pagefind) {
            let (ob, tb) = (
                median_of(app, exact, |c| total(&c.all)),
                median_of(theirs, exact, |c| total(&c.all)),
            );
            rows.push((
                "exact queries: first-query bytes no worse than Pagefind (10 000 docs)".into(),
                format!(
                    "{} against {} ({}); search bytes {} against {}",
                    bytes(ob),
                    bytes(tb),
                    ratio(ob, tb),
                    bytes(median_of(app, exact, |c| search_only(&c.all))),
                    bytes(median_of(theirs, exact, |c| search_only(&c.all)))
                ),
                ob <= tb,
                Some(bytes_why(app)),
            ));
            let (ol, tl) =
                (median_of(app, exact, |c| c.wall_ms), median_of(theirs, exact, |c| c.wall_ms));
            rows.push((
                "exact queries: cold latency no worse than Pagefind (10 000 docs)".into(),
                format!("{} against {} wall ({})", ms(ol), ms(tl), ratio(ol, tl)),
                ol <= tl,
                Some(latency_why(app)),
            ));
            let speedup = median(&pf.seconds) / median(&m.build.seconds);
            rows.push((
                "build throughput ≥ 3× Pagefind's (10 000 docs)".into(),
                format!(
                    "{speedup:.1}× ({} against {})",
                    secs(median(&m.build.seconds)),
                    secs(median(&pf.seconds))
                ),
                speedup >= 3.0,
                None,
            ));
        }
    }
    if let Some(m) = measured.iter().find(|m| m.collection.docs == 100_000) {
        let t = median(&m.build.seconds);
        rows.push((
            "100 000 docs: build < 10 min".into(),
            format!("{} (peak memory {})", secs(t), bytes(m.build.peak_bytes as f64)),
            t < 600.0,
            None,
        ));
        if let Some(run) = find(browser, m) {
            let fetched = median_of(&run.app, None, |c| total(&c.all));
            rows.push((
                "100 000 docs: a query fetches < 1 MB".into(),
                format!(
                    "{} median, all responses; {} search only",
                    bytes(fetched),
                    bytes(median_of(&run.app, None, |c| search_only(&c.all)))
                ),
                fetched < 1024.0 * 1024.0,
                Some(format!(
                    "{}. By kind of query: {}. A frequent word's postings hold every position of \
                     it in the collection (a word of every page is millions of positions at \
                     100 000 documents), and a query reads all of them to count its documents \
                     and facets exactly and to find phrases; rare words and misses stay small. \
                     Postings split by impact, with the best documents first and the counts \
                     estimated, would bound a query's bytes; the index does not have that yet",
                    bytes_why(&run.app),
                    bytes_by_query_kind(&run.app)
                )),
            ));
        }
    }
    rows.push((
        "search module (wasm + JS, gzipped) < 60 KB".into(),
        bytes(module.gzip() as f64),
        module.gzip() < 60 * 1024,
        Some(module_why(module)),
    ));
    for (target, figure, met, why) in &rows {
        let verdict = if *met {
            "**met**".to_owned()
        } else {
            format!("**missed**{}", why.as_ref().map_or(String::new(), |w| format!(": {w}")))
        };
        let _ = writeln!(s, "| {target} | {figure} | {verdict} |");
    }
    if !measured.iter().any(|m| m.collection.docs == 10_000) {
        let _ = writeln!(
            s,
            "\nThe 10 000- and 100 000-document targets need those sizes in the run (`cargo xtask bench` measures them by default)."
        );
    }
}

fn find<'a>(browser: &'a BrowserRun, m: &Measured) -> Option<&'a CollectionRun> {
    browser.collections.iter().find(|c| c.name == m.collection.name)
}

fn at<'a>(
    measured: &'a [Measured],
    browser: &'a BrowserRun,
    docs: usize,
) -> Option<(&'a Measured, &'a CollectionRun)> {
    let m =
        measured.iter().find(|m| m.collection.docs == docs && m.collection.name != "default")?;
    Some((m, find(browser, m)?))
}

/// The kinds of bytes, largest first, with their share of the median cold visit.
fn bytes_why(app: &EngineRun) -> String {
    let all = median_of(app, None, |c| total(&c.all));
    let mut kinds: Vec<(&str, f64)> =
        BYTE_KINDS.iter().map(|k| (*k, median_of(app, None, |c| kind(&c.all, k)))).collect();
    kinds.sort_by(|a, b| b.1.total_cmp(&a.1));
    let list: Vec<String> =
        kinds.iter().map(|(k, b)| format!("{k} {} ({:.0}%)", bytes(*b), 100.0 * b / all)).collect();
    let largest = kinds.first().map_or("", |k| k.0);
    format!("{largest} dominates; by kind, {}", list.join(", "))
}

/// Where the cold time goes: the engine's own measure against the wall.
fn latency_why(app: &EngineRun) -> String {
    let wall = median_of(app, None, |c| c.wall_ms);
    let engine = median_of(app, None, |c| c.engine_ms.unwrap_or(f64::NAN));
    format!(
        "the search itself (its `readingroom:search` measure, from the app starting the search, with the search module loading since the page opened, to the results) takes {} of the {} to the first results; the rest is loading and starting the app (a link to a search fetches no catalog)",
        ms(engine),
        ms(wall),
    )
}

/// The median bytes of a cold visit, kind of query by kind.
fn bytes_by_query_kind(app: &EngineRun) -> String {
    let list: Vec<String> = Kind::ALL
        .iter()
        .map(|k| {
            format!("{} {}", k.name(), bytes(median_of(app, Some(k.name()), |c| total(&c.all))))
        })
        .collect();
    list.join(", ")
}

/// Warm queries that fetched nothing against those that fetched index files or document data.
fn warm_why(app: &EngineRun) -> String {
    let files = |w: &&super::browser::Warm| {
        w.fetched.iter().filter(|(k, _)| *k != "app shell").map(|(_, b)| b.files).sum::<usize>()
    };
    let (idle, fetching): (Vec<_>, Vec<_>) = app.warm.iter().partition(|w| files(w) == 0);
    let med = |list: &[&super::browser::Warm], f: &dyn Fn(&&super::browser::Warm) -> f64| {
        median(&list.iter().map(f).collect::<Vec<_>>())
    };
    let slowest = app.warm.iter().max_by(|a, b| a.ms.total_cmp(&b.ms));
    format!(
        "{} warm queries that fetched nothing new took {} (median); the {} that did took {}, fetching a median of {:.0} files: {} of document data (the shown results' text, for their snippets) and {} of index. The slowest: {}",
        idle.len(),
        ms(med(&idle, &|w| w.ms)),
        fetching.len(),
        ms(med(&fetching, &|w| w.ms)),
        med(&fetching, &|w| files(w) as f64),
        bytes(med(&fetching, &|w| kind(&w.fetched, "document data"))),
        bytes(med(&fetching, &|w| kind(&w.fetched, "search index"))),
        slowest.map_or(String::new(), |w| format!("`{}`, {}", w.q, ms(w.ms))),
    )
}

fn module_why(module: &Module) -> String {
    format!(
        "the wasm is {} of it ({} raw, of which code {} and data {}); the JS glue {}",
        bytes(module.wasm_gzip as f64),
        bytes(module.wasm_raw as f64),
        bytes(module.code as f64),
        bytes(module.data as f64),
        bytes(module.js_gzip as f64)
    )
}
