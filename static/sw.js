// Reading Room's service worker: the site keeps working without a network.
//
// This is the template; `cargo xtask dist` writes the served copy to the site's root (dist/sw.js,
// beside index.html), because a worker controls only the folder its script is in and static
// hosts cannot widen that (the Service-Worker-Allowed header). It replaces the BUILD line with
// this build's version (a hash of every file of the site) and the files every visit needs.
//
// One cache per build holds everything of that build: the app shell, fetched on install, and
// whatever the reader opens or makes available offline (documents, index files, the search,
// compare and cite modules), added as it is used. Every request is answered from that cache first: the
// hashed files never change, and the rest (index.html, the catalog) belong to the build the
// worker was made with, so a page never mixes two builds. A new build arrives as a new worker
// that waits until the reader chooses to reload (static/offline.js shows the notice).
'use strict';

const BUILD = {{build}};

// Caches are shared by every site on the origin, so the names carry the worker's scope.
const PREFIX = 'readingroom ' + self.registration.scope + ' ';
const CACHE = PREFIX + BUILD.version;
// Files whose name carries a hash of their content (or of the search index's).
const HASHED = /^(readingroom-[a-z-]*[0-9a-f]{16}\.(js|wasm)|bundle\/docs\/.+\.[0-9a-f]{16}\.json|bundle\/search\/.+\.[0-9a-f]{16}\.bin)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(install());
});

async function install() {
  const cache = await caches.open(CACHE);
  // Revalidated, so an older copy in the HTTP cache never enters this build's cache.
  await cache.addAll(BUILD.precache.map((path) => new Request(path, { cache: 'no-cache' })));
  await keepUnchanged(cache);
}

// What the reader had of the previous build and this build still serves (the same hashed name
// is the same content) moves into this build's cache, so an update never costs the documents
// made available offline that did not change.
async function keepUnchanged(cache) {
  const listing = await cache.match('offline.json');
  const current = new Set(Object.keys(listing ? (await listing.json()).files : {}));
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = relative(request.url);
      if (path && HASHED.test(path) && current.has(path) && !(await cache.match(request, { ignoreVary: true }))) {
        const response = await old.match(request);
        if (response) await cache.put(request, response);
      }
    }
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The first visit's page is served by this worker from now on, without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.type === 'skip-waiting') {
    self.skipWaiting();
  } else if (message.type === 'build' && event.ports[0]) {
    event.ports[0].postMessage({ version: BUILD.version, cache: CACHE, modules: BUILD.modules });
  } else if (message.type === 'keep' && Array.isArray(message.urls)) {
    event.waitUntil(keep(message.urls));
  }
});

// The page of a first visit loaded its files before this worker took it over; it sends their
// URLs, and those of this site are fetched again and kept, so what the reader opened on that
// first visit works offline too.
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    if (relative(url) === null || (await cache.match(url, { ignoreVary: true }))) continue;
    try {
      const response = await fetch(url);
      if (response.status === 200 && response.type === 'basic') await cache.put(url, response);
    } catch (error) {
      // Offline already: it is fetched when next used.
    }
  }
}

// The path of a URL inside the worker's folder, or null for anything outside it.
function relative(url) {
  const scope = self.registration.scope;
  if (!url.startsWith(scope)) return null;
  return url.slice(scope.length).split(/[?#]/)[0];
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const path = relative(request.url);
  if (path === null) return;
  // Routing lives in the fragment, so every page of the app is index.html.
  const shell = request.mode === 'navigate' && (path === '' || path === 'index.html');
  event.respondWith(answer(event, shell ? 'index.html' : request));
});

async function answer(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  if (cached) return cached;
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    return offline();
  }
  // Only whole, successful answers from this site are kept (not a 404, nor a partial body).
  if (response.status === 200 && response.type === 'basic') {
    event.waitUntil(cache.put(key, response.clone()));
  }
  return response;
}

// The answer for a file that is neither cached nor reachable: the app reads the header and
// tells the reader the file was not saved for offline use (src/api.rs).
function offline() {
  return new Response('Offline: this file has not been saved on this device.', {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Readingroom-Offline': '1' },
  });
}
