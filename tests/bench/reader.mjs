// The browser half of `cargo xtask bench --only reader`: Playwright's library API drives
// Debian's Chromium through the reader as a reader meets it, and records how long each step
// takes, what it downloads and what the tab holds in memory.
//
//   node tests/bench/reader.mjs <plan.json>    (xtask writes the plan and reads stdout)
//
// The plan names the app's URL on the default collection (`app`) and on a synthetic one
// (`synth`), the documents, the find queries and the number of runs. Each run visits, each in
// a fresh browser context (an empty cache):
// - the library (navigation start to the document list in the DOM), then opens the largest
//   document from it (the click to its first page's text);
// - each long document by its link (navigation start to the first page's text), then types
//   into its find field (the first keystroke loads the search module; the next ones are warm)
//   and steps through the hits with "Next match" until the page turns;
// - the synthetic document's compare view, by link and from the open document, and the CIA
//   report's; then, in that page, the compare module's `view` timed on what the view asks.
// A last visit reads the tab's memory at each state. Progress goes to stderr; JSON to stdout.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { args, executablePath } from '../chromium.mjs';
import { bytesSince, freshPage, keystroke, memory, seen, steps } from './reader-page.mjs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (text) => process.stderr.write(`bench: browser: ${text}\n`);
const docUrl = (base, id, query = '') => `${base}#/doc/${encodeURIComponent(id)}${query}`;
/// Steps through the hits until the page turns, at most this many.
const MAX_STEPS = 200;

/// Opens `url` in a fresh context and waits for one of `names`: the visit and what it saw.
async function visit(browser, url) {
  const visit = await freshPage(browser, log);
  await visit.page.goto(url);
  visit.seen = await seen(visit.page);
  return visit;
}

/// In the open page, changes the fragment and waits for one of `names` to be in the DOM (none
/// of them may be there before), timed from the change; `{ name: 'timeout' }` after 10 s.
async function switchTo(page, hash, names) {
  return page.evaluate(async ([hash, names]) => {
    const start = performance.now();
    const shown = window.benchWatch(names);
    location.hash = hash;
    const late = new Promise((resolve) => setTimeout(() => resolve({ name: 'timeout' }), 10_000));
    const { name, at, frame } = await Promise.race([shown, late]);
    return { name, ms: at - start, frame_ms: frame - start };
  }, [hash, names]);
}

async function library(browser, out) {
  const { context, page, net, seen: shown } = await visit(browser, plan.app);
  try {
    out.library.push({ name: shown.name, ms: shown.at, frame_ms: shown.frame, spans: shown.spans, bytes: await bytesSince(page, net, plan.app) });
    const opened = await page.evaluate(async (id) => {
      const link = [...document.querySelectorAll('a.doc-title')].find((a) => a.getAttribute('href').endsWith(`/doc/${id}`));
      const start = performance.now();
      const shown = window.benchWatch(['text', 'failed']);
      link.click();
      const { name, at, frame } = await shown;
      return { name, ms: at - start, frame_ms: frame - start, spans: window.benchSpans(start) };
    }, plan.long);
    out.in_app.push(opened);
  } finally {
    await context.close();
  }
}

/// Opens a document by its link; then, for a long one, finds and steps through its hits.
async function reading(browser, doc, out) {
  const { context, page, net, seen: shown } = await visit(browser, docUrl(doc.app, doc.id));
  const entry = (out.documents[doc.name] ??= { open: [], bytes: null, first: [], warm: [], steps: [], compare: [] });
  try {
    entry.open.push({ name: shown.name, ms: shown.at, frame_ms: shown.frame, spans: shown.spans });
    entry.bytes ??= await bytesSince(page, net, doc.app);
    if (!doc.find) return;
    const [first, ...rest] = plan.queries;
    entry.first.push(await keystroke(page, first));
    for (const q of [...rest, first, ...rest, first]) entry.warm.push(await keystroke(page, q));
    entry.steps.push(...(await steps(page, MAX_STEPS)));
    if (!doc.compare) return;
    const before = net.done.length;
    // The compare view of the page shown, as its tab opens it (the query kept).
    const at = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1])).get('page') ?? '1';
    const switched = await switchTo(page, `#/doc/${encodeURIComponent(doc.id)}?view=compare&page=${at}`, ['compare', 'failed']);
    entry.compare.push({ ...switched, bytes: await bytesSince(page, net, doc.app, before) });
  } finally {
    await context.close();
  }
}

/// In the page, the compare module's own work: `view` asked what the compare view asks of
/// it (the page against the transcription, every page's rates, the next page), each timed
/// with performance.now(), on the document's data file as the app fetched it.
function moduleWork(page, id) {
  return page.evaluate(async ([id, at]) => {
    const file = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.includes(`/bundle/docs/${id}.`));
    const bytes = new Uint8Array(await (await fetch(file.name)).arrayBuffer());
    const module = await globalThis.readingroomLoadCompare();
    const time = (request) => {
      const started = performance.now();
      const answer = module.view(bytes, JSON.stringify({ against: 'transcription', ...request }));
      const ms = performance.now() - started;
      return answer.startsWith('{"failed"') ? null : ms;
    };
    return { page_ms: time({ page: at }), figures_ms: time({}), next_page_ms: time({ page: at + 1 }) };
  }, [id, plan.compare_page]);
}

/// A compare view by its link: the time to its panes, then the compare module's work.
async function compareLink(browser, doc, out) {
  const url = docUrl(doc.app, doc.id, `?view=compare&page=${plan.compare_page}`);
  const { context, page, net, seen: shown } = await visit(browser, url);
  const entry = (out.compare[doc.name] ??= { runs: [], bytes: null, available: true });
  try {
    if (shown.name !== 'compare') {
      entry.available = false;
      entry.shown = shown.name;
      return;
    }
    entry.bytes ??= await bytesSince(page, net, doc.app);
    entry.runs.push({ spans: shown.spans, ms: shown.at, frame_ms: shown.frame, ...(await moduleWork(page, doc.id)) });
  } finally {
    await context.close();
  }
}

/// One visit through every state, the memory read at each.
async function memoryPass(browser) {
  const out = [];
  const long = plan.documents.find((d) => d.name === 'long');
  const synth = plan.documents.find((d) => d.compare);
  let { context, page, cdp } = await visit(browser, plan.app);
  try {
    out.push({ state: 'library', ...(await memory(cdp)) });
    await switchTo(page, `#/doc/${long.id}`, ['text', 'failed']);
    out.push({ state: 'long', ...(await memory(cdp)) });
    await keystroke(page, plan.queries[0]);
    out.push({ state: 'long-find', ...(await memory(cdp)) });
    await context.close();
    ({ context, page, cdp } = await visit(browser, docUrl(synth.app, synth.id)));
    out.push({ state: 'synth', ...(await memory(cdp)) });
    const shown = await switchTo(page, `#/doc/${synth.id}?view=compare&page=1`, ['compare', 'failed']);
    if (shown.name === 'compare') out.push({ state: 'synth-compare', ...(await memory(cdp)) });
  } finally {
    await context.close();
  }
  return out;
}

const browser = await chromium.launch({ executablePath, args });
const out = { chromium: browser.version(), runs: plan.runs, library: [], in_app: [], documents: {}, compare: {}, memory: [] };
try {
  for (let run = 1; run <= plan.runs; run++) {
    log(`run ${run} of ${plan.runs}`);
    await library(browser, out);
    for (const doc of plan.documents) await reading(browser, doc, out);
    for (const doc of plan.compare) await compareLink(browser, doc, out);
  }
  log('memory');
  out.memory = await memoryPass(browser);
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
