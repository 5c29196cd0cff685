/* Show which district the street register gives the typed street, before saving.
   The URL and the words come from the hint's data attributes (no inline script: the CSP forbids it). */
(function () {
  "use strict";
  var street = document.getElementById("id_street");
  var hint = document.getElementById("district-hint");
  if (!street || !hint) { return; }
  var labels = JSON.parse(document.getElementById("district-labels").textContent);
  var timer = null;
  function lookUp() {
    var value = street.value.trim();
    if (!value) { hint.textContent = ""; return; }
    fetch(hint.dataset.url + "?street=" + encodeURIComponent(value), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        hint.textContent = data.district ? hint.dataset.inRegister + " " + labels[data.district]
                                         : hint.dataset.notInRegister;
      })
      .catch(function () { hint.textContent = ""; });
  }
  street.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookUp, 300); });
  lookUp();
})();
