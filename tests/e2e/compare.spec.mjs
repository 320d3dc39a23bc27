// The compare view: the OCR beside its transcription (or another OCR run), paragraph by
// paragraph, each correction marked as <del>/<ins>, stepped through, scrolled together, and
// every page's error rates as a chart whose bars are links.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, CIA } from './fixtures.mjs';

const RUNS = '104-10048-10252'; // ocr.txt and ocr-2.txt, no transcription
const LONE = '104-10004-10156'; // its OCR alone
const compareUrl = (id, page = 1) => `./#/doc/${id}?page=${page}&view=compare`;
const ocrPane = (page) => page.getByRole('region', { name: 'OCR text' });
const correctedPane = (page) => page.getByRole('region', { name: 'Corrected text' });

/// The kinds each pane marks: what the OCR read is struck out, what replaced it underlined.
const DEL_KINDS = { substitution: 'substitution', deletion: 'deletion', 'words-joined': 'words-joined', 'word-split': 'word-split' };
const INS_KINDS = { substitution: 'substitution', insertion: 'insertion', 'words-joined': 'words-joined', 'word-split': 'word-split' };

/// The counts the view shows in its data attributes, as the module gave them.
async function shownCounts(page) {
  const summary = page.locator('.compare-summary');
  await expect(summary).toBeVisible();
  const read = async (name) => Number(await summary.getAttribute(`data-${name}`));
  const counts = {};
  for (const kind of ['substitution', 'insertion', 'deletion', 'words-joined', 'word-split', 'furniture', 'layout']) {
    counts[kind] = await read(kind);
  }
  return counts;
}

/// Asks the compare module itself, as the app does, about page `n` of the document `id`.
async function moduleCounts(page, id, against, n) {
  return page.evaluate(async ({ id, against, n }) => {
    const module = await globalThis.readingroomLoadCompare();
    const catalog = JSON.parse(await (await fetch('bundle/catalog.json')).text());
    const entry = catalog.documents.find((e) => e.meta.id === id);
    const bytes = new Uint8Array(await (await fetch(`bundle/${entry.data}`)).arrayBuffer());
    const reply = JSON.parse(module.view(bytes, JSON.stringify({ against, page: n })));
    const c = reply.page.counts;
    return {
      substitution: c.substitutions, insertion: c.insertions, deletion: c.deletions,
      'words-joined': c.words_joined, 'word-split': c.words_split, furniture: c.furniture, layout: c.layout,
    };
  }, { id, against, n });
}

/// Every pane's marks per kind equal the counts: <del> in the OCR, <ins> in the other text.
async function expectMarksToMatch(page, counts, otherPane) {
  for (const [kind, count] of Object.entries(counts)) {
    await expect(ocrPane(page).locator(`del[data-kind="${kind}"]`)).toHaveCount(DEL_KINDS[kind] ? count : 0);
    await expect(otherPane.locator(`ins[data-kind="${kind}"]`)).toHaveCount(INS_KINDS[kind] ? count : 0);
  }
}

test('the marks of each kind on the report\'s first page are the module\'s counts', async ({ page }) => {
  await page.goto(compareUrl(CIA.id));
  const shown = await shownCounts(page);
  expect(shown).toEqual(await moduleCounts(page, CIA.id, 'transcription', 1));
  expect(shown.substitution).toBeGreaterThan(5);
  expect(shown.furniture).toBeGreaterThan(0);
  await expectMarksToMatch(page, shown, correctedPane(page));
  // Furniture and layout are no errors: never struck out nor underlined.
  await expect(page.locator('del.diff, ins.diff')).toHaveCount(
    2 * shown.substitution + shown.insertion + shown.deletion + 2 * shown['words-joined'] + 2 * shown['word-split']);
  const lisison = ocrPane(page).locator('del', { hasText: 'lisison' });
  await expect(lisison).toHaveAttribute('title', 'OCR read ‘lisison’, corrected to ‘liaison’');
  await expect(lisison).toHaveAttribute('data-kind', 'substitution');
  await expect(correctedPane(page).locator('ins', { hasText: 'liaison' })).toHaveAttribute('title', /corrected to ‘liaison’/);
  await expect(page.locator('.compare-summary .counts')).toContainText(`${shown.substitution} substitutions`);
});

test('a paragraph of the transcription sits beside the OCR it came from', async ({ page }) => {
  await page.goto(compareUrl(CIA.id, 2));
  const rows = (pane) => pane.locator('.compare-row');
  await expect(rows(correctedPane(page))).toHaveCount(6);
  await expect(rows(ocrPane(page))).toHaveCount(6);
  const perty = ocrPane(page).locator('del', { hasText: 'Perty' });
  const row = await perty.evaluate((del) => del.closest('.compare-row').dataset.row);
  const beside = correctedPane(page).locator(`.compare-row[data-row="${row}"]`);
  await expect(beside).toContainText('justly called "nonstaff deputy chairmen of kolkhozes."');
  await expect(beside.locator('ins', { hasText: 'Party' }).first()).toBeVisible();
  await expect(correctedPane(page).locator('.row-quote').first()).toBeVisible();
});

test('Next and Previous step through the corrections, both panes following', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(compareUrl(CIA.id, 2));
  const current = (pane) => pane.locator('[aria-current="true"]');
  await expect(current(ocrPane(page))).toHaveCount(0);
  await page.getByRole('button', { name: 'Next correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction 1 of' })).toContainText('commedes');
  await expect(current(ocrPane(page))).toHaveText('commedes');
  await expect(current(correctedPane(page))).toHaveText('comrades');
  await expect(page.getByRole('button', { name: 'Previous correction' })).toBeDisabled();
  for (let i = 0; i < 7; i += 1) await page.getByRole('button', { name: 'Next correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction 8 of' })).toBeVisible();
  const ocrMark = current(ocrPane(page));
  await expect(ocrMark).toHaveCount(1);
  await expect(ocrMark).toHaveClass(/current/);
  await expect(ocrMark).toBeInViewport();
  await expect(current(correctedPane(page))).toBeInViewport();
  const eighth = await ocrMark.getAttribute('data-correction');
  await page.getByRole('button', { name: 'Previous correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction 7 of' })).toBeVisible();
  await expect(current(ocrPane(page))).not.toHaveAttribute('data-correction', eighth);
  await expect(current(ocrPane(page))).toBeInViewport();
});

/// The index of the row at the top of what a pane shows below its title.
const topRow = (pane) => pane.evaluate((el) => {
  const rows = [...el.querySelectorAll('.compare-row')];
  const top = el.scrollTop + rows[0].offsetTop;
  return rows.filter((row) => row.offsetTop <= top + 1).length - 1;
});

test('scrolling one pane scrolls the other to the same paragraph', async ({ page }) => {
  await page.goto(compareUrl(CIA.id, 2));
  await expect(correctedPane(page).locator('ins').first()).toBeVisible();
  expect(await topRow(correctedPane(page))).toBe(0);
  const scrollTo = (pane, row, past) => pane.evaluate((el, [row, past]) => {
    const first = el.querySelector('.compare-row');
    el.scrollTop = el.querySelector(`[data-row="${row}"]`).offsetTop - first.offsetTop + past;
  }, [row, past]);
  await scrollTo(ocrPane(page), 3, 5);
  await expect.poll(() => topRow(correctedPane(page))).toBe(3);
  await scrollTo(correctedPane(page), 1, 2);
  await expect.poll(() => topRow(ocrPane(page))).toBe(1);
});

test('each bar of the chart is a link that opens its page, and a table says the same', async ({ page }) => {
  await page.goto(compareUrl(CIA.id));
  const chart = page.locator('.page-chart');
  await expect(chart.locator('svg a')).toHaveCount(7);
  await expect(chart.locator('tbody tr')).toHaveCount(7);
  await expect(chart.locator('tbody tr').first()).toContainText(/Page 1\s*\d+(\.\d)? %\s*\d+(\.\d)? %/);
  await chart.getByRole('link', { name: /^Page 3: character error rate/ }).click();
  await expect(page).toHaveURL(/page=3&view=compare/);
  await expect(page.getByText('Page 3 of 7').first()).toBeVisible();
  await expect(page.locator('.compare-rates')).toContainText('Page 3:');
  const fifth = chart.getByRole('link', { name: /^Page 5: character error rate/ });
  await fifth.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.compare-rates')).toContainText('Page 5:');
});

test('a document with two OCR runs compares the first with the second', async ({ page }) => {
  await page.goto(`./#/doc/${RUNS}`);
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/view=compare/);
  const other = page.getByRole('region', { name: 'Other OCR run' });
  await expect(other).toBeVisible();
  await expect(page.locator('.compare-rates')).toContainText('against the other OCR run');
  const shown = await shownCounts(page);
  expect(shown).toEqual(await moduleCounts(page, RUNS, { run: 1 }, 1));
  await expectMarksToMatch(page, shown, other);
  await expect(other.locator('ins').first()).toHaveAttribute('title', /the other run reads|Missing from the OCR/);
});

test('a deep link opens the compare view on its page, and the tabs offer it', async ({ page }) => {
  await page.goto(compareUrl(CIA.id, 4));
  await expect(page.getByText('Page 4 of 7').first()).toBeVisible();
  await expect(page.locator('.compare-rates')).toContainText('Page 4:');
  await expect(page.getByRole('link', { name: 'Compare', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(correctedPane(page)).toContainText('On 1 October, there were three articles');
  await page.getByRole('link', { name: 'Next page →' }).first().click();
  await expect(page).toHaveURL(/page=5&view=compare/);
  await expect(page.locator('.compare-rates')).toContainText('Page 5:');
});

test('the compare module loads only when the compare view opens', async ({ page }) => {
  const asked = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.markdown')).toContainText('CENTRAL INTELLIGENCE AGENCY');
  expect(asked.filter((url) => url.includes('readingroom-compare'))).toEqual([]);
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(correctedPane(page)).toBeVisible();
  expect(asked.filter((url) => url.includes('readingroom-compare')).length).toBeGreaterThan(0);
});

test.describe('when the compare module cannot be loaded', () => {
  // page.route does not see what a service worker answers, so the worker stays out.
  test.use({ allowConsoleErrors: [/Failed to load resource|readingroom-compare/], serviceWorkers: 'block' });

  test('the view says so in an error card', async ({ page }) => {
    await page.route(/readingroom-compare-[0-9a-f]+\.js/, (route) => route.abort());
    await page.goto(compareUrl(CIA.id));
    await expect(page.getByRole('alert')).toContainText('The comparison could not be made');
    await expect(page.getByRole('alert')).toContainText('compare module could not be loaded');
  });
});

test('on a narrow screen the panes stack, with a switch between them', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(compareUrl(CIA.id, 2));
  const ocrButton = page.getByRole('button', { name: 'OCR', exact: true });
  const corrected = page.getByRole('button', { name: 'Corrected', exact: true });
  await expect(ocrPane(page)).toBeVisible();
  await expect(correctedPane(page)).toBeHidden();
  await expect(ocrButton).toHaveAttribute('aria-pressed', 'true');
  await corrected.click();
  await expect(correctedPane(page)).toBeVisible();
  await expect(ocrPane(page)).toBeHidden();
  await expect(corrected).toHaveAttribute('aria-pressed', 'true');
  await expect(ocrButton).toHaveAttribute('aria-pressed', 'false');
  const box = await correctedPane(page).boundingBox();
  expect(box.width).toBeGreaterThan(500);
});

test('a document with one text says there is nothing to compare it with', async ({ page }) => {
  await page.goto(`./#/doc/${LONE}`);
  await expect(page.locator('.ocr-text')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Compare', exact: true })).toHaveCount(0);
  await page.goto(compareUrl(LONE));
  await expect(page.getByRole('heading', { name: 'Nothing to compare' })).toBeVisible();
  await expect(page.locator('.compare-empty')).toContainText('one text only');
  await page.getByRole('link', { name: 'Read the OCR' }).click();
  await expect(page).toHaveURL(/view=ocr/);
  await expect(page.locator('.ocr-text')).toBeVisible();
});

for (const scheme of ['light', 'dark']) {
  for (const [name, size] of [['wide', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`the compare view in ${scheme} on a ${name} screen passes axe and is photographed`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize(size);
      await page.goto(compareUrl(CIA.id, 2));
      await page.getByRole('button', { name: 'Next correction' }).click();
      await page.getByRole('button', { name: 'Next correction' }).click();
      await expect(page.locator('.page-chart svg')).toBeVisible();
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      // axe judges the page from its top: scrolled, the sticky find bar covers what passes
      // under it, which axe would count against those targets' size.
      await page.evaluate(() => window.scrollTo(0, 0));
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      const folder = new URL('../../target/screenshots/', import.meta.url).pathname;
      mkdirSync(folder, { recursive: true });
      await page.screenshot({ path: `${folder}compare-${scheme}-${name}.png`, fullPage: true });
    });
  }
}
