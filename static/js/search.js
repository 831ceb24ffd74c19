// Search in the browser over the sharded index that internal/search
// builds (its package doc gives the files). The query lives in the URL,
// /search/?q=jujuy, so a result list can be linked and the header's form
// works without this script. A query fetches the manifest, one term shard
// per query term (only shards the manifest lists), and the doc shards of
// the results it shows.
//
// Folding and splitting follow internal/search exactly (Fold, QueryTerms):
// NFKD, every mark removed, NFC, then case folding. Go case-folds with
// cases.Fold; toLowerCase differs for ß and ẞ ("ss") and final ς (σ), which
// fold() maps by hand; TestFoldJS in internal/browsertest compares the two
// on such strings.
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

  var SHOWN = 20; // results shown, whose doc shards are fetched

  var cjkRE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  var hangulRE = /\p{Script=Hangul}/u;
  var wordRE = /[\p{L}\p{Nd}\p{Mn}\p{Mc}]/u;

  function fold(s) {
    return s.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC")
      .toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  // queryTerms is search.QueryTerms: words, and the pairs of a Han or
  // Kana run (its one character when it is one long), without repeats.
  function queryTerms(q) {
    var out = [], word = "";
    function add(t) { if (out.indexOf(t) < 0) { out.push(t); } }
    function flush() { if (word) { add(word); word = ""; } }
    var rs = Array.from(fold(q));
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (cjkRE.test(r)) {
        flush();
        var j = i;
        while (j < rs.length && cjkRE.test(rs[j])) { j++; }
        if (j - i === 1) { add(r); }
        for (var k = i; k + 1 < j; k++) { add(rs[k] + rs[k + 1]); }
        i = j - 1;
      } else if (wordRE.test(r)) {
        word += r;
      } else {
        flush();
      }
    }
    flush();
    return out;
  }

  // shardKey is search.ShardKey.
  function shardKey(term) {
    var rs = Array.from(term);
    return rs.length < 2 || cjkRE.test(rs[0]) || hangulRE.test(rs[0]) ? rs[0] : rs[0] + rs[1];
  }

  // shardFor is search.ShardFor: a large shard is split by the first
  // three characters of its longer terms.
  function shardFor(term, listed) {
    var key = shardKey(term), rs = Array.from(term);
    if (Array.from(key).length === 2 && rs.length > 2 && listed(rs.slice(0, 3).join(""))) {
      return rs.slice(0, 3).join("");
    }
    return key;
  }

  // shardFile is the name of a key's term shard: its UTF-8 bytes in hex.
  function shardFile(key) {
    return "t/" + Array.from(new TextEncoder().encode(key), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("") + ".json";
  }

  window.atlasSearch = { fold: fold, queryTerms: queryTerms, shardKey: shardKey, shardFor: shardFor, shardFile: shardFile }; // for the browser tests

  var form = document.querySelector("form.search[data-index]");
  if (!form) { return; }
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var base = form.getAttribute("data-base");
  var indexURL = new URL(form.getAttribute("data-index"), location.href);
  var cache = {};

  function get(name) {
    var u = new URL(name, indexURL).href;
    if (!cache[u]) {
      cache[u] = fetch(u).then(function (r) {
        if (!r.ok) { throw new Error(u + ": " + r.status); }
        return r.json();
      });
    }
    return cache[u];
  }

  // lookup is search.Lookup: every term must match, the last as a prefix,
  // the others exactly; an exact match scores twice a prefix. A posting
  // is (doc - previous doc)*8 + score.
  function lookup(terms, manifest) {
    var listed = new Set(manifest.shards);
    var has = function (k) { return listed.has(k); };
    var keys = terms.map(function (t) { return shardFor(t, has); });
    if (keys.some(function (k) { return !listed.has(k); })) {
      return Promise.resolve([]);
    }
    return Promise.all(keys.map(function (k) { return get(shardFile(k)); })).then(function (shards) {
      var scores = null;
      terms.forEach(function (term, i) {
        var last = i === terms.length - 1, found = new Map();
        Object.keys(shards[i]).forEach(function (t) {
          var weight = t === term ? 2 : (last && t.startsWith(term) ? 1 : 0);
          if (!weight) { return; }
          var doc = 0;
          shards[i][t].forEach(function (p) {
            doc += Math.floor(p / 8);
            found.set(doc, Math.max(found.get(doc) || 0, weight * (p % 8)));
          });
        });
        if (!scores) { scores = found; return; }
        scores.forEach(function (s, doc) {
          if (found.has(doc)) { scores.set(doc, s + found.get(doc)); } else { scores.delete(doc); }
        });
      });
      var hits = Array.from(scores, function (e) { return { doc: e[0], score: e[1] }; });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return hits;
    });
  }

  // snippet appends to el up to about 200 characters of text around its
  // first word matching a term, every matching word in a <mark>.
  function snippet(el, text, terms) {
    var parts = [], re = /[\p{L}\p{Nd}\p{M}]+/gu, m, at = -1;
    function matches(w) {
      var f = fold(w);
      return terms.some(function (t) {
        return cjkRE.test(t) ? f.indexOf(t) >= 0 : f.startsWith(t);
      });
    }
    while ((m = re.exec(text)) !== null) {
      if (matches(m[0])) {
        parts.push([m.index, m.index + m[0].length]);
        if (at < 0) { at = m.index; }
      }
    }
    var from = Math.max(0, at - 80), to = Math.min(text.length, Math.max(at, 0) + 160);
    if (from > 0) { from = text.indexOf(" ", from) + 1 || from; }
    var pos = from;
    if (from > 0) { el.appendChild(document.createTextNode("…")); }
    parts.forEach(function (p) {
      if (p[0] < pos || p[1] > to) { return; }
      el.appendChild(document.createTextNode(text.slice(pos, p[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(p[0], p[1]);
      el.appendChild(mark);
      pos = p[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos, to)));
    if (to < text.length) { el.appendChild(document.createTextNode("…")); }
  }

  function item(row, terms) {
    var li = document.createElement("li");
    var type = document.createElement("span");
    type.className = "type";
    type.textContent = row[2];
    var a = document.createElement("a");
    a.href = base + row[0];
    a.textContent = row[1];
    li.appendChild(type);
    li.appendChild(a);
    if (row[3]) {
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = row[3];
      li.appendChild(meta);
    }
    if (row[4]) {
      var p = document.createElement("p");
      p.className = "snippet";
      snippet(p, row[4], terms);
      li.appendChild(p);
    }
    return li;
  }

  var current = 0; // the latest query, so that a slow answer to an older one is dropped
  function show(q) {
    var n = ++current;
    var terms = queryTerms(q);
    if (!terms.length) {
      list.textContent = "";
      status.textContent = q.trim() ? say("search.type", "Type a word to search for.") : "";
      return;
    }
    status.textContent = say("search.searching", "Searching…");
    get("index.json").then(function (manifest) {
      return lookup(terms, manifest).then(function (hits) {
        var top = hits.slice(0, SHOWN);
        var shards = {};
        top.forEach(function (h) { shards[Math.floor(h.doc / manifest.per)] = true; });
        return Promise.all(Object.keys(shards).map(function (k) {
          return get("d/" + k + ".json").then(function (rows) { return [k, rows]; });
        })).then(function (loaded) {
          if (n !== current) { return; }
          var rows = {};
          loaded.forEach(function (e) { rows[e[0]] = e[1]; });
          list.textContent = "";
          top.forEach(function (h) {
            list.appendChild(item(rows[Math.floor(h.doc / manifest.per)][h.doc % manifest.per], terms));
          });
          var said = hits.length === 0 ? say("search.none", "No results for “{1}”.", q.trim())
            : hits.length === 1 ? say("search.one", "1 result for “{1}”.", q.trim())
              : hits.length > SHOWN ? say("search.first", "{2} results for “{1}”, the first {3} shown.", q.trim(), hits.length, SHOWN)
                : say("search.many", "{2} results for “{1}”.", q.trim(), hits.length);
          status.textContent = said;
        });
      });
    }).catch(function (err) {
      if (n === current) { status.textContent = say("search.failed", "The search index could not be loaded ({1}).", err.message); }
    });
  }

  function setURL(q) {
    var u = new URL(location.href);
    if (q) { u.searchParams.set("q", q); } else { u.searchParams.delete("q"); }
    history.replaceState(null, "", u.pathname + u.search + u.hash);
  }

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  var header = document.getElementById("site-q");
  if (header) { header.value = q; }
  show(q);
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { setURL(input.value); show(input.value); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    setURL(input.value);
    show(input.value);
  });
})();
