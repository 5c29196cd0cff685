/* Nobody is logged in here: the day's meal list a counter kept on this device is deleted, and so is
 * the kept copy of the counter page (meals/static/meals/offline.js, docs/counter.md). Meals served
 * offline and not sent yet stay: they are sent when their user logs in again.
 */
(function () {
  "use strict";
  if (window.caches) {
    caches.keys().then(function (names) {
      names.filter(function (name) { return name.indexOf("cps-counter-") === 0; })
        .forEach(function (name) { caches.delete(name); });
    });
  }
  if (!window.indexedDB) return;
  var request = indexedDB.open("cps-offline", 1);
  // No such database yet: create nothing (the counter creates it with its stores).
  request.onupgradeneeded = function () { request.transaction.abort(); };
  request.onsuccess = function () {
    var db = request.result;
    if (!db.objectStoreNames.contains("packs")) return db.close();
    var transaction = db.transaction("packs", "readwrite");
    transaction.objectStore("packs").clear();
    transaction.oncomplete = transaction.onabort = function () { db.close(); };
  };
})();
