// A missing or broken bundle gives a readable message, never a blank page.
import { test, expect, CIA } from './fixtures.mjs';

// These tests stand in for the host with page.route, which does not see what a service worker
// answers: the worker stays out of them (Playwright's advice for request interception).
test.use({ serviceWorkers: 'block' });

test.describe('with a missing catalog', () => {
  // The browser itself logs the failed request; that one error is the point of the test.
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('the library shows an error card that says what to do', async ({ page }) => {
    await page.route('**/bundle/catalog.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The collection could not be loaded');
    await expect(alert).toContainText('bundle/catalog.json was not found');
    await expect(alert).toContainText('copy the whole built folder');
  });
});

test('a damaged catalog is reported as damaged', async ({ page }) => {
  await page.route('**/bundle/catalog.json', (route) => route.fulfill({ status: 200, body: '{"format": 1, "documents": [' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('is damaged and cannot be read');
});

test.describe('with a missing document file', () => {
  test.use({ allowConsoleErrors: [/status of 404/] });

  test('the document page shows an error card and the header still shows', async ({ page }) => {
    await page.route('**/bundle/docs/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(`./#/doc/${CIA.id}`);
    await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('This document could not be loaded');
  });
});

/// Serves the real file with one byte in its middle changed, as a disk error or a cut upload would.
async function damaged(route) {
  const response = await route.fetch();
  const body = Buffer.from(await response.body());
  body[body.length >> 1] ^= 0x20;
  await route.fulfill({ response, body });
}

test('a damaged index file is named in place of the results, and a later query whose files are sound works', async ({ page }) => {
  await page.route('**/bundle/search/post-*.bin', damaged);
  await page.goto(`./#/?q=${encodeURIComponent('party')}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/search\/post-\d+\.[0-9a-f]+\.bin/);
  await expect(alert).toContainText('damaged');
  await expect(page.getByRole('searchbox', { name: 'Search the collection' })).toBeEnabled();
  // The host serves the file whole again: the same search, asked anew, answers.
  await page.unroute('**/bundle/search/post-*.bin');
  await page.getByRole('searchbox', { name: 'Search the collection' }).fill('coup');
  await expect(page.locator('.result-list > li').first()).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('a document file that does not match its name is refused, and the library still works', async ({ page }) => {
  await page.route('**/bundle/docs/**', damaged);
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This document could not be loaded');
  await expect(alert).toContainText('does not hash to its name');
  await page.goto('./#/');
  await expect(page.locator('.doc-list li').first()).toBeVisible();
});
