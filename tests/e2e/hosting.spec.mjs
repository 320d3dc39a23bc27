// The static host: what it sends for each file dist/ wrote, asked over plain HTTP so that the
// bytes on the wire are seen as they are (a browser would decode them). `cargo xtask test`
// runs this against nginx with the shipped configuration (deploy/nginx/), or against xtask's
// server with `--server xtask`: both must keep the policy README's "Deploying" section gives.
import { request as httpRequest } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';

const DIST = process.env.READINGROOM_DIST;
const BROTLI = process.env.READINGROOM_BROTLI !== '0';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/// GET `path` (relative to the site) with `encoding` accepted; the body exactly as sent.
function get(baseURL, path, encoding = 'identity') {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const req = httpRequest(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/// Every file dist/ holds, as paths relative to it, but the compressed copies.
function distFiles(dir = DIST) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return distFiles(path);
    return /\.(br|gz)$/.test(entry.name) ? [] : [relative(DIST, path)];
  }).filter((path) => !path.startsWith('.'));
}

/// README's rule: a file whose name carries a hash never changes.
function hashed(path) {
  const name = path.split('/').pop();
  return name.startsWith('readingroom-') || path.startsWith('bundle/docs/')
    || (path.startsWith('bundle/search/') && name !== 'meta.json');
}

const TYPES = {
  html: /^text\/html/, js: /^(application|text)\/javascript/, wasm: /^application\/wasm$/,
  css: /^text\/css/, json: /^application\/json/, svg: /^image\/svg\+xml/,
  webmanifest: /^application\/manifest\+json/, bin: /^application\/octet-stream$/,
};

test('the app\'s files go out as the copies dist compressed, each by the encoding asked for', async ({ baseURL }) => {
  const app = distFiles().filter((path) => !path.startsWith('bundle/'));
  expect(app.filter((path) => path.endsWith('.wasm')).length, 'the app, search, compare and cite modules').toBe(4);
  for (const path of app) {
    const file = readFileSync(join(DIST, path));
    const plain = await get(baseURL, path);
    expect(plain.status, path).toBe(200);
    expect(plain.headers['content-encoding'], `${path} uncompressed when not asked`).toBeUndefined();
    expect(plain.body.equals(file), `${path} as written`).toBe(true);
    const gzip = await get(baseURL, path, 'gzip');
    expect(gzip.headers['content-encoding'], path).toBe('gzip');
    expect(gzip.body.equals(readFileSync(join(DIST, `${path}.gz`))), `${path}: dist's .gz copy`).toBe(true);
    expect(gzip.headers.vary, `${path}: caches key on the encoding`).toMatch(/accept-encoding/i);
    if (BROTLI) {
      const br = await get(baseURL, path, 'br, gzip');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.body.equals(readFileSync(join(DIST, `${path}.br`))), `${path}: dist's .br copy`).toBe(true);
    }
  }
});

test('the bundle, which has no compressed copies, is gzipped by the host', async ({ baseURL }) => {
  for (const path of ['bundle/catalog.json', 'bundle/search/meta.json']) {
    const response = await get(baseURL, path, 'gzip');
    expect(response.headers['content-encoding'], path).toBe('gzip');
    expect(gunzipSync(response.body).equals(readFileSync(join(DIST, path))), path).toBe(true);
  }
});

test('hashed files are cached for good, every other file revalidated, each with its type', async ({ baseURL }) => {
  const files = distFiles();
  expect(files.filter(hashed).length, 'hashed files').toBeGreaterThan(20);
  for (const path of ['index.html', 'static/chrome.js', 'bundle/catalog.json', 'bundle/search/meta.json']) {
    expect(files, 'entry points to revalidate').toContain(path);
  }
  for (const path of files) {
    const response = await get(baseURL, path);
    expect(response.status, path).toBe(200);
    expect(response.headers['cache-control'], path).toBe(hashed(path) ? IMMUTABLE : 'no-cache');
    const type = TYPES[path.split('.').pop()];
    if (type) expect(response.headers['content-type'], path).toMatch(type);
  }
  const folder = await get(baseURL, './');
  expect(folder.headers['cache-control'], 'the folder is index.html').toBe('no-cache');
});

test('the site folder without its slash redirects to it, and nothing is served beside it', async ({ baseURL }) => {
  const base = new URL(baseURL);
  const bare = await get(baseURL, base.pathname.replace(/\/$/, ''));
  expect([301, 308], 'a permanent redirect').toContain(bare.status);
  expect(new URL(bare.headers.location, baseURL).pathname).toBe(base.pathname);
  expect((await get(baseURL, '/index.html')).status).toBe(404);
});
