// Browser tests: Playwright driving Debian's Chromium against dist/, which `cargo xtask test`
// serves under a sub-path and names in READINGROOM_URL.
import { defineConfig } from '@playwright/test';
import { args, executablePath } from './chromium.mjs';

const baseURL = process.env.READINGROOM_URL;
if (!baseURL) {
  throw new Error('READINGROOM_URL is not set: run the browser tests with `cargo xtask test`.');
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: { executablePath, args },
  },
});
