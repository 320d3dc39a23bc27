// The `browser` the smoke steps drive, over Playwright or over WebDriver (selenium-webdriver).
// Its verbs wait for what they need, never for a time:
//   open(path)            navigates to `path`, relative to the site's URL;
//   until(what, fn, arg)  waits until `fn(arg)`, run in the page, returns a truthy value, and
//                         returns that value; on timeout it fails saying `what`;
//   click(css, text)      clicks (as a user, through the engine) the first element matching
//                         `css` whose trimmed text is `text`, once there is one;
//   type(css, text)       types `text` into the field matching `css`, key by key;
//   errors()              what the page recorded in window.__readingroomErrors (static/chrome.js
//                         keeps it under automation). It fails when the page keeps no such record:
//                         an engine that cannot report errors must not pass for one that has none.

export const TIMEOUT = 15_000;

const FIND = ([css, text]) => [...document.querySelectorAll(css)]
  .find((element) => element.textContent.trim() === text) || null;
// The element FIND finds, once it stands still: its box and the page's scroll the same over two
// animation frames, as Playwright waits for before it clicks. WebDriver clicks at a point, and
// an element still gliding (the view scrolling smoothly to the current hit) is then missed, and
// the click lands on whatever passes under that point.
const STILL = `const [css, text] = arguments[0], done = arguments[arguments.length - 1];
  const element = [...document.querySelectorAll(css)].find((e) => e.textContent.trim() === text);
  if (!element) { done(null); return; }
  const box = () => { const r = element.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, scrollX, scrollY].join(); };
  const first = box();
  requestAnimationFrame(() => requestAnimationFrame(() => done(box() === first ? element : null)));`;
const ERRORS = () => (Array.isArray(window.__readingroomErrors) ? window.__readingroomErrors.slice() : null);

function checked(errors) {
  if (errors === null) {
    throw new Error('the page keeps no error record (window.__readingroomErrors): static/chrome.js did not see navigator.webdriver');
  }
  return errors;
}

/// The interface over a Playwright page, whose base URL Playwright resolves.
export function playwrightBrowser(page) {
  const until = async (what, fn, arg) => {
    try {
      return await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
    } catch (error) {
      throw new Error(`timed out waiting until ${what}`, { cause: error });
    }
  };
  return {
    open: (path) => page.goto(path),
    until: async (what, fn, arg) => (await until(what, fn, arg)).jsonValue(),
    click: async (css, text) => {
      const handle = await until(`there is a ${css} reading "${text}"`, FIND, [css, text]);
      await handle.asElement().click();
    },
    type: (css, text) => page.locator(css).pressSequentially(text),
    errors: async () => checked(await page.evaluate(ERRORS)),
  };
}

/// The interface over a selenium-webdriver session, for the site at `base`.
export function webdriverBrowser(driver, base) {
  const run = (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg);
  const until = (what, fn, arg) => driver.wait(() => run(fn, arg), TIMEOUT, `timed out waiting until ${what}`);
  return {
    open: (path) => driver.get(new URL(path, base).href),
    until,
    // Found, still, and clicked in one wait: an element the app re-renders between the two is
    // stale, and is found again rather than failing the step. An element under another one (the
    // sticky find bar, once a hit has been scrolled into view) is brought to the middle of the
    // view, as a reader would scroll to it, and clicked again.
    click: (css, text) => driver.wait(async () => {
      const element = await driver.executeAsyncScript(STILL, [css, text]);
      if (!element) return false;
      try {
        await element.click();
        return true;
      } catch (error) {
        if (error.name === 'StaleElementReferenceError') return false;
        if (error.name === 'ElementClickInterceptedError') {
          await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
          return false;
        }
        throw error;
      }
    }, TIMEOUT, `timed out clicking a ${css} reading "${text}"`),
    type: async (css, text) => {
      const field = await until(`there is a field ${css}`, (c) => document.querySelector(c), css);
      await field.sendKeys(text);
    },
    errors: async () => checked(await run(ERRORS)),
  };
}

/// Runs every step in order, failing on the first step that fails or leaves an error recorded.
export async function runSteps(steps, browser, log = () => {}) {
  for (const step of steps) {
    const started = Date.now();
    await step.run(browser);
    const errors = await browser.errors();
    if (errors.length > 0) {
      throw new Error(`step "${step.name}" left errors in the page:\n  ${errors.join('\n  ')}`);
    }
    log(`${step.name} (${Date.now() - started} ms)`);
  }
}
