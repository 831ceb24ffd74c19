package htmlcheck_test

import (
	"os"
	"strings"
	"testing"

	"atlas/internal/htmlcheck"
	"atlas/internal/site"
)

// TestSite checks every page that the repository's content builds.
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
	}
	if pages == 0 {
		t.Fatal("the site has no HTML pages")
	}
}
