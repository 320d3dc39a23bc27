// The page-side tools of tests/bench/reader.mjs: a fresh browser context that watches for
// elements from navigation start, counts the bytes of every response through the Chrome
// DevTools Protocol, and reads the tab's memory; and the in-page timings of a keystroke in the
// find field and of a step to the next hit, taken with performance.now() in the page.

/// What "shown" means for each thing the benchmark waits for, as CSS selectors.
export const SHOWN = {
  library: '.doc-list > li',
  text: '#text section.page',
  compare: '[aria-label="OCR text"] .compare-row',
  failed: '.error-card, .compare-empty',
};

/// Installed before any of the page's scripts: `benchWatch(names, from)` resolves with the
/// first of the named elements to be in the DOM (the time, and the start of the next frame),
/// one watch runs from navigation start into `benchSeen`, and `benchTimeUntil` times a change.
function watcher(shown) {
  performance.setResourceTimingBufferSize(100_000);
  window.benchWatch = (names) => new Promise((resolve) => {
    const check = (observer) => {
      const name = names.find((n) => document.querySelector(shown[n]));
      if (!name) return;
      document.body.getBoundingClientRect();
      const at = performance.now();
      observer?.disconnect();
      requestAnimationFrame(() => resolve({ name, at, frame: performance.now() }));
    };
    const observer = new MutationObserver(() => check(observer));
    observer.observe(document, { subtree: true, childList: true });
    check(observer);
  });
  // When the app's script and wasm, the compare module's wasm, the catalog and the document's
  // data were first asked for, had their first byte and had arrived (Resource Timing's
  // startTime, responseStart and responseEnd), from `since`.
  window.benchSpans = (since) => {
    const spans = {};
    for (const entry of performance.getEntriesByType('resource')) {
      if (entry.startTime < since) continue;
      const path = new URL(entry.name).pathname;
      const file = path.split('/').at(-1);
      const what = /^readingroom-[0-9a-f]+\.js$/.test(file) ? 'app_js'
        : /^readingroom-[0-9a-f]+\.wasm$/.test(file) ? 'app_wasm'
          : /^readingroom-compare-[0-9a-f]+\.wasm$/.test(file) ? 'compare_wasm'
            : path.endsWith('/bundle/catalog.json') ? 'catalog'
              : path.includes('/bundle/docs/') ? 'data' : null;
      if (what && !spans[what]) spans[what] = { start: entry.startTime - since, first: entry.responseStart - since, end: entry.responseEnd - since };
    }
    return spans;
  };
  window.benchSeen = null;
  window.benchWatch(Object.keys(shown)).then((seen) => { window.benchSeen = seen; });
  // Waits until `done()` holds after a change to the DOM and reports, from `start`: when (the
  // layout forced there, so the figure includes it), the start of the next frame, and when
  // the DOM settled (its last change before two frames without any).
  window.benchTimeUntil = (start, done, timeout) => new Promise((resolve, reject) => {
    const main = document.querySelector('main');
    let at = null;
    let frame = null;
    let last = start;
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timed out')); }, timeout);
    const wait = (lastSeen, quiet) => () => {
      frame ??= performance.now();
      const still = last === lastSeen ? quiet + 1 : 0;
      if (still < 2) {
        requestAnimationFrame(wait(last, still));
        return;
      }
      observer.disconnect();
      clearTimeout(timer);
      resolve({ ms: at - start, frame_ms: frame - start, settled_ms: last - start });
    };
    const observer = new MutationObserver(() => {
      last = performance.now();
      if (at !== null || !done()) return;
      main.getBoundingClientRect();
      at = performance.now();
      last = at;
      requestAnimationFrame(wait(last, 0));
    });
    observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/// A fresh context (empty cache) and page, with the watcher and a CDP session counting bytes.
export async function freshPage(browser, log) {
  // The service worker keeps the shell after the page has loaded; it is left out, so every
  // visit is a first visit, and the figures are the app's, not the worker's downloads.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(watcher, SHOWN);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (error) => log(`page error: ${error}`));
  const cdp = await context.newCDPSession(page);
  const net = { urls: new Map(), done: [], pending: new Set() };
  cdp.on('Network.requestWillBeSent', (e) => { net.urls.set(e.requestId, e.request.url); net.pending.add(e.requestId); });
  cdp.on('Network.loadingFinished', (e) => {
    net.pending.delete(e.requestId);
    net.done.push({ url: net.urls.get(e.requestId), bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => net.pending.delete(e.requestId));
  await cdp.send('Network.enable');
  return { context, page, cdp, net };
}

/// The kind of a response, by its path under the app's base URL.
function kind(path) {
  if (path.startsWith('readingroom-search')) return 'search module';
  if (path.startsWith('readingroom-compare')) return 'compare module';
  if (path === 'bundle/catalog.json') return 'catalog';
  if (path.startsWith('bundle/search/')) return 'search index';
  if (path.startsWith('bundle/docs/')) return 'document data';
  return 'app shell';
}

/// Waits until no request is in flight for 300 ms, then sums the bytes on the wire (CDP's
/// encodedDataLength: the body as sent, compressed, plus headers) of the responses since
/// `from` (an index into the responses), by kind.
export async function bytesSince(page, net, base, from = 0) {
  let quiet = 0;
  let seen = net.done.length;
  while (quiet < 300) {
    await page.waitForTimeout(50);
    quiet = net.pending.size === 0 && net.done.length === seen ? quiet + 50 : 0;
    seen = net.done.length;
  }
  const sums = {};
  const basePath = new URL(base).pathname;
  for (const { url, bytes } of net.done.slice(from)) {
    if (!url?.startsWith('http')) continue;
    const path = decodeURIComponent(new URL(url).pathname).slice(basePath.length);
    const k = kind(path);
    sums[k] = (sums[k] ?? 0) + bytes;
  }
  return sums;
}

/// Waits for the navigation's watch to see something, and says what and when, with the
/// spans of the app's script and wasm, the catalog and the document's data (`benchSpans`).
export async function seen(page) {
  await page.waitForFunction(() => window.benchSeen !== null);
  return page.evaluate(() => ({ ...window.benchSeen, spans: window.benchSpans(0) }));
}

/// The tab's memory after a garbage collection: the JS heap in use (CDP Performance.getMetrics
/// JSHeapUsedSize), the DOM's nodes, and the linear memory of every WebAssembly.Memory alive
/// in the page (found with Runtime.queryObjects: wasm memory lies outside the JS heap).
export async function memory(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sizes = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.map((memory) => memory.buffer.byteLength); }',
    returnByValue: true,
  });
  const wasm = sizes.result.value ?? [];
  return { js_heap: m.JSHeapUsedSize, nodes: m.Nodes, wasm: wasm.reduce((a, b) => a + b, 0), wasm_memories: wasm.length };
}

/// Types `q` into the find field as one keystroke (the value set, an input event dispatched)
/// and times it until the marks of `q` are in the DOM: the status says no longer
/// "Searching…" and the page's first `mark.hit` is a match for `q`.
export function keystroke(page, q) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('input[aria-label="Search in this document"]');
    const status = () => document.querySelector('.find-bar [role=status]')?.textContent ?? '';
    const done = () => {
      const mark = document.querySelector('#text mark.hit');
      return !status().startsWith('Searching') && mark?.title.includes(`\u201c${q}\u201d`);
    };
    input.focus();
    input.value = q;
    const start = performance.now();
    const timed = window.benchTimeUntil(start, done, 60_000);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q.at(-1) }));
    const result = await timed;
    return { ...result, q, status: status(), marks: document.querySelectorAll('#text mark.hit').length };
  }, q);
}

/// Clicks "Next match" again and again, in the page, each click timed until a different
/// `mark.hit.current` is in the DOM, until the page turns (at most `max` steps); says of each
/// whether it turned the page.
export function steps(page, max) {
  return page.evaluate(async (max) => {
    const pageOf = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('page') ?? '1';
    const current = () => document.querySelector('#text mark.hit.current')?.dataset.hit ?? null;
    const button = () => [...document.querySelectorAll('.find-bar button')].find((b) => b.textContent.includes('Next match'));
    const out = [];
    while (out.length < max && !out.at(-1)?.turned) {
      const [before, pageBefore] = [current(), pageOf()];
      const start = performance.now();
      const timed = window.benchTimeUntil(start, () => current() !== null && current() !== before, 10_000);
      button().click();
      out.push({ ...(await timed), turned: pageOf() !== pageBefore });
    }
    return out;
  }, max);
}
