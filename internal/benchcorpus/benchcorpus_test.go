package benchcorpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atlas/internal/site"
	"atlas/internal/sitetest"
)

// readTree reads every file under dir, by slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGenerateBuilds checks that a generated corpus builds without a
// problem, with the pages its records call for, and that the same N gives
// the same bytes.
func TestGenerateBuilds(t *testing.T) {
	root := sitetest.Root(t)
	const n = 300
	a, b := t.TempDir(), t.TempDir()
	c, err := Generate(a, root, n)
	if err != nil {
		t.Fatal(err)
	}
	if c.N != n || c.Cases != n/10 {
		t.Fatalf("corpus of %d agreements and %d case studies, want %d and %d", c.N, c.Cases, n, n/10)
	}
	if _, err := Generate(b, root, n); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("two runs wrote %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs with N=%d", name, n)
		}
	}
	var agreements int
	for name, data := range ta {
		if strings.HasPrefix(name, "data/agreements/") {
			agreements += bytes.Count(data, []byte("\n  - id: "))
		}
	}
	if agreements != n {
		t.Errorf("data/agreements/ holds %d records, want %d", agreements, n)
	}
	for _, l := range LatAm {
		if !bytes.Contains(ta["data/localities.yaml"], []byte("country: "+l.Code+"\n")) {
			t.Errorf("no locality in %s", l.Code)
		}
	}
	files, err := site.Generate(site.Config{Src: os.DirFS(a), BaseURL: "/", Year: 2026, Date: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("the corpus does not build: %v", err)
	}
	for _, p := range []string{"index.html", "agreements/index.html", "countries/brazil/index.html", "cases/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("the built corpus has no %s", p)
		}
	}
	var cases int
	for name := range files {
		if strings.HasPrefix(name, "cases/") && strings.HasSuffix(name, "/index.html") && name != "cases/index.html" {
			cases++
		}
	}
	if cases != n/10 {
		t.Errorf("%d case study pages built, want %d", cases, n/10)
	}
	// A case study has about 1,500 words, a captioned table and citations.
	for name, data := range ta {
		if strings.HasPrefix(name, "content/cases/") {
			if w := len(bytes.Fields(data)); w < 1200 || w > 2000 {
				t.Errorf("%s has %d words, want about 1,500", name, w)
			}
			for _, want := range []string{"\nTable: ", "[@bench-source-", "](/agreements/", "\n## ", "\n- "} {
				if !bytes.Contains(data, []byte(want)) {
					t.Errorf("%s has no %q", name, want)
				}
			}
		}
	}
}

func TestGenerateRefusesFullDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir, sitetest.Root(t), 10); err == nil {
		t.Error("Generate wrote into a directory that was not empty")
	}
}
