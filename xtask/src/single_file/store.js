// The single-file edition's store: the files a served site fetches (the bundle's, keyed by
// the same relative URLs, and the three wasm modules), carried in the page itself, each as
// gzip in base64 in a <script type="application/octet-stream" id="readingroom-file:URL">
// that the browser never runs. `cargo xtask single-file` writes them (xtask/src/single_file/).
//
// The app reads every file of the bundle through `readingroomEmbedded.read(url)` when this
// store exists, and over HTTP when it does not (src/api.rs, `fetch_bytes`); its modules load
// through `readingroomLoadSearch` and `readingroomLoadCompare`, defined here from the glue
// each module's inline script hands to `define`. A classic script, run before the modules.
(function () {
  'use strict';
  var PREFIX = 'readingroom-file:';
  var modules = {};

  function decodeBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Decompressed by the browser itself; nothing here touches the network.
  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  // A file's bytes, decoded afresh at each call: the app keeps what it reads, so the page
  // holds each file once in its text and only briefly twice.
  function read(url) {
    var block = document.getElementById(PREFIX + url);
    if (!block) {
      return Promise.reject(new Error(url + ' is not in this file'));
    }
    try {
      return gunzip(decodeBase64(block.textContent));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // What a module's inline script hands over: its exports (`default` being wasm-bindgen's
  // init) and the name of its wasm in the store.
  function define(name, wasm, exports) {
    modules[name] = { wasm: wasm, exports: exports };
  }

  // The loader a served site's glue defines with `import()` (xtask/src/dist.rs, `loader`):
  // it starts the module once, however often it is called, and tries again after a failure.
  function loader(name) {
    var loading;
    return function () {
      if (loading) return loading;
      var module = modules[name];
      if (!module) return Promise.reject(new Error('the ' + name + ' module is not in this file'));
      loading = read(module.wasm)
        .then(function (bytes) { return module.exports.default({ module_or_path: bytes }); })
        .then(function () { return module.exports; })
        .catch(function (error) { loading = undefined; throw error; });
      return loading;
    };
  }

  globalThis.readingroomEmbedded = { read: read, define: define, loader: loader };
})();
