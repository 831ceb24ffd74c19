package serve

import (
	"bytes"
	"html/template"
)

// additions are what the preview adds to every HTML page: the reload
// script and, after a failed build, the overlay. Both are files the
// preview serves (ScriptPath, StylePath), not inline code: the pages'
// Content-Security-Policy (script-src 'self'; style-src 'self') refuses
// inline scripts, style attributes and event handlers, in the preview as
// on the published site. The overlay brings its own stylesheet, so that a
// broken site stylesheet cannot hide it.
var additions = template.Must(template.New("").Parse(`
{{- define "script"}}
<script data-atlas-serve src="{{.Script}}" data-gen="{{.Gen}}" data-events="{{.Events}}"></script>
{{- end}}

{{- define "overlay"}}
<div id="atlas-build-errors" role="alertdialog" aria-labelledby="atlas-build-errors-title">
<link rel="stylesheet" href="{{.Style}}">
<div class="atlas-box">
<h2 id="atlas-build-errors-title">The build failed: {{len .Problems}} {{if eq (len .Problems) 1}}problem{{else}}problems{{end}}</h2>
<p>Fix the file named below and save it: this page reloads by itself.{{if .Stale}} Until then the preview shows the last version that built.{{end}}</p>
<ol>
{{- range .Problems}}
<li>
<strong>{{.Text}}</strong>
{{- with .Excerpt}}
<pre>{{.}}</pre>
{{- end}}
</li>
{{- end}}
</ol>
<button type="button" data-atlas-hide>Hide until the next build</button>
</div>
</div>
{{- end}}`))

// ScriptPath and StylePath are where the preview serves its reload script
// and the overlay's stylesheet. Like EventsPath they sit outside any base
// path, under "_atlas", which no build writes.
const (
	ScriptPath = "/_atlas/preview.js"
	StylePath  = "/_atlas/preview.css"
)

// previewJS listens for builds on the event stream its script element
// names, reloads the page when a build other than the page's own has
// finished, and hides the overlay when asked.
const previewJS = `"use strict";
(function () {
  var me = document.currentScript;
  var gen = me.getAttribute("data-gen");
  var es = new EventSource(me.getAttribute("data-events"));
  es.addEventListener("build", function (e) {
    if (JSON.parse(e.data).gen !== gen) { location.reload(); }
  });
  var hide = document.querySelector("[data-atlas-hide]");
  if (hide) {
    hide.addEventListener("click", function () {
      var o = document.getElementById("atlas-build-errors");
      if (o) { o.remove(); }
    });
  }
})();
`

// previewCSS styles the overlay. Every rule starts from all: initial and
// names the overlay by id, so that no rule of the site's own stylesheet
// reaches into it.
const previewCSS = `#atlas-build-errors, #atlas-build-errors * { all: initial; }
#atlas-build-errors { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20,20,20,.72); display: flex; align-items: flex-start; justify-content: center; padding: 6vh 1rem; box-sizing: border-box; overflow: auto; }
#atlas-build-errors link { display: none; }
#atlas-build-errors .atlas-box { display: block; max-width: 60rem; width: 100%; background: #fff; color: #1a1a1a; border-top: 6px solid #c62828; border-radius: 4px; box-shadow: 0 8px 32px rgba(0,0,0,.35); padding: 1.25rem 1.5rem; font: 16px/1.5 system-ui, sans-serif; }
#atlas-build-errors h2 { display: block; font: 600 1.25rem/1.3 system-ui, sans-serif; color: #b71c1c; margin: 0 0 .5rem; }
#atlas-build-errors p { display: block; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; margin: 0 0 .75rem; }
#atlas-build-errors ol { display: block; margin: 0 0 1rem; padding: 0; }
#atlas-build-errors li { display: block; margin: 0 0 .75rem; font: 14px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #1a1a1a; }
#atlas-build-errors strong { display: block; font: 600 14px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #1a1a1a; white-space: pre-wrap; overflow-wrap: anywhere; }
#atlas-build-errors pre { display: block; white-space: pre; overflow-x: auto; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #fbe9e7; color: #1a1a1a; padding: .5rem .75rem; border-radius: 4px; margin: .25rem 0 0; }
#atlas-build-errors button { display: inline-block; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #eee; border: 1px solid #767676; border-radius: 3px; padding: .3rem .9rem; cursor: pointer; }
#atlas-build-errors button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
`

type scriptData struct{ Script, Gen, Events string }

type overlayData struct {
	Style    string
	Problems []problem
	Stale    bool // the page is from an earlier, good build
}

// additionsFor renders what the preview adds to a page in state st.
func additionsFor(st state) ([]byte, error) {
	var b bytes.Buffer
	if len(st.errs) > 0 {
		data := overlayData{Style: StylePath, Problems: st.problems, Stale: st.files != nil}
		if err := additions.ExecuteTemplate(&b, "overlay", data); err != nil {
			return nil, err
		}
	}
	err := additions.ExecuteTemplate(&b, "script", scriptData{Script: ScriptPath, Gen: st.gen, Events: EventsPath})
	return b.Bytes(), err
}

// failurePage is served for every page while no build has succeeded yet;
// the overlay says why.
var failurePage = []byte(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Build failed · atlas serve</title></head>
<body>
<p>The site has not built yet.</p>
</body>
</html>
`)
