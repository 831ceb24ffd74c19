package htmlcheck_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"atlas/internal/htmlcheck"
	"atlas/internal/site"
)

// TestSite checks every page that the repository's content builds, and
// that none has CSS of its own (a style attribute or a <style> element),
// which the Content-Security-Policy (style-src 'self') would block: pages
// use classes of static/atlas.css.
func TestSite(t *testing.T) {
	files, err := site.Generate(site.Config{Src: os.DirFS("../.."), BaseURL: "/atlas/"})
	if err != nil {
		t.Fatalf("building the repository's site: %v", err)
	}
	pages := 0
	for _, name := range files.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, p := range htmlcheck.Check(files[name]) {
			t.Errorf("%s:%s", name, p)
		}
		for _, s := range htmlcheck.InlineStyles(files[name]) {
			if !chartHeight(s) {
				t.Errorf("%s:%d: <%s class=%q>: inline CSS %q (use a class of static/atlas.css)", name, s.Line, s.Tag, s.Class, s.CSS)
			}
		}
	}
	if pages == 0 {
		t.Fatal("the site has no HTML pages")
	}
}

// chartHeightCSS is the height that the chart code (internal/chart) still
// gives each chart container inline.
var chartHeightCSS = regexp.MustCompile(`^height:\d+px$`)

// chartHeight reports whether s is the one inline style left to the chart
// code: a chart container's height. It goes once the chart code sizes its
// containers from the stylesheet; nothing else is exempt.
func chartHeight(s htmlcheck.Style) bool {
	return s.Tag == "div" && slices.Contains(strings.Fields(s.Class), "chart") && chartHeightCSS.MatchString(s.CSS)
}
