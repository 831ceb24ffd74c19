package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"atlas/internal/benchcorpus"
	"atlas/internal/linkcheck"
	"atlas/internal/sitepath"
	"atlas/internal/sitetest"
)

// TestLargePages checks that a country or partner page with more
// agreements than a list page holds links to the paged lists instead of
// listing them: its table, its chart's bars and its localities lead
// to pages that exist, and every link of the site still resolves.
func TestLargePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of 5,200 agreements")
	}
	src := filepath.Join(t.TempDir(), "src")
	if _, err := benchcorpus.Generate(src, sitetest.Root(t), 5200); err != nil {
		t.Fatal(err)
	}
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`<tr id="[^"]+" data-facets=`)
	listed := regexp.MustCompile(`too many for one page: they are listed 500 a page <a href="/(agreements/[a-z/-]+)">`)
	for _, page := range []string{"countries/brazil/index.html", "partners/china/index.html"} {
		b := files[page]
		if b == nil {
			t.Fatalf("no %s", page)
		}
		m := listed.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s does not link to its paged list", page)
			continue
		}
		if files[string(m[1])+"index.html"] == nil {
			t.Errorf("%s links to %s, which is not written", page, m[1])
		}
		if n := len(rows.FindAll(b, -1)); n != 0 {
			t.Errorf("%s lists %d agreements", page, n)
		}
		if len(b) > 512<<10 {
			t.Errorf("%s is %d KB", page, len(b)>>10)
		}
	}
	// Brazil's groups and bars lead to the lists of Brazil with each
	// partner.
	brazil := string(files["countries/brazil/index.html"])
	if !strings.Contains(brazil, `<li><a href="/agreements/country/brazil/partner/`) {
		t.Error("Brazil's page does not link to its lists by partner")
	}
	if d := chartData(t, []byte(brazil)); !strings.Contains(d["links"].(map[string]any)["China"].(string), "/agreements/country/brazil/partner/china/") {
		t.Errorf("Brazil's bar of China leads to %v", d["links"])
	}
	base, _ := sitepath.ParseBase("/")
	for _, p := range linkcheck.Check(files, base) {
		t.Errorf("broken link: %s", p)
	}
}
