// The browser half of `cargo xtask bench`: Playwright's library API drives Debian's Chromium
// through Reading Room and the Pagefind harness (pagefind.html) on the same collections, in
// the same browser, and records what each search costs.
//
//   node tests/bench/browser.mjs <plan.json>    (xtask writes the plan and reads stdout)
//
// The plan lists collections, each with the URL of the app and of the Pagefind harness (or
// null) and its queries. For each engine:
// - cold: one fresh browser context (empty cache) per query, the query in the URL; the time
//   from navigation start to the first result on screen (or the empty state), the engine's own
//   timing (the app's `readingroom:search` User Timing measure; the harness's performance.now()
//   around import, search and the first 10 results' data), every response's bytes by kind,
//   and the rounds of fetches the search took;
// - warm: one page, then each further query typed into the search box (the app) or run by the
//   harness, and the engine's timing and rounds of each.
// A round is a wait for the network that the next cannot start before. The app marks each
// one (`readingroom:round` User Timing marks, src/search_module.rs) and the count is the marks
// in the search's window; Pagefind marks none, so its rounds are counted from its requests'
// Resource Timing, in the page and its worker: a request that starts after every earlier one
// of the search has ended opens a new round. The app's rounds are counted that way too
// (`rounds_by_timing`), to check the method.
// Cold runs alternate between the engines query by query, so both meet the same noise.
// Progress goes to stderr; the JSON result to stdout.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { args, executablePath } from '../chromium.mjs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const TIMEOUT = 180_000;
const log = (text) => process.stderr.write(`bench: browser: ${text}\n`);

/// The kind of a response, by its path under the engine's base URL.
function kind(engine, path) {
  if (engine === 'readingroom') {
    if (path.startsWith('readingroom-search')) return 'search module';
    if (path === 'bundle/catalog.json') return 'catalog';
    if (path.startsWith('bundle/search/page/')) return 'page texts';
    if (path.startsWith('bundle/search/')) return 'search index';
    if (path.startsWith('bundle/docs/')) return 'document data';
    return 'app shell';
  }
  // Pagefind's fragments (a page's text and metadata) are its page texts.
  if (path.startsWith('bundle/fragment/')) return 'page texts';
  if (/^bundle\/(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(path)) return 'search module';
  if (path.startsWith('bundle/')) return 'search index';
  return 'app shell';
}

/// Every response since navigation start, the page's and its workers' (Pagefind searches in
/// a worker, whose fetches Resource Timing in the page does not see), in the order they ended.
/// Sizes are the compressed body plus headers, as Playwright reports them; a response it
/// reports empty (a worker's own script) takes Resource Timing's transferSize instead. Each
/// response's start (when it was asked for) and finish are Resource Timing's, on one clock for
/// the page and its workers (ms since the epoch, from `performance.timeOrigin`).
async function responses(page, base, engine) {
  await Promise.all(page.benchPending);
  const read = () => [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ].map((e) => [e.name, {
    transfer: e.transferSize,
    end: e.responseEnd,
    start: performance.timeOrigin + e.startTime,
    finish: performance.timeOrigin + e.responseEnd,
  }]);
  const lists = [];
  for (const worker of page.workers()) lists.push(await worker.evaluate(read).catch(() => []));
  // The page's own entries last, so that they win for a URL both saw (a worker's script).
  lists.push(await page.evaluate(read));
  const timing = new Map(lists.flat());
  return page.benchResponses.map(({ url, transfer }) => {
    const t = timing.get(url);
    const path = decodeURIComponent(new URL(url).pathname).slice(new URL(base).pathname.length);
    return {
      url, path, kind: kind(engine, path), transfer: transfer || t?.transfer || 0,
      end: t?.end ?? null, start: t?.start ?? null, finish: t?.finish ?? null,
    };
  });
}

/// The part of an index a file is: ours `table`, `dict`, `post`, `pack` or `page` (a page
/// text); Pagefind's `index`, `filter` or `fragment`.
function part(path) {
  const rest = path.replace(/^bundle\/(search\/)?/, '');
  return rest.startsWith('page/') ? 'page' : rest.split(/[-./_]/)[0];
}

/// The files a search fetches once its engine is open: the index and the page texts, not the
/// entry points the engine opens with (our search/meta.json, Pagefind's pf_meta and
/// pagefind-entry.json), which load beside the module.
function searchFetch(e) {
  if (e.kind !== 'search index' && e.kind !== 'page texts') return false;
  return !(e.path === 'bundle/search/meta.json' || e.path.endsWith('.pf_meta') || e.path === 'bundle/pagefind-entry.json');
}

/// Rounds from request times: sorted by start, a request that starts at or after the end of
/// every earlier one opens a new round. Also what each round fetched, by part.
function roundsByTiming(entries) {
  const spans = entries.filter(searchFetch).filter((e) => Number.isFinite(e.start) && Number.isFinite(e.finish))
    .sort((a, b) => a.start - b.start);
  const files = [];
  let end = -Infinity;
  for (const e of spans) {
    if (e.start >= end) files.push({});
    const round = files.at(-1);
    round[part(e.path)] = (round[part(e.path)] ?? 0) + 1;
    end = Math.max(end, e.finish);
  }
  return { rounds: files.length, round_files: files };
}

/// The app's rounds for its latest search: the `readingroom:round` marks between the latest
/// `readingroom:search` measure's start and end, and what each round fetched (the index files
/// and page texts whose requests started in it, by part, as `part` names them).
const appRounds = (page) => page.evaluate(() => {
  const search = performance.getEntriesByName('readingroom:search').at(-1);
  if (!search) return { rounds: null, round_files: [] };
  const [from, to] = [search.startTime, search.startTime + search.duration];
  const marks = performance.getEntriesByName('readingroom:round').map((m) => m.startTime).filter((t) => t >= from && t <= to);
  const files = marks.map(() => ({}));
  for (const r of performance.getEntriesByType('resource')) {
    const path = new URL(r.name).pathname;
    const at = path.indexOf('/bundle/search/');
    if (at < 0 || r.startTime < from || r.startTime > to) continue;
    const round = marks.findLastIndex((t) => t <= r.startTime);
    if (round < 0) continue;
    const name = path.slice(at + '/bundle/search/'.length);
    const part = name.startsWith('page/') ? 'page' : name.split(/[-.]/)[0];
    files[round][part] = (files[round][part] ?? 0) + 1;
  }
  return { rounds: marks.length, round_files: files };
});

function byKind(entries) {
  const sums = {};
  for (const e of entries) {
    const s = (sums[e.kind] ??= { files: 0, transfer: 0 });
    s.files += 1;
    s.transfer += e.transfer;
  }
  return sums;
}

async function freshPage(browser) {
  // The service worker keeps the shell after the page has loaded; it is left out, so every
  // visit is a first visit, and the figures are the app's, not the worker's downloads.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    performance.setResourceTimingBufferSize(100_000);
    const shown = '.result-list > li, .empty-state, .query-error, .error-card';
    new MutationObserver((_, observer) => {
      if (document.querySelector(shown)) {
        window.benchShown = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error}`));
  page.benchResponses = [];
  page.benchPending = [];
  page.on('requestfinished', (request) => {
    page.benchPending.push(request.sizes().then((sizes) => {
      page.benchResponses.push({ url: request.url(), transfer: sizes.responseBodySize + sizes.responseHeadersSize });
    }).catch(() => {}));
  });
  // A worker keeps 250 Resource Timing entries by default; warm runs need more.
  page.on('worker', (worker) => {
    worker.evaluate(() => performance.setResourceTimingBufferSize(100_000)).catch(() => {});
  });
  return { context, page };
}

const appMeasures = (page) => page.evaluate(() => performance.getEntriesByName('readingroom:search').map((e) => e.duration));

async function appCold(browser, url, q) {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${url}#/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => window.benchShown !== undefined, null, { timeout: TIMEOUT });
    const shown = await page.evaluate(() => window.benchShown);
    const error = await page.locator('.query-error, .error-card').count();
    const measures = await appMeasures(page);
    const rounds = await appRounds(page);
    // A link to a search loads no catalog (the app fetches it only for the library list).
    await page.waitForLoadState('networkidle');
    const all = await responses(page, url, 'readingroom');
    return {
      ...result(q, shown, measures.at(-1), all, error ? 'the app showed an error' : null),
      ...rounds,
      rounds_by_timing: roundsByTiming(all).rounds,
      shell: all.filter((e) => e.kind === 'app shell').map((e) => ({ path: e.path, transfer: e.transfer })),
    };
  } finally {
    await context.close();
  }
}

async function pagefindCold(browser, url, query) {
  const { context, page } = await freshPage(browser);
  try {
    const filters = encodeURIComponent(JSON.stringify(query.filters));
    await page.goto(`${url}?q=${encodeURIComponent(query.q)}&filters=${filters}`);
    await page.waitForFunction(() => window.benchCold !== undefined, null, { timeout: TIMEOUT });
    const cold = await page.evaluate(() => window.benchCold);
    await page.waitForLoadState('networkidle');
    const all = await responses(page, url, 'pagefind');
    return { ...result(query.q, cold.done, cold.ms, all, cold.error ?? null, cold.results), ...roundsByTiming(all) };
  } finally {
    await context.close();
  }
}

function result(q, shown, engineMs, all, error, results) {
  const catalog = all.find((e) => e.kind === 'catalog');
  return {
    q, error, results,
    wall_ms: shown,
    engine_ms: engineMs ?? null,
    all: byKind(all),
    catalog_end_ms: catalog ? catalog.end : null,
  };
}

async function appWarm(browser, url, queries) {
  const { context, page } = await freshPage(browser);
  const box = page.getByRole('searchbox', { name: 'Search the collection' });
  const out = [];
  try {
    await page.goto(`${url}#/?q=${encodeURIComponent(queries[0].q)}`);
    await page.waitForFunction(() => window.benchShown !== undefined, null, { timeout: TIMEOUT });
    let last = queries[0].q;
    for (const query of queries.slice(1)) {
      if (query.q === last) continue;
      try {
      const before = (await appMeasures(page)).length;
      const resources = (await responses(page, url, 'readingroom')).length;
      await box.fill(query.q);
      await page.waitForFunction((n) => performance.getEntriesByName('readingroom:search').length > n, before, { timeout: TIMEOUT });
      const ms = (await appMeasures(page)).at(-1);
      const rounds = await appRounds(page);
      await page.waitForTimeout(100); // lets the last responses' events arrive
      const fetched = (await responses(page, url, 'readingroom')).slice(resources);
      out.push({ q: query.q, kind: query.kind, ms, fetched: byKind(fetched), ...rounds, rounds_by_timing: roundsByTiming(fetched).rounds });
      last = query.q;
      } catch (error) {
        log(`warm query failed, the rest skipped: ${query.q}: ${error.message.split('\n')[0]}`);
        break;
      }
    }
  } finally {
    await context.close();
  }
  return out;
}

async function pagefindWarm(browser, url, queries) {
  const { context, page } = await freshPage(browser);
  const out = [];
  try {
    await page.goto(url);
    await page.waitForSelector('#status.done', { timeout: TIMEOUT });
    await page.evaluate(([q, f]) => window.benchSearch(q, f), [queries[0].q, queries[0].filters]);
    for (const query of queries.slice(1)) {
      const resources = (await responses(page, url, 'pagefind')).length;
      const r = await page.evaluate(([q, f]) => window.benchSearch(q, f), [query.q, query.filters]);
      await page.waitForTimeout(100); // lets the last responses' events arrive
      const fetched = (await responses(page, url, 'pagefind')).slice(resources);
      out.push({ q: query.q, kind: query.kind, ms: r.ms, results: r.results, fetched: byKind(fetched), ...roundsByTiming(fetched) });
    }
  } finally {
    await context.close();
  }
  return out;
}

async function pagefindDocs(browser, url, queries) {
  const { context, page } = await freshPage(browser);
  const out = [];
  try {
    await page.goto(url);
    await page.waitForSelector('#status.done', { timeout: TIMEOUT });
    for (const query of queries) {
      out.push({ q: query.q, ...(await page.evaluate(([q, f]) => window.benchDocs(q, f), [query.q, query.filters])) });
    }
  } finally {
    await context.close();
  }
  return out;
}

/// A run that failed is recorded with its error, and the benchmark goes on.
async function safely(q, run) {
  try {
    return await run();
  } catch (error) {
    log(`failed: ${q}: ${error.message.split('\n')[0]}`);
    return { q, error: error.message.split('\n')[0] };
  }
}

const browser = await chromium.launch({ executablePath, args });
const report = { chromium: browser.version(), collections: [] };
try {
  for (const c of plan.collections) {
    const entry = { name: c.name, app: { cold: [], warm: [] }, pagefind: null };
    if (c.pagefind) entry.pagefind = { cold: [], warm: [], recall: [] };
    for (const query of c.queries.filter((q) => q.cold)) {
      log(`${c.name}: cold: ${query.kind}: ${query.q}`);
      entry.app.cold.push({ kind: query.kind, ...(await safely(query.q, () => appCold(browser, c.app, query.q))) });
      if (c.pagefind) {
        entry.pagefind.cold.push({ kind: query.kind, ...(await safely(query.pagefind.q, () => pagefindCold(browser, c.pagefind, query.pagefind))) });
      }
    }
    log(`${c.name}: warm: ${c.queries.length} queries in the app`);
    entry.app.warm = await safely('warm', () => appWarm(browser, c.app, c.queries));
    if (!Array.isArray(entry.app.warm)) entry.app.warm = [];
    if (c.pagefind) {
      log(`${c.name}: warm: ${c.queries.length} queries in Pagefind`);
      entry.pagefind.warm = await safely('warm', () => pagefindWarm(browser, c.pagefind, c.queries.map((q) => ({ kind: q.kind, ...q.pagefind }))));
      if (!Array.isArray(entry.pagefind.warm)) entry.pagefind.warm = [];
      log(`${c.name}: Pagefind's documents for the fuzzy queries (recall)`);
      entry.pagefind.recall = await safely('recall', () => pagefindDocs(browser, c.pagefind, c.queries.filter((q) => q.kind === 'fuzzy').map((q) => q.pagefind)));
      if (!Array.isArray(entry.pagefind.recall)) entry.pagefind.recall = [];
    }
    report.collections.push(entry);
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(report)}\n`);
