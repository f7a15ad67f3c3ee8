// Small enhancements; every page works without this script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var KEY = "kennisbank-focus";

  // Ticking a filter or choosing a sort order submits the form at once.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.form || target.form.id !== "zoekformulier") return;
    if (target.matches(".facet input[type=checkbox], select[name=sort]")) {
      // Remember where the user was, so focus returns there after the page reloads.
      try { sessionStorage.setItem(KEY, target.id); } catch (e) { /* storage may be blocked */ }
      target.form.submit();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var id = null;
    try { id = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { /* ignore */ }
    if (!id) return;
    var element = document.getElementById(id);
    if (!element) return;
    var details = element.closest("details");
    if (details) details.open = true;
    element.focus();
  });
})();
