/* What the counter keeps on the device to serve without the network (docs/counter.md).
 *
 * IndexedDB database "cps-offline":
 *   packs  the day's list (GET /api/v1/meals/offline-pack/), one per user, key = user name;
 *          personal data: it lives for its day only and is deleted at logout (and by the login
 *          page, config/static/config/forget-offline.js). Never in the service worker's cache.
 *   queue  meals served while offline, key = client_ref, waiting to be sent (or refused by the
 *          server and kept until staff have read why). Kept across logouts: a meal is never lost.
 * Also the search the server does (meals.selectors.counter.residents_matching), on the pack.
 */
(function () {
  "use strict";

  var DB_NAME = "cps-offline";
  var SEARCH_LIMIT = 10;

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains("packs")) db.createObjectStore("packs", { keyPath: "user" });
        if (!db.objectStoreNames.contains("queue")) {
          db.createObjectStore("queue", { keyPath: "client_ref" }).createIndex("user", "user");
        }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // Runs work(objectStore) in one transaction; resolves with the last request's result once committed.
  function inStore(name, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(name, mode);
        var request = work(transaction.objectStore(name));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = transaction.onabort = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  /* --- The day's pack ---------------------------------------------------------------------- */

  function savePack(user, pack) {
    return inStore("packs", "readwrite", function (packs) {
      return packs.put({ user: user, date: pack.date, generated_at: pack.generated_at, residents: pack.residents });
    });
  }

  // The user's pack for ``day``; a pack of another day is deleted, never used.
  function loadPack(user, day) {
    return inStore("packs", "readonly", function (packs) { return packs.get(user); }).then(function (pack) {
      if (!pack || pack.date === day) return pack || null;
      return forgetPack(user).then(function () { return null; });
    });
  }

  function forgetPack(user) {
    return inStore("packs", "readwrite", function (packs) { return packs.delete(user); });
  }

  function forgetAllPacks() {
    return inStore("packs", "readwrite", function (packs) { return packs.clear(); });
  }

  /* --- The queue ----------------------------------------------------------------------------- */

  function queued(user) {
    return inStore("queue", "readonly", function (queue) { return queue.index("user").getAll(user); })
      .then(function (items) {
        return items.sort(function (a, b) { return a.seq - b.seq; });
      });
  }

  function putQueued(item) {
    return inStore("queue", "readwrite", function (queue) { return queue.put(item); });
  }

  function dropQueued(clientRef) {
    return inStore("queue", "readwrite", function (queue) { return queue.delete(clientRef); });
  }

  /* --- Search, as the server does it --------------------------------------------------------- */

  // config/text.py fold(): lower case, no diacritics, single spaces ("Żółć  Łukasz" -> "zolc lukasz").
  var EXTRA = { "ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss" };

  function fold(text) {
    return (text || "").replace(/[łŁđøß]/g, function (ch) { return EXTRA[ch]; })
      .normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function byName(a, b) {
    return a.last_name.localeCompare(b.last_name, "pl") || a.first_name.localeCompare(b.first_name, "pl") || a.id - b.id;
  }

  // Residents of the pack matching a name (Polish letters optional) or a card number.
  function search(pack, text) {
    text = (text || "").trim();
    var residents = pack ? pack.residents : [];
    if (/^\d+$/.test(text)) {
      return residents.filter(function (r) { return (r.card_number || "").indexOf(text) === 0; })
        .sort(function (a, b) { return a.card_number < b.card_number ? -1 : 1; }).slice(0, SEARCH_LIMIT);
    }
    var tokens = fold(text).split(" ").filter(Boolean);
    if (tokens.join("").length < 2) return [];
    var scored = residents.map(function (r) {
      var haystack = fold(r.last_name + " " + r.first_name + " " + (r.card_number || ""));
      var all = tokens.every(function (token) { return haystack.indexOf(token) >= 0; });
      return all ? { resident: r, prefix: haystack.indexOf(tokens[0]) === 0 ? 0 : 1 } : null;
    }).filter(Boolean);
    scored.sort(function (a, b) { return a.prefix - b.prefix || byName(a.resident, b.resident); });
    return scored.slice(0, SEARCH_LIMIT).map(function (s) { return s.resident; });
  }

  function findCard(pack, card) {
    card = (card || "").trim();
    return (pack ? pack.residents : []).filter(function (r) { return r.card_number === card; })[0] || null;
  }

  function findResident(pack, id) {
    return (pack ? pack.residents : []).filter(function (r) { return r.id === id; })[0] || null;
  }

  window.CounterStore = {
    savePack: savePack,
    loadPack: loadPack,
    forgetPack: forgetPack,
    forgetAllPacks: forgetAllPacks,
    queued: queued,
    putQueued: putQueued,
    dropQueued: dropQueued,
    fold: fold,
    search: search,
    findCard: findCard,
    findResident: findResident,
  };
})();
