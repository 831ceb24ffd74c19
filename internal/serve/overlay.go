package serve

import (
	"bytes"
	"html/template"
)

// additions are what the preview adds to every HTML page: the reload
// script and, after a failed build, the overlay. They carry their own
// styles so that a broken stylesheet cannot hide them.
var additions = template.Must(template.New("").Parse(`
{{- define "script"}}
<script data-atlas-serve>
(() => {
  const gen = {{.Gen}};
  const es = new EventSource({{.Path}});
  es.addEventListener("build", (e) => {
    if (JSON.parse(e.data).gen !== gen) location.reload();
  });
})();
</script>
{{- end}}

{{- define "overlay"}}
<div id="atlas-build-errors" role="alertdialog" aria-labelledby="atlas-build-errors-title" style="all:initial;position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);display:flex;align-items:flex-start;justify-content:center;padding:6vh 1rem;box-sizing:border-box;overflow:auto">
<div style="all:initial;display:block;max-width:60rem;width:100%;background:#fff;color:#1a1a1a;border-top:6px solid #c62828;border-radius:4px;box-shadow:0 8px 32px rgba(0,0,0,.35);padding:1.25rem 1.5rem;font:16px/1.5 system-ui,sans-serif">
<h2 id="atlas-build-errors-title" style="all:initial;display:block;font:600 1.25rem/1.3 system-ui,sans-serif;color:#b71c1c;margin:0 0 .5rem">The build failed: {{len .Problems}} {{if eq (len .Problems) 1}}problem{{else}}problems{{end}}</h2>
<p style="all:initial;display:block;font:inherit;margin:0 0 .75rem">Fix the file named below and save it: this page reloads by itself.{{if .Stale}} Until then the preview shows the last version that built.{{end}}</p>
<ol style="all:initial;display:block;margin:0 0 1rem;padding:0">
{{- range .Problems}}
<li style="all:initial;display:block;margin:0 0 .75rem;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#1a1a1a">
<strong style="all:initial;display:block;font:600 14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#1a1a1a;white-space:pre-wrap;overflow-wrap:anywhere">{{.Text}}</strong>
{{- with .Excerpt}}
<pre style="all:initial;display:block;white-space:pre;overflow-x:auto;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#fbe9e7;color:#1a1a1a;padding:.5rem .75rem;border-radius:4px;margin:.25rem 0 0">{{.}}</pre>
{{- end}}
</li>
{{- end}}
</ol>
<button type="button" onclick="document.getElementById('atlas-build-errors').remove()" style="font:inherit;padding:.3rem .9rem;cursor:pointer">Hide until the next build</button>
</div>
</div>
{{- end}}`))

type scriptData struct{ Gen, Path string }

type overlayData struct {
	Problems []problem
	Stale    bool // the page is from an earlier, good build
}

// additionsFor renders what the preview adds to a page in state st.
func additionsFor(st state) ([]byte, error) {
	var b bytes.Buffer
	if len(st.errs) > 0 {
		data := overlayData{Problems: st.problems, Stale: st.files != nil}
		if err := additions.ExecuteTemplate(&b, "overlay", data); err != nil {
			return nil, err
		}
	}
	err := additions.ExecuteTemplate(&b, "script", scriptData{Gen: st.gen, Path: EventsPath})
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
