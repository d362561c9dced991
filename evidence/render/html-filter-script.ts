/**
 * The report's only script, inline: reveals the filter boxes (hidden without JavaScript, so the
 * page degrades to every row shown), hides the rows of a table that do not contain the typed
 * text, and opens every folded evidence list before printing so paper shows all evidence.
 */
export const HTML_FILTER_SCRIPT = `
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-filter-for]");
  Array.prototype.forEach.call(inputs, function (input) {
    var table = document.getElementById(input.getAttribute("data-filter-for"));
    if (!table) return;
    var box = input.closest(".filter");
    var count = box.querySelector(".filter-count");
    var rows = table.tBodies[0].rows;
    box.hidden = false;
    var apply = function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) shown++;
      });
      count.textContent = words.length ? shown + " / " + rows.length + " 行 rows" : "";
    };
    input.addEventListener("input", apply);
    apply();
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
`;
