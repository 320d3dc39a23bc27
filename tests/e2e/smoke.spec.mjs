// The smoke suite (tests/smoke/steps.mjs) in Chromium: the same steps Firefox and WebKit run
// over WebDriver. The fixture also fails the test on console errors and stray requests.
import { test } from './fixtures.mjs';
import { STEPS, singleFileUrl } from '../smoke/steps.mjs';
import { playwrightBrowser, runSteps } from '../smoke/browser.mjs';

// The last step opens the single file, the one page beyond the site it may ask for.
test.use({ allowRequests: [singleFileUrl()] });

test('smoke: library, search, a result stepped through, the compare view, the single file', async ({ page }) => {
  await runSteps(STEPS, playwrightBrowser(page));
});
