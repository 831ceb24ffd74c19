// Enhances tables marked data-enhance: a text filter and sortable columns.
// The table is complete and readable without this script.
(function () {
  "use strict";
  function text(cell) { return (cell ? cell.textContent : "").trim(); }
  function enhance(table) {
    var bodies = Array.prototype.slice.call(table.tBodies);
    if (!bodies.length) { return; }
    var body = bodies[0];
    var rows = [];
    bodies.forEach(function (b) {
      Array.prototype.forEach.call(b.rows, function (r) {
        if (!r.classList.contains("group")) { rows.push(r); }
      });
    });
    var id = table.id || "table";
    var form = document.createElement("div");
    form.className = "filter";
    form.innerHTML = '<label for="' + id + '-q">Filter rows</label> ' +
      '<input type="search" id="' + id + '-q" autocomplete="off"> ' +
      '<span class="count" role="status" aria-live="polite"></span>';
    table.parentNode.parentNode.insertBefore(form, table.parentNode);
    var input = form.querySelector("input");
    var count = form.querySelector(".count");
    function filter() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r) {
        var t = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return t.indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " rows";
      bodies.forEach(function (b) {
        var g = b.querySelector("tr.group");
        if (g) { g.hidden = !b.querySelector("tr:not(.group):not([hidden])"); }
      });
    }
    input.addEventListener("input", filter);
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; }
    filter();
    // Grouped tables keep their groups: they filter but do not sort.
    var heads = (table.tHead && bodies.length === 1) ? table.tHead.rows[0].cells : [];
    // The label of the row of sort buttons, shown where the table is laid
    // out as cards on a phone (see atlas.css).
    if (heads.length) { table.tHead.rows[0].setAttribute("data-label", "Sort by"); }
    Array.prototype.forEach.call(heads, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = text(a.cells[i]), y = text(b.cells[i]);
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-enhance]"), enhance);
})();
