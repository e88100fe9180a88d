import { createHash } from "node:crypto";

/**
 * The dashboard's only script: sorting the template table by a column. Buttons in the header
 * cells (keyboard and screen reader friendly), aria-sort on the sorted column, a polite live
 * region saying what happened. No inline handlers: the page's CSP allows this script by its
 * hash and nothing else.
 */
export const SORT_SCRIPT = `(function () {
  "use strict";
  var table = document.getElementById("skabeloner");
  var status = document.getElementById("sortering-status");
  if (!table || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator("da", { numeric: true, sensitivity: "base" });
  function value(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (!numeric) return raw;
    var number = parseFloat(raw.replace(",", "."));
    return isNaN(number) ? -Infinity : number;
  }
  headers.forEach(function (header, column) {
    var button = header.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var numeric = header.getAttribute("data-type") === "number";
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, column, numeric);
        var y = value(b, column, numeric);
        var order = numeric ? x - y : collator.compare(x, y);
        if (order === 0) order = collator.compare(value(a, 0, false), value(b, 0, false));
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      if (status) {
        status.textContent = "Sorteret efter " + button.textContent.trim() + ", " +
          (ascending ? "stigende" : "faldende") + ".";
      }
    });
  });
})();`;

/** `'sha256-...'` for a Content-Security-Policy source list. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
