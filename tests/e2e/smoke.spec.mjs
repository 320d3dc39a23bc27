// The smoke suite (tests/smoke/steps.mjs) in Chromium: the same steps Firefox and WebKit run
// over WebDriver. The fixture also fails the test on console errors and stray requests.
import { test } from './fixtures.mjs';
import { STEPS } from '../smoke/steps.mjs';
import { playwrightBrowser, runSteps } from '../smoke/browser.mjs';

test('smoke: library, search, a result stepped through, the compare view', async ({ page }) => {
  await runSteps(STEPS, playwrightBrowser(page));
});
