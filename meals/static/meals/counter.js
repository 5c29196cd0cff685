/* The meal counter: one always-focused field for card scans and names, one key to issue.
 *
 * Talks to the JSON API with the session cookie and the CSRF header; no page reloads.
 * Each issue attempt gets its own client_ref, reused on every retry of that attempt, so a
 * request whose answer was lost is never recorded twice.
 */
(function () {
  "use strict";

  var cfg = JSON.parse(document.getElementById("counter-config").textContent);
  var csrf = document.getElementById("csrf-token").value;
  var T = cfg.text;
  var RETRY_MS = 3000;
  var SUMMARY_EVERY_MS = 15000;

  function $(id) { return document.getElementById(id); }
  var lookup = $("lookup"), results = $("results"), residentBox = $("resident"), stateBox = $("state");
  var offlineBar = $("offline"), issueButton = $("issue"), takeaway = $("takeaway"), collectedBy = $("collected-by");

  var current = null;    // the check-in state shown (GET check/), or null
  var found = [];        // search results shown
  var foundFor = null;   // the text they were found for
  var selected = 0;
  var pending = null;    // an issue attempt not answered yet: {body}
  var searchTimer = null;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return values[key] === undefined ? all : values[key]; });
  }

  // DRF renders datetimes in Europe/Warsaw with their offset: the wall-clock time is in the string.
  function hhmm(iso) { return iso ? iso.slice(11, 16) : ""; }

  function newClientRef() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* --- HTTP ------------------------------------------------------------------------------- */

  // Resolves {status, data}; rejects only when the network fails (no answer at all).
  function api(method, url, body) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf },
    };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  function withQuery(url, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    return url + (url.indexOf("?") < 0 ? "?" : "&") + query;
  }

  function showOffline(text) {
    offlineBar.textContent = text;
    offlineBar.hidden = !text;
  }

  function networkFailed() { showOffline(pending ? T.offline : T.offlineIdle); }

  function answered(reply) {
    if (reply.status === 401 || reply.status === 403) {
      showOffline(T.sessionLost);
      return false;
    }
    if (!pending) showOffline("");
    return true;
  }

  /* --- Looking people up ------------------------------------------------------------------ */

  function check(params) {
    hideResults();
    api("GET", withQuery(cfg.urls.check, params)).then(function (reply) {
      if (!answered(reply)) return;
      if (reply.status === 200) showState(reply.data);
      else if (reply.status === 404) showUnknown();
      else showUnknown();
    }, networkFailed);
  }

  function search(text) {
    return api("GET", withQuery(cfg.urls.search, { search: text })).then(function (reply) {
      if (!answered(reply) || reply.status !== 200) return [];
      if (lookup.value.trim() !== text) return null; // typed on meanwhile: a newer search follows
      showResults(text, reply.data.results);
      return found;
    }, function () { networkFailed(); return []; });
  }

  function showResults(text, list) {
    found = list;
    foundFor = text;
    selected = 0;
    results.innerHTML = "";
    if (!list.length) {
      results.appendChild(item(T.noMatch, "muted"));
    }
    list.forEach(function (person, index) {
      var li = item(person.last_name + " " + person.first_name, "result");
      li.setAttribute("role", "option");
      li.appendChild(span(" · " + (person.card_number || ""), "muted"));
      if (person.issued_at) li.appendChild(span(" · " + format(T.served, { time: hhmm(person.issued_at) }), "badge warn"));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { choose(index); });
      results.appendChild(li);
    });
    if (list.length > 1) results.insertBefore(item(T.chooseOne, "muted hint"), results.firstChild);
    results.hidden = false;
    highlight();
  }

  function highlight() {
    var options = results.querySelectorAll(".result");
    Array.prototype.forEach.call(options, function (li, index) {
      li.classList.toggle("selected", index === selected);
      li.setAttribute("aria-selected", index === selected ? "true" : "false");
    });
  }

  function choose(index) {
    var person = found[index];
    if (!person) return;
    lookup.value = "";
    check({ resident: person.id });
    lookup.focus();
  }

  function hideResults() {
    results.hidden = true;
    results.innerHTML = "";
    found = [];
    foundFor = null;
  }

  /* --- The resident's state --------------------------------------------------------------- */

  function showState(data) {
    current = data;
    takeaway.checked = false;
    collectedBy.value = "";
    residentBox.hidden = false;
    $("resident-name").textContent = data.resident.last_name + " " + data.resident.first_name;
    $("resident-card").textContent = data.resident.card_number || "";
    renderFlags(data.resident);
    renderState();
  }

  function renderState() {
    var reasons = $("reasons");
    reasons.textContent = "";
    $("issue-box").hidden = current.state !== "may_eat";
    if (current.state === "may_eat") {
      setState("ok", T.mayEat);
      reasons.textContent = T.pressEnter;
    } else if (current.state === "already_issued") {
      var issue = current.issue;
      var served = current.justServed
        ? format(T.served, { time: hhmm(issue.issued_at) })
        : format(T.alreadyServed, { time: hhmm(issue.issued_at), who: issue.issued_by_name || issue.issued_by });
      setState(current.justServed ? "ok" : "warn", served);
    } else {
      setState("bad", T.notEligible);
      reasons.textContent = (current.reasons || []).map(function (code) { return cfg.reasons[code] || code; }).join("; ");
    }
    issueButton.disabled = !!pending;
    issueButton.textContent = pending ? T.saving : T.issue;
  }

  function setState(kind, text) {
    stateBox.className = "state " + kind;
    stateBox.textContent = text;
    var name = !current ? "unknown" : current.justServed ? "served" : current.state;
    stateBox.setAttribute("data-state", name);
  }

  function showUnknown() {
    current = null;
    residentBox.hidden = false;
    $("issue-box").hidden = true;
    $("resident-name").textContent = "";
    $("resident-card").textContent = "";
    $("flags").innerHTML = "";
    $("reasons").textContent = "";
    setState("bad", T.unknown);
  }

  function renderFlags(resident) {
    var flags = $("flags");
    flags.innerHTML = "";
    (resident.diet || []).forEach(function (code) {
      flags.appendChild(span(cfg.diets[code] || code, "badge flag-health"));
    });
    if (resident.allergies) flags.appendChild(span(T.allergies + ": " + resident.allergies, "badge flag-health"));
  }

  function clearResident() {
    if (pending) return; // the attempt in flight stays on screen until it is answered
    current = null;
    residentBox.hidden = true;
  }

  /* --- Issuing ---------------------------------------------------------------------------- */

  function issueMeal() {
    if (pending || !current || current.state !== "may_eat") return;
    pending = {
      body: {
        resident: current.resident.id,
        takeaway: takeaway.checked,
        collected_by: collectedBy.value.trim(),
        client_ref: newClientRef(),
      },
    };
    renderState();
    sendPending();
  }

  function sendPending() {
    if (!pending || pending.inFlight) return;
    pending.inFlight = true;
    api("POST", cfg.urls.issues, pending.body).then(function (reply) {
      pending.inFlight = false;
      if (reply.status >= 500) return retryLater(T.serverError);
      var attempt = pending;
      pending = null;
      showOffline("");
      issueAnswered(attempt, reply);
    }, function () {
      pending.inFlight = false;
      retryLater(T.offline);
    });
  }

  function retryLater(message) {
    showOffline(message);
    window.clearTimeout(pending.timer);
    pending.timer = window.setTimeout(sendPending, RETRY_MS);
  }

  function issueAnswered(attempt, reply) {
    var data = reply.data || {};
    if (reply.status === 201 || reply.status === 200) {
      current = { state: "already_issued", justServed: true, resident: data.resident, reasons: [], issue: data };
    } else if (reply.status === 409 && data.code === "already_issued") {
      current = { state: "already_issued", resident: current.resident, reasons: [], issue: data.issue };
    } else if (reply.status === 422) {
      current = { state: "not_eligible", resident: current.resident, reasons: data.reasons || [] };
    } else if (reply.status === 404) {
      return showUnknown();
    } else if (reply.status === 401 || reply.status === 403) {
      showOffline(T.sessionLost);
    }
    if (current && current.resident.id === attempt.body.resident) renderState();
    refresh();
  }

  /* --- Summary and the last issues -------------------------------------------------------- */

  function refresh() {
    refreshSummary();
    refreshRecent();
  }

  function refreshSummary() {
    api("GET", cfg.urls.summary).then(function (reply) {
      if (reply.status !== 200) return;
      var d = reply.data;
      // Left open overnight: a new Warsaw day starts with a fresh page (never mid-attempt).
      if (d.date !== cfg.today && !pending) return window.location.reload();
      $("summary").textContent = d.open ? format(T.summary, { issued: d.issued, expected: d.expected }) : T.closed;
      $("summary").setAttribute("data-issued", d.issued);
      var plan = $("plan");
      plan.hidden = !d.menu && d.portions_planned === null;
      plan.textContent = [d.menu, d.portions_planned === null ? "" : d.portions_planned + " ×"].filter(Boolean).join(" · ");
      if (!pending) showOffline("");
    }, function () { if (!pending) showOffline(T.offlineIdle); });
  }

  function refreshRecent() {
    api("GET", withQuery(cfg.urls.issues, { page_size: 8 })).then(function (reply) {
      if (reply.status !== 200) return;
      var body = $("recent");
      body.innerHTML = "";
      if (!reply.data.results.length) {
        var empty = row([T.noIssuesYet]);
        empty.firstChild.colSpan = 4;
        body.appendChild(empty);
      }
      reply.data.results.forEach(function (issue) { body.appendChild(recentRow(issue)); });
    }, function () {});
  }

  function recentRow(issue) {
    var r = issue.resident;
    var details = [];
    if (issue.takeaway) details.push(T.takeaway);
    if (issue.collected_by) details.push(format(T.collectedBy, { name: issue.collected_by }));
    var tr = row([hhmm(issue.issued_at), r.last_name + " " + r.first_name + (details.length ? " (" + details.join(", ") + ")" : ""),
      issue.issued_by_name || issue.issued_by, ""]);
    tr.setAttribute("data-issue", issue.id);
    var actions = tr.lastChild;
    if (issue.voided_at) {
      tr.className = "voided";
      actions.appendChild(span(T.voided + ": " + issue.void_reason, "badge"));
    } else if (issue.may_void) {  // the server decides who may undo what (meals.services.may_void)
      var undo = button(T.undo, "undo");
      undo.addEventListener("click", function () { askVoid(tr, issue); });
      actions.appendChild(undo);
    }
    return tr;
  }

  function askVoid(tr, issue) {
    var cell = tr.lastChild;
    cell.innerHTML = "";
    var reason = document.createElement("input");
    reason.type = "text";
    reason.className = "void-reason";
    reason.maxLength = 500;
    reason.value = T.defaultVoidReason;
    reason.setAttribute("aria-label", T.voidReason);
    var confirm = button(T.confirmUndo, "danger confirm-undo");
    var cancel = button(T.cancel, "cancel-undo");
    confirm.addEventListener("click", function () { sendVoid(issue, reason.value.trim(), cell); });
    cancel.addEventListener("click", function () { refreshRecent(); lookup.focus(); });
    reason.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); confirm.click(); }
      if (event.key === "Escape") { event.preventDefault(); cancel.click(); }
    });
    cell.appendChild(reason);
    cell.appendChild(confirm);
    cell.appendChild(cancel);
    reason.focus();
    reason.select();
  }

  function sendVoid(issue, reason, cell) {
    if (!reason) return;
    api("POST", cfg.urls.void.replace("{id}", issue.id), { reason: reason }).then(function (reply) {
      if (reply.status !== 200) {
        var detail = (reply.data && (reply.data.detail || (reply.data.reason || []).join(" "))) || reply.status;
        cell.appendChild(span(format(T.voidRefused, { detail: detail }), "error"));
        return;
      }
      showOffline("");
      refresh();
      if (current && current.resident.id === issue.resident.id) check({ resident: issue.resident.id });
      lookup.focus();
    }, networkFailed);
  }

  /* --- Small DOM helpers ------------------------------------------------------------------ */

  function span(text, className) {
    var s = document.createElement("span");
    s.className = className || "";
    s.textContent = text;
    return s;
  }

  function item(text, className) {
    var li = document.createElement("li");
    li.className = className;
    li.textContent = text;
    return li;
  }

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    return b;
  }

  function row(cells) {
    var tr = document.createElement("tr");
    cells.forEach(function (text) {
      var td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  }

  /* --- Keyboard: the field keeps the focus ------------------------------------------------ */

  function onEnter() {
    var text = lookup.value.trim();
    if (!text) {
      if (found.length && !results.hidden) return choose(selected);
      return issueMeal();
    }
    window.clearTimeout(searchTimer);
    if (/^\d+$/.test(text)) {
      // A card scan: the scanner typed the digits and Enter.
      lookup.value = "";
      return check({ card: text });
    }
    if (foundFor === text && found.length) return choose(selected);
    search(text).then(function (list) { if (list && list.length === 1) choose(0); });
  }

  $("lookup-form").addEventListener("submit", function (event) {
    event.preventDefault();
    onEnter();
  });

  lookup.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!found.length) return;
      event.preventDefault();
      selected = (selected + (event.key === "ArrowDown" ? 1 : found.length - 1)) % found.length;
      highlight();
    } else if (event.key === "Escape") {
      event.preventDefault();
      lookup.value = "";
      hideResults();
      clearResident();
    }
  });

  lookup.addEventListener("input", function () {
    window.clearTimeout(searchTimer);
    var text = lookup.value.trim();
    if (text.length < 2 || /^\d+$/.test(text)) return;
    searchTimer = window.setTimeout(function () { search(text); }, 250);
  });

  // Clicking anywhere that is not a control gives the focus back to the field.
  lookup.addEventListener("blur", function (event) {
    if (event.relatedTarget) return;
    window.setTimeout(function () {
      if (!document.activeElement || document.activeElement === document.body) lookup.focus();
    }, 0);
  });
  document.addEventListener("keydown", function (event) {
    var onBody = document.activeElement === document.body || !document.activeElement;
    if (onBody && event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey) lookup.focus();
  });
  [takeaway, collectedBy].forEach(function (control) {
    control.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); issueMeal(); lookup.focus(); }
      if (event.key === "Escape") { event.preventDefault(); lookup.focus(); }
    });
  });
  issueButton.addEventListener("click", function () { issueMeal(); lookup.focus(); });

  window.addEventListener("online", function () { if (pending) sendPending(); refresh(); });
  window.addEventListener("offline", function () { networkFailed(); });

  refresh();
  window.setInterval(refreshSummary, SUMMARY_EVERY_MS);
  lookup.focus();
})();
