// charts.js runs the atlas's charts. Every chart is a .chart-box with its
// image, a JSON data block (script.chart-data, which no browser runs) and
// its controls; see internal/chart. Bar charts and the map of agreements
// are drawn at build time, as SVG (svg.chart-svg): this script only runs
// their controls and exports, and loads no chart library. The others (the
// map of pairs, the timeline) are a .chart element, holding a static
// drawing of the chart from the build, and an ECharts option in the data
// block: for them this script loads the ECharts bundle only when the
// reader reaches for the chart (see "demand" below), and then draws it in
// the drawing's place. Nothing here blocks the page: it is loaded with
// defer, and a page without JavaScript has the table beside each chart.
//
// The view is kept in the page's URL, so that a permalink reproduces it:
// ?hide=0,3 hides series by index, view=share shows a stacked chart's rows
// as shares, highlight=NAME fades every row but NAME's.
//
// Colours: the drawn charts' are the stylesheet's (static/charts.css); the
// ECharts theme reads its custom properties (--ink, --muted, --line,
// --bg), again when the colour scheme changes. Exports are always light,
// with the chart's title and source line, and a footer with its licence
// and URL.
(function () {
  "use strict";
  var script = document.currentScript;
  var bundles = {full: "../vendor/echarts/echarts.custom.min.js"};
  var idle = function (f) {
    if (window.requestIdleCallback) window.requestIdleCallback(f); else setTimeout(f, 1);
  };
  var light = {ink: "#1b1f24", muted: "#4a5360", line: "#d5dae1", bg: "#ffffff"};

  var charts = [].map.call(document.querySelectorAll(".chart-box"), function (box) {
    var el = box.querySelector(".chart");
    var data = JSON.parse(box.querySelector("script.chart-data").textContent);
    return {box: box, el: el, d: data, base: JSON.stringify(data.option || null), state: readState()};
  });
  idle(copyButtons);
  // Bar charts are drawn already (SVG from the build); the others need
  // ECharts.
  // Their controls wait for an idle moment: the page is whole without them.
  charts.filter(function (c) { return !c.d.bundle; }).forEach(function (c) { idle(function () { drawn(c); }); });
  charts = charts.filter(function (c) { return c.d.bundle; });
  if (!charts.length) return;

  var kind = "full";
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

  // palette reads the stylesheet's chart colours (static/atlas.css, the
  // --chart-* properties, which have a dark scheme of their own); swap
  // maps each light colour the build writes into an option to the
  // property that gives it in the page's scheme.
  var swap = {
    "#0072b2": "--chart-1", "#009e73": "--chart-2", "#d55e00": "--chart-3", "#cc79a7": "--chart-4",
    "#e69f00": "--chart-5", "#0b5c8c": "--chart-bar", "#e5e7eb": "--chart-map-zero",
    "#c6dbef": "--chart-map-1", "#9ecae1": "--chart-map-2", "#6baed6": "--chart-map-3", "#4292c6": "--chart-map-4",
    "#2171b5": "--chart-map-5", "#08519c": "--chart-map-6", "#08306b": "--chart-map-7"
  };
  function palette() {
    var cs = getComputedStyle(document.documentElement);
    function v(name, fallback) { return cs.getPropertyValue(name).trim() || fallback; }
    var p = {
      ink: v("--chart-ink", v("--ink", light.ink)), muted: v("--chart-muted", v("--muted", light.muted)),
      line: v("--chart-line", v("--line", light.line)), bg: v("--chart-bg", v("--bg", light.bg)),
      border: v("--chart-map-border", light.bg), colour: {}
    };
    Object.keys(swap).forEach(function (hex) { p.colour[hex] = v(swap[hex], hex); });
    return p;
  }
  // recolour replaces the light colours in an option by the palette's.
  function recolour(x, p) {
    if (!p.colour) return x;
    if (typeof x === "string") return p.colour[x.toLowerCase()] || x;
    if (Array.isArray(x)) return x.map(function (y) { return recolour(y, p); });
    if (x && typeof x === "object") {
      Object.keys(x).forEach(function (k) { x[k] = recolour(x[k], p); });
    }
    return x;
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
      if (sr.type === "map") sr.itemStyle = Object.assign({}, sr.itemStyle, {borderColor: p.border || p.bg});
    });
    recolour(opt, p);
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
    // ECharts' drawing takes the place of the build's.
    var still = c.el.querySelector(".chart-preview");
    if (still) still.remove();
    var chart = echarts.init(c.el, "atlas", {renderer: "svg"});
    // The theme follows the page's colours (see static/atlas.css).
    c.el.setAttribute("data-theme", "atlas");
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

  function save(c, type) { toFile(c, svg(c), type); }

  // toFile downloads an SVG export as SVG, or as a PNG at twice its size.
  function toFile(c, s, type) {
    var url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s.text);
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
    if (c.started) return;
    c.started = true;
    Promise.all([load(), geo(c)]).then(function (r) {
      if (r[1]) echarts.registerMap(c.d.map.name, r[1]);
      // Drawing waits for a task of its own, after the bundle's.
      setTimeout(function () {
        draw(c);
        controls(c);
        if (c.pending) save(c, c.pending);
        c.pending = null;
        if (window.ResizeObserver) {
          new ResizeObserver(function () { if (c.chart) c.chart.resize(); }).observe(c.el);
        }
      }, 0);
    });
  }

  // A chart with a preview (its static drawing, from the build) loads the
  // bundle only when the reader reaches for it: a pointer over its box, a
  // touch, focus, a control; or at once when the URL asks for a view, or
  // when another script (the map's filter) sets data-want on its element
  // or sends it "atlas:want". The others load when they come near the
  // screen.
  var later = [];
  charts.forEach(function (c) {
    var s = c.state;
    if (!c.d.demand || s.hide.length || s.view !== "count" || s.highlight || c.el.getAttribute("data-want")) {
      later.push(c);
      return;
    }
    var go = function () { start(c); };
    ["pointerenter", "touchstart", "focusin"].forEach(function (t) { c.box.addEventListener(t, go, {once: true, passive: true}); });
    c.el.addEventListener("atlas:want", go, {once: true});
    // An export asked for before the chart is drawn waits for it.
    [].forEach.call(c.box.querySelectorAll("[data-chart-export]"), function (b) {
      b.addEventListener("click", function () { if (!c.chart) c.pending = b.getAttribute("data-chart-export"); go(); });
    });
  });
  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        seen.unobserve(e.target);
        later.forEach(function (c) { if (c.el === e.target) start(c); });
      });
    }, {rootMargin: "200px 0px"});
    later.forEach(function (c) { seen.observe(c.el); });
  } else {
    later.forEach(start);
  }

  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    charts.forEach(function (c) { if (c.chart) draw(c); });
  });

  // drawn runs a chart drawn at build time: its series checkboxes, view
  // and highlight, and its exports, on both its images (wide and narrow).
  function drawn(c) {
    var svgs = [].slice.call(c.box.querySelectorAll("svg.chart-svg"));
    var boxes = [].slice.call(c.box.querySelectorAll(".chart-series input[data-s]"));
    var view = c.box.querySelector("[data-chart-view]"), hi = c.box.querySelector("[data-chart-highlight]");
    var s = c.state;
    if (hi) {
      hi.value = s.highlight;
      if (hi.value !== s.highlight) s.highlight = "";
    } else {
      s.highlight = "";
    }
    if (view) view.value = s.view; else s.view = "count";
    function apply() {
      boxes.forEach(function (b) { b.checked = s.hide.indexOf(Number(b.getAttribute("data-s"))) < 0; });
      svgs.forEach(function (svg) { layout(c, svg, s); });
    }
    function change() {
      s.hide = boxes.filter(function (b) { return !b.checked; }).map(function (b) { return Number(b.getAttribute("data-s")); });
      if (view) s.view = view.value;
      if (hi) s.highlight = hi.value;
      writeState(s);
      apply();
      svgs.forEach(function (svg) { svg.setAttribute("data-rendered", "true"); });
    }
    svgs.forEach(function (svg) {
      svg.addEventListener("click", function (e) {
        // A bar chart's row, by the name it shows; a map's region, by its
        // data-name.
        var row = e.target.closest && e.target.closest("g.row.linked");
        var region = e.target.closest && e.target.closest(".region.linked");
        var name = row ? (row.querySelector("text.cat") || {}).textContent : region && region.getAttribute("data-name");
        var links = c.d.links || {};
        if (name && links[name]) location.href = links[name];
      });
    });
    boxes.forEach(function (b) { b.addEventListener("change", change); });
    if (view) view.addEventListener("change", change);
    if (hi) hi.addEventListener("change", change);
    // The build drew the default view: only another needs laying out.
    if (s.hide.length || s.view !== "count" || s.highlight) apply();
    [].forEach.call(c.box.querySelectorAll("[data-chart-export]"), function (b) {
      b.addEventListener("click", function () { saveDrawn(c, svgs[0], b.getAttribute("data-chart-export")); });
    });
    svgs.forEach(function (svg) { svg.setAttribute("data-rendered", "true"); });
  }

  // layout places one image's bars for the state: hidden series go, a
  // stacked row's segments close up and its total counts what is shown;
  // the share view draws each row as 100 %; a highlighted row stays, the
  // others fade.
  function layout(c, svg, s) {
    var x0 = Number(svg.getAttribute("data-x0")), plot = Number(svg.getAttribute("data-plot"));
    var max = Number(svg.getAttribute("data-max"));
    var share = c.d.stacked && s.view === "share";
    [].forEach.call(svg.querySelectorAll(".axis[data-view]"), function (a) {
      a.setAttribute("display", (a.getAttribute("data-view") === "share") === share ? "inline" : "none");
    });
    [].forEach.call(svg.querySelectorAll(".legend-item"), function (g) {
      g.setAttribute("opacity", s.hide.indexOf(Number(g.getAttribute("data-s"))) < 0 ? "1" : "0.35");
    });
    [].forEach.call(svg.querySelectorAll("g.row"), function (row) {
      var name = (row.querySelector("text.cat") || {}).textContent;
      var bars = [].slice.call(row.querySelectorAll("rect.bar"));
      var shown = function (el) { return s.hide.indexOf(Number(el.getAttribute("data-s"))) < 0; };
      row.setAttribute("opacity", s.highlight && name !== s.highlight ? "0.3" : "1");
      if (!c.d.stacked) {
        [].forEach.call(row.querySelectorAll("[data-s]"), function (el) { el.setAttribute("display", shown(el) ? "inline" : "none"); });
        return;
      }
      var total = 0;
      bars.forEach(function (b) { if (shown(b)) total += Number(b.getAttribute("data-v")); });
      var scale = share ? (total ? plot / total : 0) : plot / max, x = x0;
      bars.forEach(function (b) {
        var w = shown(b) ? Number(b.getAttribute("data-v")) * scale : 0;
        b.setAttribute("x", x.toFixed(1));
        b.setAttribute("width", w.toFixed(1));
        b.setAttribute("display", w > 0 ? "inline" : "none");
        x += w;
      });
      var t = row.querySelector("text.total");
      if (t) {
        t.textContent = String(total);
        t.setAttribute("x", (x + 4).toFixed(1));
        t.setAttribute("display", total > 0 ? "inline" : "none");
      }
    });
  }

  // exportSVG is a standalone copy of the wide image as it is now: light
  // colours (its attributes; the page's stylesheet is not in the copy),
  // nothing hidden, and a footer with the licence and the URL.
  function exportSVG(c, src) {
    var svg = src.cloneNode(true), ns = "http://www.w3.org/2000/svg";
    var vb = svg.getAttribute("viewBox").split(" ").map(Number), foot = 22;
    [].forEach.call(svg.querySelectorAll('[display="none"]'), function (el) { el.remove(); });
    ["id", "class", "role", "aria-label", "data-rendered", "data-theme", "data-x0", "data-plot", "data-max"].forEach(function (a) { svg.removeAttribute(a); });
    var footer = c.d.footer || "";
    if (c.d.url) footer = footer.split(c.d.url).join(new URL(c.d.url, location.href).href);
    var t = document.createElementNS(ns, "text");
    t.setAttribute("x", "0");
    t.setAttribute("y", String(vb[3] + foot - 6));
    t.setAttribute("font-size", "11");
    t.setAttribute("fill", light.muted);
    t.textContent = footer;
    svg.appendChild(t);
    var bg = document.createElementNS(ns, "rect");
    bg.setAttribute("width", "100%");
    bg.setAttribute("height", "100%");
    bg.setAttribute("fill", light.bg);
    svg.insertBefore(bg, svg.firstChild);
    var title = document.createElementNS(ns, "title");
    title.textContent = (svg.querySelector("text.title") || {}).textContent || "";
    svg.insertBefore(title, svg.firstChild);
    var h = vb[3] + foot;
    svg.setAttribute("viewBox", "0 0 " + vb[2] + " " + h);
    svg.setAttribute("width", String(vb[2]));
    svg.setAttribute("height", String(h));
    return {text: new XMLSerializer().serializeToString(svg), width: vb[2], height: h};
  }

  function saveDrawn(c, src, type) { toFile(c, exportSVG(c, src), type); }

  // copyButtons makes each button[data-copy] copy the text of the element
  // it names (an embed snippet); the text stays selectable without it.
  function copyButtons() {
    [].forEach.call(document.querySelectorAll("button[data-copy]"), function (b) {
      var src = document.getElementById(b.getAttribute("data-copy"));
      if (!src || !navigator.clipboard) return;
      b.addEventListener("click", function () {
        navigator.clipboard.writeText(src.value || src.textContent).then(function () {
          var done = b.getAttribute("data-copied");
          if (done) b.textContent = done;
        });
      });
    });
  }
})();
