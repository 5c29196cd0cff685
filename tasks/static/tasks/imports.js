// The import page: follow a run in the worker (rows done of total), reload once it has finished.
(function () {
  "use strict";
  var box = document.getElementById("import-run");
  if (!box || !window.fetch) { return; }  // the page still works: reload it
  var bar = document.getElementById("import-progress");
  var done = box.querySelector("[data-role=done]");
  var POLL_MS = 1000;

  function poll() {
    fetch(box.dataset.api, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (run) {
        if (run && (run.status === "done" || run.status === "failed")) { window.location.reload(); return; }
        if (run && bar) { bar.value = run.rows_done; bar.max = run.rows_total; done.textContent = String(run.rows_done); }
        window.setTimeout(poll, POLL_MS);
      })
      .catch(function () { window.setTimeout(poll, POLL_MS * 3); });
  }
  poll();
})();
