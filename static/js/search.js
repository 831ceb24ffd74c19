// Search over the site's search-index.json, in the browser. The form also
// works as a plain link target: /search/?q=jujuy.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var base = form.getAttribute("data-base");
  var index = null;
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (e) {
      var t = fold(e.t + " " + e.k + " " + (e.x || ""));
      return words.every(function (w) { return t.indexOf(w) >= 0; });
    });
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results");
    hits.slice(0, 200).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + e.p;
      a.textContent = e.t;
      var k = document.createElement("span");
      k.className = "level";
      k.textContent = " " + e.k;
      li.appendChild(a);
      li.appendChild(k);
      list.appendChild(li);
    });
  }
  fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; }
    show();
    input.addEventListener("input", function () {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      show();
    });
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); show(); });
})();
