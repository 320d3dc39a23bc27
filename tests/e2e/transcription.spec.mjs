// The corrected transcription: rendered from Markdown as real elements, beside the raw OCR.
import { test, expect, CIA } from './fixtures.mjs';

test('a corrected document opens on its transcription, rendered from Markdown', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  const text = page.locator('.markdown');
  await expect(text.getByRole('heading', { name: 'CENTRAL INTELLIGENCE AGENCY' })).toBeVisible();
  await expect(text.locator('em', { hasText: 'Kazakhstanskaya Pravda' }).first()).toBeVisible();
  await expect(text).toContainText('described as the liaison between the primary Party organization');
  await expect(text).not.toContainText('lisison');
  await expect(page.getByRole('link', { name: 'Transcription' })).toBeVisible();
});

test('the quoted letter is a block quote, and furniture is not in the transcription', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?page=2`);
  const quote = page.locator('.markdown blockquote').first();
  await expect(quote).toContainText('The Party organization of the "25 let LKSMK" Kolkhoz was very lax.');
  await expect(page.locator('.markdown')).not.toContainText('50X1-HUM');
  await expect(page.locator('.markdown')).not.toContainText('SEGNET');
});

test('the OCR tab shows the raw OCR of the same page, and paging keeps the tab', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await page.getByRole('link', { name: 'OCR', exact: true }).click();
  await expect(page.locator('.ocr-text')).toContainText('Karakhstanskaya Pravda.');
  await page.getByRole('link', { name: 'Next page →' }).first().click();
  await expect(page).toHaveURL(/view=ocr/);
  await expect(page.locator('.ocr-text')).toContainText('SEGNET');
  await page.getByRole('link', { name: 'Transcription' }).click();
  await expect(page.getByText('Page 2 of 7').first()).toBeVisible();
  await expect(page.locator('.markdown')).toContainText('his comrades');
});

test('the header shows provenance and rights under Details', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await page.locator('.doc-header').getByText('Details', { exact: true }).click();
  const record = page.getByRole('region', { name: 'Provenance and rights' });
  await expect(record).toContainText('CREST');
  await expect(record).toContainText('Public domain');
});
