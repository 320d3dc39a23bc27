// The host side of Reading Room's embed API: make the iframe, send commands, listen to events.
//
// The frame's address names this page's origin in `origins`, so only this page may drive it
// and the frame sends its events (and any text asked for) to this origin only. This page
// checks, in turn, that each event comes from the Reading Room it embedded.
(function () {
  'use strict';
  var PROTOCOL = 'readingroom-embed';
  var VERSION = 1;
  var here = new URLSearchParams(location.search);
  // Where the Reading Room is, and which origins may drive it (this page's by default;
  // `origins=` in this page's address overrides it, as the tests do to play a stranger).
  var app = new URL(here.get('app') || 'http://127.0.0.1:8000/', location.href);
  var origins = here.has('origins') ? here.get('origins') : location.origin;
  var start = here.get('start') || '/doc/cia-rdp80-00809a000600290716-5?page=1';
  var frame = document.getElementById('reading-room');
  var log = document.getElementById('log');

  var src = new URL(app.href);
  src.hash = '#/embed' + start + (origins ? (start.indexOf('?') < 0 ? '?' : '&') + 'origins=' + encodeURIComponent(origins) : '');
  frame.src = src.href;

  function send(type, body) {
    var message = { protocol: PROTOCOL, version: VERSION, type: type };
    Object.keys(body || {}).forEach(function (key) { message[key] = body[key]; });
    frame.contentWindow.postMessage(message, app.origin);
  }
  // For the tests and for trying things out from the console.
  window.readingRoom = { send: send, events: [] };

  window.addEventListener('message', function (event) {
    if (event.origin !== app.origin || event.source !== frame.contentWindow) return;
    var m = event.data;
    if (!m || m.protocol !== PROTOCOL) return;
    window.readingRoom.events.push(m);
    var item = document.createElement('li');
    item.textContent = JSON.stringify(m);
    log.appendChild(item);
    if (m.type === 'resize') frame.height = String(Math.min(Math.max(m.height, 200), 2000));
    if (m.type === 'hitChanged') {
      document.getElementById('hit').textContent = m.current ? m.current + ' of ' + m.total : m.total + ' matches';
    }
    if (m.type === 'navigated') {
      document.getElementById('where').textContent = m.document ? m.document + ', page ' + m.page : m.route;
    }
  });

  function form(id, handle) {
    document.getElementById(id).addEventListener('submit', function (event) {
      event.preventDefault();
      handle(new FormData(event.target));
    });
  }
  form('navigate', function (data) {
    send('navigate', { document: data.get('document'), page: Number(data.get('page')) || 1, view: data.get('view') || undefined });
  });
  form('search', function (data) { send('search', { query: data.get('query') }); });
  form('highlight', function (data) {
    send('highlight', { query: data.get('query'), hit: Number(data.get('hit')) || undefined });
  });
  document.getElementById('get-text').addEventListener('click', function () { send('getText'); });
  document.getElementById('bad-command').addEventListener('click', function () { send('fly'); });
})();
