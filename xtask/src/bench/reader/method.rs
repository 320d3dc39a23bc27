//! The method paragraph of the `reader` section: how each figure is taken.

use super::{Measured, QUERIES, RUNS};
use crate::bench::stats::{bytes, ms};
use std::fmt::Write;

pub fn render(out: &mut String, m: &Measured) {
    let s = &m.synthetic;
    let _ = write!(
        out,
        "**Method.** Headless Chromium {chromium} driven by Playwright's library API \
         (`tests/bench/reader.mjs`), the site from `cargo xtask dist` served by xtask's server \
         (`xtask/src/serve.rs`: the app's files as dist precompressed them, the bundle \
         compressed per request) on 127.0.0.1, so the network costs next to nothing and the \
         times are the app's own. The default collection ({docs} documents) is served at one \
         path; its largest document is `{long}` ({long_kb} of OCR, no transcription). A \
         synthetic document is served at another path as a collection of its own: `{command}`, \
         one document of {pages} pages, {ocr} of OCR and {corrected} of transcription. Every \
         visit is {RUNS} times over, each in a fresh browser context (an empty cache, the service worker \
         blocked, so that each is a first visit); figures \
         are medians, with the 95th percentile by nearest rank (of {RUNS} runs, the slowest). \
         The machine is shared: its load average over a minute was {before} as the runs began \
         and {after} as they ended, on {cores} cores, and what else ran shows in the figures, \
         the p95s most.\n\n\
         - *Shown* is when the element waited for is in the DOM (a MutationObserver, the \
         layout then forced so that the figure includes it), timed with `performance.now()` in \
         the page from navigation start (a visit by link) or from the reader's action; *next \
         frame* is when the next `requestAnimationFrame` callback ran, the start of the frame \
         that paints it.\n\
         - **Library**: the first `.doc-list > li`. **Open a document**: the first page's text \
         (`#text section.page`), by the document's link (`#/doc/<id>`), or from the library (a \
         click on its title).\n\
         - **Find**: the find field (`Search in this document`) gets the query as one \
         keystroke (its value set and an `input` event dispatched) until the status \
         (`.find-bar [role=status]`) no longer says \"Searching…\" and the page's first \
         `mark.hit` is a match for the query; {settle}. The first keystroke of a visit, `{q0}`, \
         loads the search module and has the engine read the document; the next four \
         alternate `{q1}` and `{q0}` with the engine warm.\n\
         - **Next match**: the button clicked until `mark.hit.current` is another hit, every \
         step of a visit from the first hit until the page turns.\n\
         - **Compare**: `#/doc/<id>?view=compare&page=1` by its link, and from the open \
         document, until the OCR pane (`[aria-label=\"OCR text\"]`) has its rows. Then, in that \
         page, the compare module's work: its `view` asked what the view asks of it (the page \
         against the transcription, every page's rates, the next page), on the document's data \
         file, each call timed with `performance.now()`; the view has already asked once, so \
         these are the module's calls with its code loaded and warm.\n\
         - **Downloads**: each response's `encodedDataLength` (CDP `Network.loadingFinished`: \
         the body as sent, compressed, plus headers) from navigation until no request is in \
         flight for 300 ms, by kind, of the first run (the others fetch the same); for the \
         compare view opened from a document, what it added.\n\
         - **Memory**: one more visit through the states, each read after a forced garbage \
         collection (CDP `HeapProfiler.collectGarbage`): the JS heap in use (CDP \
         `Performance.getMetrics`, `JSHeapUsedSize`), the linear memory of every live \
         `WebAssembly.Memory` (found with CDP `Runtime.queryObjects`; it lies outside the JS \
         heap) and the DOM's nodes. `performance.measureUserAgentSpecificMemory()` would count \
         everything, but it needs cross-origin isolation, which the site is not served with.\n\
         - **Size**: the app's wasm, its JS glue and the page chrome's script \
         (`static/chrome.js`) gzipped at the highest level, as `cargo xtask dist` counts its \
         budget, and dist's brotli copies, which a host serves.\n",
        chromium = m.browser.chromium,
        before = m.load.0.map_or("unknown".into(), |l| format!("{l:.1}")),
        after = m.load.1.map_or("unknown".into(), |l| format!("{l:.1}")),
        cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        docs = m.documents,
        long = m.long.id,
        long_kb = bytes(m.long.ocr_bytes as f64),
        command = s.command,
        pages = s.pages,
        ocr = bytes(s.ocr_bytes as f64),
        corrected = bytes(s.corrected_bytes as f64),
        q0 = QUERIES[0],
        q1 = QUERIES[1],
        settle = match settling(m) {
            0.0 => "the DOM did not change again before two frames passed without a change".into(),
            late => format!(
                "the DOM's last change before two quiet frames came at most {} later",
                ms(late)
            ),
        },
    );
}

/// The longest the DOM went on changing after a keystroke's marks were shown.
fn settling(m: &Measured) -> f64 {
    let documents = m.browser.documents.values();
    let timed = documents.flat_map(|d| d.first.iter().chain(&d.warm));
    timed.map(|t| t.settled_ms - t.ms).fold(0.0, f64::max)
}
