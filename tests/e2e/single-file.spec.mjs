// The single-file edition: one HTML file, opened from file:// with the network cut off, reads,
// searches, marks hits and compares exactly as the served site does. `cargo xtask test` writes
// the file from the same build and the same bundle as the site, and names it in
// READINGROOM_SINGLE_FILE.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { CIA } from './fixtures.mjs';

const FILE = process.env.READINGROOM_SINGLE_FILE;
if (!FILE) {
  throw new Error('READINGROOM_SINGLE_FILE is not set: run the browser tests with `cargo xtask test`.');
}
const PAGE = pathToFileURL(FILE).href;
const at = (fragment) => `${PAGE}#${fragment}`;

// Every request but the file itself is refused and fails the test, as does any console error,
// uncaught exception or Content-Security-Policy violation.
const test = base.extend({
  page: async ({ page, context }, use) => {
    const errors = [];
    const elsewhere = [];
    await context.setOffline(true);
    await context.route(() => true, (route) => {
      const url = route.request().url();
      if (url.split('#')[0] === PAGE) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (url.split('#')[0] !== PAGE && !url.startsWith('data:')) elsewhere.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(page);
    expect(errors, 'console errors').toEqual([]);
    expect([...new Set(elsewhere)], 'requests beyond the file').toEqual([]);
  },
});

const BUNDLE = process.env.READINGROOM_BUNDLE;
const results = (page) => page.locator('.result-list > li');
const box = (page) => page.getByRole('searchbox', { name: 'Search the collection' });

/// The ids, in order, that `readingroom search` gives on the bundle the file holds.
function cliIds(query) {
  const out = execFileSync(process.env.READINGROOM_CLI, ['search', BUNDLE, query, '--json', '--limit', '10']);
  return JSON.parse(out).results.map((r) => r.id);
}

/// The engine's hits on page `n` of the CIA report's OCR for `q`, as the CLI counts them.
function ocrHits(q, n) {
  const out = execFileSync(process.env.READINGROOM_CLI,
    ['search', BUNDLE, '--json', '--pages', '100', '--', q]);
  const result = JSON.parse(out).results.find((r) => r.id === CIA.id);
  return (result ? result.hits : []).filter((h) => h.layer === 'ocr' && h.page === n).length;
}

test('the file opens with no network and lists the whole collection; links move by the fragment', async ({ page }) => {
  const catalog = JSON.parse(readFileSync(join(BUNDLE, 'catalog.json'), 'utf8'));
  await page.goto(PAGE);
  await expect(page.locator('.doc-list > li')).toHaveCount(catalog.documents.length);
  // A page opened from a file can have no service worker, so it offers no Offline menu.
  await expect(page.locator('details.offline-menu')).toBeHidden();
  await page.getByRole('link', { name: CIA.title }).click();
  await expect(page).toHaveURL(at(`/doc/${CIA.id}`));
  await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
  await page.getByRole('link', { name: 'OCR', exact: true }).click();
  await expect(page.locator('.ocr-text')).toContainText('LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL');
  await page.getByRole('link', { name: 'Next page →' }).first().click();
  await expect(page.getByText('Page 2 of 7').first()).toBeVisible();
  await expect(page.locator('.ocr-text')).toContainText('in the 2 years he had been an instructor');
  await page.goBack();
  await expect(page.getByText('Page 1 of 7').first()).toBeVisible();
  await expect(page.locator('.ocr-text')).toContainText('LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL');
});

test('search in the file finds what the CLI finds on the same bundle', async ({ page }) => {
  await page.goto(PAGE);
  await box(page).fill('Kazakhstanskaya Pravda');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().locator('mark').first()).toHaveText('Kazakhstanskaya');
  for (const query of ['party', '"Caribbean Legion"', 'coup country:"SOUTH VIETNAM"']) {
    await page.goto(at(`/?q=${encodeURIComponent(query)}`));
    await expect(box(page)).toHaveValue(query);
    const expected = cliIds(query);
    expect(expected.length, `the CLI finds ${query}`).toBeGreaterThan(0);
    await expect(results(page)).toHaveCount(Math.min(expected.length, 10));
    const hrefs = await results(page).locator('a.doc-title')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const ids = hrefs.map((href) => decodeURIComponent(href.replace(/^#\/doc\//, '').split('?')[0]));
    expect(ids).toEqual(expected);
  }
});

test('a document opened with a query marks exactly the engine\'s hits', async ({ page }) => {
  for (const q of ['party', 'Kazakhstanskaya']) {
    const expected = ocrHits(q, 1);
    expect(expected, `the engine finds ${q} on page 1`).toBeGreaterThan(0);
    await page.goto(at(`/doc/${CIA.id}?${new URLSearchParams({ q, view: 'ocr', page: 1 })}`));
    const marked = () => page.locator('.ocr-text mark.hit')
      .evaluateAll((marks) => new Set(marks.map((m) => m.dataset.hit)).size);
    await expect.poll(marked).toBe(expected);
  }
});

test('the compare view sets the OCR beside its transcription with every correction marked', async ({ page }) => {
  await page.goto(at(`/doc/${CIA.id}?page=1&view=compare`));
  const ocr = page.getByRole('region', { name: 'OCR text' });
  const corrected = page.getByRole('region', { name: 'Corrected text' });
  const summary = page.locator('.compare-summary');
  await expect(summary).toBeVisible();
  const substitutions = Number(await summary.getAttribute('data-substitution'));
  expect(substitutions).toBeGreaterThan(5);
  await expect(ocr.locator('del[data-kind="substitution"]')).toHaveCount(substitutions);
  await expect(corrected.locator('ins[data-kind="substitution"]')).toHaveCount(substitutions);
  // The module's own answer, from the data file the store holds: the seam the app reads by.
  const counted = await page.evaluate(async (id) => {
    const read = async (url) => new TextDecoder().decode(await globalThis.readingroomEmbedded.read(url));
    const catalog = JSON.parse(await read('bundle/catalog.json'));
    const entry = catalog.documents.find((e) => e.meta.id === id);
    const bytes = await globalThis.readingroomEmbedded.read(`bundle/${entry.data}`);
    const module = await globalThis.readingroomLoadCompare();
    return JSON.parse(module.view(bytes, JSON.stringify({ against: 'transcription', page: 1 }))).page.counts.substitutions;
  }, CIA.id);
  expect(counted).toBe(substitutions);
});
