// Browser tests: Playwright driving Debian's Chromium against dist/, which `cargo xtask test`
// serves under a sub-path and names in READINGROOM_URL.
import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      // Without these, Chromium's background connections are refused by the closed network.
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
