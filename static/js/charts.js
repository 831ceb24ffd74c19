// charts.js draws the atlas's charts. Every chart is a .chart-box with a
// .chart element, its ECharts option in a JSON data block
// (script.chart-data, which no browser runs) and its controls; see
// internal/chart. This script, the page's only chart code, shows the
// boxes, loads one ECharts bundle (the bar charts' small one, or the full
// one when a chart needs it) only when a chart comes near the screen, and
// then draws it. Nothing here blocks the page: it is loaded with defer,
// and a page without JavaScript has the table beside each chart.
//
// The view is kept in the page's URL, so that a permalink reproduces it:
// ?hide=0,3 hides series by index, view=share shows a stacked chart's rows
// as shares, highlight=NAME fades every row but NAME's.
//
// Colours come from the stylesheet's custom properties (--ink, --muted,
// --line, --bg), read again when the colour scheme changes; exports are
// always light, with the chart's title and source line, and a footer with
// its licence and URL.
(function () {
  "use strict";
  var script = document.currentScript;
  var bundles = {
    bars: "../vendor/echarts/echarts.bars.min.js",
    full: "../vendor/echarts/echarts.custom.min.js"
  };
  var light = {ink: "#1b1f24", muted: "#4a5360", line: "#d5dae1", bg: "#ffffff"};

  var charts = [].map.call(document.querySelectorAll(".chart-box"), function (box) {
    var el = box.querySelector(".chart");
    var data = JSON.parse(box.querySelector("script.chart-data").textContent);
    return {box: box, el: el, d: data, base: JSON.stringify(data.option), state: readState()};
  });
  copyButtons();
  if (!charts.length) return;

  var kind = charts.some(function (c) { return c.d.bundle !== "bars"; }) ? "full" : "bars";
  var loading = null;
  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = new URL(bundles[kind], script.src).href;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("cannot load " + s.src)); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  // The URL's state: hidden series, view, highlighted category.
  function readState() {
    var q = new URLSearchParams(location.search);
    var hide = (q.get("hide") || "").split(",").filter(function (s) { return /^\d+$/.test(s); }).map(Number);
    return {hide: hide, view: q.get("view") === "share" ? "share" : "count", highlight: q.get("highlight") || ""};
  }
  function writeState(s) {
    var q = new URLSearchParams(location.search);
    q.delete("hide"); q.delete("view"); q.delete("highlight");
    if (s.hide.length) q.set("hide", s.hide.join(","));
    if (s.view !== "count") q.set("view", s.view);
    if (s.highlight) q.set("highlight", s.highlight);
    var qs = q.toString();
    history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }

  function palette() {
    var cs = getComputedStyle(document.documentElement);
    function v(name, fallback) { return cs.getPropertyValue(name).trim() || fallback; }
    return {ink: v("--ink", light.ink), muted: v("--muted", light.muted), line: v("--line", light.line), bg: v("--bg", light.bg)};
  }
  function theme(p) {
    var axis = function (label) {
      return {
        axisLine: {lineStyle: {color: p.muted}}, axisTick: {lineStyle: {color: p.muted}},
        axisLabel: {color: label}, nameTextStyle: {color: p.muted}, splitLine: {lineStyle: {color: p.line}}
      };
    };
    return {
      backgroundColor: "transparent",
      textStyle: {color: p.ink},
      title: {textStyle: {color: p.ink}, subtextStyle: {color: p.muted}},
      legend: {textStyle: {color: p.ink}, inactiveColor: p.line},
      categoryAxis: axis(p.ink),
      valueAxis: axis(p.muted),
      visualMap: {textStyle: {color: p.ink}}
    };
  }

  function list(x) { return x == null ? [] : Array.isArray(x) ? x : [x]; }
  function num(d) { return typeof d === "object" && d !== null ? Number(d.value) || 0 : Number(d) || 0; }

  // option builds the chart's option for its state from the stored one.
  function option(c, p, forExport) {
    var o = JSON.parse(c.base), opt = o.baseOption || o, s = c.state;
    if (matchMedia("(prefers-reduced-motion: reduce)").matches || forExport) opt.animation = false;
    var series = list(opt.series);
    var selected = {};
    series.forEach(function (sr, i) {
      selected[sr.name] = s.hide.indexOf(i) < 0;
      sr.label = Object.assign({color: p.ink}, sr.label);
      if (sr.type === "map") sr.itemStyle = Object.assign({}, sr.itemStyle, {borderColor: p.bg});
    });
    // The option names the light scheme's title colours; the title follows
    // the palette instead, as the theme does, so that it reads in the dark.
    list(opt.title).forEach(function (t) {
      t.textStyle = Object.assign({}, t.textStyle, {color: p.ink});
      t.subtextStyle = Object.assign({}, t.subtextStyle, {color: p.muted});
    });
    if (series.length > 1) opt.legend = Object.assign({}, list(opt.legend)[0], {selected: selected});
    if (c.d.stacked) stack(opt, series, selected, s);
    if (opt.tooltip) list(opt.tooltip).forEach(function (t) { t.renderMode = "richText"; });
    return o;
  }

  // stack puts each row's total, over the visible series, at the end of its
  // last visible segment; in the share view each segment is its share of
  // that total; a highlighted row keeps its colour and the others fade.
  function stack(opt, series, selected, s) {
    var cats = list(opt.yAxis)[0].data || [];
    var hi = cats.indexOf(s.highlight);
    cats.forEach(function (_, j) {
      var total = 0, last = -1;
      series.forEach(function (sr, i) {
        var n = num(sr.data[j]);
        if (selected[sr.name] && n > 0) { total += n; last = i; }
      });
      series.forEach(function (sr, i) {
        var d = typeof sr.data[j] === "object" && sr.data[j] !== null ? sr.data[j] : {value: sr.data[j]};
        var n = num(d);
        if (s.view === "share") d.value = total ? Math.round(n / total * 1000) / 10 : 0;
        d.label = i === last ? {show: true, position: "right", formatter: String(total)} : {show: false};
        if (hi >= 0) d.itemStyle = Object.assign({}, d.itemStyle, {opacity: j === hi ? 1 : 0.3});
        sr.data[j] = d;
      });
    });
    if (s.view === "share") {
      list(opt.xAxis).forEach(function (x) { x.max = 100; x.name = (x.name || "") + " (%)"; });
    }
  }

  function draw(c) {
    var p = palette();
    echarts.registerTheme("atlas", theme(p));
    if (c.chart) c.chart.dispose();
    var chart = echarts.init(c.el, "atlas", {renderer: "svg"});
    c.chart = chart;
    chart.on("finished", function () { c.el.setAttribute("data-rendered", "true"); });
    chart.on("click", function (e) {
      var links = c.d.links || {};
      if (links[e.name]) location.href = links[e.name];
    });
    chart.on("legendselectchanged", function (e) {
      var series = list((JSON.parse(c.base).baseOption || JSON.parse(c.base)).series);
      c.state.hide = [];
      series.forEach(function (sr, i) { if (e.selected[sr.name] === false) c.state.hide.push(i); });
      update(c);
    });
    chart.setOption(option(c, p, false));
  }

  function update(c) {
    writeState(c.state);
    c.chart.setOption(option(c, palette(), false), {notMerge: true});
  }

  function controls(c) {
    var view = c.box.querySelector("[data-chart-view]"), hi = c.box.querySelector("[data-chart-highlight]");
    if (view && hi) {
      view.value = c.state.view;
      hi.value = c.state.highlight;
      if (hi.value !== c.state.highlight) c.state.highlight = "";
      view.addEventListener("change", function () { c.state.view = view.value; update(c); });
      hi.addEventListener("change", function () { c.state.highlight = hi.value; update(c); });
    }
    var ex = c.box.querySelector(".chart-export");
    [].forEach.call(ex.querySelectorAll("[data-chart-export]"), function (b) {
      b.addEventListener("click", function () { save(c, b.getAttribute("data-chart-export")); });
    });
    c.box.classList.add("drawn");
  }

  // svg renders the chart as it is now, light, with a footer, as an SVG
  // document string.
  function svg(c) {
    var w = c.el.clientWidth || 720, foot = 24, h = (c.el.clientHeight || 400) + foot;
    var o = option(c, light, true), opt = o.baseOption || o;
    opt.backgroundColor = light.bg;
    list(opt.grid).concat(list(opt.visualMap)).forEach(function (g) { g.bottom = (parseFloat(g.bottom) || 0) + foot; });
    var footer = c.d.footer || "";
    if (c.d.url) footer = footer.split(c.d.url).join(new URL(c.d.url, location.href).href);
    opt.title = list(opt.title).concat([{
      text: footer, left: 0, bottom: 4,
      textStyle: {fontSize: 11, fontWeight: "normal", color: light.muted}
    }]);
    echarts.registerTheme("atlas-light", theme(light));
    var x = echarts.init(null, "atlas-light", {renderer: "svg", ssr: true, width: w, height: h});
    x.setOption(o);
    var out = x.renderToSVGString();
    x.dispose();
    var title = list(opt.title)[0] ? list(opt.title)[0].text : "";
    var esc = function (t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;"); };
    out = out.replace(/^<svg[^>]*>/, function (m) { return m + "<title>" + esc(title) + "</title>"; });
    return {text: out, width: w, height: h};
  }

  function save(c, type) {
    var s = svg(c), url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s.text);
    if (type === "svg") return download(url, c.d.file + ".svg");
    var img = new Image();
    img.onload = function () {
      var cv = document.createElement("canvas"), scale = 2;
      cv.width = s.width * scale; cv.height = s.height * scale;
      var g = cv.getContext("2d");
      g.fillStyle = light.bg;
      g.fillRect(0, 0, cv.width, cv.height);
      g.drawImage(img, 0, 0, cv.width, cv.height);
      download(cv.toDataURL("image/png"), c.d.file + ".png");
    };
    img.src = url;
  }

  function download(href, name) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // geo fetches a map chart's GeoJSON; the bundle registers it.
  function geo(c) {
    var m = c.d.map;
    if (!m) return Promise.resolve(null);
    return fetch(m.url).then(function (r) {
      if (!r.ok) throw new Error(m.url + ": HTTP " + r.status);
      return r.json();
    });
  }

  function start(c) {
    Promise.all([load(), geo(c)]).then(function (r) {
      if (r[1]) echarts.registerMap(c.d.map.name, r[1]);
      // Drawing waits for a task of its own, after the bundle's.
      setTimeout(function () {
        draw(c);
        controls(c);
        if (window.ResizeObserver) {
          new ResizeObserver(function () { if (c.chart) c.chart.resize(); }).observe(c.el);
        }
      }, 0);
    });
  }

  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        seen.unobserve(e.target);
        charts.forEach(function (c) { if (c.el === e.target) start(c); });
      });
    }, {rootMargin: "200px 0px"});
    charts.forEach(function (c) { seen.observe(c.el); });
  } else {
    charts.forEach(start);
  }

  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    charts.forEach(function (c) { if (c.chart) draw(c); });
  });

  // copyButtons makes each button[data-copy] copy the text of the element
  // it names (an embed snippet); the text stays selectable without it.
  function copyButtons() {
    [].forEach.call(document.querySelectorAll("button[data-copy]"), function (b) {
      var src = document.getElementById(b.getAttribute("data-copy"));
      if (!src || !navigator.clipboard) return;
      b.hidden = false;
      b.addEventListener("click", function () {
        navigator.clipboard.writeText(src.value || src.textContent).then(function () {
          var done = b.getAttribute("data-copied");
          if (done) b.textContent = done;
        });
      });
    });
  }
})();
