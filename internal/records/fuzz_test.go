package records

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"atlas/internal/sitetest"
	"atlas/internal/srcpos"
)

// FuzzLoadValidate loads and validates the minimal site's data with one
// file replaced by the fuzzer's bytes: no input may panic, and every
// problem is positioned in a file under data/. It is seeded from the
// repository's own data files and from inputs the tests found problems
// with; make fuzz runs it, and a crasher saved under testdata/fuzz/
// becomes a test case.
func FuzzLoadValidate(f *testing.F) {
	base := fstest.MapFS{}
	for _, file := range txtar.Parse([]byte(sitetest.Minimal)).Files {
		if strings.HasPrefix(file.Name, DataDir+"/") {
			base[file.Name] = &fstest.MapFile{Data: file.Data}
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range base {
			if !yield(n) {
				return
			}
		}
	})
	names = append(names, AgreementsDir+"/cl.yaml", PublishedDir+"/extra.yaml", DataDir+"/stray.yaml")
	index := func(name string) uint8 {
		switch i := slices.Index(names, name); {
		case i >= 0:
			return uint8(i)
		case strings.HasPrefix(name, AgreementsDir+"/"):
			return uint8(slices.Index(names, AgreementsDir+"/cl.yaml"))
		case strings.HasPrefix(name, PublishedDir+"/"):
			return uint8(slices.Index(names, PublishedDir+"/extra.yaml"))
		}
		return uint8(slices.Index(names, DataDir+"/stray.yaml"))
	}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, DataDir), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		f.Add(index(filepath.ToSlash(rel)), b)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	for name, s := range map[string]string{
		SourcesFile:                  "sources:\n  - id: report\n    title: \"unterminated\n",
		AgreementsDir + "/ar.yaml":   "agreements:\n  - id: main\n    latam: ar/jujuy-province\n    asia: cn/guizhou\n    kind: sister-city\n    year: 2_018\n    sources:\n      - source: report\n---\nagreements: []\n",
		LocalitiesFile:               "localities:\n  - id: ar/x\n    name: \"=1+1\"\n    level: city\n    country: AR\n    lat: .nan\n    lng: 1e400\n",
		CountriesFile:                "countries:\n  - code: AR\n    name: Argentina\n    region: latin-america\n  - code: XA\n    name: \"ARGENTINA!\"\n    region: latin-america\n",
		PublishedDir + "/extra.yaml": "figures:\n  id: counts\n  title: Counts\n  source: report\n  partner: CN\n  items: []\n",
		SettingsFile:                 "- title: Atlas\n",
	} {
		f.Add(index(name), []byte(s))
	}
	f.Add(uint8(0), []byte("\x00\xff\t: ["))
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		fsys := fstest.MapFS{}
		for n, file := range base {
			fsys[n] = file
		}
		fsys[names[int(which)%len(names)]] = &fstest.MapFile{Data: src}
		d, err := Load(fsys)
		if err == nil {
			_, err = Validate(d, 2026, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		}
		if err == nil {
			return
		}
		list, other := srcpos.Split(err)
		for _, e := range other {
			t.Fatalf("unpositioned error: %v", e)
		}
		for _, e := range list {
			if !strings.HasPrefix(e.Pos.File, DataDir) {
				t.Fatalf("error outside data/: %v", e)
			}
		}
	})
}
