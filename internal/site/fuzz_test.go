package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"atlas/internal/sitetest"
	"atlas/internal/srcpos"
)

// fuzzFiles are the files of the small site the fuzzer replaces or adds.
var fuzzFiles = []string{
	"content/cases/x.md",
	"content/pages/about.md",
	"data/agreements/ar.yaml",
	"data/localities.yaml",
	"data/sources.yaml",
	"data/countries.yaml",
	"data/published/figures.yaml",
	"data/site.yaml",
}

// FuzzBuild builds the minimal site with one file (fuzzFiles) replaced
// by the fuzzer's bytes. No input may panic, and every problem must be a
// positioned one in a source file: an unpositioned error, such as a page
// written twice, or a message naming a path outside the source tree, is
// a finding. Seeded from the repository's content and data and the bad
// inputs of the tests; make fuzz runs it.
func FuzzBuild(f *testing.F) {
	dir := sitetest.Write(f, sitetest.Minimal)
	base := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		base[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	slugRE := regexp.MustCompile(`(?m)^slug: .*$`)
	root := sitetest.Root(f)
	for i, name := range fuzzFiles {
		if b, ok := base[name]; ok {
			f.Add(uint8(i), b.Data)
		}
	}
	for _, dir := range []string{"content/cases", "content/pages"} {
		docs, _ := filepath.Glob(filepath.Join(root, dir, "*.md"))
		for _, p := range docs {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			i, slug := uint8(0), "slug: x"
			if dir == "content/pages" {
				i, slug = 1, "slug: about"
			}
			f.Add(i, slugRE.ReplaceAll(b, []byte(slug)))
		}
	}
	for _, s := range []struct {
		i   uint8
		src string
	}{
		{0, "---\ntitle: \"A case\"\nslug: x\nsummary: \"A case.\"\ncountries: [AR]\nsources: [report]\nupdated: 2026-01-01\n---\nText [@report, p. 3] and [a link](/table-1/#compare) and [x](/nowhere/).\n"},
		{1, "---\ntitle: \"About\"\nslug: about\nsummary: \"x\"\norder: 1\nupdated: 2026-11-22\n---\n# References\n\n## main\n\n[@report]\n"},
		{2, "agreements:\n  - id: main\n    latam: ar/jujuy-province\n    asia: cn/guizhou\n    kind: sister-city\n    sources:\n      - source: report\n"},
		{5, "countries:\n  - code: AR\n    name: Argentina\n    region: latin-america\n  - code: XA\n    name: \"ARGENTINA!\"\n    region: latin-america\n"},
		{6, "figures:\n  id: counts\n  title: Counts\n  source: report\n  partner: CN\n  items: []\n"},
		{7, "title: Atlas\nnav:\n  - title: Countries\n    path: countries/\n  - title: About\n    path: about/\n"},
	} {
		f.Add(s.i, []byte(s.src))
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		fsys := fstest.MapFS{}
		for n, file := range base {
			fsys[n] = file
		}
		fsys[fuzzFiles[int(which)%len(fuzzFiles)]] = &fstest.MapFile{Data: src}
		_, err := Generate(Config{Src: fsys, BaseURL: "/", Year: 2026, Date: testDate})
		if err == nil {
			return
		}
		list, other := srcpos.Split(err)
		for _, e := range other {
			t.Fatalf("unpositioned error: %v", e)
		}
		for _, e := range list {
			if !fs.ValidPath(e.Pos.File) || !strings.HasPrefix(e.Pos.File, "content") && !strings.HasPrefix(e.Pos.File, "data") {
				t.Fatalf("error outside the source's content and data: %v", e)
			}
		}
	})
}
