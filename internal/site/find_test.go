package site

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"atlas/internal/records"
	"atlas/internal/sitepath"
	"atlas/internal/sitetest"
)

func repoData(t *testing.T) *records.Data {
	t.Helper()
	d, err := records.Load(os.DirFS(sitetest.Root(t)))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPlacesReachable checks that every locality has a page, and that
// every agreement's page and row link both of its places.
func TestPlacesReachable(t *testing.T) {
	files := generateRepo(t, "/")
	d := repoData(t)
	for _, l := range d.Localities {
		if _, ok := files[sitepath.Place(l.ID)+"index.html"]; !ok {
			t.Errorf("no page for %s", l.ID)
		}
	}
	for _, a := range d.Agreements {
		page := string(files[sitepath.AgreementPage(a.ID)+"index.html"])
		for _, id := range []string{a.LatAm, a.Asia} {
			if href := `href="/` + sitepath.Place(id) + `"`; !strings.Contains(page, href) {
				t.Errorf("%s: the agreement's page does not link %s", a.ID, href)
			}
			if !strings.Contains(string(files[sitepath.Place(id)+"index.html"]), `href="/`+sitepath.AgreementPage(a.ID)+`"`) {
				t.Errorf("%s: the place page of %s does not link the agreement", a.ID, id)
			}
		}
	}
}

var (
	totalRE    = regexp.MustCompile(`<p class="lede">(\d+) relationships?`)
	facetRowRE = regexp.MustCompile(`<tr id="[^"]+" data-facets=`)
)

// TestFacetCounts checks that each facet page counts exactly the records
// with its value, that its pages hold them all, and that none holds more
// than PageSize rows.
func TestFacetCounts(t *testing.T) {
	files := generateRepo(t, "/")
	d := repoData(t)
	ix, err := records.Validate(d, 2026, Today())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{sitepath.Agreements: len(d.Agreements)}
	for _, a := range d.Agreements {
		la, as := ix.Locality[a.LatAm], ix.Locality[a.Asia]
		want[sitepath.Agreements+"kind/"+a.Kind+"/"]++
		want[sitepath.Agreements+"partner/"+slugOf(ix.Country[as.Country].Name)+"/"]++
		want[sitepath.Agreements+"country/"+slugOf(ix.Country[la.Country].Name)+"/"]++
		want[sitepath.Agreements+"level/"+la.Level+"/"]++
		if as.Level != la.Level {
			want[sitepath.Agreements+"level/"+as.Level+"/"]++
		}
		decade := "unknown"
		if a.Year != nil {
			decade = fmt.Sprintf("%ds", *a.Year/10*10)
		}
		want[sitepath.Agreements+"decade/"+decade+"/"]++
	}
	for path, n := range want {
		first := string(files[path+"index.html"])
		m := totalRE.FindStringSubmatch(first)
		if m == nil {
			t.Errorf("%s: no count", path)
			continue
		}
		if got, _ := strconv.Atoi(m[1]); got != n {
			t.Errorf("%s: counts %d agreements, want %d", path, got, n)
		}
		rows := 0
		for k := 1; ; k++ {
			page, ok := files[pagePath(path, k)+"index.html"]
			if !ok {
				break
			}
			r := len(facetRowRE.FindAllIndex(page, -1))
			if r > PageSize {
				t.Errorf("%s: %d rows, more than %d", pagePath(path, k), r, PageSize)
			}
			rows += r
		}
		if rows != n {
			t.Errorf("%s: its pages hold %d rows, want %d", path, rows, n)
		}
	}
}

func slugOf(name string) string {
	return strings.TrimSuffix(strings.TrimPrefix(sitepath.Country(name), sitepath.Countries), "/")
}
