// The reading interface: a header that leaves room for the text, the reader's remembered
// choices (theme, text size, page furniture), the shortcuts' help, phones, motion and print.
import { test, expect, CIA } from './fixtures.mjs';
import { printout, screenshot } from './screenshots.mjs';

const ocr = `./#/doc/${CIA.id}?page=2&view=ocr`;

/// The top and bottom of the first line of text in `selector`, measured on its first character.
function firstLine(page, selector) {
  return page.locator(selector).evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT,
      { acceptNode: (node) => (node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const node = walker.nextNode();
    const range = document.createRange();
    const at = node.data.search(/\S/);
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const box = range.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
}

test.describe('at 1280 by 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const [view, url, selector] of [
    ['transcription', `./#/doc/${CIA.id}`, '.markdown'],
    ['OCR', ocr, '.ocr-text'],
  ]) {
    test(`the first line of the ${view} shows without scrolling`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator(selector)).toBeVisible();
      const line = await firstLine(page, selector);
      expect(line.top).toBeGreaterThan(0);
      expect(line.bottom).toBeLessThan(800);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });
  }
});

test('the header keeps title, date, country, quality and pages in sight, the rest under Details', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  const header = page.locator('.doc-header');
  await expect(header.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
  const summary = header.locator('.doc-summary');
  await expect(summary).toContainText('1949');
  await expect(summary).toContainText('USSR');
  await expect(summary.locator('.quality-badge')).toBeVisible();
  await expect(summary).toContainText('7 pages');

  const details = header.locator('details');
  await expect(details).not.toHaveAttribute('open', /.*/);
  await expect(header.getByText('Alma-Ata')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Provenance and rights' })).toBeHidden();

  await header.getByText('Details', { exact: true }).click();
  await expect(details).toHaveAttribute('open', '');
  await expect(header.getByText('Alma-Ata')).toBeVisible();
  const record = page.getByRole('region', { name: 'Provenance and rights' });
  await expect(record).toContainText('CREST');
  await expect(record).toContainText('Public domain');
});

test('on a phone the header stays compact and the text starts on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.markdown')).toBeVisible();
  const header = await page.locator('.doc-header').boundingBox();
  expect(header.height).toBeLessThan(200);
  expect((await firstLine(page, '.markdown')).bottom).toBeLessThan(812);
  await screenshot(page, 'document-top');
});

test('the theme follows the system until the reader chooses, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await expect(page.locator('.doc-list > li').first()).toBeVisible();
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await paper();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await paper();
  expect(dark).not.toBe(light);

  await page.getByText('Display', { exact: true }).click();
  const theme = page.getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  await theme.selectOption('dark');
  expect(await paper()).toBe(dark);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await paper()).toBe(dark);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');

  await page.getByText('Display', { exact: true }).click();
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(await paper()).toBe(light);
  await page.reload();
  expect(await paper()).toBe(light);
});

test.describe('with the app\'s wasm held back', () => {
  // page.route does not see what a service worker answers, so the worker stays out.
  test.use({ serviceWorkers: 'block' });

  test('a chosen dark theme is there before the app has loaded: no flash of the light one', async ({ page }) => {
    await page.goto('./');
    await page.evaluate(() => localStorage.setItem('readingroom-theme', 'dark'));
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route('**/readingroom-*.wasm', async (route) => { await gate; await route.continue(); });
    await page.reload({ waitUntil: 'domcontentloaded' });
    // The app is held back: the page shows only its static chrome, already dark.
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page.locator('.doc-list')).toHaveCount(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 23, 28)');
    release();
    await expect(page.locator('.doc-list > li').first()).toBeVisible();
  });
});

test('the text size is remembered across a reload', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.markdown')).toBeVisible();
  const size = () => page.locator('.markdown').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const normal = await size();
  await page.getByText('Display', { exact: true }).click();
  await page.getByLabel('Text size').selectOption('150');
  expect(await size()).toBeCloseTo(normal * 1.5, 1);
  await page.reload();
  await expect(page.locator('.markdown')).toBeVisible();
  expect(await size()).toBeCloseTo(normal * 1.5, 1);
  await expect(page.getByLabel('Text size')).toHaveValue('150');
  await page.getByText('Display', { exact: true }).click();
  await page.getByLabel('Text size').selectOption('100');
  expect(await size()).toBeCloseTo(normal, 1);
});

test('Escape closes the display menu and returns to its button', async ({ page }) => {
  await page.goto('./');
  const summary = page.getByText('Display', { exact: true });
  await summary.click();
  await page.getByLabel('Theme').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('details.display-menu')).not.toHaveAttribute('open', /.*/);
  await expect(summary).toBeFocused();
});

test('"Hide page furniture" hides the stamps and page numbers, and is remembered', async ({ page }) => {
  await page.goto(ocr);
  const stamp = page.locator('.ocr-text .furniture').filter({ hasText: /^SEGNET$/ });
  await expect(stamp).toBeVisible();
  const toggle = page.getByRole('checkbox', { name: 'Hide page furniture' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(stamp).toBeHidden();
  await expect(page.locator('.ocr-text')).toContainText('in the 2 years he had been an instructor');
  await page.reload();
  await expect(page.locator('.ocr-text')).toBeVisible();
  await expect(stamp).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Hide page furniture' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Hide page furniture' }).uncheck();
  await expect(stamp).toBeVisible();
});

test('the furniture switch is offered only where there is furniture', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.markdown')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Hide page furniture' })).toHaveCount(0);
});

test('? opens the shortcuts, a labelled modal dialog; Escape closes it and focus returns', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.doc-list > li').first()).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  for (const key of ['/', 'n', 'N', '?', 'Esc']) {
    await expect(dialog.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?/]/, '\\$&')}$`) })).toHaveCount(1);
  }
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('/ goes to the search field; ? and / typed in a field are text', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('searchbox', { name: 'Search the collection' });
  await expect(box).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('why? a/b');
  await expect(box).toHaveValue('why? a/b');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const [view, url, ready] of [
    ['library', './', '.doc-list > li'],
    ['search', './#/?q=pravda', '.result-list > li'],
    ['transcription', `./#/doc/${CIA.id}?page=2`, '.markdown'],
    ['OCR', ocr, '.ocr-text'],
    ['a record without transcription', './#/doc/104-10004-10156?page=2', '.ocr-text'],
  ]) {
    test(`nothing scrolls sideways: ${view}`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator(ready).first()).toBeVisible();
      const width = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      const [scroll, client] = await width();
      expect(scroll).toBeLessThanOrEqual(client);
      await page.getByText('Display', { exact: true }).click();
      const [open, clientOpen] = await width();
      expect(open, 'with the display menu open').toBeLessThanOrEqual(clientOpen);
    });
  }
});

test('on a phone the filters come folded, so the list is on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('./');
  await expect(page.locator('.doc-list > li').first()).toBeInViewport();
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const ussr = filters.getByRole('checkbox', { name: /^USSR \(2\)$/ });
  await expect(ussr).toBeHidden();
  await filters.getByText('Filters', { exact: true }).click();
  // Ticking turns the list into results, which come with their filters folded again.
  await ussr.click();
  await expect(page.locator('.result-list > li')).toHaveCount(2);
  await expect(page.locator('.result-list > li').first()).toBeInViewport();
  // A search by filters alone has no hits: the results name none and show no empty snippet.
  await expect(page.locator('.result .snippet')).toHaveCount(0);
  await expect(page.locator('.result-meta').first()).toHaveText(/^\d{4}-\d\d-\d\d$/);
  await expect(filters.locator('summary')).toHaveText('Filters (1 ticked)');
  await screenshot(page, 'library-filtered');
});

test('at 320 px with the largest text, nothing scrolls sideways either', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('readingroom-text-size', '175'));
  for (const [url, ready] of [
    ['./', '.doc-list > li'],
    ['./#/?q=pravda', '.result-list > li'],
    [`./#/doc/${CIA.id}?page=2`, '.markdown'],
    [ocr, '.ocr-text'],
  ]) {
    await page.goto(url);
    await page.reload();
    await expect(page.locator(ready).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '175');
    const details = page.locator('.doc-details summary');
    if (await details.count()) await details.click();
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, url).toBeLessThanOrEqual(client);
  }
  await screenshot(page, 'largest-text');
});

test('with reduced motion nothing moves; without, the controls ease', async ({ page }) => {
  await page.goto('./');
  const button = page.locator('#shortcuts-button');
  const duration = () => button.evaluate((e) => getComputedStyle(e).transitionDuration);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await duration()).not.toBe('0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBe('0s');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
});

test('print shows the text with its marks, and none of the controls', async ({ page }) => {
  await page.goto('./#/?q=pravda');
  const mark = page.locator('.result-list mark').first();
  await expect(mark).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.search-box', '.facets', '.skip-link']) {
    await expect(page.locator(chrome)).toBeHidden();
  }
  await expect(mark).toBeVisible();
  const style = await mark.evaluate((e) => {
    const s = getComputedStyle(e);
    return { adjust: s.printColorAdjust, background: s.backgroundColor, underline: s.textDecorationLine };
  });
  expect(style.adjust).toBe('exact');
  expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(style.underline).toBe('underline');
  await printout(page, 'search');

  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await page.goto(ocr);
  await expect(page.locator('.ocr-text')).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const chrome of ['.site-header', '.view-tabs', '.pager', '.reading-tools', '.doc-details > summary']) {
    await expect(page.locator(chrome).first()).toBeHidden();
  }
  await expect(page.locator('.ocr-text')).toBeVisible();
  // Dark on screen, black on white on paper.
  expect(await page.locator('.ocr-text').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(0, 0, 0)');
  await printout(page, 'ocr');
});

test('in print, the two panes of a comparison follow one another, each whole', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.markdown')).toBeVisible();
  // The compare view's panes as a screen might lay them out: side by side, each scrolling.
  await page.locator('.document').evaluate((doc) => {
    const pair = document.createElement('div');
    Object.assign(pair.style, { display: 'grid', gridTemplateColumns: '1fr 1fr' });
    for (const side of ['OCR', 'Transcription']) {
      const pane = document.createElement('section');
      pane.className = 'compare-pane';
      Object.assign(pane.style, { maxHeight: '10rem', overflow: 'auto' });
      pane.textContent = `${side} `.repeat(400);
      pair.append(pane);
    }
    doc.append(pair);
  });
  const panes = page.locator('.compare-pane');
  const boxes = async () => [await panes.nth(0).boundingBox(), await panes.nth(1).boundingBox()];
  let [first, second] = await boxes();
  expect(second.y).toBe(first.y);
  await page.emulateMedia({ media: 'print' });
  [first, second] = await boxes();
  expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
  expect(first.height).toBeGreaterThan(200);
  expect(await panes.nth(0).evaluate((e) => getComputedStyle(e).overflowY)).toBe('visible');
});
