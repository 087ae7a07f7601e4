// Galley browser-host shim: defines `window.host` ({invoke, on}, the HostApi of shared/ipc/contract.ts) over
// fetch and EventSource. Served as a static file by the browser host (no inline script: the CSP forbids it) and
// loaded before the app. Plain JS on purpose: it is not bundled, and page.addInitScript can load it as a file.
(function () {
  'use strict';
  if (window.host) return;
  var meta = function (name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  };
  var token = meta('galley-token') || new URLSearchParams(location.search).get('token') || '';
  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-galley-token': token },
      body: JSON.stringify(body === undefined ? {} : body),
    }).then(function (res) {
      return res.text().then(function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch {
          data = { ok: false, error: 'host answered ' + res.status + ' ' + text.slice(0, 200) };
        }
        if (!data.ok) {
          var err = new Error(data.error || 'host error ' + res.status);
          err.code = data.code;
          throw err;
        }
        return data.value;
      });
    });
  }

  // Dialogs are plain calls: the renderer shows its own in-app dialogs and file picker (files.list / files.choose).
  function invoke(channel, input) {
    return post('/rpc/' + encodeURIComponent(channel), input);
  }

  // One EventSource for all events. Events that arrive before anyone listens are kept (at most 100 per name)
  // and handed to the first listener: a file opened at launch must not be lost to a race with React's mount.
  var listeners = {};
  var early = {};
  var source = new EventSource('/events?token=' + encodeURIComponent(token));
  var EVENT_NAMES = ['command.run', 'file.openRequested', 'window.closeRequested'];
  EVENT_NAMES.forEach(function (name) {
    source.addEventListener(name, function (e) {
      var payload;
      try {
        payload = JSON.parse(e.data);
      } catch {
        return;
      }
      var ls = listeners[name];
      if (ls && ls.length)
        ls.slice().forEach(function (cb) {
          cb(payload);
        });
      else {
        var q = (early[name] = early[name] || []);
        if (q.length < 100) q.push(payload);
      }
    });
  });

  function on(event, cb) {
    if (EVENT_NAMES.indexOf(event) < 0) throw new Error('blocked event ' + event);
    var ls = (listeners[event] = listeners[event] || []);
    ls.push(cb);
    var waiting = early[event];
    if (waiting && waiting.length) {
      early[event] = [];
      setTimeout(function () {
        waiting.forEach(function (p) {
          cb(p);
        });
      }, 0);
    }
    return function () {
      var i = ls.indexOf(cb);
      if (i >= 0) ls.splice(i, 1);
    };
  }

  Object.defineProperty(window, 'host', {
    value: Object.freeze({ invoke: invoke, on: on }),
    writable: false,
    configurable: false,
  });
})();
