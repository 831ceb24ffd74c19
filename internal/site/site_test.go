package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/linkcheck"
	"atlas/internal/output"
	"atlas/internal/sitepath"
	"atlas/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// generateRepo builds the repository's own site in memory.
// testDate is the build's day in tests: the last of the year they build
// for, so that the real content's updated: dates stay valid through it.
var testDate = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)

// The build is deterministic (TestFurnitureDeterministic builds twice to
// show it), so the tests that only read the site share one build per base
// URL: a full build of the three trees costs seconds, and the package's
// tests read it about thirty times. Each caller gets its own map, over
// shared contents that no test may change.
func generateRepo(t *testing.T, base string) output.Files {
	t.Helper()
	repoMu.Lock()
	b, ok := repoBuilds[base]
	if !ok {
		b = &repoBuild{}
		repoBuilds[base] = b
	}
	repoMu.Unlock()
	root := sitetest.Root(t)
	b.once.Do(func() { b.files, b.err = buildRepo(root, base) })
	if b.err != nil {
		t.Fatalf("building the repository:\n%v", b.err)
	}
	return maps.Clone(b.files)
}

// buildRepo builds the repository's site at root afresh.
func buildRepo(root, base string) (output.Files, error) {
	return Generate(Config{Src: os.DirFS(root), BaseURL: base, Year: 2026, Date: testDate})
}

type repoBuild struct {
	once  sync.Once
	files output.Files
	err   error
}

var (
	repoMu     sync.Mutex
	repoBuilds = map[string]*repoBuild{}
)

// TestRepository builds the real data and content and checks that every
// internal link and #anchor resolves, under the root and under a project
// path.
func TestRepository(t *testing.T) {
	for _, base := range []string{"/", "/atlas/", "https://example.github.io/atlas/"} {
		t.Run(base, func(t *testing.T) {
			files := generateRepo(t, base)
			b, err := sitepath.ParseBase(base)
			if err != nil {
				t.Fatal(err)
			}
			path := b.Path
			for _, p := range linkcheck.Check(files, b) {
				t.Errorf("broken link: %s", p)
			}
			site := linkcheck.New(files, b)
			docs := 0
			for name, data := range files {
				if !strings.HasPrefix(name, "search/d/") {
					continue
				}
				var rows [][5]string // path, title, type, meta, text
				if err := json.Unmarshal(data, &rows); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, r := range rows {
					docs++
					if msg := site.Link("search/index.html", path+r[0]); msg != "" {
						t.Errorf("search result %q: %s: %s", r[1], r[0], msg)
					}
				}
			}
			if docs < 100 {
				t.Errorf("only %d search docs", docs)
			}
			if len(files) < 30 {
				t.Errorf("only %d files built", len(files))
			}
			if b.Origin != "" {
				// Every page's hreflang alternates lead to pages that
				// name it back, in all three trees.
				checkAlternates(t, files, b.Path, b.Origin)
			}
		})
	}
}

// TestGolden compares whole pages of the repository's site with their
// golden files: Table 1 and a case study. Run with -update to rewrite them
// after an intended change, and review the diff.
func TestGolden(t *testing.T) {
	files := generateRepo(t, "/")
	for page, name := range map[string]string{
		"table-1/index.html":             "table-1.golden.html",
		"cases/jujuy-guizhou/index.html": "case-jujuy-guizhou.golden.html",
	} {
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(golden, files[page], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(files[page])); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", page, golden, diff)
		}
	}
}

// TestGoldenPages compares a country page, a chart page and the data
// page of the small test site with their golden files; the small site
// keeps them stable while the repository's records grow. Run with -update
// to rewrite them after an intended change, and review the diff.
func TestGoldenPages(t *testing.T) {
	files, err := Generate(Config{Src: os.DirFS(sitetest.Write(t, sitetest.Minimal)), BaseURL: "/atlas/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	for page, name := range map[string]string{
		"countries/argentina/index.html": "minimal-country.golden.html",
		"charts/table-1/index.html":      "minimal-chart.golden.html",
		"data/index.html":                "minimal-data.golden.html",
	} {
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(golden, files[page], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(files[page])); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", page, golden, diff)
		}
	}
}

var (
	rowRE  = regexp.MustCompile(`(?s)<tr><th scope="row"><a href="[^"]*">([^<]*)</a></th>(.*?)</tr>`)
	cellRE = regexp.MustCompile(`<td>([^<]*)</td>`)
)

// TestTable1Cells checks the reproduction cell by cell against the table as
// published (seed 001).
func TestTable1Cells(t *testing.T) {
	want := [][]string{
		{"Argentina", "2", "", "3", ""},
		{"Bolivia", "", "", "2 (Taiwan)", ""},
		{"Brazil", "44", "2", "15", ""},
		{"Chile", "2", "", "3", ""},
		{"Colombia", "2", "1", "4 (China), 1 (Taiwan)", "2 (India)"},
		{"Costa Rica", "", "", "1", ""},
		{"Ecuador", "", "", "1", "1 (Indonesia)"},
		{"El Salvador", "", "", "1 (Taiwan)", ""},
		{"Guatemala", "", "", "1 (Taiwan)", ""},
		{"Honduras", "", "", "1 (Taiwan)", ""},
		{"Mexico", "5", "5", "4", "2 (India)"},
		{"Nicaragua", "", "", "1 (Taiwan)", ""},
		{"Panama", "", "", "1 (Taiwan)", ""},
		{"Paraguay", "1", "", "1 (Taiwan)", ""},
		{"Peru", "2", "1", "4", "1 (Philippines)"},
		{"Uruguay", "", "", "1", ""},
		{"Venezuela", "2", "", "6", ""},
	}
	page := string(generateRepo(t, "/")["table-1/index.html"])
	table := page[strings.Index(page, `<table class="table1"`):]
	table = table[:strings.Index(table, "</table>")]
	if !strings.Contains(table, "<caption>Table 1: Sister Cities Agreements, Asia and Latin America</caption>") {
		t.Error("missing caption")
	}
	for _, h := range []string{"Japan", "Korea", "China and Taiwan", "Other"} {
		if !strings.Contains(table, `<th scope="col">`+h+`</th>`) {
			t.Errorf("missing header cell %q", h)
		}
	}
	var got [][]string
	for _, m := range rowRE.FindAllStringSubmatch(table, -1) {
		row := []string{m[1]}
		for _, c := range cellRE.FindAllStringSubmatch(m[2], -1) {
			row = append(row, c[1])
		}
		got = append(got, row)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Table 1 rows (-published +reproduced):\n%s", diff)
	}
	if !strings.Contains(table, `<tr><th scope="row">TOTAL</th><td>60</td><td>9</td><td>51</td><td>6</td></tr>`) {
		t.Error("TOTAL row is not 60, 9, 51, 6")
	}
	for _, claim := range []string{"126 agreements in the table", "Brazil: 61 of 126 = 48.4%"} {
		if !strings.Contains(page, claim) {
			t.Errorf("page lacks the checked claim %q", claim)
		}
	}
}

// TestDeterministic builds the repository twice, to disk, and compares the
// trees byte for byte.
func TestDeterministic(t *testing.T) {
	root := sitetest.Root(t)
	var trees [2]map[string][]byte
	for i := range trees {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Build(Config{Src: os.DirFS(root), Out: out, BaseURL: "/", Year: 2026, Date: testDate}); err != nil {
			t.Fatal(err)
		}
		trees[i] = readTree(t, out)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("builds differ in file count: %d and %d", len(trees[0]), len(trees[1]))
	}
	for name, a := range trees[0] {
		if !bytes.Equal(a, trees[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p[len(dir):]] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMarkupEscaped puts markup into YAML values and checks that no page
// or download carries it unescaped.
func TestMarkupEscaped(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	sitetest.WriteTo(t, src, `-- data/sources.yaml --
sources:
  - id: report
    kind: report
    authors: ["<b>Bold</b> Author"]
    title: "</script><script>alert(1)</script>"
    note: "<img src=x onerror=alert(2)>"
    url: "https://example.org/?a=1&b=<2>"
    accessed: "2026-01-15"
`)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>Bold"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s contains unescaped %q", name, bad)
			}
		}
	}
}
