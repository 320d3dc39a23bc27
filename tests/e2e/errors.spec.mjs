// A missing or broken bundle gives a readable message, never a blank page.
import { test, expect, CIA } from './fixtures.mjs';

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
