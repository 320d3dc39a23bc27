// The reader: the query's hits marked in the document, exactly where the engine finds them,
// the find field and the URL, and stepping from hit to hit across pages.
import { execFileSync } from 'node:child_process';
import { test, expect, CIA } from './fixtures.mjs';

const PAGES = 7;
// Screenshots for a person to look at: target/screenshots/ at the repository's root.
const SHOTS = new URL('../../target/screenshots', import.meta.url).pathname;
const find = (page) => page.getByRole('searchbox', { name: 'Search in this document' });
const status = (page) => page.locator('.find-bar [role="status"]');
const textOf = (view) => (view === 'ocr' ? '.ocr-text' : '.markdown');
const docUrl = (query) => `./#/doc/${CIA.id}?${new URLSearchParams(query)}`;

/// The engine's hits on the CIA report for `q`, on every page, as the CLI reports them on the
/// same bundle: `{ 'ocr:3': { all, fuzzy } }`.
function engineHits(q) {
  const out = execFileSync(process.env.READINGROOM_CLI,
    ['search', process.env.READINGROOM_BUNDLE, '--json', '--pages', '100', '--', q]);
  const result = JSON.parse(out).results.find((r) => r.id === CIA.id);
  const hits = {};
  for (const hit of result ? result.hits : []) {
    const key = `${hit.layer}:${hit.page}`;
    hits[key] ??= { all: 0, fuzzy: 0 };
    hits[key].all += 1;
    hits[key].fuzzy += hit.fuzzy ? 1 : 0;
  }
  return hits;
}

/// The hits marked on the page shown: distinct hit numbers (a hit across formatting is several
/// `<mark>`s with one number), and how many of them are OCR variants.
async function marked(page, view) {
  return page.locator(`${textOf(view)} mark.hit`).evaluateAll((marks) => {
    const all = new Set(marks.map((m) => m.dataset.hit));
    const fuzzy = new Set(marks.filter((m) => m.classList.contains('fuzzy')).map((m) => m.dataset.hit));
    return { all: all.size, fuzzy: fuzzy.size };
  });
}

const QUERIES = ['party', 'Kazakhstanskaya', '"party instructors"', 'instruct*', 'party -oswald', 'pravda OR agitation'];

for (const q of QUERIES) {
  test(`every page marks exactly the engine's hits: ${q}`, async ({ page }) => {
    const hits = engineHits(q);
    const total = { ocr: 0, corrected: 0 };
    for (const [key, n] of Object.entries(hits)) total[key.split(':')[0]] += n.all;
    expect(total.ocr + total.corrected, 'the engine finds the query in the report').toBeGreaterThan(0);
    for (const view of ['ocr', 'corrected']) {
      for (let n = 1; n <= PAGES; n += 1) {
        await page.goto(docUrl({ q, view, page: n }));
        await expect(page.getByText(`Page ${n} of ${PAGES}`).first()).toBeVisible();
        const said = total[view] === 0 ? 'No matches' : total[view] === 1 ? '1 match' : `${total[view]} matches`;
        await expect(status(page)).toHaveText(said);
        const expected = hits[`${view}:${n}`] ?? { all: 0, fuzzy: 0 };
        expect(await marked(page, view), `${view} page ${n}`).toEqual(expected);
      }
    }
  });
}

test('a fuzzy mark says it is an OCR variant and which word it stands for', async ({ page }) => {
  await page.goto(docUrl({ q: 'Kazakhstanskaya', view: 'ocr', page: 1 }));
  const fuzzy = page.locator('.ocr-text mark.hit.fuzzy').first();
  await expect(fuzzy).toHaveText('Karakhstanskaya');
  await expect(fuzzy).toHaveAttribute('aria-description', /OCR variant matching .Kazakhstanskaya./);
  await expect(fuzzy).toHaveAttribute('aria-description', /in the OCR and the transcription/);
  const exact = page.locator('.ocr-text mark.hit:not(.fuzzy)').first();
  await expect(exact).toHaveAttribute('aria-description', /^Match for .Kazakhstanskaya./);
});

test('each term has its own colour and number, and furniture is never marked', async ({ page }) => {
  await page.goto(docUrl({ q: 'party OR instructors', view: 'ocr', page: 1 }));
  await expect(page.locator('.ocr-text mark.hit.term-0').first()).toBeVisible();
  await expect(page.locator('.ocr-text mark.hit.term-1').first()).toBeVisible();
  await expect(page.locator('.ocr-text mark.hit.term-1').first()).toHaveAttribute('data-term', '2');
  await expect(page.locator('.furniture mark')).toHaveCount(0);
});

test('filters and exclusions alone mark nothing and are not an error', async ({ page }) => {
  for (const q of ['country:USSR', 'year:1949', '-party']) {
    await page.goto(docUrl({ q, view: 'ocr', page: 1 }));
    await expect(status(page)).toHaveText('No matches');
    await expect(page.locator('mark.hit')).toHaveCount(0);
  }
  await page.goto(docUrl({ q: 'party "unclosed', view: 'ocr' }));
  await expect(status(page)).toContainText('The query cannot be read');
});

test('next and previous step through every hit, across pages, by button and by key', async ({ page }) => {
  const hits = engineHits('pravda');
  const pages = Object.keys(hits).filter((k) => k.startsWith('corrected:')).map((k) => Number(k.split(':')[1])).sort((a, b) => a - b);
  const counts = pages.map((n) => hits[`corrected:${n}`].all);
  const total = counts.reduce((a, b) => a + b, 0);
  expect(pages.length, 'the word is on more than one page').toBeGreaterThan(1);
  await page.goto(docUrl({ q: 'pravda', view: 'corrected', page: pages[0] }));
  await expect(status(page)).toHaveText(`${total} matches`);
  const next = page.getByRole('button', { name: /Next match/ });
  // Through the first page's hits by button, then one step more turns the page.
  for (let i = 1; i <= counts[0]; i += 1) {
    await next.click();
    await expect(status(page)).toHaveText(`${i} of ${total}`);
    await expect(page.locator('mark.hit.current')).toHaveAttribute('data-hit', String(i - 1));
  }
  await next.click();
  await expect(status(page)).toHaveText(`${counts[0] + 1} of ${total}`);
  await expect(page.getByText(`Page ${pages[1]} of ${PAGES}`).first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`page=${pages[1]}`));
  const current = page.locator('mark.hit.current');
  await expect(current).toBeInViewport();
  // Back by key, from the page: N, then n again.
  await page.locator('body').press('N');
  await expect(status(page)).toHaveText(`${counts[0]} of ${total}`);
  await expect(page.getByText(`Page ${pages[0]} of ${PAGES}`).first()).toBeVisible();
  await page.locator('body').press('n');
  await expect(status(page)).toHaveText(`${counts[0] + 1} of ${total}`);
  // In the field, Enter steps forward and Shift+Enter back.
  await find(page).press('Shift+Enter');
  await expect(status(page)).toHaveText(`${counts[0]} of ${total}`);
  await find(page).press('Enter');
  await expect(status(page)).toHaveText(`${counts[0] + 1} of ${total}`);
  // From the last hit, next wraps to the first.
  await page.getByRole('button', { name: /Previous match/ }).click();
  await expect(status(page)).toHaveText(`${counts[0]} of ${total}`);
});

test('the find field changes the marks as the reader types and keeps q in the URL, with Back and Forward', async ({ page }) => {
  await page.goto(docUrl({ view: 'ocr', page: 1 }));
  await expect(status(page)).toHaveText('Type to find words in this document');
  await find(page).fill('party');
  await expect(page).toHaveURL(/q=party/);
  await expect(page.locator('.ocr-text mark.hit').first()).toBeVisible();
  const partyMarks = await page.locator('.ocr-text mark.hit').count();
  await find(page).blur();
  await find(page).fill('Kazakhstanskaya');
  await expect(page).toHaveURL(/q=Kazakhstanskaya/);
  await expect(page.locator('.ocr-text mark.hit').first()).toHaveText(/Ka[zr]akhstanskaya/);
  await page.goBack();
  await expect(page).toHaveURL(/q=party/);
  await expect(find(page)).toHaveValue('party');
  await expect(page.locator('.ocr-text mark.hit')).toHaveCount(partyMarks);
  await page.goBack();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.locator('mark.hit')).toHaveCount(0);
  await page.goForward();
  await expect(find(page)).toHaveValue('party');
  await expect(page.locator('.ocr-text mark.hit')).toHaveCount(partyMarks);
});

test('a further OCR run is marked too, each mark the word or an OCR variant of it', async ({ page }) => {
  await page.goto('./#/doc/104-10048-10252?view=ocr&run=1&q=release');
  const marks = page.locator('.ocr-text mark.hit');
  await expect(marks.first()).toBeVisible();
  for (const mark of await marks.all()) {
    const fuzzy = await mark.evaluate((m) => m.classList.contains('fuzzy'));
    if (!fuzzy) await expect(mark).toHaveText(/^release$/i);
  }
  await expect(status(page)).toHaveText(/^\d+ match(es)?$/);
});

test('the compare view marks the query in both panes and steps through the OCR\'s hits', async ({ page }) => {
  const hits = engineHits('pravda');
  const count = (key) => (hits[key] ? hits[key].all : 0);
  const total = Object.entries(hits).filter(([k]) => k.startsWith('ocr:')).reduce((n, [, v]) => n + v.all, 0);
  await page.goto(docUrl({ q: 'pravda', view: 'compare', page: 1 }));
  const ocr = page.getByRole('region', { name: 'OCR text' });
  const corrected = page.getByRole('region', { name: 'Corrected text' });
  await expect(ocr.locator('mark.hit').first()).toBeVisible();
  const distinct = (pane) => pane.locator('mark.hit').evaluateAll((m) => new Set(m.map((x) => x.dataset.hit)).size);
  expect(await distinct(ocr)).toBe(count('ocr:1'));
  expect(await distinct(corrected)).toBe(count('corrected:1'));
  await expect(status(page)).toHaveText(`${total} matches`);
  await page.getByRole('button', { name: /Next match/ }).click();
  await expect(status(page)).toHaveText(`1 of ${total}`);
  await expect(ocr.locator('mark.hit.current')).toHaveCount(1);
  await expect(corrected.locator('mark.hit.current')).toHaveCount(0);
});

test('keyboard only: search, open the first result, step to the third hit, switch to compare, step to the next correction', async ({ page }) => {
  /// Presses Tab until the focused element is the one `wanted` describes.
  async function tabTo(wanted) {
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(wanted)) return;
    }
    throw new Error(`Tab never reached ${wanted}`);
  }
  await page.goto('./');
  await expect(page.locator('.doc-list > li').first()).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('instructors');
  await expect(page.locator('.result-list > li').first()).toBeVisible();
  await tabTo(() => document.activeElement.matches('.result-list > li:first-child a.doc-title'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/doc\/.*q=instructors/);
  await expect(page.locator('mark.hit').first()).toBeVisible();
  await page.evaluate(() => document.activeElement.blur());
  // The result opens on its best page: the first step lands on that page's first hit, and
  // two more steps are the third hit from there.
  await page.keyboard.press('n');
  await expect(status(page)).toHaveText(/^\d+ of \d+$/);
  const first = Number((await status(page).textContent()).split(' ')[0]);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(status(page)).toHaveText(new RegExp(`^${first + 2} of \\d+$`));
  await tabTo(() => document.activeElement.textContent.trim() === 'Compare');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'OCR text' })).toBeVisible();
  await tabTo(() => document.activeElement.textContent.trim() === 'Next correction');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Correction 1 of' })).toBeVisible();
});

test('a result opens its document with the query marked', async ({ page }) => {
  await page.goto(`./#/?q=${encodeURIComponent('Kazakhstanskaya')}`);
  await page.getByRole('link', { name: CIA.title }).click();
  await expect(page).toHaveURL(/q=Kazakhstanskaya/);
  await expect(find(page)).toHaveValue('Kazakhstanskaya');
  await expect(page.locator('mark.hit').first()).toBeVisible();
});

for (const scheme of ['light', 'dark']) {
  for (const [size, viewport] of [['wide', { width: 1280, height: 900 }], ['phone', { width: 375, height: 740 }]]) {
    test(`screenshots of the reading view with hits: ${scheme}, ${size}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of ['ocr', 'corrected']) {
        await page.goto(docUrl({ q: 'Kazakhstanskaya OR instructors', view, page: 1 }));
        await expect(page.locator('mark.hit').first()).toBeVisible();
        await page.getByRole('button', { name: /Next match/ }).click();
        await expect(page.locator('mark.hit.current')).toBeInViewport();
        const name = view === 'ocr' ? 'ocr' : 'transcription';
        await page.screenshot({ path: `${SHOTS}/reading-${name}-hits-${scheme}-${size}.png` });
      }
    });
  }
}
