//! The targets of the issue this benchmark serves (issue 14: search at archive scale), each
//! met, missed (with the reason, computed from the run's figures) or not measured in the run.

use super::browser::{BrowserRun, CollectionRun, EngineRun};
use super::collections::thousands;
use super::figures::{find, kind, median_of, search_only, total, warm};
use super::module::Module;
use super::queries::Kind;
use super::render::{growth_sentence, minutes};
use super::{Measured, growth, rounds, why};
use crate::bench::stats::{bytes, median, ms, p95, ratio, secs};
use std::fmt::Write;

const KB: f64 = 1024.0;
/// What the targets compare with Pagefind: ours at most this share of its figure.
const OF_PAGEFIND: f64 = 0.8;

enum Verdict {
    Met,
    Missed(String),
    /// The run did not measure what the target needs; the text says what would.
    NotMeasured(String),
}

struct Row {
    target: String,
    figure: String,
    verdict: Verdict,
}

impl Row {
    fn new(target: &str, figure: String, met: bool, why: impl FnOnce() -> String) -> Row {
        let verdict = if met { Verdict::Met } else { Verdict::Missed(why()) };
        Row { target: target.to_owned(), figure, verdict }
    }

    fn absent(target: &str, needs: &str) -> Row {
        Row {
            target: target.to_owned(),
            figure: String::new(),
            verdict: Verdict::NotMeasured(needs.to_owned()),
        }
    }
}

pub fn render(s: &mut String, measured: &[Measured], browser: &BrowserRun, module: &Module) {
    super::ratios::render(s, measured, browser);
    let mut rows = Vec::new();
    ten_thousand(&mut rows, measured, browser);
    hundred_thousand(&mut rows, measured, browser);
    sizes(&mut rows, browser, module);
    rounds_row(&mut rows, measured, browser);
    growth_row(&mut rows, measured);
    let _ = writeln!(
        s,
        "\n### Targets\n\nThe targets of issue 14 (search at archive scale); ratios are against Pagefind in this run.\n\n| target | measured | |\n| --- | --- | --- |"
    );
    for row in &rows {
        let verdict = match &row.verdict {
            Verdict::Met => "**met**".to_owned(),
            Verdict::Missed(why) => format!("**missed**: {why}"),
            Verdict::NotMeasured(needs) => format!("**not measured**: {needs}"),
        };
        let _ = writeln!(s, "| {} | {} | {verdict} |", row.target, row.figure);
    }
}

/// A synthetic collection of `docs` documents and its browser run.
fn at<'a>(
    measured: &'a [Measured],
    browser: &'a BrowserRun,
    docs: usize,
) -> Option<(&'a Measured, Option<&'a CollectionRun>)> {
    let m =
        measured.iter().find(|m| m.collection.docs == docs && m.collection.name != "default")?;
    Some((m, find(&browser.collections, m)))
}

const NEEDS_10K: &str = "needs 10 000 documents in the run, in the browser (`cargo xtask bench` measures them by default)";
const NEEDS_10K_BUILD: &str =
    "needs 10 000 documents in the run (`cargo xtask bench` measures them by default)";
const NEEDS_100K_BUILD: &str =
    "needs 100 000 documents in the run (`cargo xtask bench` measures them by default)";
const NEEDS_PF: &str = "needs Pagefind at 10 000 documents (`--pagefind-max` of 10 000 or more)";
const NEEDS_100K: &str = "needs 100 000 documents in the run, in the browser (`cargo xtask bench` measures them by default)";

fn ten_thousand(rows: &mut Vec<Row>, measured: &[Measured], browser: &BrowserRun) {
    const BYTES: &str = "10 000 docs, exact queries: first-query bytes, all, ≤ 0.8× Pagefind's";
    const WALL: &str = "10 000 docs, exact queries: cold wall time ≤ 0.8× Pagefind's";
    const WARM: &str = "10 000 docs: warm median ≤ 50 ms, every kind (fuzzy included)";
    const COLD: &str = "10 000 docs: a cold query fetches < 300 KB in all, app shell included";
    const BUILD: &str = "build throughput ≥ 4× Pagefind's (10 000 docs)";
    let exact = Some(Kind::Exact.name());
    let Some((m, run)) = at(measured, browser, 10_000) else {
        for target in [BYTES, WALL, WARM, COLD] {
            rows.push(Row::absent(target, NEEDS_10K));
        }
        rows.push(Row::absent(BUILD, NEEDS_10K_BUILD));
        return;
    };
    let theirs = run.and_then(|r| r.pagefind.as_ref());
    match (run, theirs) {
        (Some(run), Some(theirs)) => {
            let app = &run.app;
            let (ob, tb) = (
                median_of(app, exact, |c| total(&c.all)),
                median_of(theirs, exact, |c| total(&c.all)),
            );
            rows.push(Row::new(
                BYTES,
                format!(
                    "{} against {} ({}); search bytes {} against {}",
                    bytes(ob),
                    bytes(tb),
                    ratio(ob, tb),
                    bytes(median_of(app, exact, |c| search_only(&c.all))),
                    bytes(median_of(theirs, exact, |c| search_only(&c.all)))
                ),
                ob <= OF_PAGEFIND * tb,
                || format!("{}; {}", why::bytes(app, exact), why::against(app, theirs, exact)),
            ));
            let (ol, tl) =
                (median_of(app, exact, |c| c.wall_ms), median_of(theirs, exact, |c| c.wall_ms));
            rows.push(Row::new(
                WALL,
                format!("{} against {} ({})", ms(ol), ms(tl), ratio(ol, tl)),
                ol <= OF_PAGEFIND * tl,
                || why::latency(app, Some(theirs), exact),
            ));
        }
        (Some(_), None) => {
            rows.push(Row::absent(BYTES, NEEDS_PF));
            rows.push(Row::absent(WALL, NEEDS_PF));
        }
        (None, _) => {
            rows.push(Row::absent(BYTES, NEEDS_10K));
            rows.push(Row::absent(WALL, NEEDS_10K));
        }
    }
    if let Some(run) = run {
        let app = &run.app;
        let kinds: Vec<(Kind, f64, f64)> = Kind::ALL
            .iter()
            .map(|&k| (k, median(&warm(app, Some(k.name()))), p95(&warm(app, Some(k.name())))))
            .collect();
        let worst = kinds.iter().map(|k| k.1).fold(f64::NAN, f64::max);
        let list: Vec<String> = kinds
            .iter()
            .map(|(k, med, p)| format!("{} {} (p95 {})", k.name(), ms(*med), ms(*p)))
            .collect();
        rows.push(Row::new(WARM, format!("medians: {}", list.join(", ")), worst <= 50.0, || {
            why::warm(app)
        }));
        let fetched = median_of(app, None, |c| total(&c.all));
        rows.push(Row::new(
            COLD,
            format!(
                "{} median over the {} cold queries, all responses; {} search only",
                bytes(fetched),
                app.cold.len(),
                bytes(median_of(app, None, |c| search_only(&c.all)))
            ),
            fetched < 300.0 * KB,
            || format!("{}; {}", why::bytes(app, None), why::by_query_kind(app)),
        ));
    } else {
        rows.push(Row::absent(WARM, NEEDS_10K));
        rows.push(Row::absent(COLD, NEEDS_10K));
    }
    match &m.pagefind {
        Some(pf) => {
            let (ours, theirs) = (median(&m.build.seconds), median(&pf.seconds));
            let speedup = theirs / ours;
            let mb = m.collection.text.raw as f64 / KB / KB;
            rows.push(Row::new(
                BUILD,
                format!("{speedup:.1}× ({} against {})", secs(ours), secs(theirs)),
                speedup >= 4.0,
                || format!("{:.2} MB/s against Pagefind's {:.2} MB/s", mb / ours, mb / theirs),
            ));
        }
        None => rows.push(Row::absent(BUILD, NEEDS_PF)),
    }
}

fn hundred_thousand(rows: &mut Vec<Row>, measured: &[Measured], browser: &BrowserRun) {
    const TIME: &str = "100 000 docs: build in < 5 min";
    const PEAK: &str = "100 000 docs: build peak memory < 2 GB";
    const BYTES: &str = "100 000 docs: the median query fetches < 1 MB";
    const WARM: &str = "100 000 docs: warm median < 100 ms";
    let Some((m, run)) = at(measured, browser, 100_000) else {
        rows.push(Row::absent(TIME, NEEDS_100K_BUILD));
        rows.push(Row::absent(PEAK, NEEDS_100K_BUILD));
        rows.push(Row::absent(BYTES, NEEDS_100K));
        rows.push(Row::absent(WARM, NEEDS_100K));
        return;
    };
    let small = at(measured, browser, 10_000).map(|(s, _)| s);
    let t = median(&m.build.seconds);
    let mb = m.collection.text.raw as f64 / KB / KB;
    rows.push(Row::new(TIME, format!("{} ({:.2} MB/s)", secs(t), mb / t), t < 300.0, || {
        match small {
            Some(s) => format!(
                "at 10 000 documents it took {} ({:.2} MB/s): ×{:.1} the time for ×10 the documents",
                secs(median(&s.build.seconds)),
                s.collection.text.raw as f64 / KB / KB / median(&s.build.seconds),
                t / median(&s.build.seconds)
            ),
            None => format!("{:.2} MB/s of text", mb / t),
        }
    }));
    let peak = m.build.peak_bytes as f64;
    rows.push(Row::new(PEAK, bytes(peak), peak < 2.0 * KB * KB * KB, || match small {
        Some(s) => format!(
            "the peak grows with the collection: {} at 10 000 documents, ×{:.1} for ×10 the documents ({} per 1 000 documents at 100 000)",
            bytes(s.build.peak_bytes as f64),
            peak / s.build.peak_bytes as f64,
            bytes(peak / 100.0)
        ),
        None => "no smaller size from 10 000 documents up to compare with".to_owned(),
    }));
    let Some(run) = run else {
        rows.push(Row::absent(BYTES, NEEDS_100K));
        rows.push(Row::absent(WARM, NEEDS_100K));
        return;
    };
    let app = &run.app;
    let fetched = median_of(app, None, |c| total(&c.all));
    rows.push(Row::new(
        BYTES,
        format!(
            "{} median over the {} cold queries, all responses; {} search only",
            bytes(fetched),
            app.cold.len(),
            bytes(median_of(app, None, |c| search_only(&c.all)))
        ),
        fetched < KB * KB,
        || format!("{}; {}", why::bytes(app, None), why::by_query_kind(app)),
    ));
    let all = median(&warm(app, None));
    let list: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", k.name(), ms(median(&warm(app, Some(k.name()))))))
        .collect();
    rows.push(Row::new(
        WARM,
        format!(
            "{} over {} warm queries (p95 {}); by kind: {}",
            ms(all),
            app.warm.len(),
            ms(p95(&warm(app, None))),
            list.join(", ")
        ),
        all < 100.0,
        || why::warm(app),
    ));
}

/// The search module and the app shell, as a browser receives them.
fn sizes(rows: &mut Vec<Row>, browser: &BrowserRun, module: &Module) {
    const SERVED: &str = "search module < 72 KB transferred (Pagefind's size)";
    const GZIP: &str = "search module < 60 KB gzipped (stretch)";
    const SHELL: &str = "app shell < 160 KB transferred";
    let cold: Vec<&super::browser::Cold> =
        browser.collections.iter().flat_map(|c| &c.app.cold).collect();
    let of = |f: &dyn Fn(&super::browser::Cold) -> f64| {
        median(&cold.iter().map(|c| f(c)).collect::<Vec<_>>())
    };
    let pagefind: Vec<f64> = browser
        .collections
        .iter()
        .filter_map(|c| c.pagefind.as_ref())
        .flat_map(|p| &p.cold)
        .map(|c| kind(&c.all, "search module"))
        .collect();
    if cold.is_empty() {
        rows.push(Row::absent(SERVED, "needs a browser run"));
    } else {
        let served = of(&|c| kind(&c.all, "search module"));
        rows.push(Row::new(
            SERVED,
            format!(
                "{} (the brotli files {}, headers the rest){}",
                bytes(served),
                bytes(module.brotli() as f64),
                if pagefind.is_empty() {
                    String::new()
                } else {
                    format!("; Pagefind's {}", bytes(median(&pagefind)))
                }
            ),
            served < 72.0 * KB,
            || why::module(module),
        ));
    }
    rows.push(Row::new(
        GZIP,
        bytes(module.gzip() as f64),
        (module.gzip() as f64) < 60.0 * KB,
        || why::module(module),
    ));
    if cold.is_empty() {
        rows.push(Row::absent(SHELL, "needs a browser run"));
    } else {
        let shell = of(&|c| kind(&c.all, "app shell"));
        let app = browser.collections.first().map(|c| &c.app);
        rows.push(Row::new(
            SHELL,
            format!("{} (median of the cold visits)", bytes(shell)),
            shell < 160.0 * KB,
            || app.map_or(String::new(), why::shell),
        ));
    }
}

/// The typical exact query in two rounds, and a fuzzy one in three, in every collection
/// measured in the browser.
fn rounds_row(rows: &mut Vec<Row>, measured: &[Measured], browser: &BrowserRun) {
    const TARGET: &str =
        "typical exact query: ≤ 2 rounds of fetches (at most 3 with fuzzy expansion)";
    let runs: Vec<(&Measured, &EngineRun)> =
        measured.iter().filter_map(|m| Some((m, &find(&browser.collections, m)?.app))).collect();
    if runs.is_empty() {
        rows.push(Row::absent(TARGET, "needs a browser run"));
        return;
    }
    let (exact, fuzzy) = (Kind::Exact.name(), Kind::Fuzzy.name());
    let mut met = true;
    let mut figures = Vec::new();
    for (m, app) in &runs {
        let (e, f) = (rounds::cold(app, Some(exact)), rounds::cold(app, Some(fuzzy)));
        met &= median(&e) <= 2.0 && median(&f) <= 3.0;
        figures.push(format!(
            "{}: exact {}, fuzzy {}",
            m.collection.label(),
            rounds::median_max(&e),
            rounds::median_max(&f)
        ));
    }
    rows.push(Row::new(TARGET, format!("cold, median / max: {}", figures.join("; ")), met, || {
        let (m, app) = runs.last().expect("one run at least");
        why::rounds(app, &m.collection.label(), 2.0)
    }));
}

/// A million documents, or 300 000 with the growth of time and memory from 10 000 up.
fn growth_row(rows: &mut Vec<Row>, measured: &[Measured]) {
    const TARGET: &str =
        "build: 1 000 000 documents, or 300 000 with the growth of time and memory from 10 000 up";
    const LARGE: usize = 300_000;
    let points = growth::points(measured);
    let Some(g) = growth::of(&points) else {
        rows.push(Row::absent(
            TARGET,
            "needs two sizes from 10 000 documents up (`cargo xtask bench --only search --sizes 10000,100000,300000`)",
        ));
        return;
    };
    let largest = g.to_docs;
    rows.push(Row::new(TARGET, growth_sentence(&g), largest >= LARGE, || {
        let at = growth::time_at(&points, LARGE).unwrap_or(f64::NAN);
        format!(
            "the largest size measured is {} documents; at the growth measured, a build of {} documents would add about {} to the run (`cargo xtask bench --only search --sizes 10000,100000,300000`)",
            thousands(largest),
            thousands(LARGE),
            minutes(at)
        )
    }));
}

#[cfg(test)]
mod tests {
    use super::super::collections::Collection;
    use super::super::native::Build;
    use super::*;
    use crate::bench::stats::Size;

    const GB: u64 = 1 << 30;

    fn synthetic(docs: usize, seconds: f64, peak_bytes: u64) -> Measured {
        Measured {
            collection: Collection {
                name: docs.to_string(),
                documents: std::path::PathBuf::new(),
                dir: std::path::PathBuf::new(),
                docs,
                pages: docs * 7,
                text: Size { files: docs, raw: docs as u64 * 20_000, gzip: 1, sampled: 0 },
            },
            build: Build {
                seconds: vec![seconds],
                peak_bytes,
                search: Size::default(),
                pages: Size::default(),
                docs: Size::default(),
                catalog: Size::default(),
            },
            queries: Vec::new(),
            native: Vec::new(),
            pagefind: None,
            fuzzy_ids: Vec::new(),
        }
    }

    fn rendered(measured: &[Measured]) -> String {
        let browser = BrowserRun { chromium: "test".into(), collections: Vec::new() };
        let mut s = String::new();
        render(&mut s, measured, &browser, &Module::default());
        s
    }

    fn row<'a>(s: &'a str, target: &str) -> &'a str {
        s.lines().find(|l| l.starts_with(&format!("| {target}"))).expect(target)
    }

    #[test]
    fn the_build_targets_and_the_growth_are_judged_from_the_sizes_measured() {
        let s = rendered(&[
            synthetic(10_000, 20.0, GB / 2),
            synthetic(100_000, 400.0, GB),
            synthetic(300_000, 1_200.0, GB),
        ]);
        let time = row(&s, "100 000 docs: build in < 5 min");
        assert!(time.contains("**missed**") && time.contains("×20.0 the time"), "{time}");
        assert!(row(&s, "100 000 docs: build peak memory < 2 GB").contains("**met**"));
        let growth = row(&s, "build: 1 000 000 documents");
        assert!(growth.contains("**met**"), "{growth}");
        // Figures in sentences group thousands with no-break spaces.
        let from = format!("From {} to {} documents (×30)", thousands(10_000), thousands(300_000));
        assert!(growth.contains(&from), "{growth}");
        assert!(growth.contains("documents^1.00") && growth.contains("documents^0.00"), "{growth}");
        assert!(growth.contains("would take about 67 min and peak at about 1.00 GB"), "{growth}");
        let browser = row(&s, "100 000 docs: warm median < 100 ms");
        assert!(browser.contains("**not measured**"), "{browser}");
    }

    #[test]
    fn without_a_size_above_100_000_the_growth_target_says_what_300_000_would_take() {
        let s = rendered(&[synthetic(10_000, 30.0, GB), synthetic(100_000, 300.0, GB)]);
        let growth = row(&s, "build: 1 000 000 documents");
        assert!(growth.contains("**missed**"), "{growth}");
        assert!(growth.contains("would add about 15 min"), "{growth}");
        let none = rendered(&[synthetic(1_000, 3.0, GB)]);
        assert!(row(&none, "build: 1 000 000 documents").contains("**not measured**"));
    }
}
