// The document page: its header and its text, page by page, with history and deep links.
import { test, expect, CIA } from './fixtures.mjs';

const pageText = (page) => page.locator('.ocr-text');

test('opening the report shows its first page, and the pager walks all seven', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: CIA.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${CIA.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
  await expect(page.getByText('Page 1 of 7').first()).toBeVisible();
  await page.getByRole('link', { name: 'OCR', exact: true }).click();
  await expect(pageText(page)).toContainText('LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL');

  const next = page.getByRole('link', { name: 'Next page →' }).first();
  await next.click();
  await expect(page.getByText('Page 2 of 7').first()).toBeVisible();
  await expect(pageText(page)).toContainText('in the 2 years he had been an instructor');
  await expect(pageText(page)).not.toContainText('LOCAL PARTY INSTRUCTORS HIT');
  for (let n = 3; n <= 7; n += 1) {
    await page.getByRole('link', { name: 'Next page →' }).first().click();
    await expect(page.getByText(`Page ${n} of 7`).first()).toBeVisible();
  }
  await expect(pageText(page)).toContainText('Fateyev realizes that Party work');
  await expect(page.getByRole('link', { name: 'Next page →' })).toHaveCount(0);

  await page.getByRole('link', { name: '← Previous page' }).first().click();
  await expect(page.getByText('Page 6 of 7').first()).toBeVisible();
});

test('the back button returns to the library', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: CIA.title }).click();
  await expect(page.getByText('Page 1 of 7').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('link', { name: CIA.title })).toBeVisible();
});

test('a deep link opens the document, and a page number in it opens that page', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.getByRole('heading', { level: 1, name: CIA.title })).toBeVisible();
  await expect(page.getByText('Page 1 of 7').first()).toBeVisible();

  await page.goto(`./#/doc/${CIA.id}?page=4&view=ocr`);
  await expect(page.getByText('Page 4 of 7').first()).toBeVisible();
  await expect(pageText(page)).toContainText('On 1 October, there were three articles');
});

test('the header shows the report form facts', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  const header = page.locator('.doc-header');
  await expect(header).toContainText('USSR');
  await expect(header).toContainText('Alma-Ata');
  await expect(header).toContainText('Kazakhstanskaya Pravda');
  await expect(header).toContainText('CIA-RDP80-00809A000600290716-5');
});

test('the keyboard reaches the pager links', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.getByText('Page 1 of 7').first()).toBeVisible();
  const next = page.getByRole('link', { name: 'Next page →' }).first();
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 2 of 7').first()).toBeVisible();
});

test('an unknown document id explains itself and links back', async ({ page }) => {
  await page.goto('./#/doc/no-such-report');
  await expect(page.getByRole('alert')).toContainText('no document with the id');
  await page.getByRole('link', { name: 'Browse the library' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
});

test('page furniture stays in the OCR text but is set apart from the body', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?page=2&view=ocr`);
  await expect(page.getByText('Page 2 of 7').first()).toBeVisible();
  const furniture = pageText(page).locator('.furniture');
  await expect(furniture.filter({ hasText: /^50X1-HUM$/ }).first()).toHaveAttribute('data-kind', 'sanitization-code');
  await expect(furniture.filter({ hasText: /^- 2 -$/ })).toHaveAttribute('data-kind', 'page-number');
  await expect(furniture.filter({ hasText: /^SEGNET$/ })).toHaveAttribute('title', 'Classification stamp');
  await expect(pageText(page)).toContainText('in the 2 years he had been an instructor');
  await expect(furniture.filter({ hasText: 'in the 2 years' })).toHaveCount(0);
  await expect(page.getByText('are page furniture')).toBeVisible();
});

test('a record without a transcription opens on its OCR, with provenance and rights', async ({ page }) => {
  await page.goto('./#/doc/104-10004-10156?page=2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Oswald in Finland');
  await expect(page.getByRole('link', { name: 'Transcription' })).toHaveCount(0);
  await expect(pageText(page)).toContainText('Frank Friberg');
  await expect(page.locator('.doc-header')).toContainText('17 U.S.C. 105');
  await expect(page.locator('.doc-header')).toContainText('Kennedy Assassination Records Collection');
});
