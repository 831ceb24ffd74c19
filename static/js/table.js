// Enhances tables marked data-enhance: a text filter and sortable columns.
// The table is complete and readable without this script.
(function () {
  "use strict";
  // The words this script shows: the page's own, from the JSON block
  // atlas-words that pages not in English carry (templates/_base.html,
  // keys js.* of templates/messages/), else the English ones given here,
  // which are en.yaml's. {1}, {2}, ... are the arguments.
  var words = (function () {
    var el = document.getElementById("atlas-words");
    try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
  })();
  function say(key, english) {
    var args = Array.prototype.slice.call(arguments, 2);
    return (words[key] || english).replace(/\{(\d+)\}/g, function (m, n) {
      return n >= 1 && n <= args.length ? String(args[n - 1]) : m;
    });
  }
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
    form.innerHTML = '<label for="' + id + '-q"></label> ' +
      '<input type="search" id="' + id + '-q" autocomplete="off"> ' +
      '<span class="count" role="status" aria-live="polite"></span>';
    form.querySelector("label").textContent = say("table.filter", "Filter rows");
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
      count.textContent = say("table.count", "Showing {1} of {2} rows", shown, rows.length);
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
    // One row has no order to change.
    var heads = (table.tHead && bodies.length === 1 && rows.length > 1) ? table.tHead.rows[0].cells : [];
    // The label of the row of sort buttons, shown where the table is laid
    // out as cards on a phone (see atlas.css), in the page's language.
    var sortLabel = table.getAttribute("data-sort-label");
    if (heads.length && sortLabel) { table.tHead.rows[0].setAttribute("data-label", sortLabel); }
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
