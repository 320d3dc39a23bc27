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
//   around import, search and the first 10 results' data), and every response's bytes by kind;
// - warm: one page, then each further query typed into the search box (the app) or run by the
//   harness, and the engine's timing of each.
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
    if (path.startsWith('bundle/search/')) return 'search index';
    if (path.startsWith('bundle/docs/')) return 'document data';
    return 'app shell';
  }
  if (path.startsWith('bundle/fragment/')) return 'document data';
  if (/^bundle\/(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(path)) return 'search module';
  if (path.startsWith('bundle/')) return 'search index';
  return 'app shell';
}

/// Every response since navigation start, the page's and its workers' (Pagefind searches in
/// a worker, whose fetches Resource Timing in the page does not see), in the order they ended.
/// Sizes are the compressed body plus headers, as Playwright reports them; a response it
/// reports empty (a worker's own script) takes Resource Timing's transferSize instead.
async function responses(page, base, engine) {
  await Promise.all(page.benchPending);
  const timing = new Map(await page.evaluate(() => [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ].map((e) => [e.name, { transfer: e.transferSize, end: e.responseEnd }])));
  return page.benchResponses.map(({ url, transfer }) => {
    const t = timing.get(url);
    const path = decodeURIComponent(new URL(url).pathname).slice(new URL(base).pathname.length);
    return { url, path, kind: kind(engine, path), transfer: transfer || t?.transfer || 0, end: t?.end ?? null };
  });
}

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
    // A link to a search loads no catalog (the app fetches it only for the library list).
    await page.waitForLoadState('networkidle');
    const all = await responses(page, url, 'readingroom');
    return result(q, shown, measures.at(-1), all, error ? 'the app showed an error' : null);
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
    return result(query.q, cold.done, cold.ms, all, cold.error ?? null, cold.results);
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
      await page.waitForTimeout(100); // lets the last responses' events arrive
      const fetched = (await responses(page, url, 'readingroom')).slice(resources);
      out.push({ q: query.q, kind: query.kind, ms, fetched: byKind(fetched) });
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
      out.push({ q: query.q, kind: query.kind, ms: r.ms, results: r.results, fetched: byKind(fetched) });
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
