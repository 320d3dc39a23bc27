//! The `search` section of BENCHMARKS.md: method, collections, build, sizes, latency natively
//! and in the browser, recall, then the ratios and targets ([`super::targets`]).

use super::browser::BrowserRun;
use super::collections::thousands;
use super::module::Module;
use super::queries::{COLD_PER_KIND, Kind, PER_KIND};
use super::targets;
use super::{Measured, growth, native};
use crate::bench::Args;
use crate::bench::stats::{self, bytes, median, ms, p95, ratio, secs};
use std::fmt::Write;

/// The kinds of bytes a page fetches, in the order the tables show them (tests/bench/
/// browser.mjs sorts responses into them).
pub const BYTE_KINDS: [&str; 6] =
    ["app shell", "catalog", "search module", "search index", "page texts", "document data"];

pub fn render(measured: &[Measured], browser: &BrowserRun, module: &Module, args: &Args) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Search\n");
    method(&mut s, browser, args);
    collections(&mut s, measured);
    build(&mut s, measured);
    pagefind_limit(&mut s, measured);
    sizes(&mut s, measured, module);
    native_latency(&mut s, measured);
    for m in measured {
        if let Some(run) = browser.collections.iter().find(|c| c.name == m.collection.name) {
            super::render_browser::in_browser(&mut s, m, run);
        }
    }
    not_in_browser(&mut s, measured, args);
    super::render_browser::recall(&mut s, measured, browser);
    targets::render(&mut s, measured, browser, module);
    s
}

fn method(s: &mut String, browser: &BrowserRun, args: &Args) {
    let _ = writeln!(
        s,
        "**Method.** Collections: the default collection (`documents/`) and synthetic ones of \
         {sizes} documents of 7 pages, made by `readingroom synth --docs N --pages-per-doc 7 \
         --cer 0.02 --seed 1` into `target/bench/synth-N/documents` (reused while their SOURCE.md \
         shows that command). The CLI is built with `cargo build --profile native -p \
         readingroom-cli`.\n\n\
         - **Build**: wall time of `readingroom build <documents> --out <bundle>`, which reads and \
         checks every folder and writes the catalog, one data file per document and the search \
         index (with a page text for each page); median of 3 runs (1 run from 100 000 documents \
         up); peak memory is the process's peak resident set (`VmHWM`, read every 20 ms). \
         Throughput is MB (2^20 bytes) of text (`ocr.txt` + `corrected.md`) per second; \
         *growth* is how time and peak memory grew from the size before. Pagefind indexes the \
         same folders through its Node API (`tests/bench/pagefind-index.mjs`: one custom record \
         per page, its OCR and corrected text, with the title and country/year filters), timed \
         from the first file read to the last index file written; median of 3 runs below 10 000 \
         documents, 1 run at 10 000 (it takes minutes), none above {pf_max} documents.\n\
         - **Sizes**: bytes on disk, and gzipped (level 6, each file on its own, as a server \
         sends it). Pagefind's files are already compressed. A `~` marks a gzipped size \
         estimated from an even sample of 20 000 files (the text, the page texts and `docs/` of \
         the large collections: gigabytes); raw sizes are always exact.\n\
         - **Queries**: {per} of each kind, drawn from each collection (listed in \
         `target/bench/<collection>/queries.txt`): *exact* words from frequent to rare, \
         *phrase*s of two adjacent words of the corrected text, *fuzzy* OCR misreadings of \
         frequent words (`m`→`rn`, `e`→`c`, `h`→`b` …, never a word of the sampled text), \
         *filter*s (a frequent word with `country:\"…\"` or `year:Y..Y+5`), and *miss*es \
         (nonsense words). Pagefind gets the same words, its filters for ours.\n\
         - **Native latency**: `readingroom search <bundle> --bench-queries <file> --limit {limit}`, \
         all queries in one process. *Cold* is a fresh `Index` from `search/meta.json` on, \
         reading each file the engine asks for from disk (the OS cache is warm); *warm* is the \
         same query again on that `Index`, matched and ranked again from the files it holds. \
         Each query's time is the median of 3 passes (1 from 100 000 up); tables give the median \
         and p95 over the queries of a kind.\n\
         - **Browser**: {chromium} (headless, Playwright's library API), with xtask's server \
         (`xtask/src/serve.rs`: the app's files as dist precompressed them, brotli at its best; \
         the bundle compressed per request, brotli level 5) on 127.0.0.1, for the collections \
         of up to {browser_max} documents. *Cold*: a fresh browser context (empty cache, the \
         service worker blocked) per query, the first {cold} queries of each kind, the query in \
         the URL (`#/?q=…`); *wall* is navigation start to the first result (or the empty state) \
         on screen, *engine* the app's own `readingroom:search` User Timing measure. Bytes are \
         Resource Timing's `transferSize` (compressed, headers included) of every response since \
         navigation, grouped by kind: the *app shell* (the app's own files), the *catalog*, the \
         *search module*, the *search index* (`search/` but its page texts), the *page texts* \
         (`search/page/`; Pagefind's fragments are its equivalent) and *document data* \
         (`docs/`, which only the reader loads: a search fetches none). *Rounds* are the waits \
         for the network a search takes once its engine is open, each round's files fetched \
         together and the next round asked for only when they have come (ARCHITECTURE.md, \
         \"The served bundle\"): the app marks each with a `readingroom:round` User Timing \
         mark, counted from the search's start to the end of its `readingroom:search` measure. \
         Pagefind marks none, so its rounds are counted from its requests' times (Resource \
         Timing in the page and in Pagefind's worker, on one clock): its index, filter and \
         fragment requests sorted by start, each that starts after every earlier one has ended \
         opening a round; its entry and `pf_meta` files, which load as it opens, are left out, \
         as our `search/meta.json` is. Our rounds are counted that way too, as a check of the \
         method. *Warm*: in one page, each query of the mix typed into the search box; the \
         `readingroom:search` measure of each. Pagefind runs in the same browser through \
         `tests/bench/pagefind.html`: `pagefind.search(q)` then the first 10 results' \
         `data()`, timed with `performance.now()` from before the module import (cold) or the \
         search (warm). Cold runs alternate between the two engines query by query. The app \
         shows **{limit}** results (then \"Show more\") and loads each one's page text for its \
         snippet (the page the snippet comes from, which carries the result's card too); the \
         harness loads 10 results' fragments.\n",
        sizes = args.sizes().iter().map(|&n| thousands(n)).collect::<Vec<_>>().join(", "),
        pf_max = thousands(args.pagefind_max),
        browser_max = thousands(args.browser_max),
        per = PER_KIND,
        limit = native::LIMIT,
        cold = COLD_PER_KIND,
        chromium = browser.chromium,
    );
}

fn collections(s: &mut String, measured: &[Measured]) {
    let _ = writeln!(
        s,
        "### Collections\n\n| collection | documents | pages | text | text gzipped |\n| --- | ---: | ---: | ---: | ---: |"
    );
    for m in measured {
        let c = &m.collection;
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            c.label(),
            thousands(c.docs),
            thousands(c.pages),
            bytes(c.text.raw as f64),
            stats::gzipped(&c.text)
        );
    }
}

fn build(s: &mut String, measured: &[Measured]) {
    let _ = writeln!(
        s,
        "\n### Index build\n\n| collection | Reading Room | MB/s | peak memory | growth from the size before | Pagefind | MB/s | peak memory | time, ours / Pagefind |\n| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
    );
    let mut before: Option<&Measured> = None;
    for m in measured {
        let mb = m.collection.text.raw as f64 / 1024.0 / 1024.0;
        let ours = median(&m.build.seconds);
        let (theirs, theirs_rate) = match &m.pagefind {
            Some(p) => {
                let t = median(&p.seconds);
                let peak = p.peak_bytes.map_or("n/a".to_owned(), |b| bytes(b as f64));
                (
                    format!(
                        "{} ({} run{}, {} records)",
                        secs(t),
                        p.seconds.len(),
                        if p.seconds.len() == 1 { "" } else { "s" },
                        thousands(p.records)
                    ),
                    format!("{:.2} | {peak}", mb / t),
                )
            }
            None => ("not run".to_owned(), " | ".to_owned()),
        };
        let theirs_s = m.pagefind.as_ref().map_or(f64::NAN, |p| median(&p.seconds));
        let growth = match before {
            Some(b) if m.collection.name != "default" => format!(
                "×{:.0} documents: time ×{:.1}, memory ×{:.1}",
                m.collection.docs as f64 / b.collection.docs as f64,
                ours / median(&b.build.seconds),
                m.build.peak_bytes as f64 / b.build.peak_bytes as f64
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "| {} | {} ({} run{}) | {:.2} | {} | {growth} | {theirs} | {theirs_rate} | {} |",
            m.collection.label(),
            secs(ours),
            m.build.seconds.len(),
            if m.build.seconds.len() == 1 { "" } else { "s" },
            mb / ours,
            bytes(m.build.peak_bytes as f64),
            ratio(ours, theirs_s)
        );
        if m.collection.name != "default" {
            before = Some(m);
        }
    }
    if let Some(g) = growth::of(&growth::points(measured)) {
        let _ = writeln!(s, "\n{}", growth_sentence(&g));
    }
}

/// The build's growth from 10 000 documents up, and what it reads off at a million.
pub fn growth_sentence(g: &growth::Growth) -> String {
    let mut text = format!(
        "From {} to {} documents (×{:.0}) the build's time grew ×{:.1} and its peak memory ×{:.1}; \
         between the two largest sizes, time grew as documents^{:.2} and memory as documents^{:.2}.",
        thousands(g.from_docs),
        thousands(g.to_docs),
        g.to_docs as f64 / g.from_docs as f64,
        g.time,
        g.memory,
        g.time_exponent,
        g.memory_exponent
    );
    if g.to_docs < growth::MILLION {
        let _ = write!(
            text,
            " At that growth, {} documents ({} pages) would take about {} and peak at about {}.",
            thousands(growth::MILLION),
            thousands(growth::MILLION * super::collections::PAGES_PER_DOC as usize),
            minutes(g.million_secs),
            bytes(g.million_peak)
        );
    }
    text
}

/// Seconds as minutes from ten minutes up, for long builds.
pub fn minutes(value: f64) -> String {
    if value >= 600.0 { format!("{:.0} min", value / 60.0) } else { secs(value) }
}

/// Why Pagefind stops where it does: its time and memory at the largest size it ran, and how
/// its time grew from the size before.
fn pagefind_limit(s: &mut String, measured: &[Measured]) {
    let ran: Vec<(&Measured, &super::pagefind::PagefindBuild)> = measured
        .iter()
        .filter(|m| m.collection.name != "default")
        .filter_map(|m| Some((m, m.pagefind.as_ref()?)))
        .collect();
    let skipped: Vec<String> =
        measured.iter().filter(|m| m.pagefind.is_none()).map(|m| m.collection.label()).collect();
    let Some((last, pf)) = ran.last() else { return };
    let mut note = format!(
        "\nPagefind took {} and peaked at {} of memory for {} records ({}).",
        secs(median(&pf.seconds)),
        pf.peak_bytes.map_or("an unmeasured amount".to_owned(), |b| bytes(b as f64)),
        thousands(pf.records),
        last.collection.label()
    );
    if let [.., (m0, p0), (m1, p1)] = ran.as_slice() {
        let _ = write!(
            note,
            " From {} to {} documents ({:.0}× the records) its time grew {:.1}×.",
            thousands(m0.collection.docs),
            thousands(m1.collection.docs),
            p1.records as f64 / p0.records as f64,
            median(&p1.seconds) / median(&p0.seconds)
        );
    }
    if !skipped.is_empty() {
        let _ = write!(
            note,
            " It was not run on {}: at that rate it would take far longer than the whole benchmark's budget of 30 minutes.",
            skipped.join(", ")
        );
    }
    let _ = writeln!(s, "{note}");
}

fn sizes(s: &mut String, measured: &[Measured], module: &Module) {
    let _ = writeln!(
        s,
        "\n### Index size\n\n`search/` is Reading Room's index without its page texts; the *page texts* (`search/page/`, one per page: the page's text and its document's card, for the snippets) are counted apart, as Pagefind's fragments are; `docs/` holds the per-document data files the reader shows. Pagefind's *index* is its `pf_meta`, `index/` and `filter/` files, its *fragments* each page's text.\n\n| collection | search/ | search/ gzipped | ÷ text gzipped | page texts gzipped | docs/ gzipped | catalog.json gzipped | Pagefind index | Pagefind fragments | index, ours / Pagefind |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for m in measured {
        let b = &m.build;
        let (pf_index, pf_frag, r) = match &m.pagefind {
            Some(p) => (
                bytes(p.index.gzip as f64),
                bytes(p.fragments.gzip as f64),
                ratio(b.search.gzip as f64, p.index.gzip as f64),
            ),
            None => ("".into(), "".into(), "".into()),
        };
        let pages = if b.pages.files == 0 {
            "in the pack".to_owned()
        } else {
            format!("{} in {} files", stats::gzipped(&b.pages), thousands(b.pages.files))
        };
        let _ = writeln!(
            s,
            "| {} | {} in {} files | {} | {:.2} | {pages} | {} | {} | {pf_index} | {pf_frag} | {r} |",
            m.collection.label(),
            bytes(b.search.raw as f64),
            thousands(b.search.files),
            bytes(b.search.gzip as f64),
            b.search.gzip as f64 / m.collection.text.gzip as f64,
            stats::gzipped(&b.docs),
            bytes(b.catalog.gzip as f64),
        );
    }
    let pf_module = measured.iter().find_map(|m| m.pagefind.as_ref()).map(|p| p.module.gzip);
    let _ = writeln!(
        s,
        "\nThe search module (wasm + JS): **{}** gzipped (level 9, as `cargo xtask dist` prints it), \
         **{}** as served (dist's brotli copies): wasm {} gzipped, {} brotli ({} raw: code section \
         {}, data section {}), JS glue {} gzipped, {} brotli{}.",
        bytes(module.gzip() as f64),
        bytes(module.brotli() as f64),
        bytes(module.wasm_gzip as f64),
        bytes(module.wasm_brotli as f64),
        bytes(module.wasm_raw as f64),
        bytes(module.code as f64),
        bytes(module.data as f64),
        bytes(module.js_gzip as f64),
        bytes(module.js_brotli as f64),
        pf_module.map_or(String::new(), |b| format!(
            "; Pagefind's `pagefind.js`, worker and wasm: {} gzipped",
            bytes(b as f64)
        ))
    );
}

/// The collections left out of the browser, and why.
fn not_in_browser(s: &mut String, measured: &[Measured], args: &Args) {
    let skipped: Vec<String> = measured
        .iter()
        .filter(|m| m.collection.docs > args.browser_max)
        .map(|m| m.collection.label())
        .collect();
    if skipped.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "\n### Not in the browser: {}\n\nThe browser part runs on collections of up to {} documents (`--browser-max`; by default 100 000, the largest size the targets name): a larger size is there for the growth of the build and for the native queries, whose table above gives the files and bytes a query reads (raw; a browser would fetch them compressed).",
        skipped.join(", "),
        thousands(args.browser_max)
    );
}

fn native_latency(s: &mut String, measured: &[Measured]) {
    let _ = writeln!(
        s,
        "\n### Native query latency\n\n`readingroom search --bench-queries`, limit {}. Files and bytes are what a cold query read (median).\n\n| collection | kind | cold median | cold p95 | warm median | warm p95 | files | bytes read | matches (median) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        native::LIMIT
    );
    for m in measured {
        for kind in Kind::ALL {
            let of: Vec<&native::Timed> = m
                .queries
                .iter()
                .zip(&m.native)
                .filter(|(q, _)| q.kind == kind)
                .map(|(_, t)| t)
                .collect();
            let get = |f: fn(&native::Timed) -> f64| of.iter().map(|t| f(t)).collect::<Vec<f64>>();
            let cold = get(|t| t.cold_ms);
            let warm = get(|t| t.warm_ms);
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {:.0} | {} | {:.0} |",
                m.collection.label(),
                kind.name(),
                ms(median(&cold)),
                ms(p95(&cold)),
                ms(median(&warm)),
                ms(p95(&warm)),
                median(&get(|t| t.files as f64)),
                bytes(median(&get(|t| t.bytes as f64))),
                median(&get(|t| t.total as f64)),
            );
        }
    }
}
