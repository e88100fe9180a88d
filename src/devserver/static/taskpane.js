// Placeholder task pane: tells the user whether Klarbrev runs inside Word. Plain script (no
// build step), loaded after Office.js; works when the CDN is unreachable (Office undefined).
(function () {
  "use strict";

  var OUTSIDE = "Åbn Klarbrev inde i Word: vælg Tjek brev under fanen Hjem.";
  var READY = "Klarbrev er forbundet til dokumentet.";
  /** Office.js never answering (blocked, offline host page) counts as outside Word. */
  var TIMEOUT_MS = 5000;

  function show(text, state) {
    var status = document.getElementById("status");
    if (!status) return;
    status.textContent = text;
    status.setAttribute("data-state", state);
  }

  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    show(OUTSIDE, "outside");
    return;
  }
  var timer = setTimeout(function () {
    show(OUTSIDE, "outside");
  }, TIMEOUT_MS);
  Office.onReady(function (info) {
    clearTimeout(timer);
    if (info && info.host === Office.HostType.Word) show(READY, "ready");
    else show(OUTSIDE, "outside");
  });
})();
