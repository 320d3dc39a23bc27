// The browser half of `cargo xtask bench --only compare`: Playwright's library API drives
// Debian's Chromium to Reading Room (dist/, served by xtask), loads the compare module as the
// app does (`globalThis.readingroomLoadCompare()`) and times `compare(ocr, corrected)` on long
// pairs fetched into the page.
//
//   node tests/bench/compare.mjs <plan.json>    (xtask writes the plan and reads stdout)
//
// Each pair gets a fresh page (so a fresh module and memory): the texts are fetched, then
// `compare` runs `runs` times, each timed with performance.now(), then `metrics` (the rates
// alone) as many times. Memory is the module's
// WebAssembly memory (`(await module.default()).memory`, the exports wasm-bindgen's init
// returns once initialized) before the first call and after the last: it only grows, so the
// latter is its peak. Progress goes to stderr; the JSON result to stdout.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { args, executablePath } from '../chromium.mjs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = (text) => process.stderr.write(`bench: browser: ${text}\n`);

const browser = await chromium.launch({ executablePath, args });
const result = { chromium: browser.version(), pairs: [] };
try {
  for (const pair of plan.pairs) {
    const page = await browser.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(plan.app);
    await page.waitForFunction(() => typeof globalThis.readingroomLoadCompare === 'function');
    const measured = await page.evaluate(async ({ pair, runs }) => {
      const [ocr, gt] = await Promise.all([pair.ocr, pair.gt].map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.text();
      }));
      const module = await globalThis.readingroomLoadCompare();
      const memory = async () => (await module.default()).memory.buffer.byteLength;
      const memory_before = await memory();
      const ms = [];
      let answer;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        answer = module.compare(ocr, gt);
        ms.push(performance.now() - started);
      }
      // The rates alone, to tell the alignment from the corrections and their JSON.
      const metrics_ms = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        module.metrics(ocr, gt);
        metrics_ms.push(performance.now() - started);
      }
      const parsed = JSON.parse(answer);
      return {
        ms, metrics_ms, memory_before, memory_after: await memory(), cer: parsed.metrics?.cer ?? null,
      };
    }, { pair, runs: plan.runs });
    log(`${pair.name}: ${measured.ms.map((m) => m.toFixed(1)).join(', ')} ms`);
    result.pairs.push({ name: pair.name, ...measured });
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
