// Builds a Pagefind index of a documents folder, for `cargo xtask bench`: one custom record per
// page (the page's OCR and its corrected text), with the document's title and its country and
// year as filters, through Pagefind's Node API.
//
//   node tests/bench/pagefind-index.mjs <documents-dir> <out-dir>
//
// Prints JSON: the time from the first file read to the last index file written, the records,
// and the bytes of text indexed. The timing includes reading the folders, as `readingroom build`'s
// does.
import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const [documents, out] = process.argv.slice(2);
if (!documents || !out) {
  console.error('usage: node tests/bench/pagefind-index.mjs <documents-dir> <out-dir>');
  process.exit(2);
}

/// The string fields of meta.toml that the records need (`key = "value"` or 'value' lines).
function readMeta(text) {
  const meta = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*$/);
    if (m) meta[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return meta;
}

/// The year as the engine takes it: the first four-digit year in the first dated field.
function year(meta) {
  for (const field of ['date_of_information', 'date_published', 'date_distributed']) {
    for (const digits of (meta[field] ?? '').split(/[^0-9]+/)) {
      const y = Number(digits);
      if (digits.length === 4 && y >= 1800 && y < 2100) return String(y);
    }
  }
  return null;
}

/// The corrected transcription's pages, by the `<!-- page k -->` markers.
function correctedPages(text) {
  const pages = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    const m = line.trim().match(/^<!--\s*page\s+(\d+)\s*-->$/);
    if (m) {
      current = Number(m[1]);
      pages.set(current, []);
    } else if (current !== null) {
      pages.get(current).push(line);
    }
  }
  return new Map([...pages].map(([k, lines]) => [k, lines.join('\n')]));
}

async function optional(path) {
  try { return await readFile(path, 'utf8'); } catch { return null; }
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
const ids = (await readdir(documents, { withFileTypes: true }))
  .filter((e) => e.isDirectory()).map((e) => e.name).sort();
let records = 0;
let textBytes = 0;
const inFlight = [];
for (const id of ids) {
  const folder = join(documents, id);
  const meta = readMeta(await readFile(join(folder, 'meta.toml'), 'utf8'));
  const ocr = await readFile(join(folder, 'ocr.txt'), 'utf8');
  const corrected = await optional(join(folder, 'corrected.md'));
  textBytes += Buffer.byteLength(ocr) + (corrected ? Buffer.byteLength(corrected) : 0);
  const fixed = corrected ? correctedPages(corrected) : new Map();
  const filters = {};
  if (meta.country) filters.country = [meta.country];
  const y = year(meta);
  if (y) filters.year = [y];
  ocr.split('\f').forEach((text, i) => {
    const page = i + 1;
    const content = fixed.has(page) ? `${text}\n${fixed.get(page)}` : text;
    inFlight.push(index.addCustomRecord({
      url: `/doc/${id}?page=${page}`,
      content,
      language: 'en',
      meta: { title: meta.title ?? id },
      filters,
    }).then((r) => { if (r.errors?.length) throw new Error(r.errors.join('; ')); }));
    records += 1;
  });
  // Keep the service busy without holding every page of a large collection in memory.
  if (inFlight.length >= 512) await Promise.all(inFlight.splice(0));
}
await Promise.all(inFlight);
const added = performance.now() - started;
const written = await index.writeFiles({ outputPath: out });
if (written.errors?.length) throw new Error(written.errors.join('; '));
const ms = performance.now() - started;
const peak = serviceMemory();
await pagefind.close();
console.log(JSON.stringify({ ms, add_ms: added, docs: ids.length, records, text_bytes: textBytes, service_peak_bytes: peak }));

/// The peak resident memory of Pagefind's service (this process's child), from /proc.
function serviceMemory() {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/);
    let peak = 0;
    for (const pid of children.filter(Boolean)) {
      const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (kb) peak = Math.max(peak, Number(kb[1]) * 1024);
    }
    return peak || null;
  } catch {
    return null;
  }
}
