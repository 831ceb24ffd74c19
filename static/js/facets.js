// Enhances the list of agreements. The facet links work without it; with
// it, ticking facet values filters the rows on this page at once, and the
// choice is kept in the URL (?kind=sister-city&level=province), so that a
// link reproduces it. It also sends an old link to an agreement's row
// (/agreements/#id) to the agreement's own page when the row is not here.
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
  var list = document.querySelector("table.records");
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash && /^[a-z0-9-]+$/.test(hash) && !document.getElementById(hash)) {
    var home = document.querySelector("a.brand");
    if (home) { location.replace(home.getAttribute("href") + "agreements/" + hash + "/"); return; }
  }
  if (!list) { return; }
  var rows = Array.prototype.slice.call(list.querySelectorAll("tr[data-facets]"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("details.facet"));
  var chosen = {};
  var params = new URLSearchParams(location.search);
  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var tags = " " + r.getAttribute("data-facets") + " ";
      var ok = Object.keys(chosen).every(function (k) {
        return chosen[k].length === 0 || chosen[k].some(function (v) { return tags.indexOf(" " + k + ":" + v + " ") >= 0; });
      });
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    var q = new URLSearchParams();
    Object.keys(chosen).forEach(function (k) { chosen[k].forEach(function (v) { q.append(k, v); }); });
    var s = q.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    status.textContent = s ? say("facets.count", "Showing {1} of {2} rows on this page", shown, rows.length) : "";
  }
  var status = document.createElement("p");
  status.className = "facet-status";
  status.setAttribute("role", "status");
  list.parentNode.parentNode.insertBefore(status, list.parentNode);
  boxes.forEach(function (box) {
    var key = box.getAttribute("data-facet");
    chosen[key] = params.getAll(key);
    Array.prototype.forEach.call(box.querySelectorAll("li"), function (li) {
      var value = li.getAttribute("data-value");
      if (!value) { return; }
      var input = document.createElement("input");
      input.type = "checkbox";
      input.id = "f-" + key + "-" + value;
      input.checked = chosen[key].indexOf(value) >= 0;
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.className = "visually-hidden";
      label.textContent = say("facets.only", "Show only this page's rows with {1}", li.textContent.trim());
      li.insertBefore(label, li.firstChild);
      li.insertBefore(input, li.firstChild);
      input.addEventListener("change", function () {
        chosen[key] = chosen[key].filter(function (v) { return v !== value; });
        if (input.checked) { chosen[key].push(value); }
        apply();
      });
    });
  });
  apply();
})();
