/* The counter's service worker (docs/counter.md): the counter page, its script and styles stay on
 * the device, so that reloading the tab without the network still opens the counter.
 *
 * Network first, the kept copy when the network fails. Nothing else passes through here: the
 * API's answers (the day's list above all: personal data) are never put in Cache Storage.
 */
"use strict";

var ASSETS = {{ assets|safe }};
var CACHE = "cps-counter-" + {{ version|safe }};
var NETWORK_WAIT_MS = 4000;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("cps-counter-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function kept(request) {
  var url = new URL(request.url);
  return request.method === "GET" && url.origin === self.location.origin && ASSETS.indexOf(url.pathname) >= 0;
}

// The network's answer within NETWORK_WAIT_MS (kept for next time when it is a plain 200), else the kept copy.
function networkFirst(request) {
  var url = new URL(request.url);
  var key = url.origin + url.pathname;
  var fromNetwork = fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(key, copy); });
    }
    return response;
  });
  var timeout = new Promise(function (resolve, reject) { setTimeout(reject, NETWORK_WAIT_MS); });
  return Promise.race([fromNetwork, timeout]).catch(function () {
    return caches.match(key).then(function (copy) { return copy || fromNetwork; });
  });
}

self.addEventListener("fetch", function (event) {
  if (kept(event.request)) event.respondWith(networkFirst(event.request));
});
