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
  // "queue": dialogs are answered by the test (POST /__test/dialog); "prompt": the user picks a file of the
  // launch folder in a prompt, since a browser page has no native file dialog that yields a host path.
  var dialogMode = meta('galley-dialogs') || 'prompt';

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

  function listFiles() {
    return fetch('/web/files', { headers: { 'x-galley-token': token } })
      .then(function (r) {
        return r.json();
      })
      .then(function (d) {
        if (!d.ok) throw new Error(d.error);
        return d.value;
      });
  }

  function pick(title, files, multiple) {
    var lines = files.map(function (f, i) {
      return i + 1 + '. ' + f;
    });
    var answer = window.prompt(
      title + '\n' + lines.join('\n') + '\n\n' + (multiple ? 'Numbers separated by spaces:' : 'Number:'),
      '1',
    );
    if (answer === null) return null;
    var picked = answer
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(function (n) {
        return files[Number(n) - 1];
      })
      .filter(Boolean);
    return picked.length ? (multiple ? picked : [picked[0]]) : null;
  }

  // Asks the user, then queues the answer on the host so that the dialog channel call below returns it.
  function choose(channel, input) {
    if (channel === 'dialog.confirm') {
      var b = input.buttons || ['OK'];
      var text = input.message + (input.detail ? '\n\n' + input.detail : '');
      var button;
      if (b.length <= 2)
        button = window.confirm(text + '\n\n[OK] ' + b[0] + (b[1] ? '   [Cancel] ' + b[1] : '')) ? 0 : b.length - 1;
      else {
        var n = window.prompt(
          text +
            '\n' +
            b
              .map(function (x, i) {
                return i + 1 + '. ' + x;
              })
              .join('\n'),
          '1',
        );
        button = n === null ? b.length - 1 : Math.max(0, Math.min(b.length - 1, Number(n) - 1 || 0));
      }
      return post('/web/choose', { channel: channel, answer: button });
    }
    if (channel === 'dialog.saveIssueAs' || channel === 'dialog.exportTo') {
      var name = window.prompt('Save in the launch folder as:', input.suggestedName || '');
      return post('/web/choose', { channel: channel, answer: name ? [name] : null });
    }
    return listFiles().then(function (list) {
      var multiple = channel === 'dialog.importPages';
      var files = list.files.filter(function (f) {
        return multiple ? !/\.galley\.json$/i.test(f) : /\.galley\.json$/i.test(f);
      });
      if (!files.length) {
        window.alert('No ' + (multiple ? 'page files' : '.galley.json files') + ' in ' + list.root);
        return post('/web/choose', { channel: channel, answer: null });
      }
      return post('/web/choose', {
        channel: channel,
        answer: pick(multiple ? 'Import pages from ' + list.root : 'Open an issue from ' + list.root, files, multiple),
      });
    });
  }

  function invoke(channel, input) {
    if (dialogMode === 'prompt' && /^dialog\./.test(channel)) {
      return Promise.resolve(choose(channel, input || {})).then(function () {
        return post('/rpc/' + encodeURIComponent(channel), input);
      });
    }
    return post('/rpc/' + encodeURIComponent(channel), input);
  }

  // One EventSource for all events. Events that arrive before anyone listens are kept (at most 100 per name)
  // and handed to the first listener: a file opened at launch must not be lost to a race with React's mount.
  var listeners = {};
  var early = {};
  var source = new EventSource('/events?token=' + encodeURIComponent(token));
  var EVENT_NAMES = ['command.run', 'file.openRequested'];
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
