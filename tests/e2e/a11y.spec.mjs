// Accessibility: axe-core finds no WCAG 2.2 AA violation on any view, in the light and the dark
// theme, at a desktop and a phone width; the landmarks, labels and keyboard paths a screen
// reader or a keyboard relies on are there. Each view is photographed for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, CIA } from './fixtures.mjs';
import { screenshot } from './screenshots.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// axe's violations, shortened to what a failure message needs.
async function violations(page) {
  // Colours settle first: a theme switch fades some backgrounds, and axe must judge the end
  // state, not a frame of the fade.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
}

/// Each view, with what shows once it has loaded.
const VIEWS = [
  { name: 'library', url: './', ready: (page) => page.locator('.doc-list > li').first() },
  { name: 'search', url: `./#/?q=pravda`, ready: (page) => page.locator('.result-list > li').first() },
  {
    name: 'transcription',
    url: `./#/doc/${CIA.id}?q=party`,
    ready: (page) => page.locator('.markdown'),
  },
  {
    name: 'ocr',
    url: `./#/doc/${CIA.id}?page=2&view=ocr&q=party`,
    ready: (page) => page.locator('.ocr-text .furniture').first(),
  },
];

for (const colorScheme of ['light', 'dark']) {
  test.describe(`with the system in ${colorScheme}`, () => {
    test.use({ colorScheme });

    for (const view of VIEWS) {
      test(`axe finds no violation: ${view.name}, ${colorScheme}, desktop and phone`, async ({ page }) => {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(view.url);
        await expect(view.ready(page)).toBeVisible();
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        expect(await violations(page)).toEqual([]);
        await screenshot(page, view.name);
        // A phone's first render (the library folds its filters there), not a resized desktop.
        await page.setViewportSize({ width: 375, height: 812 });
        await page.reload();
        await expect(view.ready(page)).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await screenshot(page, view.name);
      });
    }
  });
}

test('the dark theme chosen in the display menu passes axe on every view, the menu open', async ({ page }) => {
  await page.goto('./');
  await page.getByText('Display', { exact: true }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await violations(page)).toEqual([]);
  await screenshot(page, 'display-menu');
  await page.setViewportSize({ width: 320, height: 640 });
  await screenshot(page, 'display-menu');
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const view of VIEWS) {
    await page.goto(view.url);
    await expect(view.ready(page)).toBeVisible();
    expect(await violations(page), view.name).toEqual([]);
  }
});

test('the Details disclosure and the shortcuts dialog, open, pass axe in both themes', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await page.getByText('Details', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Provenance and rights' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await screenshot(page, 'shortcuts');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page)).toEqual([]);
  await screenshot(page, 'shortcuts');
});

test('landmarks and labels: banner, site navigation, main, a labelled search box', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main')).toContainText('Library');
  await expect(page.getByRole('search')).toBeVisible();
  const box = page.getByRole('searchbox', { name: /Search/ });
  await expect(box).toHaveAttribute('type', 'search');
});

test('the choice of text is a labelled navigation whose current link says so', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?q=party`);
  const tabs = page.getByRole('navigation', { name: 'Text shown' });
  const transcription = tabs.getByRole('link', { name: 'Transcription' });
  const ocr = tabs.getByRole('link', { name: 'OCR', exact: true });
  await expect(transcription).toHaveAttribute('aria-current', 'page');
  await expect(ocr).not.toHaveAttribute('aria-current', /.*/);
  await ocr.click();
  await expect(page).toHaveURL(/view=ocr&q=party/);
  await expect(ocr).toHaveAttribute('aria-current', 'page');
  await expect(ocr).toHaveAttribute('href', /^#\/doc\/.*view=ocr&q=party$/);
  await expect(transcription).not.toHaveAttribute('aria-current', /.*/);
});

test('the skip link is the first stop of the keyboard and lands on the text, or on the list', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?page=2`);
  await expect(page.locator('.markdown')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to text' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('.document .page')).toBeFocused();
  await expect(page).toHaveURL(/page=2$/);

  await page.getByRole('link', { name: 'Reading Room' }).click();
  await expect(page.locator('.doc-list > li').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('.doc-list > li').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the list' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.doc-list')).toBeFocused();
});

test('every control shows a focus outline when the keyboard reaches it', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}?page=2&view=ocr`);
  await expect(page.locator('.ocr-text')).toBeVisible();
  const seen = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      const name = element.id || element.textContent.trim().slice(0, 30);
      return { name, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    seen.push(focus.name);
    expect(focus.outline, `outline of ${focus.name}`).not.toBe('none');
    expect(focus.width, `outline width of ${focus.name}`).toBeGreaterThanOrEqual(2);
  }
  expect(seen).toContain('Display');
  expect(seen).toContain('hide-furniture');
});
