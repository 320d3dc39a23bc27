// Offline use, around the app: registers the service worker (sw.js, at the site's root), shows
// the notice when a new version is waiting, and runs the header's Offline menu, where a reader
// makes a document or the whole collection available offline, sees what it will download
// first, watches it download, and removes it again.
//
// A plain script beside the app, as the page chrome is: none of this is code the app's
// WebAssembly carries. What each choice downloads comes from the catalog (a document's data
// file) and offline.json (every file of the site with its size, written by `cargo xtask dist`);
// what is saved is what the worker's cache holds, so the menu never claims more than is there.
(function () {
  'use strict';
  var worker = navigator.serviceWorker;
  // A worker needs http(s) and a browser that has them; without one the site works online only.
  if (!worker || !/^https?:$/.test(location.protocol)) return;
  var offlineMenu = document.querySelector('details.offline-menu');
  if (offlineMenu) offlineMenu.hidden = false;

  var CHOICES = 'readingroom-offline ' + location.pathname;
  var FIND = /^bundle\/search\/(meta\.json|table\.|dict-|pack\.)/;
  var SHELL = ['bundle/catalog.json', 'bundle/search/meta.json'];
  var registration = null;
  var build = null;
  var busy = false;
  var reloading = false;
  // What went wrong with the last download or removal, shown until the next one.
  var problem = null;

  function byId(id) { return document.getElementById(id); }
  function bytes(n) {
    var text = n.toLocaleString('en') + ' bytes';
    return n < 1024 ? text : text + ' (' + (n < 1048576 ? Math.round(n / 1024) + ' KB' : (n / 1048576).toFixed(1) + ' MB') + ')';
  }

  // ---- The worker, and a new version waiting -------------------------------------------------

  window.addEventListener('load', function () {
    worker.register('sw.js', { scope: './' }).then(function (reg) {
      // A browser told to run no workers (as tests that stand in for the host do) gives none.
      if (!reg) return;
      registration = reg;
      if (reg.waiting && worker.controller) showUpdate();
      reg.addEventListener('updatefound', function () {
        var next = reg.installing;
        if (!next) return;
        next.addEventListener('statechange', function () {
          if (next.state === 'installed' && worker.controller) showUpdate();
        });
      });
      // A page left open for days still hears of a new version.
      setInterval(function () { reg.update().catch(function () {}); }, 3600000);
      resume();
    }, function () { /* no worker (a private window may refuse it): the site works online */ });
  });

  var hadController = !!worker.controller;
  worker.addEventListener('controllerchange', function () {
    build = null;
    if (reloading) { location.reload(); return; }
    // Another tab chose the new version: this page still runs the old one until its reader
    // reloads it too.
    if (hadController) { showUpdate(); return; }
    hadController = true;
    // The first worker has just taken this page over: the files the page loaded before then
    // are handed to it to keep (static/sw.js, `keep`).
    var urls = performance.getEntriesByType('resource').map(function (entry) { return entry.name; });
    worker.controller.postMessage({ type: 'keep', urls: urls });
    resume();
  });

  // Nothing changes under the reader until they choose to: the new worker waits, and this
  // notice (a polite live region) offers the reload.
  function showUpdate() {
    var notice = byId('update-notice');
    if (!notice || notice.firstChild) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'tool-button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () {
      if (!registration || !registration.waiting) { location.reload(); return; }
      reloading = true;
      button.disabled = true;
      registration.waiting.postMessage({ type: 'skip-waiting' });
    });
    notice.append('A new version is available \u2014 ', button);
  }

  // The build the controlling worker serves: its version, its cache and its modules.
  function askBuild() {
    if (build) return build;
    var controller = worker.controller;
    if (!controller) return Promise.resolve(null);
    build = new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      controller.postMessage({ type: 'build' }, [channel.port2]);
    });
    return build;
  }

  // ---- What a choice downloads ---------------------------------------------------------------

  function json(path) {
    return fetch(path).then(function (response) {
      if (!response.ok) throw new Error(path + ' could not be loaded (HTTP ' + response.status + ')');
      return response.json();
    });
  }

  // Everything offline use needs to know, or null when no worker serves the page yet.
  function plan() {
    return askBuild().then(function (info) {
      if (!info) return null;
      return Promise.all([json('offline.json'), json('bundle/catalog.json'), caches.open(info.cache)])
        .then(function (got) { return { info: info, sizes: got[0].files, catalog: got[1], cache: got[2] }; });
    });
  }

  // A document: its text, and what reading it needs beyond the shell (finding words in it
  // takes the search module and the index's dictionary; comparing takes the compare module).
  function documentFiles(p, id) {
    var entry = p.catalog.documents.filter(function (e) { return e.meta.id === id; })[0];
    if (!entry) return null;
    var files = ['bundle/' + entry.data].concat(p.info.modules);
    Object.keys(p.sizes).forEach(function (path) { if (FIND.test(path)) files.push(path); });
    return { title: entry.meta.title, files: files, own: ['bundle/' + entry.data] };
  }

  // The collection: every file of the bundle (documents and the whole search index) and the
  // modules, so that any search works offline.
  function collectionFiles(p) {
    var bundle = Object.keys(p.sizes).filter(function (path) { return path.indexOf('bundle/') === 0; });
    // Removing it keeps the entry points the worker fetched with the shell.
    var own = bundle.filter(function (path) { return SHELL.indexOf(path) < 0; });
    return { files: bundle.concat(p.info.modules), own: own };
  }

  // How many of `files` the cache holds, and the bytes of those it does not.
  function status(p, files) {
    return Promise.all(files.map(function (path) { return p.cache.match(path, { ignoreVary: true }); }))
      .then(function (found) {
        var missing = files.filter(function (_, i) { return !found[i]; });
        var left = missing.reduce(function (sum, path) { return sum + (p.sizes[path] || 0); }, 0);
        var total = files.reduce(function (sum, path) { return sum + (p.sizes[path] || 0); }, 0);
        return { missing: missing, left: left, total: total };
      });
  }

  // Fetches `missing` into the cache, four at a time, reporting the bytes done.
  function download(p, missing, progress) {
    var queue = missing.slice();
    var done = 0;
    function next() {
      var path = queue.shift();
      if (!path) return Promise.resolve();
      return fetch(path, { cache: 'no-cache' }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.headers.get('X-Readingroom-Offline')
            ? 'you are offline'
            : path + ' could not be fetched (HTTP ' + response.status + ')');
        }
        return p.cache.put(path, response);
      }).then(function () {
        done += p.sizes[path] || 0;
        progress(done);
        return next();
      });
    }
    return Promise.all([next(), next(), next(), next()]);
  }

  // ---- The reader's choices, kept so an update can fetch what changed -------------------------

  function choices() {
    try { return JSON.parse(localStorage.getItem(CHOICES)) || { docs: [] }; } catch (e) { return { docs: [] }; }
  }
  function choose(change) {
    var c = choices();
    change(c);
    try { localStorage.setItem(CHOICES, JSON.stringify(c)); } catch (e) { /* for this page only */ }
  }

  // After an update, a chosen document whose text changed is fetched again, quietly.
  function resume() {
    var c = choices();
    if (busy || !navigator.onLine || (!c.collection && !c.docs.length)) return;
    plan().then(function (p) {
      if (!p) return;
      var files = c.collection ? collectionFiles(p).files : [];
      c.docs.forEach(function (id) { var d = documentFiles(p, id); if (d) files = files.concat(d.files); });
      return status(p, files).then(function (s) { if (s.missing.length) return download(p, s.missing, function () {}); });
    }).catch(function () { /* tried again on the next visit */ });
  }

  // ---- The Offline menu ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }
  function button(label, action) {
    var b = el('button', { type: 'button', class: 'tool-button' }, [label]);
    b.addEventListener('click', action);
    return b;
  }

  function documentId() {
    var match = /^#\/doc\/([^?\/]+)/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function render() {
    var panel = byId('offline-panel');
    var menu = panel && panel.closest('details');
    if (!menu || !menu.open || busy) return;
    var note = navigator.onLine ? [] : [el('p', {}, ['You are offline. What you have opened before, and what you made available offline, still works.'])];
    if (problem) note.unshift(el('p', { role: 'alert' }, [problem]));
    plan().then(function (p) {
      if (!p) {
        panel.replaceChildren.apply(panel, note.concat(el('p', {}, ['Offline use is being prepared. Reload the page once it is ready.'])));
        return;
      }
      var id = documentId();
      var doc = id && documentFiles(p, id);
      var sections = [];
      if (doc) sections.push(section(p, 'This document', doc, id));
      sections.push(section(p, 'The whole collection', collectionFiles(p), null));
      return Promise.all(sections).then(function (parts) {
        panel.replaceChildren.apply(panel, note.concat(parts));
      });
    }).catch(function (error) {
      panel.replaceChildren(el('p', {}, ['Offline use is not available: ' + error.message + '.']));
    });
  }

  // One choice: what it is, its size, and the button that makes it available or removes it.
  function section(p, heading, choice, id) {
    return status(p, choice.files).then(function (s) {
      var what = id ? choice.title : p.catalog.documents.length + ' documents and the search index';
      var body = [el('h3', {}, [heading]), el('p', {}, [what])];
      if (!s.missing.length) {
        body.push(el('p', { class: 'offline-state' }, ['Available offline (' + bytes(s.total) + ').']));
        body.push(button('Remove from this device', function () { remove(p, choice, id); }));
      } else {
        body.push(el('p', { class: 'offline-state' }, ['To download: ' + bytes(s.left) + '.']));
        body.push(button('Make available offline', function () { save(p, choice, id, s); }));
      }
      return el('section', { class: 'offline-choice', 'aria-label': heading }, body);
    });
  }

  function save(p, choice, id, s) {
    var panel = byId('offline-panel');
    busy = true;
    problem = null;
    choose(function (c) { if (id) { if (c.docs.indexOf(id) < 0) c.docs.push(id); } else c.collection = true; });
    var bar = el('progress', { id: 'offline-progress', max: String(s.left), value: '0' });
    var count = el('span', {}, ['0 of ' + bytes(s.left)]);
    var label = el('label', { for: 'offline-progress' }, ['Downloading ' + (id ? 'this document' : 'the collection') + '\u2026']);
    panel.replaceChildren(el('div', { class: 'offline-progress' }, [label, bar, count]));
    download(p, s.missing, function (done) {
      bar.value = done;
      count.textContent = done.toLocaleString('en') + ' of ' + bytes(s.left);
    }).then(finish(), finish('The download stopped'));
  }

  function remove(p, choice, id) {
    busy = true;
    problem = null;
    choose(function (c) { if (id) c.docs = c.docs.filter(function (d) { return d !== id; }); else { c.collection = false; c.docs = []; } });
    Promise.all(choice.own.map(function (path) { return p.cache.delete(path); })).then(finish(), finish('Removing stopped'));
  }

  // Shows the menu anew once a download or removal ends, with what went wrong, if anything.
  function finish(failed) {
    return function (error) {
      busy = false;
      problem = failed ? failed + ': ' + error.message + '. What was saved stays; try again when connected.' : null;
      render();
    };
  }

  document.addEventListener('toggle', function (event) {
    if (event.target.classList && event.target.classList.contains('offline-menu')) render();
  }, true);
  window.addEventListener('hashchange', render);
  window.addEventListener('online', render);
  window.addEventListener('offline', render);
})();
