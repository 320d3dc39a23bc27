// Searching the library: results as the reader types, OCR variants, facets, the URL as state,
// an index that loads only the files a query needs, and the same answers as the CLI.
import { execFileSync } from 'node:child_process';
import { test, expect, CIA } from './fixtures.mjs';

const box = (page) => page.getByRole('searchbox', { name: 'Search the collection' });
const results = (page) => page.locator('.result-list > li');

/// The ids, in order, that `readingroom search` gives on the same built bundle.
function cliIds(query) {
  const out = execFileSync(process.env.READINGROOM_CLI,
    ['search', process.env.READINGROOM_BUNDLE, query, '--json', '--limit', '10']);
  return JSON.parse(out).results.map((r) => r.id);
}

async function appIds(page) {
  const hrefs = await results(page).locator('a.doc-title').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.map((href) => decodeURIComponent(href.replace(/^#\/doc\//, '').split('?')[0]));
}

test('typing a search shows the report through its OCR misreadings, with the hits marked', async ({ page }) => {
  await page.goto('./');
  await box(page).fill('Kazakhstanskaya Pravda');
  await expect(page).toHaveURL(/#\/\?q=Kazakhstanskaya(\+|%20)Pravda$/);
  await expect(results(page)).toHaveCount(1);
  const result = results(page).first();
  await expect(result.getByRole('link', { name: CIA.title })).toBeVisible();
  await expect(result.locator('mark').first()).toHaveText('Kazakhstanskaya');
  await expect(page.locator('.variants')).toContainText('karakhstanskaya');
  await expect(page.locator('.variants')).toContainText('kazakhstarskaya');
});

test('layer:ocr still finds the report through the misread OCR alone', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('Kazakhstanskaya layer:ocr')}`);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().locator('.snippet')).toContainText('OCR');
  await expect(results(page).first().locator('mark').first()).toHaveText(/Karakhstanskaya|Kazakhstarskaya/);
});

test('a search is a link: the deep link opens the results, and a result opens its page with the query', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('"Caribbean Legion"')}`);
  await expect(box(page)).toHaveValue('"Caribbean Legion"');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().locator('mark').first()).toHaveText('Cariubean Legion');
  await results(page).first().locator('a.doc-title').click();
  await expect(page).toHaveURL(/#\/doc\/104-10172-10001\?page=1&view=ocr&q=/);
  await expect(page.locator('.ocr-text')).toContainText('Cariubean Legion');
  await page.goBack();
  await expect(box(page)).toHaveValue('"Caribbean Legion"');
});

test('facets count the matches, and ticking one filters the results and enters the URL', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('coup')}`);
  const vietnam = page.getByRole('checkbox', { name: /^SOUTH VIETNAM \(\d+\)$/ });
  await expect(vietnam).toBeVisible();
  const label = await page.locator('label', { has: vietnam }).innerText();
  const expected = Number(label.match(/\((\d+)\)/)[1]);
  await vietnam.check();
  await expect(page).toHaveURL(/country=SOUTH(\+|%20)VIETNAM/);
  await expect(results(page)).toHaveCount(expected);
  await expect(vietnam).toBeChecked();
  await vietnam.uncheck();
  await expect(page).not.toHaveURL(/country=/);
});

test('the library lists every document with facets before any search, without loading the search engine', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.locator('.doc-list > li')).toHaveCount(23);
  await expect(page.getByRole('checkbox', { name: /^USSR \(2\)$/ })).toBeVisible();
  expect(requests.filter((path) => /readingroom-search|\/search\//.test(path))).toEqual([]);
  await page.getByRole('checkbox', { name: /^USSR \(2\)$/ }).check();
  await expect(results(page)).toHaveCount(2);
});

test('a link to a search loads the search module once and keeps it', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`./#/?q=${encodeURIComponent('party')}`);
  await expect(results(page).first()).toBeVisible();
  await box(page).fill('Lodge');
  await expect(results(page).first()).toBeVisible();
  const module = requests.filter((path) => /readingroom-search-[0-9a-f]+\.(js|wasm)$/.test(path));
  expect(module.map((path) => path.split('.').pop()).sort()).toEqual(['js', 'wasm']);
});

test('the index loads on demand: a query fetches only its files, and a repeat fetches nothing', async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/bundle/search/')) fetched.push(path.split('/bundle/')[1]);
  });
  await page.goto('./');
  await box(page).fill('Kazakhstanskaya');
  await expect(results(page)).toHaveCount(1);
  const total = Number(execFileSync('sh', ['-c', `find ${process.env.READINGROOM_BUNDLE}/search -type f | wc -l`]));
  expect(fetched).toContain('search/meta.json');
  expect(fetched.some((f) => f.startsWith('search/dict-'))).toBe(true);
  expect(fetched.some((f) => f.startsWith('search/post-'))).toBe(true);
  // The one result's snippet comes from the text of its best page, not its whole document.
  expect(fetched.filter((f) => f.startsWith('search/page/'))).toHaveLength(1);
  expect(fetched.length).toBeLessThan(total / 2);
  const before = fetched.length;
  await box(page).fill('');
  await box(page).fill('Kazakhstanskaya');
  await expect(results(page)).toHaveCount(1);
  expect(fetched.length).toBe(before);
});

test.describe('with the index held back', () => {
  // page.route does not see what a service worker answers, so the worker stays out.
  test.use({ serviceWorkers: 'block' });

  test('while index files load, the page says so', async ({ page }) => {
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route('**/bundle/search/table.*', async (route) => { await gate; await route.continue(); });
    await page.goto(`./#/?q=${encodeURIComponent('party')}`);
    await expect(page.getByText(/Loading the search index… \d+ of \d+ files/)).toBeVisible();
    release();
    await expect(results(page).first()).toBeVisible();
  });
});

/// The rounds of fetches (`readingroom:round` marks) the app's last search took, once it had
/// the engine open: each is a wait on the network that the next could not start before.
async function rounds(page) {
  await page.waitForFunction(() => performance.getEntriesByName('readingroom:search').length > 0);
  return page.evaluate(() => {
    const [search] = performance.getEntriesByName('readingroom:search').slice(-1);
    const end = search.startTime + search.duration;
    return performance.getEntriesByName('readingroom:round')
      .filter((m) => m.startTime >= search.startTime && m.startTime <= end).length;
  });
}

test('a typical exact query takes at most three rounds of fetches, and its results equal the CLI\'s', async ({ page }) => {
  const counted = {};
  for (const q of ['party', 'Kazakhstanskaya', 'Lodge chancery', 'communist', 'embassy']) {
    await page.goto('about:blank');
    await page.goto(`./#/?q=${encodeURIComponent(q)}`);
    await expect(results(page).first()).toBeVisible();
    counted[q] = await rounds(page);
    expect(await appIds(page), q).toEqual(cliIds(q));
  }
  // The table with the dictionary, the postings, the page texts: never more, and at least the
  // first two (a sound count: a search that fetched nothing would count none).
  for (const [q, n] of Object.entries(counted)) {
    expect(n, `${q}: ${JSON.stringify(counted)}`).toBeLessThanOrEqual(3);
    expect(n, q).toBeGreaterThanOrEqual(2);
  }
});

test('a search that finds nothing says so and names the spellings it tried', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('Kazakhstanskaya -pravda')}`);
  await expect(page.getByRole('heading', { name: 'No documents match' })).toBeVisible();
  await expect(page.getByText(/Spellings tried besides yours: .*karakhstanskaya/)).toBeVisible();
});

test('a query that cannot be read says where and why', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('contry:USSR')}`);
  await expect(page.getByRole('alert')).toContainText('did you mean `country`');
});

for (const query of ['party', 'coup OR assassinate', '"Smoldering Questions"', 'instruct*', 'Kazakhstanskaya', 'year:1963', 'cuba -castro']) {
  test(`the app ranks like the CLI: ${query}`, async ({ page }) => {
    await page.goto(`./#/?q=${encodeURIComponent(query)}`);
    const expected = cliIds(query);
    if (expected.length === 0) {
      await expect(page.getByRole('heading', { name: 'No documents match' })).toBeVisible();
    } else {
      await expect(results(page)).toHaveCount(Math.min(expected.length, 10));
      expect(await appIds(page)).toEqual(expected);
    }
  });
}

test('a link to a search loads no catalog; clearing the search loads it and lists the collection', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`./#/?q=${encodeURIComponent('party')}`);
  await expect(results(page).first()).toBeVisible();
  expect(requests.filter((path) => path.endsWith('/catalog.json'))).toEqual([]);
  await box(page).fill('');
  await expect(page.locator('.doc-list > li')).toHaveCount(23);
  expect(requests.filter((path) => path.endsWith('/catalog.json'))).toHaveLength(1);
});

test('ten results show at first; "Show more" adds ten and keeps the first in place', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('the')}`);
  await expect(results(page)).toHaveCount(10);
  const first = await appIds(page);
  const more = page.getByRole('button', { name: /^Show more \(10 of \d+\)$/ });
  await more.click();
  await expect(results(page)).toHaveCount(20);
  expect((await appIds(page)).slice(0, 10)).toEqual(first);
});
