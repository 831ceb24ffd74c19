package site

import (
	"fmt"
	"strings"
	"testing"

	"atlas/internal/output"
	"atlas/internal/search"
	"atlas/internal/sitepath"
)

// fetchFrom serves the built files to search.Lookup, as the web server
// serves them to search.js, and counts the bytes fetched.
func fetchFrom(files output.Files, fetched *int) search.Fetch {
	return fetchCounted(files, fetched, nil)
}

// fetchCounted is fetchFrom that also adds the bytes of each kind of file
// (manifest, term shards "t", doc shards "d") to byKind, when not nil.
func fetchCounted(files output.Files, fetched *int, byKind map[string]int) search.Fetch {
	return func(name string) ([]byte, error) {
		b, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: not in the site (a 404)", name)
		}
		*fetched += len(b)
		if byKind != nil {
			kind := "manifest"
			if strings.HasPrefix(name, "search/t/") {
				kind = "t"
			} else if strings.HasPrefix(name, "search/d/") {
				kind = "d"
			}
			byKind[kind] += len(b)
		}
		return b, nil
	}
}

// TestSearchFindsEveryAlias runs, for every name and alias of every
// locality, the lookup search.js runs against the built index, and checks
// that the locality's page is among the results (the 20 shown, or the
// first 200 for a name many places share).
func TestSearchFindsEveryAlias(t *testing.T) {
	files := generateRepo(t, "/")
	var n int
	for _, l := range repoData(t).Localities {
		names := []string{l.Name}
		for _, a := range l.Aliases {
			names = append(names, a.Name)
		}
		for _, name := range names {
			rs, _, err := search.Lookup(fetchFrom(files, &n), name, 200)
			if err != nil {
				t.Fatalf("%q: %v", name, err)
			}
			found := false
			for _, r := range rs {
				found = found || r.Path == sitepath.Place(l.ID)
			}
			if !found {
				t.Errorf("%s: the search for %q does not find its page", l.ID, name)
			}
		}
	}
}

// TestSearchQueries checks the queries of the issue: each finds its page
// among the first results.
func TestSearchQueries(t *testing.T) {
	files := generateRepo(t, "/")
	tests := []struct {
		q    string
		want string // a result's path
		top  int    // within the first top results
	}{
		{"Cauchari", "cases/jujuy-guizhou/#", 5},
		{"Bío-Bío", "cases/biobio/", 5},
		{"Bío-Bío", sitepath.Place("cl/biobio-region"), 5},
		{"bio bio", "cases/biobio/", 5},
		{"bio bio", sitepath.Place("cl/biobio-region"), 5},
		{"biobio", sitepath.Place("cl/biobio-region"), 5},
		{"Table 1", sitepath.Table1, 3},
		{"map", sitepath.Chart(sitepath.ChartMap), 3},
		{"Kobe", sitepath.Place("jp/kobe"), 1},
		{"河南", sitepath.Place("cn/henan"), 1},
		{"henan", sitepath.Place("cn/henan"), 3},
		{"Guizhou", "sources/#", 20},
	}
	for _, tt := range tests {
		var n int
		byKind := map[string]int{}
		rs, total, err := search.Lookup(fetchCounted(files, &n, byKind), tt.q, 20)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		var got []string
		found := false
		for i, r := range rs {
			got = append(got, r.Path)
			found = found || (i < tt.top && strings.HasPrefix(r.Path, tt.want))
		}
		if !found {
			t.Errorf("%q: no %s in the first %d of %d results: %v", tt.q, tt.want, tt.top, total, got)
		}
		t.Logf("%q: %d results, %d bytes fetched (%v)", tt.q, total, n, byKind)
	}
}
