// Sharing: the Share dialog (a link to the view shown, a link to the passage, the code that
// embeds the view in another site, and its citation) and the passage links' `hit`,
// the hit they open on. static/chrome.js loads this script on the first press of Share, and at
// once on a page whose fragment names a hit or that is embedded (static/embed.js asks for hits
// through the fragment too).
//
// A passage link is the full view's own link (document, page, view, query) with `hit=N`, the
// N-th match as the find bar counts them. The app knows nothing of `hit`: this script steps
// the find bar to it once the matches are counted, and the app marks it as the current match
// and scrolls it into view, as a reader's own steps would.
(function () {
  'use strict';
  function byId(id) { return document.getElementById(id); }
  var dialog = byId('share');
  var button = byId('share-button');
  var status = byId('share-status');

  // The route a fragment names, as the full reading room would (static/chrome.js).
  var parse = window.readingroomRoute;
  function address(path, params) {
    var query = params.toString();
    return location.href.split('#')[0] + '#' + path + (query ? '?' + query : '');
  }
  // The view shown, as a route of the full reading room: without what sets up an embed, and
  // without a hit, which only a passage link names.
  function shown() {
    var here = parse(location.hash);
    ['origins', 'fixed', 'hit'].forEach(function (name) { here.params.delete(name); });
    return here;
  }

  // The find bar's count: { current, total } ("3 of 12", "12 matches"), or null.
  function hits() {
    var said = document.querySelector('.find-bar [role=status]');
    said = said ? said.textContent : '';
    var match = /^(\d+) of (\d+)$/.exec(said);
    if (match) return { current: Number(match[1]), total: Number(match[2]) };
    match = /^(\d+) match(es)?$/.exec(said);
    return match ? { current: null, total: Number(match[1]) } : null;
  }

  // The passage: the current match, else the first marked on the page shown.
  function passage(here) {
    var found = hits();
    if (!/^\/doc\//.test(here.path) || !here.params.get('q') || !found || !found.total) return null;
    var first = document.querySelector('#text mark[data-hit]');
    var hit = found.current || (first ? Number(first.getAttribute('data-hit')) + 1 : 0);
    if (!hit) return null;
    var params = new URLSearchParams(here.params);
    var page = document.querySelector('.pager-position');
    page = page && /Page (\d+)/.exec(page.textContent);
    if (page) params.set('page', page[1]);
    params.set('hit', String(hit));
    return { link: address(here.path, params), hit: hit, total: found.total };
  }

  function escape(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }
  // The iframe for the view shown: a height that fits a page of text (the compare view's two
  // panes need more), and a title that says what the frame holds, for screen readers.
  function snippet(here) {
    var params = new URLSearchParams(here.params);
    var search = here.path === '/' && params.get('q');
    if (search && !byId('share-box').checked) params.set('fixed', '1');
    var heading = document.querySelector('main h1');
    var title = search ? 'search for \u201c' + params.get('q') + '\u201d'
      : heading ? heading.textContent.trim() : 'the library';
    var height = params.get('view') === 'compare' ? 720 : 560;
    return '<iframe src="' + escape(address('/embed' + here.path, params)) + '" title="' +
      escape('Reading Room: ' + title) + '" width="100%" height="' + height +
      '" style="border: 1px solid #ccc" loading="lazy"></iframe>';
  }

  function fill() {
    var here = shown();
    byId('share-link').value = address(here.path, here.params);
    var found = passage(here);
    byId('share-passage-field').hidden = !found;
    if (found) {
      byId('share-passage').value = found.link;
      byId('share-passage-note').textContent = 'Opens this page with match ' + found.hit + ' of ' +
        found.total + ' marked and scrolled into view.';
    }
    byId('share-box-field').hidden = !(here.path === '/' && here.params.get('q'));
    byId('share-embed').value = snippet(here);
    cite(here);
  }

  // Cite: the document shown, at the page shown (the passage's page when there is one), with
  // the address of the passage or the view and today's date, in the format chosen. The text is
  // core's (the cite module, crates/cite-wasm, loaded the first time a reader asks), from the
  // bundle's catalog, which holds every document's metadata.
  var catalog = null;
  function catalogBytes() {
    if (!catalog) {
      catalog = fetch('bundle/catalog.json').then(function (response) {
        if (!response.ok) throw new Error('bundle/catalog.json answered ' + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) { return new Uint8Array(buffer); });
      catalog.catch(function () { catalog = null; });
    }
    return catalog;
  }
  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }
  var citing = 0;
  // The citation as the module gave it: a textarea's value turns RIS's CR LF into LF, so the
  // copy is taken from here.
  var citation = '';
  function cite(here) {
    var section = byId('share-cite');
    var load = window.readingroomLoadCite;
    var doc = /^\/doc\/([^\/]+)/.exec(here.path);
    section.hidden = typeof load !== 'function' || !doc;
    if (section.hidden) return;
    var found = passage(here);
    var shownPage = document.querySelector('.pager-position');
    shownPage = shownPage && /Page (\d+)/.exec(shownPage.textContent);
    var request = {
      id: decodeURIComponent(doc[1]),
      format: byId('share-cite-format').value,
      // A passage of several pages is cited as its range; otherwise the page shown.
      pages: here.params.get('pages') || (shownPage ? shownPage[1] : here.params.get('page') || undefined),
      url: found ? found.link : address(here.path, here.params),
      accessed: today(),
    };
    var text = byId('share-cite-text');
    var note = byId('share-cite-note');
    var mine = ++citing;
    text.value = citation = '';
    note.textContent = 'Preparing the citation\u2026';
    Promise.all([load(), catalogBytes()]).then(function (got) {
      if (mine !== citing) return;
      citation = got[0].cite(got[1], JSON.stringify(request));
      text.value = citation;
      note.textContent = (request.pages ? (/-/.test(request.pages) ? 'Pages ' : 'Page ') + request.pages + ', ' : '') +
        (found ? 'linked to this passage' : 'linked to this view') + ', accessed ' + request.accessed + '.';
    }).catch(function (error) {
      if (mine !== citing) return;
      note.textContent = 'The citation could not be made: ' + (error && error.message ? error.message : String(error));
    });
  }

  var COPIED = { 'share-cite-text': 'Citation copied.', 'share-link': 'Link copied.', 'share-passage': 'Link to this passage copied.', 'share-embed': 'Embed code copied.' };
  function copy(id) {
    var field = byId(id);
    function done() { status.textContent = COPIED[id]; }
    // Where the clipboard is refused, the text is selected for the reader to copy.
    function select() {
      field.focus();
      field.select();
      var copied = false;
      try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
      status.textContent = copied ? COPIED[id] : 'Copying was refused: the text is selected, copy it with your keyboard.';
    }
    var value = id === 'share-cite-text' ? citation : field.value;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).then(done, select);
    else select();
  }

  function open() {
    if (!dialog || dialog.open) return;
    status.textContent = '';
    fill();
    dialog.showModal();
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('#share-button, #share [data-copy]') : null;
    if (!target) return;
    if (target === button) open(); else copy(target.getAttribute('data-copy'));
  });
  document.addEventListener('change', function (event) {
    if (event.target.id === 'share-box') byId('share-embed').value = snippet(shown());
    if (event.target.id === 'share-cite-format') cite(shown());
  });
  // Focus goes back to the button that opened the dialog, whichever way it closed.
  if (dialog) dialog.addEventListener('close', function () { if (button) button.focus(); });

  // A fragment that names a hit: step the find bar to it once the matches are counted. Each
  // step re-renders the status, which is when the next is taken; a newer fragment stops it.
  var walk = 0;
  function goToHit() {
    var want = Number(parse(location.hash).params.get('hit'));
    var mine = ++walk;
    if (!(want >= 1)) return;
    var main = byId('main');
    var steps = 0;
    var observer = new MutationObserver(step);
    function step() {
      if (mine !== walk) return observer.disconnect();
      var found = hits();
      var next = document.querySelectorAll('.find-bar .find-step')[1];
      if (!found || !next) return;
      if (want > found.total || found.current === want || steps > found.total) return observer.disconnect();
      steps += 1;
      next.click();
    }
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    step();
  }
  window.addEventListener('hashchange', goToHit);
  goToHit();

  if (document.currentScript && document.currentScript.hasAttribute('data-open')) open();
})();
