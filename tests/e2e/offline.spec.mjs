// Offline use: the service worker keeps what a reader opened, a document or the whole
// collection can be made available offline (its size shown first), an offline page says
// plainly what it does not have, and a new deployment waits for the reader's Reload.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, CIA } from './fixtures.mjs';
import { screenshot } from './screenshots.mjs';

const DIST = path.dirname(process.env.READINGROOM_BUNDLE);
// A document no test below opens before going offline.
const UNREAD = { id: '104-10004-10156', title: 'Memo for the Record: Oswald in Finland, October 1959 (1 June 1964)' };

const find = (page) => page.getByRole('searchbox', { name: 'Search in this document' });
const box = (page) => page.getByRole('searchbox', { name: 'Search the collection' });
const marks = (page) => page.locator('.markdown mark');
const menu = (page) => page.locator('details.offline-menu');

/// Waits until the service worker controls the page (it claims the page that installed it).
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/// The version of the build the worker that controls the page serves.
function version(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.version);
    navigator.serviceWorker.controller.postMessage({ type: 'build' }, [channel.port2]);
  }));
}

/// Waits until the worker's cache holds a file whose URL matches `pattern`.
async function cached(page, pattern) {
  await page.waitForFunction(async (source) => {
    const re = new RegExp(source);
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      if (keys.some((request) => re.test(request.url))) return true;
    }
    return false;
  }, pattern.source);
}

/// What dist says each file weighs (offline.json), for the sizes the menu must show.
function listing() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'offline.json'), 'utf8')).files;
}
const MODULE = /^readingroom-(search|compare|cite)-[0-9a-f]+\.(js|wasm)$/;

test.describe('offline', () => {
  // Chromium logs each request the worker answers with its offline 503, and a worker update
  // check that cannot reach the network: those are what these tests provoke.
  test.use({ allowConsoleErrors: [/status of 503|ERR_INTERNET_DISCONNECTED/] });

  test('a document read once opens and finds offline; one never saved says so plainly', async ({ page, context }) => {
    await page.goto('./');
    await controlled(page);
    // A first install is no update: no notice.
    await expect(page.locator('#update-notice')).toBeEmpty();
    await page.goto(`./#/doc/${CIA.id}?q=party`);
    await expect(marks(page).first()).toBeVisible();
    await cached(page, /bundle\/docs\/cia-rdp80/);
    await cached(page, /readingroom-search-[0-9a-f]+\.wasm$/);

    await context.setOffline(true);
    await page.reload();
    await page.goto(`./#/doc/${CIA.id}`);
    await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
    await find(page).fill('party');
    await expect(marks(page).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.goto(`./#/doc/${UNREAD.id}`);
    await expect(page.getByRole('heading', { level: 1, name: UNREAD.title })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This document could not be loaded');
    await expect(alert).toContainText('You are offline');
    await expect(alert).toContainText('is not available offline');
    await expect(alert).toContainText('Connect to the network');
    await expect(alert).toContainText('Make available offline');
  });

  test('the whole collection, made available offline, is searched offline, and can be removed', async ({ page, context }) => {
    await page.goto('./');
    await controlled(page);
    await menu(page).getByText('Offline', { exact: true }).click();
    const collection = page.getByRole('region', { name: 'The whole collection' });
    // Every file of the bundle and the modules, but the entry points the shell already holds.
    const shell = ['bundle/catalog.json', 'bundle/search/meta.json'];
    const expected = Object.entries(listing())
      .filter(([file]) => (file.startsWith('bundle/') && !shell.includes(file)) || MODULE.test(file))
      .reduce((sum, [, size]) => sum + size, 0);
    await expect(collection).toContainText(`To download: ${expected.toLocaleString('en')} bytes`);

    // Every <progress> shown while downloading, with its label and last value, recorded in the
    // page (the download may end before a test could look).
    await page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) {
          window.progressSeen.push({ label: bar.labels[0]?.textContent, value: bar.value, max: bar.max });
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await collection.getByRole('button', { name: 'Make available offline' }).click();
    // Every file of the bundle, a page text for each page among them, four at a time: on a
    // loaded machine that takes longer than an assertion's usual wait.
    await expect(page.getByRole('region', { name: 'The whole collection' }))
      .toContainText(`Available offline`, { timeout: 90_000 });
    const seen = await page.evaluate(() => window.progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].label).toContain('Downloading the collection');
    expect(seen[0].max).toBe(expected);

    await context.setOffline(true);
    await page.reload();
    await box(page).fill('coup');
    await expect(page.locator('.result-list > li').first()).toBeVisible();
    await box(page).fill('Kazakhstanskaya Pravda');
    await expect(page.locator('.result-list > li')).toHaveCount(1);
    await page.locator('.result-list > li').first().getByRole('link', { name: CIA.title }).click();
    await expect(page.locator('.document mark').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await menu(page).getByText('Offline', { exact: true }).click();
    await page.getByRole('region', { name: 'The whole collection' }).getByRole('button', { name: 'Remove from this device' }).click();
    // What the collection shares with the shell and the modules stays; its own files go.
    await expect(page.getByRole('region', { name: 'The whole collection' })).toContainText(/To download: [\d,]+ bytes/);
    await expect(page.getByRole('region', { name: 'This document' })).toContainText(/To download: [\d,]+ bytes/);
  });

  test('one document is made available offline from its page, with its size shown first', async ({ page, context }) => {
    await page.goto(`./#/doc/${UNREAD.id}`);
    await controlled(page);
    await menu(page).getByText('Offline', { exact: true }).click();
    const region = page.getByRole('region', { name: 'This document' });
    await expect(region).toContainText(UNREAD.title);
    const data = Object.keys(listing()).find((file) => file.startsWith(`bundle/docs/${UNREAD.id}.`));
    expect(data).toBeTruthy();
    await expect(region).toContainText(/To download: [\d,]+ bytes/);
    // The open menu, in light and dark, has nothing axe finds against WCAG 2.2 AA.
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).include('.site-header')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await screenshot(page, 'offline-menu');
    }
    await region.getByRole('button', { name: 'Make available offline' }).click();
    await expect(page.getByRole('region', { name: 'This document' })).toContainText('Available offline');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: UNREAD.title })).toBeVisible();
    // The memo names Helsinki on its second page.
    await page.goto(`./#/doc/${UNREAD.id}?page=2`);
    await find(page).fill('Helsinki');
    await expect(page.locator('.document mark').first()).toHaveText(/helsinki/i);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the site is installable: Chromium finds nothing missing in its manifest', async ({ page }) => {
    await page.goto('./');
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito profiles, where Chromium never offers to install;
    // every other criterion (manifest, icons, start URL, scope, display) is checked.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
  });
});

test.describe('a new deployment', () => {
  // A copy of the site on a server of its own (xtask/src/test.rs), which this test changes.
  const DIR = process.env.READINGROOM_UPDATE_DIR;
  test.use({ baseURL: process.env.READINGROOM_UPDATE_URL });

  test('waits for the reader: a notice offers Reload, which runs the new build and drops the old caches', async ({ page }) => {
    const worker = path.join(DIR, 'sw.js');
    await page.goto(`./#/doc/${CIA.id}`);
    await controlled(page);
    const before = await version(page);
    const after = [...before].reverse().join('') + 'ff';
    // Saved on the old build: the new one must carry it over, its files being unchanged.
    await menu(page).getByText('Offline', { exact: true }).click();
    const saved = page.getByRole('region', { name: 'This document' });
    await saved.getByRole('button', { name: 'Make available offline' }).click();
    await expect(page.getByRole('region', { name: 'This document' })).toContainText('Available offline');
    await menu(page).getByText('Offline', { exact: true }).click();
    try {
      // A new deployment: the worker's script changes (its copies compressed in advance go,
      // so that the server sends this one).
      fs.writeFileSync(worker, fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').replaceAll(before, after));
      for (const copy of ['sw.js.br', 'sw.js.gz']) fs.rmSync(path.join(DIR, copy), { force: true });
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true));

      const notice = page.getByRole('status').filter({ hasText: 'A new version is available' });
      await expect(notice).toBeVisible();
      await screenshot(page, 'update-notice');
      // Nothing changed under the reader: the same page, still served by the old build.
      await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
      expect(await version(page)).toBe(before);

      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload' }).focus();
      await page.keyboard.press('Enter');
      await reloaded;
      await controlled(page);
      expect(await version(page)).toBe(after);
      await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
      const names = await page.evaluate(() => caches.keys());
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => name.endsWith(` ${after}`)), names.join(', ')).toBe(true);
      await menu(page).getByText('Offline', { exact: true }).click();
      await expect(page.getByRole('region', { name: 'This document' })).toContainText('Available offline');
    } finally {
      for (const file of ['sw.js', 'sw.js.br', 'sw.js.gz']) fs.copyFileSync(path.join(DIST, file), path.join(DIR, file));
    }
  });
});
