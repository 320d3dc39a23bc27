// The smoke suite: what a reader does first, in every browser engine. Playwright runs these
// steps in Chromium (tests/e2e/smoke.spec.mjs) and tests/smoke/engines.mjs runs them in Firefox
// and WebKit over WebDriver, through the same small `browser` interface (tests/smoke/browser.mjs
// describes it). A step is added here, once, and runs in every engine.
//
// Each step ends on a condition the page must reach; after each, the runner reads the errors
// the page recorded (static/chrome.js keeps them under automation) and fails on any.
import { pathToFileURL } from 'node:url';

export const CIA = {
  id: 'cia-rdp80-00809a000600290716-5',
  title: 'Local Party Instructors Hit Nonpolitical Assignments',
};
const QUERY = 'Kazakhstanskaya Pravda';

/// The single-file edition of the same build, as a file: URL (`cargo xtask test` names it).
export function singleFileUrl() {
  const file = process.env.READINGROOM_SINGLE_FILE;
  if (!file) throw new Error('READINGROOM_SINGLE_FILE is not set: run the suite with `cargo xtask test`.');
  return pathToFileURL(file).href;
}

async function library(browser, url) {
  await browser.open(url);
  await browser.until('the library lists its 23 documents',
    () => document.querySelectorAll('.doc-list > li').length === 23);
  await browser.until('the CIA report is listed', (title) =>
    [...document.querySelectorAll('.doc-list a')].some((a) => a.textContent.trim() === title), CIA.title);
}

async function search(browser) {
  await browser.type('#search-input', QUERY);
  await browser.until('the URL holds the query', () => /[?&]q=Kazakhstanskaya/.test(location.hash));
  await browser.until('one result, its snippet marked', () => {
    const results = document.querySelectorAll('.result-list > li');
    const mark = results[0] && results[0].querySelector('mark');
    return results.length === 1 && mark !== null && mark.textContent === 'Kazakhstanskaya';
  });
}

async function result(browser) {
  await browser.click('.result-list > li a.doc-title', CIA.title);
  await browser.until('the report opens with the query', (id) =>
    location.hash.startsWith(`#/doc/${id}?`) && /[?&]q=/.test(location.hash), CIA.id);
  const total = await browser.until('the find bar counts the hits, and they are marked', () => {
    const status = document.querySelector('.find-bar [role="status"]');
    const said = status && status.textContent.match(/^(\d+) matches$/);
    return said && document.querySelectorAll('mark.hit').length > 0 ? Number(said[1]) : null;
  });
  await browser.until('the next-match button is enabled', () =>
    [...document.querySelectorAll('.find-bar button')].some((b) => /Next match/.test(b.textContent) && !b.disabled));
  for (const n of [1, 2]) {
    await browser.click('.find-bar button', '↓ Next match');
    await browser.until(`the find bar says ${n} of ${total}, one hit current`, (said) => {
      const status = document.querySelector('.find-bar [role="status"]');
      return status.textContent === said && document.querySelectorAll('mark.hit.current').length === 1;
    }, `${n} of ${total}`);
  }
}

async function compare(browser) {
  await browser.click('.view-tabs a', 'Compare');
  await browser.until('the URL asks for the compare view', () => /[?&]view=compare/.test(location.hash));
  await browser.until('the OCR beside its transcription, the corrections marked', () =>
    document.querySelectorAll('.compare-pane').length === 2
      && document.querySelectorAll('.compare-pane del, .compare-pane ins').length > 0
      && /Page \d+:/.test((document.querySelector('.compare-rates') || {}).textContent || ''));
}

export const STEPS = [
  { name: 'opens the library and waits for the list', run: (browser) => library(browser, './') },
  { name: 'searches', run: search },
  { name: 'opens a result with highlights and steps to the next hit', run: result },
  { name: 'opens the compare view', run: compare },
  {
    // The same four steps in the one HTML file, from file://: nothing is served to it.
    name: 'opens the single-file edition from file://, and searches, steps and compares in it',
    async run(browser) {
      await library(browser, `${singleFileUrl()}#/`);
      await browser.until('the page is the file', () => location.protocol === 'file:');
      await search(browser);
      await result(browser);
      await compare(browser);
    },
  },
];
