/* Behaviour every page shares. No inline script anywhere: the Content-Security-Policy forbids it. */
(function () {
  "use strict";
  /* <form data-confirm="Delete this row?"> asks before it is sent. */
  document.addEventListener("submit", function (event) {
    var message = event.target.dataset ? event.target.dataset.confirm : null;
    if (message && !window.confirm(message)) { event.preventDefault(); }
  }, true);
})();
