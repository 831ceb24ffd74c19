package browsertest

import (
	"strings"
	"testing"
	"time"
)

// testControl opens the negative-control page with the same code as every
// other page and checks that each planted problem is reported: if one is
// not, a listener is broken and the other pages' clean results mean
// nothing.
func (b *browserTest) testControl(t *testing.T) {
	page := b.url(fixtureDir + "control/")
	// A short chart timeout, since one chart never renders.
	problems, err := visit(b.newTab(t), b.origin, page, visitOptions{width: desktop, axe: true, charts: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ what, substr string }{
		{"a missing script (404)", "HTTP 404: " + page + "missing.js"},
		{"a link escaping the base path (404)", "HTTP 404: " + b.origin + "/static/atlas.css"},
		{"a request to another host", "request to another host: https://tiles.example.com/pixel.png"},
		{"the failure of that request", "failed request: https://tiles.example.com/pixel.png: net::ERR_NAME_NOT_RESOLVED"},
		{"a console error", "console.error: control: a console error"},
		{"a console warning", "console.warning: control: a console warning"},
		{"an uncaught exception", "exception: Uncaught Error: control: an uncaught exception"},
		{"the browser's log of a failed load", "browser error [network]: Failed to load resource"},
		{"an axe violation", "axe image-alt (critical)"},
		{"a contrast violation in the dark scheme only", "in the dark scheme: axe color-contrast (serious)"},
		{"a blank chart", "chart #blank: blank: canvas 300x150 with no painted pixel"},
		{"a chart that never renders", `chart #never: not rendered: data-rendered is not "true"`},
	}
	for _, w := range want {
		if !containsSubstr(problems, w.substr) {
			t.Errorf("%s was not reported (no problem contains %q)", w.what, w.substr)
		}
	}
	if containsSubstr(problems, "#painted") {
		t.Errorf("a chart that did draw was reported")
	}
	for _, p := range problems {
		if strings.Contains(p, "color-contrast") && !strings.HasPrefix(p, "in the dark scheme: ") {
			t.Errorf("a contrast problem of the dark scheme was reported in the light one: %s", p)
		}
	}
	if t.Failed() {
		t.Logf("reported:\n%s", strings.Join(problems, "\n"))
	}
}

func containsSubstr(list []string, substr string) bool {
	for _, s := range list {
		if strings.Contains(s, substr) {
			return true
		}
	}
	return false
}
