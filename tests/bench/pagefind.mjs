// The Pagefind side of `cargo xtask bench`: a page that searches a Pagefind index the way a
// site's search box would, and records its timings with performance.now().
//
// The index is served as bundle/ beside this page. With `?q=...` (and `&filters=<JSON>`) in
// the URL the page searches at once (the cold search); `window.benchSearch(q, filters)` runs
// later ones (warm), and `window.benchDocs(q, filters, cap)` lists the documents of every result.

let pagefind = null;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL('bundle/pagefind.js', document.baseURI).href);
    await pagefind.init();
  }
  return pagefind;
}

/// Searches, then loads the first 10 results' data (title, URL, excerpt), as a results list does.
async function benchSearch(q, filters = {}) {
  const started = performance.now();
  const found = await (await engine()).search(q, { filters });
  const shown = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  const ms = performance.now() - started;
  return { ms, results: found.results.length, shown: shown.length, done: performance.now() };
}

/// The distinct documents (from the result URLs) of the first `cap` results: for recall.
async function benchDocs(q, filters = {}, cap = 5000) {
  const found = await (await engine()).search(q, { filters });
  const data = await Promise.all(found.results.slice(0, cap).map((r) => r.data()));
  const ids = new Set(data.map((d) => decodeURIComponent(d.url.replace(/^\/doc\//, '').split('?')[0])));
  return { results: found.results.length, capped: found.results.length > cap, ids: [...ids] };
}

window.benchSearch = benchSearch;
window.benchDocs = benchDocs;

const params = new URLSearchParams(location.search);
const status = document.getElementById('status');
if (params.has('q')) {
  try {
    window.benchCold = await benchSearch(params.get('q'), JSON.parse(params.get('filters') || '{}'));
    status.textContent = `${window.benchCold.results} results`;
  } catch (error) {
    window.benchCold = { error: String(error) };
    status.textContent = `failed: ${error}`;
  }
  status.className = 'done';
} else {
  status.textContent = 'Ready';
  status.className = 'done';
}
