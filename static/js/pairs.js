// The filter of the map of pairs (its chart page). The form stays hidden
// without JavaScript; with it, choosing a partner country or a kind of
// agreement keeps only the lines that match and the points at their ends,
// says how many are shown, and keeps the choice in the URL
// (?partner=JP&kind=friendship), so that a link reproduces the view. The
// lines' data items carry partner, kind and ends (internal/chart,
// NewPairMap). It finds the chart by its element, whenever the chart
// script has drawn it; the chart script draws it only when the reader
// reaches for it, and a filter (chosen, or in the URL) is that.
(function () {
  "use strict";
  var form = document.querySelector("form.chart-filter");
  if (!form) { return; }
  var el = document.getElementById(form.getAttribute("data-chart"));
  var out = form.querySelector("output");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var full = null; // the series' data as first drawn, by series id
  var drawn = null; // the chart instance full was read from
  var params = new URLSearchParams(location.search);
  selects.forEach(function (s) {
    var v = params.get(s.name);
    if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) { s.value = v; }
  });
  // A filter in the URL draws the chart at once.
  if (el && selects.some(function (s) { return s.value; })) {
    el.setAttribute("data-want", "true");
    el.dispatchEvent(new Event("atlas:want"));
  }
  function instance() {
    return el && window.echarts && window.echarts.getInstanceByDom(el);
  }
  // want asks the chart script to draw the chart, which waits for the
  // reader (a filter is the reader reaching for it).
  function want() {
    if (!el || el.getAttribute("data-want")) { return; }
    el.setAttribute("data-want", "true");
    el.dispatchEvent(new Event("atlas:want"));
  }
  function apply() {
    var chart = instance();
    if (!chart) { want(); return; }
    var series = chart.getOption().series;
    if (chart !== drawn) {
      // A new drawing (the first, or a redraw in another colour scheme):
      // its data are the whole map.
      drawn = chart;
      full = {};
      series.forEach(function (s) { full[s.id] = s.data; });
    }
    var want = {};
    selects.forEach(function (s) { want[s.name] = s.value; });
    var ends = {}, shown = 0, update = [];
    series.forEach(function (s) {
      if (s.type !== "lines") { return; }
      var data = full[s.id].filter(function (d) {
        return (!want.partner || d.partner === want.partner) && (!want.kind || d.kind === want.kind);
      });
      data.forEach(function (d) { ends[d.ends[0]] = true; ends[d.ends[1]] = true; });
      shown += data.length;
      update.push({id: s.id, data: data});
    });
    var any = want.partner || want.kind;
    series.forEach(function (s) {
      if (s.type !== "scatter") { return; }
      update.push({id: s.id, data: any ? full[s.id].filter(function (d) { return ends[d.name]; }) : full[s.id]});
    });
    chart.setOption({series: update});
    out.textContent = out.getAttribute("data-status").replace("{n}", shown);
    var q = new URLSearchParams(location.search);
    selects.forEach(function (s) { if (s.value) { q.set(s.name, s.value); } else { q.delete(s.name); } });
    var qs = q.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.hidden = false;
  // Apply the choice once the chart has drawn, and again whenever the
  // chart script draws it anew: it sets data-rendered on its element after
  // every drawing. Only a new instance is filtered, so that the filter's
  // own redrawing does not start it again.
  if (el) {
    var check = function () {
      var chart = instance();
      if (el.getAttribute("data-rendered") === "true" && chart && chart !== drawn) { apply(); }
    };
    new MutationObserver(check).observe(el, {attributes: true, attributeFilter: ["data-rendered"]});
    check();
  }
})();
