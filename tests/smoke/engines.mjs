// The smoke suite in the engines Playwright cannot drive here: Firefox ESR through geckodriver
// and WebKitGTK through WebKitWebDriver (MiniBrowser, on a virtual X display), over plain
// WebDriver with selenium-webdriver. `cargo xtask test` runs it after the Playwright suite,
// against the same server, as `node tests/smoke/engines.mjs firefox webkit`.
//
// Each engine starts its own driver on a free loopback port; the suite waits for the driver to
// say it is ready and for every condition in the page, never for a time. An engine whose binary
// is missing or whose driver does not start is a failure with a plain sentence, never a skip.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';
import { STEPS } from './steps.mjs';
import { TIMEOUT, runSteps, webdriverBrowser } from './browser.mjs';

const env = process.env;
const ENGINES = {
  firefox: {
    binaries: { geckodriver: env.GECKODRIVER, 'Firefox ESR': env.FIREFOX },
    driver: (port) => [env.GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port)]],
    display: false,
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: env.FIREFOX, args: ['-headless'] },
    },
  },
  webkit: {
    binaries: { WebKitWebDriver: env.WEBKIT_DRIVER, MiniBrowser: env.MINIBROWSER, Xvfb: env.XVFB },
    driver: (port) => [env.WEBKIT_DRIVER, ['--host=127.0.0.1', `--port=${port}`]],
    // WebKitGTK has no headless mode: MiniBrowser draws on a virtual X display.
    display: true,
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: env.MINIBROWSER, args: ['--automation'] },
    },
  },
};

/// A child process whose output is kept, to be shown when the engine fails.
function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', ...(options.extra || [])], env: options.env || env });
  child.log = '';
  const keep = (chunk) => { child.log = (child.log + chunk).slice(-20_000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(signal || code));
    child.on('error', (error) => {
      keep(`cannot start ${command}: ${error.message}\n`);
      resolve(error.code);
    });
  });
  return child;
}

function stop(child) {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return child ? child.exited : Promise.resolve();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/// Starts Xvfb on a display it picks itself (-displayfd), resolving once it names it.
function virtualDisplay() {
  const xvfb = start(env.XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { extra: ['pipe'] });
  const named = new Promise((resolve, reject) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.exited.then((how) => reject(new Error(`Xvfb exited (${how}) before naming its display:\n${xvfb.log}`)));
  });
  return { xvfb, named };
}

/// Waits until the driver's /status says it is ready, or fails if it exits first.
async function ready(driver, url) {
  const deadline = Date.now() + TIMEOUT;
  let exited = false;
  driver.exited.then(() => { exited = true; });
  while (!exited && Date.now() < deadline) {
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value && status.value.ready) return;
    } catch {
      // Not listening yet: the connection is refused until it is, and then we ask again.
    }
    // A poll's interval, not a wait for a time: the loop ends on the driver's answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the driver ${exited ? 'exited' : 'did not become ready'} before answering ${url}/status:\n${driver.log}`);
}

async function runEngine(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`no engine named ${name}; the engines are ${Object.keys(ENGINES).join(', ')}`);
  for (const [what, path] of Object.entries(engine.binaries)) {
    if (!path || !existsSync(path)) {
      throw new Error(`${what} is missing (${path || 'not set'}): run \`cargo xtask setup\` to install it`);
    }
  }
  const children = [];
  let session = null;
  try {
    let driverEnv = env;
    if (engine.display) {
      const { xvfb, named } = virtualDisplay();
      children.push(xvfb);
      driverEnv = { ...env, DISPLAY: await named };
    }
    const port = await freePort();
    const [command, args] = engine.driver(port);
    const driver = start(command, args, { env: driverEnv });
    children.push(driver);
    const url = `http://127.0.0.1:${port}`;
    await ready(driver, url);
    session = await new Builder().usingServer(url).withCapabilities(engine.capabilities).build();
    await runSteps(STEPS, webdriverBrowser(session, env.READINGROOM_URL), (line) => console.log(`  ${name}: ${line}`));
  } catch (error) {
    const logs = children.map((child) => child.log.trim()).filter(Boolean).join('\n');
    error.message += logs ? `\n--- driver output ---\n${logs.slice(-4000)}` : '';
    throw error;
  } finally {
    if (session) await session.quit().catch(() => {});
    for (const child of children.reverse()) await stop(child);
  }
}

async function main() {
  if (!env.READINGROOM_URL) throw new Error('READINGROOM_URL is not set: run the suite with `cargo xtask test`.');
  const names = process.argv.slice(2);
  if (names.length === 0) throw new Error('name the engines to run: firefox, webkit');
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const started = Date.now();
    try {
      await runEngine(name);
      passed += 1;
      console.log(`ok ${name}: ${STEPS.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed += 1;
      // A WebDriver error may carry no message: its name and where it was thrown say what it was.
      console.log(`FAILED ${name}: ${error.name}: ${error.message || "(no message)"}\n${error.stack || ""}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
