// Citations: the CSL-JSON that `readingroom cite` writes, rendered by a real citation processor
// (citeproc-js, the npm package `citeproc`) with the Chicago style as the CSL project publishes
// it (from `@citation/csl-style-chicago-note-bibliography`) and the en-US locale (as
// `@citation-js/plugin-csl` ships it); and the cite module, loaded on demand on a document page
// as a dialog would load it, giving the CIA report's citation in every format.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, CIA } from './fixtures.mjs';

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
