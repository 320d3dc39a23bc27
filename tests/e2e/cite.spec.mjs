// Citations: the CSL-JSON that `readingroom cite` writes, rendered by a real citation processor
// (citeproc-js, the npm package `citeproc`) with the Chicago style as the CSL project publishes
// it (from `@citation/csl-style-chicago-note-bibliography`) and the en-US locale (as
// `@citation-js/plugin-csl` ships it); and the cite module, loaded on demand on a document page
// as a dialog would load it, giving the CIA report's citation in every format.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, CIA } from './fixtures.mjs';
import { screenshot } from './screenshots.mjs';

const require = createRequire(import.meta.url);
const CSL = require('citeproc');
const style = require('@citation/csl-style-chicago-note-bibliography').default.content;
const locales = JSON.parse(readFileSync(require.resolve('@citation-js/plugin-csl/lib/locales.json'), 'utf8'));

const NUMBER = 'CIA-RDP80-00809A000600290716-5';
const URL_CITED = `https://example.org/rr/#/doc/${CIA.id}?page=3`;

/// `readingroom cite` on the bundle the tests serve.
function cli(format, ...extra) {
  return execFileSync(process.env.READINGROOM_CLI, ['cite', process.env.READINGROOM_BUNDLE, CIA.id,
    '--format', format, '--pages', '3-5', '--url', URL_CITED, '--accessed', '2025-05-03', ...extra], { encoding: 'utf8' });
}

/// Renders CSL-JSON items with citeproc-js: the bibliography as plain text, and the first note.
function render(items) {
  const byId = Object.fromEntries(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({
    retrieveLocale: (lang) => locales[lang] ?? locales['en-US'],
    retrieveItem: (id) => byId[id],
  }, style, 'en-US');
  engine.setOutputFormat('text');
  engine.updateItems(Object.keys(byId));
  const [meta, entries] = engine.makeBibliography();
  expect(meta.bibliography_errors).toEqual([]);
  const note = engine.previewCitationCluster(
    { citationItems: [{ id: items[0].id, locator: '4', label: 'page' }], properties: { noteIndex: 1 } }, [], [], 'text');
  return { bibliography: entries.join(''), note };
}

test('citeproc-js renders the CSL-JSON in Chicago style with the title, number and dates', () => {
  const items = JSON.parse(cli('csl-json'));
  expect(items).toHaveLength(1);
  const { bibliography, note } = render(items);
  expect(bibliography).toBe(`\u201c${CIA.title}.\u201d Report. Central Intelligence Agency, March 24, 1950. `
    + `${NUMBER}. CIA CREST. ${URL_CITED}.\n`);
  expect(note).toContain(CIA.title);
  // What the style leaves out is in the item for other styles and for reference managers:
  // the dates as the record states them, the release date, and what was read from the OCR.
  expect(items[0].note).toContain('Date published: 18 Sep - 23 Nov 1949.');
  expect(items[0]['available-date']).toEqual({ 'date-parts': [[2011, 9, 20]] });
  expect(items[0].note).toContain('not checked by a person: country, date of information');
});

test('the cite module, loaded on a document page, cites the report in every format as the CLI does', async ({ page }) => {
  await page.goto(`./#/doc/${CIA.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CIA.title);
  const formats = ['chicago', 'chicago-note', 'chicago-bibliography', 'bibtex', 'ris', 'csl-json'];
  const cited = await page.evaluate(async ({ id, formats, url }) => {
    const module = await globalThis.readingroomLoadCite();
    const catalog = new Uint8Array(await (await fetch('bundle/catalog.json')).arrayBuffer());
    const answers = {};
    for (const format of formats) {
      answers[format] = module.cite(catalog, JSON.stringify({ id, format, pages: '3-5', url, accessed: '2025-05-03' }));
    }
    let refused;
    try {
      module.cite(catalog, JSON.stringify({ id, format: 'ris', pages: '9' }));
    } catch (error) {
      refused = String(error);
    }
    return { answers, refused };
  }, { id: CIA.id, formats, url: URL_CITED });
  for (const format of formats) {
    const text = cited.answers[format];
    expect(text.trimEnd(), format).toBe(cli(format).trimEnd());
    expect(text, format).toContain(NUMBER);
    expect(text, format).toContain('2011-09-20');
  }
  expect(cited.answers.ris.startsWith('TY  - RPRT\r\n')).toBe(true);
  expect(cited.refused).toContain('page 9 is past the end: the document has 7 pages');
});

test('the Share dialog cites the document at the page shown, linked to the passage, as the CLI does', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./#/doc/${CIA.id}?page=2&q=party`);
  await expect(page.locator('.find-bar [role=status]')).toHaveText(/^\d+ matches$/);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed' });
  const text = dialog.getByLabel('Citation', { exact: true });
  const note = dialog.locator('#share-cite-note');
  const passage = await dialog.getByLabel('Link to this passage').inputValue();
  for (const [format, starts] of [['chicago', 'Note: '], ['bibtex', '@techreport{'], ['ris', 'TY  - RPRT'], ['csl-json', '[']]) {
    await dialog.getByLabel('Citation format').selectOption(format);
    await expect(text).toHaveValue(new RegExp(`^${starts.replace(/[[{]/g, '\\$&')}`));
    await expect(note).toHaveText(/^Page 2, linked to this passage, accessed \d{4}-\d\d-\d\d\.$/);
    const accessed = (await note.textContent()).match(/accessed (\S+)\.$/)[1];
    const expected = execFileSync(process.env.READINGROOM_CLI, ['cite', process.env.READINGROOM_BUNDLE, CIA.id,
      '--format', format, '--pages', '2', '--url', passage, '--accessed', accessed], { encoding: 'utf8' });
    // A textarea keeps CR LF as LF in its value, as HTML says; RIS ends its lines with CR LF.
    expect((await text.inputValue()).trimEnd(), format).toBe(expected.replace(/\r\n/g, '\n').trimEnd());
  }
  await dialog.getByLabel('Citation format').selectOption('chicago');
  await text.scrollIntoViewIfNeeded();
  await screenshot(page, 'share-cite');
  // The copy is the module's text itself: RIS keeps its CR LF line ends.
  await dialog.getByLabel('Citation format').selectOption('ris');
  await expect(text).toHaveValue(/^TY {2}- RPRT\n/);
  await dialog.getByRole('button', { name: 'Copy citation' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Citation copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('TY  - RPRT\r\n'), copied.slice(0, 20)).toBe(true);
  expect(copied).toContain('SN  - CIA-RDP80-00809A000600290716-5\r\n');
});
