// A document full of markup meant to run: everything is shown as text, nothing runs, nothing
// outside the site is fetched (the page fixture fails the test on any outside request).
import { test, expect } from './fixtures.mjs';

const hostile = process.env.READINGROOM_HOSTILE_URL;
test.skip(!hostile, 'READINGROOM_HOSTILE_URL is set by `cargo xtask test`');
test.use({ baseURL: hostile });

test('hostile markup in metadata, OCR and transcription is shown as text', async ({ page }) => {
  await page.goto('./#/doc/hostile-markdown');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  await expect(page.locator('.doc-header')).toContainText('<b>Nowhere</b>');

  const text = page.locator('.markdown');
  await expect(text).toContainText('<script>');
  await expect(text).toContainText('<div onclick="window.__pwned = \'block\'">');
  await expect(text.locator('script, iframe, img, div[onclick]')).toHaveCount(0);
  await expect(text.locator('em')).toHaveText('emphasis');

  await expect(text.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.org/record');
  await expect(text.getByRole('link', { name: 'javascript link' })).toHaveCount(0);
  await expect(text.getByRole('link', { name: 'data link' })).toHaveCount(0);
  await expect(text.locator('.image-alt')).toHaveText('[image: a remote image]');

  await page.getByRole('link', { name: 'OCR', exact: true }).click();
  await expect(page.locator('.ocr-text')).toContainText("<script>window.__pwned = 'ocr'</script>");
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
