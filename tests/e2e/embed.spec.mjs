// Embedding: the embedded views (#/embed/...) without the site's chrome, their link to the full
// reading room, the message API driven from the example host page (examples/embed-host/)
// served from another origin, the allow-list of origins, the Share dialog and passage links.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, CIA } from './fixtures.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const HOST_DIR = path.resolve('examples/embed-host');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// The example host page on a server of its own: another port and another host name, so
// another origin (and another site) than the reading room's.
let server;
let hostURL;
test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    const name = new URL(request.url, 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    const file = path.join(HOST_DIR, path.normalize(name));
    if (!file.startsWith(HOST_DIR) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostURL = `http://localhost:${server.address().port}/`;
});
test.afterAll(() => new Promise((resolve) => server.close(resolve)));

test.use({ allowRequests: ['http://localhost:'] });

/// The host page embedding the reading room at `start`, with `origins` as the frame's
/// allow-list (the host's own origin when not given).
async function openHost(page, baseURL, { start, origins } = {}) {
  const url = new URL('index.html', hostURL);
  url.searchParams.set('app', baseURL);
  if (start) url.searchParams.set('start', start);
  if (origins !== undefined) url.searchParams.set('origins', origins);
  await page.goto(url.href);
  return page.frameLocator('#reading-room');
}

/// The events the host page has received, of one type.
function events(page, type) {
  return page.evaluate((type) => window.readingRoom.events.filter((e) => e.type === type), type);
}
function lastEvent(page, type) {
  return page.evaluate((type) => window.readingRoom.events.filter((e) => e.type === type).pop() || null, type);
}
async function send(page, type, body = {}) {
  await page.evaluate(([type, body]) => window.readingRoom.send(type, body), [type, body]);
}

async function violations(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('the host page drives navigation, search and highlight, and hears ready, navigated, hitChanged and resize', async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL);
  await expect(frame.locator('.document h1')).toContainText(CIA.title);
  await expect.poll(() => events(page, 'ready')).toHaveLength(1);
  const ready = (await events(page, 'ready'))[0];
  expect(ready).toMatchObject({ protocol: 'readingroom-embed', version: 1, restricted: true });
  expect(ready.commands).toEqual(expect.arrayContaining(['navigate', 'search', 'highlight', 'setView', 'getText']));
  await expect.poll(() => lastEvent(page, 'navigated')).toMatchObject({ route: 'document', document: CIA.id, page: 1 });
  // The host fits the frame to the content's height.
  await expect.poll(async () => (await lastEvent(page, 'resize'))?.height ?? 0).toBeGreaterThan(300);
  const height = (await lastEvent(page, 'resize')).height;
  await expect(page.locator('#reading-room')).toHaveAttribute('height', String(Math.min(height, 2000)));

  await send(page, 'search', { query: 'pravda' });
  await expect(frame.locator('.result-list > li').first()).toBeVisible();
  await expect.poll(() => lastEvent(page, 'navigated')).toMatchObject({ route: 'search', query: 'pravda' });

  await send(page, 'navigate', { document: CIA.id, page: 2, view: 'ocr' });
  await expect(frame.locator('.pager-position').first()).toHaveText(/^Page 2 of/);
  await expect(frame.locator('.ocr-text')).toBeVisible();
  await expect.poll(() => lastEvent(page, 'navigated')).toMatchObject({ document: CIA.id, page: 2, view: 'ocr' });

  await send(page, 'highlight', { query: 'party' });
  await expect(frame.locator('#text mark').first()).toBeVisible();
  await expect.poll(async () => (await lastEvent(page, 'hitChanged'))?.total ?? 0).toBeGreaterThan(3);
  const total = (await lastEvent(page, 'hitChanged')).total;
  const status = frame.locator('.find-bar [role=status]');
  await expect(status).toHaveText(`${total} matches`);

  // A match on the page shown, named by its number through the document.
  const first = Number(await frame.locator('#text mark[data-hit]').first().getAttribute('data-hit')) + 1;
  await send(page, 'highlight', { query: 'party', hit: first + 1 });
  await expect(status).toHaveText(`${first + 1} of ${total}`);
  await expect.poll(() => lastEvent(page, 'hitChanged')).toEqual(
    expect.objectContaining({ current: first + 1, total }));
  await expect(frame.locator(`mark[data-hit="${first}"][aria-current="true"]`)).toBeInViewport();

  await send(page, 'setView', { view: 'compare' });
  await expect(frame.locator('.compare-pane').first()).toBeVisible();
  await expect.poll(() => lastEvent(page, 'navigated')).toMatchObject({ view: 'compare', page: 2, query: 'party' });
  const link = new URL((await lastEvent(page, 'navigated')).link);
  expect(link.hash).toMatch(/^#\/doc\//);
  expect(Object.fromEntries(new URLSearchParams(link.hash.split('?')[1]))).toMatchObject({ page: '2', view: 'compare', q: 'party' });

  // A listed origin may read the page's text.
  await send(page, 'navigate', { document: CIA.id, page: 1, view: 'ocr' });
  await expect(frame.locator('.pager-position').first()).toHaveText(/^Page 1 of/);
  await send(page, 'getText');
  await expect.poll(() => lastEvent(page, 'text')).toMatchObject({ document: CIA.id, page: 1 });
  const text = (await lastEvent(page, 'text')).text;
  expect(text).toContain(await frame.locator('.ocr-text').evaluate((e) => e.textContent.trim().slice(0, 40)));

  // Errors are answered, never silence.
  await send(page, 'fly');
  await expect.poll(() => lastEvent(page, 'error')).toMatchObject({ code: 'unknown-command', command: 'fly' });
  await page.evaluate(() => document.getElementById('reading-room').contentWindow.postMessage(
    { protocol: 'readingroom-embed', version: 99, type: 'navigate', document: 'x' }, '*'));
  await expect.poll(() => lastEvent(page, 'error')).toMatchObject({ code: 'unsupported-version' });
  await send(page, 'setView', { view: 'sideways' });
  await expect.poll(() => lastEvent(page, 'error')).toMatchObject({ code: 'bad-view' });
  await expect(frame.locator('.pager-position').first()).toHaveText(/^Page 1 of/);
});

test('a message from an origin not on the allow-list changes nothing, and no event leaves for it', async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL, { origins: 'https://elsewhere.example' });
  await expect(frame.locator('.document h1')).toContainText(CIA.title);
  const embed = page.frames().find((f) => f.url().startsWith(baseURL));
  const before = await embed.evaluate(() => location.hash);
  // The frame's own record of what arrived: embed.js listened first, so once a message is in
  // it, embed.js has handled it (a command acts at once, by changing the fragment).
  await embed.evaluate(() => {
    window.__arrived = [];
    window.addEventListener('message', (e) => window.__arrived.push(e.data && e.data.type));
  });
  await send(page, 'navigate', { document: CIA.id, page: 3 });
  await send(page, 'search', { query: 'pravda' });
  await send(page, 'getText');
  await expect.poll(() => embed.evaluate(() => window.__arrived)).toEqual(['navigate', 'search', 'getText']);
  expect(await embed.evaluate(() => location.hash)).toBe(before);
  await expect(frame.locator('.pager-position').first()).toHaveText(/^Page 1 of/);
  expect(await page.evaluate(() => window.readingRoom.events)).toEqual([]);
});

test('without an allow-list anyone may navigate and highlight, but nothing that reads the document is answered', async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL, { origins: '' });
  await expect.poll(() => events(page, 'ready')).toHaveLength(1);
  expect((await events(page, 'ready'))[0].restricted).toBe(false);
  await send(page, 'navigate', { document: CIA.id, page: 2, query: 'party' });
  await expect(frame.locator('.pager-position').first()).toHaveText(/^Page 2 of/);
  await expect.poll(() => lastEvent(page, 'navigated')).toMatchObject({ document: CIA.id, page: 2 });
  // The reader's words stay in the frame.
  expect((await lastEvent(page, 'navigated')).query).toBeUndefined();
  expect((await lastEvent(page, 'navigated')).link).toMatch(new RegExp(`#/doc/${CIA.id}\\?page=2$`));
  await expect.poll(async () => (await lastEvent(page, 'hitChanged'))?.total ?? 0).toBeGreaterThan(0);
  await send(page, 'getText');
  await expect.poll(() => lastEvent(page, 'error')).toMatchObject({ code: 'not-allowed', command: 'getText' });
  expect(await events(page, 'text')).toEqual([]);
});

/// Each embedded view, what shows once it has loaded, and the full view its link opens.
const ROUTES = [
  {
    name: 'a document at a page',
    hash: `#/embed/doc/${CIA.id}?page=2&view=ocr`,
    ready: (page) => page.locator('.ocr-text'),
    full: `#/doc/${CIA.id}?page=2&view=ocr`,
  },
  {
    name: 'a passage',
    hash: `#/embed/doc/${CIA.id}?pages=2-3&q=party`,
    ready: (page) => page.locator('#text mark').first(),
    full: `#/doc/${CIA.id}?pages=2-3&q=party`,
  },
  {
    name: 'the compare view of a page',
    hash: `#/embed/doc/${CIA.id}?page=2&view=compare`,
    ready: (page) => page.locator('.compare-pane').first(),
    full: `#/doc/${CIA.id}?page=2&view=compare`,
  },
  {
    name: 'a search with its box',
    hash: '#/embed/?q=pravda',
    ready: (page) => page.locator('.result-list > li').first(),
    full: '#/?q=pravda',
  },
  {
    name: 'a fixed search',
    hash: '#/embed/?q=pravda&fixed=1',
    ready: (page) => page.locator('.result-list > li').first(),
    full: '#/?q=pravda',
  },
];

for (const colorScheme of ['light', 'dark']) {
  test.describe(`embedded views, the system in ${colorScheme}`, () => {
    test.use({ colorScheme });
    for (const route of ROUTES) {
      test(`${route.name}: no chrome, no axe violation, and its link opens the same view`, async ({ page, context }) => {
        await page.goto(`./${route.hash}`);
        await expect(route.ready(page)).toBeVisible();
        await expect(page.locator('.site-header')).toBeHidden();
        await expect(page.getByRole('banner')).toHaveCount(0);
        await expect(page.locator('.skip-link')).toBeHidden();
        await expect(page.locator('#share-button')).toBeHidden();
        const link = page.getByRole('link', { name: 'Open in Reading Room (opens in a new tab)' });
        await expect(link).toBeVisible();
        await expect(link).toHaveAttribute('target', '_blank');
        await expect(link).toHaveAttribute('rel', 'noopener');
        if (route.hash.includes('fixed=1')) {
          await expect(page.locator('.search-box')).toBeHidden();
        } else if (route.hash.startsWith('#/embed/?')) {
          await expect(page.getByRole('searchbox', { name: 'Search the collection' })).toHaveValue('pravda');
        }
        expect(await violations(page)).toEqual([]);

        const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
        await full.waitForLoadState();
        expect(new URL(full.url()).hash).toBe(route.full);
        expect(full.url().split('#')[0]).toBe(page.url().split('#')[0]);
        await expect(route.ready(full)).toBeVisible();
        await expect(full.locator('.site-header')).toBeVisible();
        await full.close();
      });
    }
  });
}

test('a passage offers only its pages, and its steps stay within them', async ({ page }) => {
  await page.goto(`./#/embed/doc/${CIA.id}?pages=2-3&q=party`);
  const pager = page.getByRole('navigation', { name: 'Pages' }).first();
  await expect(pager.locator('.pager-position')).toHaveText(/^Page 2 of/);
  await expect(pager.locator('.prev')).toHaveAttribute('aria-disabled', 'true');
  await pager.getByRole('link', { name: /Next/ }).click();
  await expect(pager.locator('.pager-position')).toHaveText(/^Page 3 of/);
  await expect(pager.locator('.next')).toHaveAttribute('aria-disabled', 'true');
  await expect(page).toHaveURL(/#\/embed\/doc\/.*pages=2-3/);
  // Stepping on from the last match of the passage wraps to its first, never past its pages.
  const status = page.locator('.find-bar [role=status]');
  await expect(status).toHaveText(/matches$/);
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('n');
    await expect(status).toHaveText(/ of /);
    await expect(pager.locator('.pager-position')).toHaveText(/^Page [23] of/);
  }
});

test('the passage link round-trips: a fresh browser opens the same page with the same match marked and in view', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/doc/${CIA.id}?page=2&view=ocr&q=party`);
  const status = page.locator('.find-bar [role=status]');
  await expect(status).toHaveText(/matches$/);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(status).toHaveText(/^\d+ of \d+$/);
  const said = await status.textContent();
  const current = await page.locator('mark[aria-current="true"]').getAttribute('data-hit');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy link to this passage' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link to this passage copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await dialog.getByLabel('Link to this passage').inputValue());
  expect(new URL(link).hash).toMatch(/^#\/doc\/.*page=2.*view=ocr.*q=party.*hit=\d+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator('.find-bar [role=status]')).toHaveText(said);
  const mark = other.locator(`mark[data-hit="${current}"]`);
  await expect(mark).toHaveAttribute('aria-current', 'true');
  await expect(mark).toBeInViewport();
  await expect(other.locator('.pager-position').first()).toHaveText(/^Page 2 of/);
  await fresh.close();
});

test('the Share dialog works by keyboard, passes axe in both themes, and builds the embed code', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?page=2&view=compare`);
  await expect(page.locator('.compare-pane').first()).toBeVisible();
  const button = page.getByRole('button', { name: 'Share' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share or embed' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Link to this view')).toBeFocused();
  expect(await dialog.getByLabel('Link to this view').inputValue()).toBe(page.url());
  // No query, so no passage to link to.
  await expect(dialog.getByLabel('Link to this passage')).toBeHidden();
  const code = await dialog.getByLabel('Embed code').inputValue();
  expect(code).toMatch(/^<iframe src="[^"]*#\/embed\/doc\/[^"]*page=2&amp;view=compare" title="Reading Room: [^"]+" width="100%" height="720"/);
  // The Cite section gives the document's citation once the cite module has loaded.
  await expect(dialog.getByLabel('Citation', { exact: true })).toHaveValue(/^Note: Central Intelligence Agency/);
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page)).toEqual([]);

  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Copy link', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText(/^(Link copied\.|Copying was refused.*)$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // A search's code is a fixed list unless the reader lets readers search.
  await page.goto('./#/?q=pravda');
  await expect(page.locator('.result-list > li').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  const embed = dialog.getByLabel('Embed code');
  await expect(embed).toHaveValue(/#\/embed\/\?q=pravda&amp;fixed=1" title="Reading Room: search for \u201cpravda\u201d"/);
  await dialog.getByLabel('Let readers change the search').check();
  await expect(embed).toHaveValue(/#\/embed\/\?q=pravda" title=/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
