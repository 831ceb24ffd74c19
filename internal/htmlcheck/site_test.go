package htmlcheck_test

import (
	"os"
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
			t.Errorf("%s:%d: <%s class=%q>: inline CSS %q (use a class of static/atlas.css)", name, s.Line, s.Tag, s.Class, s.CSS)
		}
	}
	if pages == 0 {
		t.Fatal("the site has no HTML pages")
	}
}
