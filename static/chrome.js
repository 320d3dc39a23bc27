// The page's chrome, around the app: the reader's display choices, the skip link, the display
// menu, the keyboard shortcuts' help and the keys that work anywhere. The markup is static, in
// index.html, so all of it works the moment the page shows, before the app's WebAssembly has
// loaded, and costs the app no code. The app renders the routes inside <main>.
//
// A plain script run in <head> (the page's Content-Security-Policy forbids inline scripts), so
// the remembered choices are on <html> before the first paint: no flash of the wrong theme.
// Every listener is on the document, so none waits for the markup below the script.
(function () {
  'use strict';
  var root = document.documentElement;
  var THEME = 'readingroom-theme';
  var TEXT_SIZE = 'readingroom-text-size';
  // The app's "Hide page furniture" box (src/components/reading_tools.rs) reads this class.
  var FURNITURE = 'readingroom-furniture';
  var SIZES = ['90', '112', '125', '150', '175'];

  // Storage may be refused (a private window, a page opened from a file): the choices then
  // last as long as the page.
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
    } catch (e) { /* kept for this page only */ }
  }
  function setTheme(theme) {
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }
  function setTextSize(size) {
    if (SIZES.indexOf(size) >= 0) root.setAttribute('data-text-size', size);
    else root.removeAttribute('data-text-size');
  }

  // Under automation (navigator.webdriver) the page keeps its own record of errors, which the
  // browser tests read over WebDriver: WebKit's driver passes no console messages on. Readers'
  // pages keep none.
  if (navigator.webdriver) {
    var errors = window.__readingroomErrors = [];
    window.addEventListener('error', function (event) {
      var source = event.target && (event.target.src || event.target.href);
      errors.push(event.message ? 'uncaught: ' + event.message : 'failed to load ' + source);
    }, true);
    window.addEventListener('unhandledrejection', function (event) {
      var reason = event.reason;
      errors.push('unhandled rejection: ' + (reason && reason.message ? reason.message : reason));
    });
    document.addEventListener('securitypolicyviolation', function (event) {
      errors.push('CSP ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
    });
    var consoleError = console.error;
    console.error = function () {
      errors.push('console: ' + Array.prototype.join.call(arguments, ' '));
      return consoleError.apply(console, arguments);
    };
  }

  // An embedded view (#/embed/...) shows no site chrome (style.css), and the app routes it
  // under its own basename (src/app.rs): both are settled here, before the first paint, and a
  // fragment that crosses between the two reloads the page, for the router to be made anew.
  function embedded() { return /^#\/embed(\/|\?|$)/.test(location.hash); }
  // The route a fragment names, without the embed prefix: { path, params }. share.js and
  // embed.js read their fragments through this one reading.
  window.readingroomRoute = function (hash) {
    var fragment = hash.replace(/^#/, '');
    var at = fragment.indexOf('?');
    var path = (at < 0 ? fragment : fragment.slice(0, at)).replace(/^\/embed/, '') || '/';
    return { path: path, params: new URLSearchParams(at < 0 ? '' : fragment.slice(at + 1)) };
  };
  root.classList.toggle('embed', embedded());
  window.addEventListener('hashchange', function () {
    if (embedded() !== root.classList.contains('embed')) location.reload();
    if (/[?&]hit=/.test(location.hash)) need('share');
  });

  // Sharing (static/share.js: the Share dialog, links to a passage) and embedding
  // (static/embed.js: the message API) load where they are used, so other pages carry none
  // of their code. A page opened from a file has neither: no address to share, no host.
  function need(name, open) {
    if (location.protocol === 'file:' || byId('script-' + name)) return;
    // The scripts look up the page's elements as they start, so they are added once the page
    // is parsed (a script added from here may otherwise run before the body exists).
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { need(name, open); });
      return;
    }
    var script = document.createElement('script');
    script.src = 'static/' + name + '.js';
    script.id = 'script-' + name;
    if (open) script.setAttribute('data-open', '');
    document.head.appendChild(script);
  }
  if (root.classList.contains('embed')) need('embed');
  if (root.classList.contains('embed') || /[?&]hit=/.test(location.hash)) need('share');

  setTheme(load(THEME));
  setTextSize(load(TEXT_SIZE));
  root.classList.toggle('hide-furniture', load(FURNITURE) === 'hidden');

  function byId(id) { return document.getElementById(id); }

  // The menu's selects show the choices in force once they exist.
  function showChoices() {
    var theme = byId('theme-choice');
    var size = byId('text-size-choice');
    if (theme) theme.value = root.getAttribute('data-theme') || 'system';
    if (size) size.value = root.getAttribute('data-text-size') || '100';
    var share = byId('share-button');
    if (share && location.protocol !== 'file:') share.hidden = false;
    labelSkipLink();
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.id === 'theme-choice') {
      setTheme(target.value);
      save(THEME, root.getAttribute('data-theme'));
    } else if (target.id === 'text-size-choice') {
      setTextSize(target.value);
      save(TEXT_SIZE, root.getAttribute('data-text-size'));
    } else if (target.id === 'hide-furniture') {
      root.classList.toggle('hide-furniture', target.checked);
      save(FURNITURE, target.checked ? 'hidden' : null);
    }
  });

  // The skip link leads to what the page is for: a document's text, or the library's list;
  // `main` while that is still loading or an error card stands in its place.
  var TEXT = ['.document .page', '.compare-pane', 'main'];
  var LIST = ['.result-list', '.doc-list', '.empty-state', 'main'];
  function onDocument() { return /^#\/doc\//.test(location.hash); }
  function labelSkipLink() {
    var link = document.querySelector('.skip-link');
    if (link) link.textContent = onDocument() ? 'Skip to text' : 'Skip to the list';
  }
  function skip() {
    var targets = onDocument() ? TEXT : LIST;
    for (var i = 0; i < targets.length; i++) {
      var target = document.querySelector(targets[i]);
      if (target) {
        // A region that is not focusable of itself becomes a target for this jump.
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
        return;
      }
    }
  }

  function openHelp() {
    var dialog = byId('shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target.closest('.skip-link, #shortcuts-button, #share-button') : null;
    if (!target) return;
    // Once loaded, share.js opens its dialog itself.
    if (target.id === 'share-button') return need('share', true);
    // The fragment is the app's router's: the skip link moves focus instead of navigating.
    event.preventDefault();
    if (target.id === 'shortcuts-button') openHelp(); else skip();
  });

  // The app moves between pages without telling this script; the skip link is labelled when
  // it is reached, which is before anyone reads it.
  document.addEventListener('focusin', function (event) {
    if (event.target.classList && event.target.classList.contains('skip-link')) labelSkipLink();
  });

  // Keys typed into a field are the reader's text, never a shortcut.
  function typing(element) {
    if (!element || !element.tagName) return false;
    if (element.isContentEditable) return true;
    if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
    return element.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(element.type);
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      // Escape closes the display or offline menu and returns to its button (the dialog
      // closes itself).
      var menu = event.target.closest && event.target.closest('details.display-menu[open], details.offline-menu[open]');
      if (menu) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
      return;
    }
    if (typing(event.target)) return;
    if (event.key === '?') {
      event.preventDefault();
      openHelp();
    } else if (event.key === '/') {
      // The page's search field: the library's search, or a document's find field.
      var field = document.querySelector('main input[type="search"]');
      if (field) {
        // Taken, so that the slash is not typed into the field it focuses.
        event.preventDefault();
        field.focus();
        field.select();
      }
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', showChoices);
  } else {
    showChoices();
  }
  window.addEventListener('popstate', labelSkipLink);
})();
