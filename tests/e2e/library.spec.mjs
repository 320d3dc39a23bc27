// The library page: the collection's documents, listed from the built catalog.
import { test, expect, CIA } from './fixtures.mjs';

test('the library lists the seed report with its date, country and subject', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: CIA.title });
  await expect(item).toBeVisible();
  await expect(item.getByRole('link', { name: CIA.title })).toHaveAttribute('href', `#/doc/${CIA.id}`);
  await expect(item.getByRole('definition')).toContainText(['1949', 'USSR', 'Political - Local Party functions', '7']);
});

test('the page is served under its sub-path and loads every file from it', async ({ page, baseURL }) => {
  expect(new URL(baseURL).pathname).not.toBe('/');
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto('./');
  await expect(page.getByRole('link', { name: CIA.title })).toBeVisible();
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  expect(wasm, 'the app is WebAssembly').toBeTruthy();
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['content-encoding'], 'dist precompressed it with brotli').toBe('br');
  expect(wasm.headers()['vary'], 'caches key on the encoding').toMatch(/accept-encoding/i);
  expect(responses.every((r) => r.status() < 400), 'no failed request').toBe(true);
});

test('the library lists all 23 documents, the JFK records among them', async ({ page }) => {
  await page.goto('./');
  const list = page.locator('.doc-list > li');
  await expect(list).toHaveCount(23);
  await expect(page.getByRole('link', { name: "Ngo Dinh Nhu's Statements on Withdrawal of American Aid" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Huynh Van Lang Coup Move Timing' })).toBeVisible();
  const memo = page.getByRole('listitem').filter({ hasText: 'BARNES, Winfred Clark' });
  await expect(memo.getByRole('definition')).toContainText(['1960']);
});

test('corrected documents show their CER and WER, and the quality filter narrows the list', async ({ page }) => {
  await page.goto('./');
  const cia = page.getByRole('listitem').filter({ hasText: CIA.title });
  await expect(cia.locator('.quality-badge')).toHaveText(/^CER 1\.\d % · WER \d\.\d %$/);
  await expect(cia.locator('.quality-badge')).toHaveClass(/good/);
  await expect(page.locator('.doc-list .quality-badge')).toHaveCount(6);
  const poor = page.getByRole('checkbox', { name: /^CER over 10 % \(5\)$/ });
  await expect(page.getByRole('checkbox', { name: /^CER under 2 % \(1\)$/ })).toBeVisible();
  await poor.check();
  await expect(page).toHaveURL(/quality=poor/);
  await expect(page.locator('.result-list > li')).toHaveCount(5);
  await expect(page.getByRole('link', { name: CIA.title })).toHaveCount(0);
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.locator('.doc-header .quality-badge')).toHaveText(/^CER 1\.\d % · WER \d\.\d %$/);
});
