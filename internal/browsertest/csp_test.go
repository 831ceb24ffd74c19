package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// cspListenJS runs in every page before its own scripts and records each
// securitypolicyviolation event, which cspViolations reads.
const cspListenJS = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '') + (e.sample ? ': ' + e.sample : ''));
});`

// cspViolations returns the page's Content-Security-Policy violations.
func cspViolations(ctx context.Context) ([]string, error) {
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations || ['the CSP listener did not run']`))
	if err != nil {
		return nil, fmt.Errorf("reading the CSP violations: %w", err)
	}
	for i, v := range vs {
		vs[i] = "Content-Security-Policy violation: " + v
	}
	return vs, nil
}

// inline returns what in an HTML page a strict Content-Security-Policy
// refuses: scripts that are not a file (a JSON data block is data, and
// runs nowhere), <style> elements, style attributes and event handler
// attributes, and whether the page has the policy and a referrer policy.
func inline(page []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(page))
	csp, referrer := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		attr := map[string]string{}
		for _, a := range t.Attr {
			attr[a.Key] = a.Val
			if a.Key == "style" {
				problems = append(problems, fmt.Sprintf("<%s style=%q>", t.Data, a.Val))
			}
			if strings.HasPrefix(a.Key, "on") {
				problems = append(problems, fmt.Sprintf("<%s %s=...>", t.Data, a.Key))
			}
		}
		switch t.Data {
		case "script":
			_, src := attr["src"]
			typ := attr["type"]
			if !src && typ != "application/json" && typ != "application/ld+json" {
				problems = append(problems, "an inline <script>")
			}
		case "style":
			problems = append(problems, "a <style> element")
		case "meta":
			if strings.EqualFold(attr["http-equiv"], "Content-Security-Policy") && strings.Contains(attr["content"], "script-src 'self'") &&
				strings.Contains(attr["content"], "style-src 'self'") && strings.Contains(attr["content"], "object-src 'none'") {
				csp = true
			}
			if attr["name"] == "referrer" && attr["content"] != "" {
				referrer = true
			}
		}
	}
	if !csp {
		problems = append(problems, "no Content-Security-Policy meta with script-src 'self', style-src 'self' and object-src 'none'")
	}
	if !referrer {
		problems = append(problems, "no referrer policy meta")
	}
	return problems
}

// TestNoInline checks every built page (every one, not a sample) for what the Content-Security-Policy
// refuses, before any browser opens it: no inline script or style, and the
// policies themselves.
func TestNoInline(t *testing.T) {
	files := buildSite(t)
	n := 0
	for _, name := range files.Names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, fixtureDir) {
			continue
		}
		for _, problem := range inline(files[name]) {
			t.Errorf("%s%s: %s", basePath, name, problem)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no pages")
	}
}

// TestInlineCheck checks the checker on pages that break each rule.
func TestInlineCheck(t *testing.T) {
	head := `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; style-src 'self'; object-src 'none'"><meta name="referrer" content="no-referrer">`
	tests := []struct {
		page string
		want []string
	}{
		{head + `<script src="/a.js"></script><script type="application/json">{}</script>`, nil},
		{head + `<script>alert(1)</script>`, []string{"an inline <script>"}},
		{head + `<div style="height:1px"></div>`, []string{`<div style="height:1px">`}},
		{head + `<style>p{}</style>`, []string{"a <style> element"}},
		{head + `<a onclick="x()">`, []string{"<a onclick=...>"}},
		{`<p>`, []string{"no Content-Security-Policy meta with script-src 'self', style-src 'self' and object-src 'none'", "no referrer policy meta"}},
	}
	for _, tt := range tests {
		got := inline([]byte(tt.page))
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("inline(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}
