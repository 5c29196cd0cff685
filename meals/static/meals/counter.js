/* The meal counter: one always-focused field for card scans and names, one key to issue.
 *
 * Talks to the JSON API with the session cookie and the CSRF header; no page reloads.
 * Each issue attempt gets its own client_ref, reused on every retry of that attempt, so a
 * request whose answer was lost is never recorded twice.
 *
 * Without the network it keeps serving from the day's pack on the device (offline.js): the
 * same keys and screens, meals queued locally and sent, in order, when the network returns
 * (docs/counter.md).
 */
(function () {
  "use strict";

  var cfg = JSON.parse(document.getElementById("counter-config").textContent);
  var csrf = document.getElementById("csrf-token").value;
  var store = window.CounterStore;
  var T = cfg.text;
  var SUMMARY_EVERY_MS = 15000;
  var PACK_EVERY_MS = 5 * 60 * 1000;
  var PROBE_EVERY_MS = 5000;
  var CLOCK_KEY = "cps-counter-clock-offset";

  function $(id) { return document.getElementById(id); }
  var lookup = $("lookup"), results = $("results"), residentBox = $("resident"), stateBox = $("state");
  var offlineBar = $("offline"), issueButton = $("issue"), takeaway = $("takeaway"), collectedBy = $("collected-by");

  var seq = 0;           // bumped by every new input: what was looked up for an older input is dropped
  var current = null;    // the state shown, for input number current.seq, or null
  var found = [];        // search results shown
  var foundFor = null;   // the text they were found for
  var selected = -1;     // the highlighted result; none until chosen with the arrows or a tap
  var pending = null;    // an online issue attempt not answered yet
  var searchTimer = null;
  var mode = { offline: false, manual: false, sessionLost: false };
  var pack = null;       // the day's list on this device (offline.js)
  var queue = [];        // this user's meals served offline: {state: "waiting" | "refused", ...}
  var sending = [];      // queued meals on their way to the server
  var mayResend = true;  // false from a failed request until the server answers again
  var SYNC_WINDOW = 16;  // meals sent at once (bench.offline_sync: 200 queued in 4.0 s; 4 at once took 6.9 s)
  // Server time minus device time, from the Date header of the last answer: offline meals carry
  // the server's clock, not a tablet's that may be minutes off.
  var clockOffset = Number(window.localStorage.getItem(CLOCK_KEY)) || 0;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return values[key] === undefined ? all : values[key]; });
  }

  function now() { return new Date(Date.now() + clockOffset); }

  var warsawTime = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit" });
  var warsawDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" });

  function hhmm(iso) { return iso ? warsawTime.format(new Date(iso)) : ""; }
  function today() { return warsawDay.format(now()); }

  function newClientRef() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* --- HTTP ------------------------------------------------------------------------------- */

  // Resolves {status, data}; rejects when there is no usable answer (no network, or a 5xx).
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
      learnClock(response);
      if (response.status >= 500) throw new Error("server error " + response.status);
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 401) sessionLost();
        return { status: response.status, data: data };
      });
    });
  }

  function learnClock(response) {
    var date = Date.parse(response.headers.get("Date") || "");
    if (!date) return;
    clockOffset = date - Date.now();
    window.localStorage.setItem(CLOCK_KEY, String(clockOffset));
  }

  function withQuery(url, params) {
    var query = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    return url + (url.indexOf("?") < 0 ? "?" : "&") + query;
  }

  /* --- Online and offline ----------------------------------------------------------------- */

  function waitingCount() { return queue.filter(function (item) { return item.state === "waiting"; }).length; }

  // The banner stays while the counter is offline or anything waits to be sent.
  function renderMode() {
    var waiting = waitingCount();
    var lines = [];
    if (mode.sessionLost) lines.push(T.sessionLost);
    if (mode.offline) lines.push(mode.manual ? T.offlineManual : T.offlineAuto);
    if (waiting) lines.push(format(T.waiting, { count: waiting }));
    offlineBar.textContent = lines.join(" ");
    offlineBar.hidden = !lines.length;
    offlineBar.setAttribute("data-waiting", waiting);
    document.body.classList.toggle("counter-offline", mode.offline);
    $("mode-switch").textContent = mode.offline ? T.goOnline : T.goOffline;
    $("pack-age").textContent = pack ? format(T.packAge, { time: hhmm(pack.generated_at), count: pack.residents.length }) : T.noPack;
    renderQueue();
  }

  function goOffline(manual) {
    mayResend = false;
    if (!mode.offline) window.setTimeout(probe, PROBE_EVERY_MS);
    mode.offline = true;
    mode.manual = mode.manual || !!manual;
    renderMode();
  }

  // While offline, ask the server now and then; once it answers, send the queue, then go online.
  function probe() {
    if (!mode.offline || mode.manual) return;
    api("GET", cfg.urls.summary).then(function (reply) {
      if (reply.status !== 200) return window.setTimeout(probe, PROBE_EVERY_MS);
      mayResend = true;
      sync();
    }, function () { window.setTimeout(probe, PROBE_EVERY_MS); });
  }

  function backOnline() {
    mode.offline = false;
    mode.manual = false;
    renderMode();
    refresh();
    refreshPack();
  }

  function sessionLost() {
    mode.sessionLost = true;
    renderMode();
  }

  function networkFailed() { goOffline(false); }

  /* --- Looking people up ------------------------------------------------------------------ */

  function check(params) {
    var asked = seq;
    hideResults();
    if (mode.offline) return showState(localCheck(params));
    api("GET", withQuery(cfg.urls.check, params)).then(function (reply) {
      if (asked !== seq) return; // a newer input came meanwhile
      if (reply.status === 200) showState(reply.data);
      else if (reply.status !== 401 && reply.status !== 403) showUnknown(T.unknown);
    }, function () {
      networkFailed();
      if (asked === seq) showState(localCheck(params));
    });
  }

  // What the server's check says, from the pack and the queue on this device.
  function localCheck(params) {
    var resident = params.card !== undefined ? store.findCard(pack, params.card) : store.findResident(pack, params.resident);
    if (!resident) return null;
    var mine = queue.filter(function (item) { return item.resident.id === resident.id && item.state === "waiting"; })[0];
    if (mine) return { state: "already_issued", local: true, resident: resident, issue: { issued_at: mine.issued_at, queued: true } };
    if (resident.issued_at) return { state: "already_issued", local: true, resident: resident, issue: { issued_at: resident.issued_at } };
    return { state: "may_eat", local: true, resident: resident, reasons: [] };
  }

  function search(text) {
    var asked = seq;
    if (mode.offline) return Promise.resolve(showResults(text, store.search(pack, text)));
    return api("GET", withQuery(cfg.urls.search, { search: text })).then(function (reply) {
      if (asked !== seq || lookup.value.trim() !== text) return null; // typed on meanwhile: a newer search follows
      return showResults(text, reply.status === 200 ? reply.data.results : []);
    }, function () {
      networkFailed();
      return asked === seq ? showResults(text, store.search(pack, text)) : null;
    });
  }

  function showResults(text, list) {
    found = list;
    foundFor = text;
    selected = list.length === 1 ? 0 : -1; // namesakes: nobody is picked for the staff
    results.innerHTML = "";
    if (!list.length) results.appendChild(item(mode.offline ? T.noMatchOffline : T.noMatch, "muted"));
    list.forEach(function (person, index) {
      var li = item(person.last_name + " " + person.first_name, "result");
      li.setAttribute("role", "option");
      li.appendChild(span(" " + identity(person), "identity"));
      if (person.issued_at) li.appendChild(span(" · " + format(T.served, { time: hhmm(person.issued_at) }), "badge warn"));
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { choose(index); });
      results.appendChild(li);
    });
    if (list.length > 1) results.insertBefore(item(T.chooseOne, "hint"), results.firstChild);
    results.hidden = false;
    highlight();
    return found;
  }

  // "ur. 1956 · Cisowa · karta 0000018": what tells two people of the same name apart.
  function identity(person) {
    var parts = [];
    if (person.birth_year) parts.push(format(T.born, { year: person.birth_year }));
    if (person.street) parts.push(person.street);
    if (person.card_number) parts.push(format(T.card, { number: person.card_number }));
    return parts.join(" · ");
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
    seq += 1;
    check({ resident: person.id });
    lookup.focus();
  }

  function hideResults() {
    results.hidden = true;
    results.innerHTML = "";
    found = [];
    foundFor = null;
    selected = -1;
  }

  // Several people found and none chosen: Enter asks for a choice instead of picking one.
  function askForChoice() {
    var hint = results.querySelector(".hint");
    if (hint) hint.classList.add("attention");
  }

  /* --- The resident's state --------------------------------------------------------------- */

  function showState(data) {
    if (!data) return showUnknown(mode.offline ? T.notInPack : T.unknown);
    current = data;
    current.seq = seq;
    takeaway.checked = false;
    collectedBy.value = "";
    residentBox.hidden = false;
    $("resident-name").textContent = data.resident.last_name + " " + data.resident.first_name;
    $("resident-identity").textContent = identity(data.resident);
    renderFlags(data.resident);
    renderState();
  }

  function renderState() {
    var reasons = $("reasons");
    reasons.textContent = "";
    $("issue-box").hidden = current.state !== "may_eat";
    if (current.state === "may_eat") {
      setState("ok", T.mayEat, "may_eat");
      reasons.textContent = current.local ? T.pressEnterOffline : T.pressEnter;
    } else if (current.state === "queued") {
      setState("queued", T.queued, "queued");
      reasons.textContent = format(T.queuedAt, { time: hhmm(current.issue.issued_at) });
    } else if (current.state === "already_issued") {
      renderServed(current.issue);
    } else {
      setState("bad", T.notEligible, "not_eligible");
      reasons.textContent = (current.reasons || []).map(function (code) { return cfg.reasons[code] || code; }).join("; ");
    }
    issueButton.disabled = !!pending;
    issueButton.textContent = pending ? T.saving : T.issue;
  }

  function renderServed(issue) {
    if (current.justServed) return setState("done", format(T.served, { time: hhmm(issue.issued_at) }), "served");
    var text = issue.queued ? format(T.alreadyQueued, { time: hhmm(issue.issued_at) })
      : issue.issued_by ? format(T.alreadyServed, { time: hhmm(issue.issued_at), who: issue.issued_by_name || issue.issued_by })
      : format(T.alreadyServedPack, { time: hhmm(issue.issued_at) });
    setState("warn", text, "already_issued");
  }

  function setState(kind, text, name) {
    stateBox.className = "state " + kind;
    stateBox.textContent = text;
    stateBox.setAttribute("data-state", name);
  }

  function showUnknown(text) {
    current = null;
    residentBox.hidden = false;
    $("issue-box").hidden = true;
    $("resident-name").textContent = "";
    $("resident-identity").textContent = "";
    $("flags").innerHTML = "";
    $("reasons").textContent = "";
    setState("bad", text, "unknown");
  }

  // Diet tags are information; allergies are a warning and look like one.
  function renderFlags(resident) {
    var flags = $("flags");
    flags.innerHTML = "";
    (resident.diet || []).forEach(function (code) {
      flags.appendChild(span(cfg.diets[code] || code, "badge diet"));
    });
    if (resident.allergies) {
      var allergy = span(T.allergies + ": " + resident.allergies, "badge allergy");
      allergy.setAttribute("role", "alert");
      flags.appendChild(allergy);
    }
  }

  // Any new input: the person on screen belongs to the old one, so they go at once.
  function forgetShown() {
    seq += 1;
    current = null;
    residentBox.hidden = true;
  }

  /* --- Issuing ---------------------------------------------------------------------------- */

  function issueMeal() {
    if (pending || !current || current.seq !== seq || current.state !== "may_eat") return;
    var attempt = {
      client_ref: newClientRef(),
      resident: current.resident,
      takeaway: takeaway.checked,
      collected_by: collectedBy.value.trim(),
      issued_at: now().toISOString(),
    };
    if (mode.offline) return enqueue(attempt);
    pending = attempt;
    renderState();
    api("POST", cfg.urls.issues, issueBody(attempt)).then(function (reply) {
      pending = null;
      issueAnswered(attempt, reply);
    }, function () {
      // No answer: it may or may not have been recorded. The queue resends it with its client_ref.
      pending = null;
      networkFailed();
      enqueue(attempt);
    });
  }

  function issueBody(attempt, offline) {
    var body = {
      resident: attempt.resident.id,
      takeaway: attempt.takeaway,
      collected_by: attempt.collected_by,
      client_ref: attempt.client_ref,
    };
    if (offline) {
      body.issued_at = attempt.issued_at;
      body.source = "offline";
    }
    return body;
  }

  function showsAttempt(attempt) { return current && current.resident.id === attempt.resident.id; }

  function issueAnswered(attempt, reply) {
    var data = reply.data || {};
    if (!showsAttempt(attempt)) return refresh();
    var resident = current.resident;
    if (reply.status === 201 || reply.status === 200) {
      current = { state: "already_issued", justServed: true, resident: resident, issue: data, seq: current.seq };
    } else if (reply.status === 409 && data.code === "already_issued") {
      current = { state: "already_issued", resident: resident, issue: data.issue, seq: current.seq };
    } else if (reply.status === 422) {
      current = { state: "not_eligible", resident: resident, reasons: data.reasons || [], seq: current.seq };
    } else if (reply.status === 404) {
      return showUnknown(T.unknown);
    }
    renderState();
    refresh();
  }

  /* --- The queue of meals served offline -------------------------------------------------- */

  function enqueue(attempt) {
    var entry = Object.assign({}, attempt, { user: cfg.user, state: "waiting", seq: Date.now() });
    queue.push(entry);
    if (showsAttempt(attempt)) {
      current = { state: "queued", resident: attempt.resident, issue: { issued_at: attempt.issued_at }, seq: current.seq };
      renderState();
    }
    renderMode();
    // Kept on the device before anything else can happen to the page; in memory only without IndexedDB.
    return store.putQueued(entry).catch(function () {});
  }

  // Send what waits in the order it was served, a few at a time but never two meals of one person
  // at once (each carries its own moment); at the first failure stop and let the probe retry.
  function sync() {
    if (!mayResend || mode.manual || mode.sessionLost) return;
    var waiting = queue.filter(function (entry) { return entry.state === "waiting"; });
    if (!waiting.length && !sending.length) return mode.offline && backOnline();
    waiting.forEach(function (entry) {
      var busy = sending.some(function (other) { return other === entry || other.resident.id === entry.resident.id; });
      if (!busy && sending.length < SYNC_WINDOW) send(entry);
    });
  }

  function send(entry) {
    sending.push(entry);
    api("POST", cfg.urls.issues, issueBody(entry, true)).then(function (reply) {
      sending.splice(sending.indexOf(entry), 1);
      if (stopsTheQueue(reply)) return;
      settle(entry, reply).then(sync);
    }, function () {
      sending.splice(sending.indexOf(entry), 1);
      goOffline(false);
    });
  }

  // Not a verdict on the meal: the session ended or the user lost the role. Log in, then it is sent.
  function stopsTheQueue(reply) {
    return reply.status === 401 || (reply.status === 403 && reply.data.code !== "earlier_day_not_allowed");
  }

  function settle(entry, reply) {
    if (reply.status === 201 || reply.status === 200) {
      queue.splice(queue.indexOf(entry), 1);
      markServed(entry.resident.id, reply.data.issued_at);
      if (showsAttempt(entry) && current.state === "queued") {
        current = { state: "already_issued", justServed: true, resident: entry.resident, issue: reply.data, seq: current.seq };
        renderState();
      }
      renderMode();
      return store.dropQueued(entry.client_ref);
    }
    // Refused (someone served them meanwhile, no longer eligible, ...): kept and shown, never dropped.
    entry.state = "refused";
    entry.refusal = { status: reply.status, code: reply.data.code || "", detail: reply.data.detail || "", issue: reply.data.issue || null };
    renderMode();
    // Kept on the device before anything else can happen to the page; in memory only without IndexedDB.
    return store.putQueued(entry).catch(function () {});
  }

  function markServed(residentId, issuedAt) {
    var resident = store.findResident(pack, residentId);
    if (!resident) return;
    resident.issued_at = issuedAt;
    store.savePack(cfg.user, pack);
  }

  function renderQueue() {
    var body = $("queue-list");
    body.innerHTML = "";
    queue.forEach(function (entry) { body.appendChild(queueRow(entry)); });
    $("queue").hidden = !queue.length;
  }

  function queueRow(entry) {
    var r = entry.resident;
    var tr = row([hhmm(entry.issued_at), r.last_name + " " + r.first_name + " (" + identity(r) + ")", ""]);
    tr.setAttribute("data-client-ref", entry.client_ref);
    tr.className = entry.state;
    var cell = tr.lastChild;
    if (entry.state === "waiting") {
      cell.appendChild(span(T.toSend, "badge queued"));
      return tr;
    }
    var refusal = entry.refusal || {};
    var detail = refusal.code === "already_issued" && refusal.issue
      ? format(T.conflict, { time: hhmm(refusal.issue.issued_at), who: refusal.issue.issued_by_name || refusal.issue.issued_by })
      : refusal.detail || refusal.code || refusal.status;
    cell.appendChild(span(detail, "badge bad conflict"));
    var seen = button(T.acknowledge, "acknowledge");
    seen.addEventListener("click", function () {
      queue.splice(queue.indexOf(entry), 1);
      store.dropQueued(entry.client_ref).then(renderMode);
      lookup.focus();
    });
    cell.appendChild(seen);
    return tr;
  }

  /* --- The day's pack --------------------------------------------------------------------- */

  function refreshPack() {
    if (mode.offline) return;
    api("GET", cfg.urls.offlinePack).then(function (reply) {
      if (reply.status !== 200) return;
      pack = reply.data;
      queue.forEach(function (entry) { if (entry.state === "waiting") markServed(entry.resident.id, entry.issued_at); });
      store.savePack(cfg.user, pack);
      renderMode();
    }, networkFailed);
  }

  // The paper fallback: the pack as a plain list the browser prints (no diet, no allergy: people sign it).
  function printList() {
    var body = $("print-list");
    body.innerHTML = "";
    (pack ? pack.residents : []).forEach(function (r, index) {
      var name = r.last_name + " " + r.first_name + (r.birth_year ? " (" + r.birth_year + ")" : "");
      body.appendChild(row([String(index + 1), name, r.card_number || "", r.issued_at ? hhmm(r.issued_at) : "", ""]));
    });
    $("print-title").textContent = format(T.printTitle, { day: pack ? pack.date : today(), time: pack ? hhmm(pack.generated_at) : "" });
    window.print();
  }

  /* --- Summary and the last issues -------------------------------------------------------- */

  function refresh() {
    refreshSummary();
    refreshRecent();
  }

  function refreshSummary() {
    if (mode.offline) return;
    api("GET", cfg.urls.summary).then(function (reply) {
      if (reply.status !== 200) return;
      var d = reply.data;
      // Left open overnight: a new Warsaw day starts with a fresh page (never mid-attempt).
      if (d.date !== cfg.today && !pending && !waitingCount()) return window.location.reload();
      $("summary").textContent = d.open ? format(T.summary, { issued: d.issued, expected: d.expected }) : T.closed;
      $("summary").setAttribute("data-issued", d.issued);
      var plan = $("plan");
      plan.hidden = !d.menu && d.portions_planned === null;
      plan.textContent = [d.menu, d.portions_planned === null ? "" : d.portions_planned + " ×"].filter(Boolean).join(" · ");
    }, networkFailed);
  }

  function refreshRecent() {
    if (mode.offline) return;
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
    }, networkFailed);
  }

  function recentRow(issue) {
    var r = issue.resident;
    var details = [];
    if (issue.takeaway) details.push(T.takeaway);
    if (issue.collected_by) details.push(format(T.collectedBy, { name: issue.collected_by }));
    if (issue.source && issue.source !== "counter") details.push(cfg.sources[issue.source] || issue.source);
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
      if (found.length && !results.hidden) return selected < 0 ? askForChoice() : choose(selected);
      return issueMeal();
    }
    window.clearTimeout(searchTimer);
    if (/^\d+$/.test(text)) {
      // A card scan: the scanner typed the digits and Enter.
      lookup.value = "";
      return check({ card: text });
    }
    if (foundFor === text && found.length) return selected < 0 ? askForChoice() : choose(selected);
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
      var step = event.key === "ArrowDown" ? 1 : found.length - 1;
      selected = selected < 0 ? (step === 1 ? 0 : found.length - 1) : (selected + step) % found.length;
      highlight();
    } else if (event.key === "Escape") {
      event.preventDefault();
      lookup.value = "";
      hideResults();
      forgetShown();
    }
  });

  lookup.addEventListener("input", function () {
    forgetShown();
    window.clearTimeout(searchTimer);
    var text = lookup.value.trim();
    if (text !== foundFor) hideResults();
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
  $("mode-switch").addEventListener("click", function () {
    if (mode.offline) {
      mode.manual = false;
      probe();
    } else {
      goOffline(true);
    }
    lookup.focus();
  });
  $("print").addEventListener("click", printList);

  window.addEventListener("online", function () { if (mode.offline) probe(); });
  window.addEventListener("offline", function () { networkFailed(); });

  /* --- Logging out: warn while meals wait, and the day's list leaves the device ------------ */

  document.querySelectorAll("form[action='" + cfg.urls.logout + "']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (waitingCount() && !window.confirm(format(T.logoutWithQueue, { count: waitingCount() }))) return;
      store.forgetPack(cfg.user).catch(function () {}).then(function () { form.submit(); });
    });
  });

  /* --- Start ------------------------------------------------------------------------------ */

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(cfg.urls.serviceWorker, { scope: cfg.urls.counter }).catch(function () {});
  }

  // Without IndexedDB (a locked-down browser) the counter still works online, with nothing kept.
  Promise.all([store.loadPack(cfg.user, today()), store.queued(cfg.user)]).catch(function () {
    return [null, []];
  }).then(function (loaded) {
    pack = loaded[0];
    queue = loaded[1];
    renderMode();
    refresh();
    refreshPack();
    if (waitingCount()) sync();
  });
  window.setInterval(refreshSummary, SUMMARY_EVERY_MS);
  window.setInterval(refreshPack, PACK_EVERY_MS);
  lookup.focus();
})();
