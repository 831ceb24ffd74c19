package site

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"atlas/internal/messages"
	"atlas/internal/output"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/search"
	"atlas/internal/sitepath"
	"atlas/internal/sitetest"
)

// scaleQueries are the queries, whose cost TestSearchScale reports.
var scaleQueries = []string{"Cauchari", "Bío-Bío", "bio bio", "Table 1", "map", "Kobe", "河南", "Guizhou"}

// TestSearchScale reports the size of the search index and the bytes each
// of the queries fetches, for the repository's data plus synthetic
// agreements up to $ATLAS_SEARCH_SCALE records in all (a fifth as many
// synthetic localities, over the real countries). It builds only the
// search and the chart pages, not the others, and writes them to
// $ATLAS_SEARCH_OUT when that is set. It skips unless $ATLAS_SEARCH_SCALE
// is set:
//
//	ATLAS_SEARCH_SCALE=100000 go test ./internal/site -run TestSearchScale -v
func TestSearchScale(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("ATLAS_SEARCH_SCALE"))
	if err != nil {
		t.Skip("set ATLAS_SEARCH_SCALE to a number of agreements")
	}
	dir := t.TempDir()
	root := sitetest.Root(t)
	for _, d := range []string{"data", "content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	writeSynthetic(t, dir, n)
	files := searchOnly(t, dir)
	if out := os.Getenv("ATLAS_SEARCH_OUT"); out != "" { // to measure in a browser
		if err := output.Write(out, files); err != nil {
			t.Fatal(err)
		}
	}
	var total, termFiles, docFiles int
	var largest string
	for name, b := range files {
		if !strings.HasPrefix(name, "search/") || !strings.HasSuffix(name, ".json") {
			continue
		}
		total += len(b)
		switch {
		case strings.HasPrefix(name, "search/t/"):
			termFiles++
			if len(b) > len(files[largest]) {
				largest = name
			}
		case strings.HasPrefix(name, "search/d/"):
			docFiles++
		}
	}
	var m struct{ Docs int }
	if err := json.Unmarshal(files["search/index.json"], &m); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d docs; index %d bytes in %d term shards and %d doc shards; manifest %d bytes (%d gzip); largest term shard %s, %d bytes (%d gzip)",
		m.Docs, total, termFiles, docFiles, len(files["search/index.json"]), gz(files["search/index.json"]), largest, len(files[largest]), gz(files[largest]))
	for _, q := range scaleQueries {
		var fetched, zipped int
		byKind := map[string]int{}
		fetch := fetchCounted(files, &fetched, byKind)
		rs, found, err := search.Lookup(func(name string) ([]byte, error) {
			b, err := fetch(name)
			zipped += gz(b)
			return b, err
		}, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		var top []string
		for _, r := range rs[:min(3, len(rs))] {
			top = append(top, r.Path)
		}
		t.Logf("%q: %d results; %d bytes fetched, %d gzip (manifest %d, term shards %d, doc shards %d); first %v",
			q, found, fetched, zipped, byKind["manifest"], byKind["t"], byKind["d"], top)
	}
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// searchOnly builds the search files of the source tree at dir, and the
// chart pages they list, without the other pages.
func searchOnly(t *testing.T, dir string) output.Files {
	t.Helper()
	fsys := os.DirFS(dir)
	base, _ := sitepath.ParseBase("/")
	m, err := assemble(fsys, 2026, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), base.Path)
	if err != nil {
		t.Fatal(err)
	}
	site := &render.Site{Title: m.d.Settings.Title, Base: base, Lang: "en"}
	r, err := render.New(fsys, site)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := messages.Load(fsys, "en")
	if err != nil {
		t.Fatal(err)
	}
	m.msg = msg
	pool := newRenderPool()
	b := &builder{m: m, r: r, site: site, src: fsys, files: output.Files{}, msg: msg, pool: pool, mu: &sync.Mutex{}}
	b.charts()
	b.search()
	if errs := append(b.errs, pool.wait()...); len(errs) > 0 {
		t.Fatal(errs)
	}
	return b.files
}

// writeSynthetic appends synthetic localities and agreements to the data
// of the source tree at dir, up to n agreements in all.
func writeSynthetic(t *testing.T, dir string, n int) {
	t.Helper()
	d, err := records.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var latam, asia []string
	for _, c := range d.Countries {
		if c.Region == records.Asia {
			asia = append(asia, c.Code)
		} else {
			latam = append(latam, c.Code)
		}
	}
	syll := strings.Fields("ka ta mo ru shi an el ba do ri na po gua xi zhou yo se li ma qui to co han sa ve lo nu be ji ku")
	r := rand.New(rand.NewPCG(1, 2))
	name := func() string {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		return strings.ToUpper(b.String()[:1]) + b.String()[1:]
	}
	lf, err := os.OpenFile(filepath.Join(dir, "data/localities.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	lw := bufio.NewWriter(lf)
	type loc struct{ id, cc string }
	var las, ass []loc
	for i := range n / 5 {
		cc := latam[r.IntN(len(latam))]
		if i%2 == 1 {
			cc = asia[r.IntN(len(asia))]
		}
		nm := name()
		l := loc{fmt.Sprintf("%s/syn-%s-%d", strings.ToLower(cc), strings.ToLower(nm), i), cc}
		fmt.Fprintf(lw, "  - id: %s\n    name: %q\n    level: %s\n    country: %s\n", l.id, nm, records.Levels[r.IntN(len(records.Levels))], cc)
		if i%2 == 1 {
			ass = append(ass, l)
		} else {
			las = append(las, l)
		}
	}
	if err := lw.Flush(); err != nil {
		t.Fatal(err)
	}
	byCC := map[string][]string{}
	seen := map[string]bool{}
	for k := len(d.Agreements); k < n; {
		l, a := las[r.IntN(len(las))], ass[r.IntN(len(ass))]
		id := strings.ReplaceAll(l.id, "/", "-") + "--" + strings.ReplaceAll(a.id, "/", "-")
		if seen[id] {
			continue
		}
		seen[id] = true
		k++
		rec := fmt.Sprintf("  - id: %s\n    latam: %s\n    asia: %s\n    kind: %s\n", id, l.id, a.id, records.Kinds[r.IntN(len(records.Kinds))])
		if r.IntN(2) == 0 {
			rec += fmt.Sprintf("    year: %d\n", 1960+r.IntN(65))
		}
		rec += fmt.Sprintf("    sources:\n      - source: %s\n        locator: \"synthetic row %d\"\n", d.Sources[0].ID, k)
		if r.IntN(4) == 0 {
			rec += fmt.Sprintf("    note: \"Signed during a visit of %s's mayor; renewed by %s.\"\n", name(), name())
		}
		cc := strings.ToLower(l.cc)
		byCC[cc] = append(byCC[cc], rec)
	}
	for _, cc := range slices.Sorted(maps.Keys(byCC)) {
		p := filepath.Join(dir, "data/agreements", cc+".yaml")
		old, err := os.ReadFile(p)
		if err != nil {
			old = []byte("# Agreements between localities of " + strings.ToUpper(cc) + " and Asian localities.\nagreements:\n")
		}
		if err := os.WriteFile(p, append(old, strings.Join(byCC[cc], "")...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
