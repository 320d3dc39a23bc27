// An embedded view (#/embed/doc/<id>?page=3, #/embed/?q=...): the link to the same view in the
// full reading room, and the message API a host page drives the frame with. static/chrome.js
// loads this script only in an embedded view; the app renders it as any other view, under the
// router's basename /embed (src/app.rs).
//
// The API drives the app the way a reader would: a command changes the fragment, where every
// route lives, and events are read from what the page shows (the fragment, the find bar's
// status, the body's size). So it costs the app's WebAssembly nothing.
//
// Every message is an object { protocol: 'readingroom-embed', version: 1, type, ... }; messages
// without that protocol are someone else's and ignored. The host may name the origins allowed
// to drive the frame in its URL (origins=https://a.example,https://b.example): messages from
// any other origin are then ignored, and events are sent to those origins only. Without a list,
// anyone may navigate and highlight, and nothing that reads the document (getText) is answered.
(function () {
  'use strict';
  var PROTOCOL = 'readingroom-embed';
  var VERSION = 1;
  var root = document.documentElement;
  var host = window.parent !== window ? window.parent : null;
  var VIEWS = ['corrected', 'ocr', 'compare'];
  // Fragment parameters that set up the frame rather than the view: read once, here, and left
  // out of the link to the full reading room.
  var SETUP = ['origins', 'fixed'];

  // The route a fragment names, as the full reading room would (static/chrome.js).
  var parse = window.readingroomRoute;
  function fragment(path, params) {
    var query = params.toString();
    return path + (query ? '?' + query : '');
  }

  var start = parse(location.hash).params;
  // The allow-list, kept for the frame's life: the app drops parameters it does not know as the
  // reader moves on. An unreadable entry allows nothing, so a list never opens the frame wider.
  var allowed = start.has('origins') ? start.get('origins').split(',').map(function (entry) {
    try { return new URL(entry.trim()).origin; } catch (e) { return null; }
  }).filter(function (origin) { return origin && origin !== 'null'; }) : null;
  root.classList.toggle('embed-fixed', start.get('fixed') === '1');

  // What the frame shows, as the host sees it: which route, document, page, view and query.
  function state() {
    var here = parse(location.hash);
    var doc = /^\/doc\/([^/]+)$/.exec(here.path);
    var params = here.params;
    var shown = { route: doc ? 'document' : here.path === '/' ? (params.get('q') ? 'search' : 'library') : 'other' };
    if (doc) {
      shown.document = decodeURIComponent(doc[1]);
      shown.page = Number(params.get('page')) || Number((params.get('pages') || '').split('-')[0]) || 1;
      shown.view = params.get('view') || null;
      if (params.get('pages')) shown.pages = params.get('pages');
    }
    // The words asked for are the reader's own: only hosts on the list learn them, in the
    // query and in the link.
    if (allowed && params.get('q')) shown.query = params.get('q');
    shown.link = fullLink(!allowed);
    return shown;
  }

  // The same view in the full reading room: this page's address, the fragment without /embed.
  function fullLink(withoutQuery) {
    var here = parse(location.hash);
    SETUP.concat(withoutQuery ? ['q'] : []).forEach(function (name) { here.params.delete(name); });
    return location.href.split('#')[0] + '#' + fragment(here.path, here.params);
  }

  // Events go to the listed origins only, or to anyone when they carry nothing of the
  // document's; `reader` marks those that do.
  function send(type, body, reader) {
    if (!host) return;
    var message = { protocol: PROTOCOL, version: VERSION, type: type };
    for (var key in body) if (Object.prototype.hasOwnProperty.call(body, key)) message[key] = body[key];
    if (allowed) allowed.forEach(function (origin) { host.postMessage(message, origin); });
    else if (!reader) host.postMessage(message, '*');
  }
  function reply(event, type, body) {
    var message = { protocol: PROTOCOL, version: VERSION, type: type };
    for (var key in body) if (Object.prototype.hasOwnProperty.call(body, key)) message[key] = body[key];
    if (event.source) event.source.postMessage(message, event.origin === 'null' ? '*' : event.origin);
  }
  function fail(event, command, code, text) {
    reply(event, 'error', { command: command, code: code, message: text });
  }

  function go(path, params) {
    location.hash = '#/embed' + fragment(path, params);
  }
  function onDocument(event, command) {
    var here = parse(location.hash);
    if (/^\/doc\//.test(here.path)) return here;
    fail(event, command, 'no-document', command + ' needs a document shown: send navigate first.');
    return null;
  }
  function view(event, command, value) {
    if (value === undefined || VIEWS.indexOf(value) >= 0) return true;
    fail(event, command, 'bad-view', 'The view "' + value + '" is not one of ' + VIEWS.join(', ') + '.');
    return false;
  }

  // Commands that move the frame or mark words: anyone may send them when there is no list.
  var DRIVE = {
    navigate: function (m, event) {
      if (typeof m.document !== 'string' || !m.document) {
        return fail(event, 'navigate', 'bad-document', 'navigate needs "document", a document id.');
      }
      if (!view(event, 'navigate', m.view)) return;
      var params = new URLSearchParams();
      if (m.page) params.set('page', String(Math.max(1, Math.floor(Number(m.page)) || 1)));
      if (m.view) params.set('view', m.view);
      if (m.pages) params.set('pages', String(m.pages));
      if (m.query) params.set('q', String(m.query));
      go('/doc/' + encodeURIComponent(m.document), params);
    },
    search: function (m, event) {
      if (typeof m.query !== 'string') return fail(event, 'search', 'bad-query', 'search needs "query", the words to search for.');
      var params = new URLSearchParams();
      if (m.query) params.set('q', m.query);
      go('/', params);
    },
    highlight: function (m, event) {
      var here = onDocument(event, 'highlight');
      if (!here) return;
      if (typeof m.query !== 'string') return fail(event, 'highlight', 'bad-query', 'highlight needs "query", the words to mark.');
      if (m.query) here.params.set('q', m.query); else here.params.delete('q');
      // static/share.js steps to a hit the fragment names, as a passage link asks.
      if (m.hit) here.params.set('hit', String(Math.floor(Number(m.hit)) || 1)); else here.params.delete('hit');
      go(here.path, here.params);
    },
    setView: function (m, event) {
      var here = onDocument(event, 'setView');
      if (!here || !view(event, 'setView', m.view)) return;
      if (!m.view) return fail(event, 'setView', 'bad-view', 'setView needs "view": ' + VIEWS.join(', ') + '.');
      here.params.set('view', m.view);
      go(here.path, here.params);
    },
  };
  // Commands that read the document: answered only to an origin on the list.
  var READ = {
    getText: function (m, event) {
      var text = document.getElementById('text');
      var shown = state();
      reply(event, 'text', { document: shown.document, page: shown.page, text: text ? text.innerText : null });
    },
  };
  var COMMANDS = Object.keys(DRIVE).concat(Object.keys(READ));

  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object' || m.protocol !== PROTOCOL) return;
    if (allowed && allowed.indexOf(event.origin) < 0) return;
    var type = typeof m.type === 'string' ? m.type : '';
    if (m.version !== VERSION) {
      return fail(event, type, 'unsupported-version', 'This embed speaks version ' + VERSION + ' of the protocol, not ' + m.version + '.');
    }
    if (Object.prototype.hasOwnProperty.call(DRIVE, type)) return DRIVE[type](m, event);
    if (Object.prototype.hasOwnProperty.call(READ, type)) {
      if (allowed) return READ[type](m, event);
      return fail(event, type, 'not-allowed', type + ' reads the document: it is answered only to an origin listed in the embed URL (origins=...).');
    }
    fail(event, type, 'unknown-command', 'Unknown command "' + type + '"; the commands are ' + COMMANDS.join(', ') + '.');
  });

  // The find bar's status ("3 of 12", "12 matches", "No matches") as numbers; null while it
  // says something else (searching, nothing typed).
  function hits() {
    var status = document.querySelector('.find-bar [role=status]');
    var said = status ? status.textContent : '';
    var match = /^(\d+) of (\d+)$/.exec(said);
    if (match) return { current: Number(match[1]), total: Number(match[2]) };
    if ((match = /^(\d+) match(es)?$/.exec(said))) return { current: null, total: Number(match[1]) };
    return said === 'No matches' ? { current: null, total: 0 } : null;
  }

  var link = document.getElementById('embed-open');
  var main = document.getElementById('main');
  var ready = false;
  var last = {};
  // Called on every change of the page: says what changed, once.
  function update() {
    if (!ready) {
      // The app has rendered its first view: something in <main> besides the noscript note.
      if (!main || !main.querySelector(':scope > :not(noscript)')) return;
      ready = true;
      send('ready', { commands: COMMANDS, restricted: !!allowed });
      resized();
    }
    var shown = state();
    if (link) {
      link.href = fullLink(false);
      link.parentNode.hidden = false;
    }
    var navigated = JSON.stringify(shown);
    if (navigated !== last.navigated) {
      last.navigated = navigated;
      send('navigated', shown);
    }
    var found = hits();
    var counted = found && JSON.stringify(found);
    if (found && counted !== last.hits) {
      last.hits = counted;
      send('hitChanged', found);
    }
  }

  // The content's height, so the host can fit the frame to it.
  var height = 0;
  function resized() {
    var now = Math.ceil(document.body.getBoundingClientRect().height);
    if (now !== height && ready) {
      height = now;
      send('resize', { height: now });
    }
  }
  if (window.ResizeObserver) new ResizeObserver(resized).observe(document.body);

  if (main) new MutationObserver(update).observe(main, { childList: true, subtree: true, characterData: true });
  window.addEventListener('hashchange', update);
  update();
})();
