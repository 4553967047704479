/*
 * Sends the first screen's two calls (clinic settings, languages) while the page's code is
 * still being read: a deferred classic script in <head>, it runs as soon as the page is parsed,
 * before the module graph is evaluated, so the answers are in, and read, when React first
 * renders (renderer/src/boot-calls.ts takes them over; api/client.ts reads them as it reads any
 * answer, with the same transport rule: the Electron preload's window.kiosk when present, else
 * web mode's HTTP contract). Plain ES2017,
 * no imports: it is copied to the build as it is.
 */
(function () {
  'use strict';
  if (window.location.hash === '#print-job') return;
  var bridge = window.kiosk;
  var send = function (name) {
    if (bridge) return bridge[name]({});
    // Read as api/client.ts's readHttpAnswer reads an answer: the status and the JSON body.
    return fetch('/api/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' }).then(function (response) {
      return response.json().then(
        function (body) {
          return { status: response.status, body: body };
        },
        function () {
          return { status: response.status };
        },
      );
    });
  };
  var sent = {};
  ['getAppInfo', 'listLocales'].forEach(function (name) {
    var request = send(name);
    // Read later by boot-calls.ts; an unread failure must not be reported as unhandled.
    request.catch(function () {});
    sent[name] = request;
  });
  window.__kioskFirstCalls = sent;
})();
