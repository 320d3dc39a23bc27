// Screenshots of the views for a person to look at, named by view, theme and width:
// target/screenshots/<view>-<light|dark>-<width>.png. They are not compared with anything;
// the tests that take them assert what they must on their own.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

/// The theme the page shows: the reader's choice on <html>, else the system's.
export function shownTheme(page) {
  return page.evaluate(() => document.documentElement.getAttribute('data-theme')
    || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
}

/// Saves what the viewport shows and returns the file's path.
export async function screenshot(page, view) {
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}${view}-${await shownTheme(page)}-${page.viewportSize().width}.png`;
  await page.screenshot({ path });
  return path;
}

/// Prints the page to a PDF beside the screenshots (the print stylesheet's result).
export async function printout(page, view) {
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}${view}-print.pdf`;
  await page.pdf({ path, format: 'A4', printBackground: false });
  return path;
}
