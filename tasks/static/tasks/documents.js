// The "Wydruki" page: request documents through the JSON API, follow their state without a
// reload, warn before printing a list that was already printed today. No user text is ever
// inserted as HTML (textContent only).
(function () {
  "use strict";
  var table = document.getElementById("documents");
  var configNode = document.getElementById("documents-config");
  if (!table || !configNode || !window.fetch) { return; }  // forms still work without it
  var config = JSON.parse(configNode.textContent);
  var printed = config.printedToday;  // "kind:subject" -> "HH:MM"
  // config.kinds: the kinds this user may request, as the server's role rules say (never guessed here).
  var POLL_MS = 2000;

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Times and dates come from the server, never from the browser's clock, zone or locale
  // (docs/polish.md): DRF writes datetimes on the Warsaw clock with their offset.
  function hhmm(iso) {
    var match = /T(\d{2}:\d{2})/.exec(iso || "");
    return match ? match[1] : "";
  }

  // Now on the Warsaw clock: the server's time of day when the page was made, plus the time since
  // (Date.now() measures only the elapsed time here; it is never formatted).
  var loadedAt = Date.now();
  function clock() {
    var seconds = (config.clock + Math.floor((Date.now() - loadedAt) / 1000)) % 86400;
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60);
  }

  function dayText(iso) {  // "2026-12-02" -> "2.12.2026", as config.dates.day_text writes it
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return parts ? parseInt(parts[3], 10) + "." + parts[2] + "." + parts[1] : iso;
  }

  function declined(key) {
    return printed[key] && !window.confirm(config.text.again.replace("%(time)s", printed[key]));
  }

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function showStatus(row, doc) {
    row.dataset.status = doc.status;
    row.dataset.fingerprint = doc.fingerprint;  // of what was printed once it is ready
    var badge = row.querySelector("[data-role=status]");
    badge.textContent = config.status[doc.status] || doc.status;
    badge.className = "badge " + ({ready: "ok", failed: "bad"}[doc.status] || "warn");
    var error = row.querySelector("[data-role=error]");
    error.textContent = doc.error || "";
    error.hidden = !doc.error;
    if (doc.status === "ready" && !row.querySelector("[data-role=download]")) {
      var actions = row.querySelector("[data-role=actions]");
      var first = actions.firstChild;
      actions.insertBefore(make("a", {"class": "button", "data-role": "download", href: doc.file_url}, config.text.download), first);
      if (doc.csv_url) {
        actions.insertBefore(make("a", {"class": "button", "data-role": "download", href: doc.csv_url}, config.text.downloadCsv), first);
      }
    }
  }

  function poll(row) {
    fetch(config.api + row.dataset.id + "/", {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (doc) {
        if (doc) { showStatus(row, doc); }
        if (!doc || doc.status === "pending") { window.setTimeout(function () { poll(row); }, POLL_MS); }
      })
      .catch(function () { window.setTimeout(function () { poll(row); }, POLL_MS * 3); });
  }

  function regenerateForm(doc, label, param) {
    var form = make("form", {method: "post", "class": "inline request-document", "data-param": param, "data-label": label});
    form.appendChild(make("input", {type: "hidden", name: "csrfmiddlewaretoken", value: csrfToken()}));
    form.appendChild(make("input", {type: "hidden", name: "kind", value: doc.kind}));
    form.appendChild(make("input", {type: "hidden", name: param, value: String(doc.params[param])}));
    form.appendChild(make("button", {type: "submit"}, config.text.regenerate));
    form.addEventListener("submit", onRequest);
    return form;
  }

  function addRow(doc, label, param, key) {
    var empty = table.querySelector("[data-role=empty]");
    if (empty) { empty.remove(); }
    var row = make("tr", {"data-id": doc.id, "data-status": doc.status, "data-key": key, "data-fingerprint": doc.fingerprint});
    row.appendChild(make("td", {}, label));
    row.appendChild(make("td", {}, hhmm(doc.created_at) + " · " + (doc.requested_by || "")));
    var state = make("td");
    state.appendChild(make("span", {"class": "badge warn", "data-role": "status"}, config.status[doc.status]));
    var error = make("p", {"class": "error", "data-role": "error"});
    error.hidden = true;
    state.appendChild(error);
    row.appendChild(state);
    var cell = make("td");
    var actions = make("div", {"class": "row", "data-role": "actions"});
    if (config.kinds.indexOf(doc.kind) >= 0) { actions.appendChild(regenerateForm(doc, label, param)); }
    cell.appendChild(actions);
    row.appendChild(cell);
    table.tBodies[0].insertBefore(row, table.tBodies[0].firstChild);
    return row;
  }

  function labelOf(form, param) {
    var field = form.elements[param];
    if (field.tagName === "SELECT") { return form.dataset.label + " – " + field.options[field.selectedIndex].text; }
    return field.type === "hidden" ? form.dataset.label : form.dataset.label + " – " + dayText(field.value);
  }

  function onRequest(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var param = form.dataset.param;
    var value = form.elements[param].value;
    var key = form.elements.kind.value + ":" + value;
    var warned = Boolean(printed[key]);
    if (declined(key)) { return; }
    var body = {kind: form.elements.kind.value};
    body[param] = param === "session" ? parseInt(value, 10) : value;
    var message = form.querySelector("[role=alert]");
    if (message) { message.hidden = true; }
    fetch(config.api, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, data: data}; });
    }).then(function (result) {
      if (!result.ok) { return fail(form, result.data); }
      // The same data hands back the same document: its row is shown again, not doubled.
      var row = table.querySelector("tr[data-id='" + result.data.id + "']");
      if (!row) {
        markOutdated(key, result.data.fingerprint);
        row = addRow(result.data, labelOf(form, param), param, key);
      }
      if (warned) { row.dataset.confirmed = "1"; }  // asked once already: not again on its download
      if (result.data.queued === false) { fail(form, {detail: config.text.notQueued}); }
      poll(row);
    }).catch(function () { fail(form, {detail: config.text.network}); });
  }

  // Rows of the same list printed from other data than the new document's are outdated.
  function markOutdated(key, fingerprint) {
    table.querySelectorAll("tr[data-key]").forEach(function (row) {
      if (row.dataset.key !== key || row.dataset.fingerprint === fingerprint) { return; }
      if (row.querySelector("[data-role=outdated]")) { return; }
      row.cells[0].appendChild(document.createTextNode(" "));
      row.cells[0].appendChild(make("span", {"class": "badge bad", "data-role": "outdated"}, config.text.outdated));
    });
  }

  function fail(form, data) {
    var texts = [];
    if (data.detail) { texts.push(data.detail); }
    Object.keys(data).forEach(function (name) { if (Array.isArray(data[name])) { texts = texts.concat(data[name]); } });
    var message = form.querySelector("[role=alert]");
    if (message) {
      message.textContent = texts.join(" ") || config.text.failed;
      message.hidden = false;
    } else {
      window.alert(texts.join(" ") || config.text.failed);
    }
  }

  document.querySelectorAll("form.request-document").forEach(function (form) {
    form.addEventListener("submit", onRequest);
  });

  // A download is a print: warn when the same list was printed today, then remember this one.
  table.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-role=download]");
    if (!link) { return; }
    var row = link.closest("tr");
    if (!row.dataset.confirmed && declined(row.dataset.key)) { event.preventDefault(); return; }
    delete row.dataset.confirmed;
    printed[row.dataset.key] = clock();
  });

  table.querySelectorAll("tr[data-status=pending]").forEach(poll);
})();
