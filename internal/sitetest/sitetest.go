// Package sitetest writes small source trees for end-to-end tests: a txtar
// archive of data and content files, plus the repository's own templates
// and stylesheet, so that tests exercise the real pages.
package sitetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Root returns the repository's root directory.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Write creates a source tree in a new temporary directory from archive,
// with the repository's templates/ (pages and messages) and static/ (but
// static/vendor/) added unless the archive has its own templates, and
// returns its path.
func Write(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	WriteTo(t, dir, archive)
	return dir
}

// WriteTo writes archive's files into dir, over what is there, with the
// repository's templates and static files unless the archive has its own
// templates.
func WriteTo(t testing.TB, dir, archive string) {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	hasTemplates := false
	for _, f := range a.Files {
		hasTemplates = hasTemplates || strings.HasPrefix(f.Name, "templates/")
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	if hasTemplates {
		return
	}
	root := Root(t)
	tmpls, err := filepath.Glob(filepath.Join(root, "templates", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := filepath.Glob(filepath.Join(root, "templates", "messages", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tmpls = append(tmpls, msgs...)
	files := tmpls
	// static/ without the vendored scripts and map, which tests that need
	// them add themselves.
	err = filepath.WalkDir(filepath.Join(root, "static"), func(p string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "vendor":
			return filepath.SkipDir
		case !d.IsDir():
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		writeFile(t, filepath.Join(dir, rel), b)
	}
}

func writeFile(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Minimal is a small valid site: two Latin American countries, a published
// table with every cell pattern, two agreements and a source, and the
// settings of the repository's site but for the About page, which it
// lacks.
const Minimal = `
-- data/site.yaml --
title: "Asia–Latin America Subnational Atlas"
nav:
  - title: Case studies
    path: cases/
  - title: Table 1
    path: table-1/
  - title: Countries
    path: countries/
  - title: Charts
    path: charts/
  - title: Agreements
    path: agreements/
  - title: Sources
    path: sources/
  - title: Data
    path: data/
  - title: Search
    path: search/
-- data/countries.yaml --
countries:
  - code: AR
    name: Argentina
    name_es: Argentina
    name_pt: Argentina
    region: latin-america
    subregion: South America
  - code: BR
    name: Brazil
    name_es: Brasil
    name_pt: Brasil
    region: latin-america
    subregion: South America
  - code: CN
    name: China
    name_es: China
    name_pt: China
    region: asia
    subregion: East Asia
  - code: TW
    name: Taiwan
    name_es: Taiwán
    name_pt: Taiwan
    region: asia
    subregion: East Asia
  - code: JP
    name: Japan
    name_es: Japón
    name_pt: Japão
    region: asia
    subregion: East Asia
  - code: IN
    name: India
    name_es: India
    name_pt: Índia
    region: asia
    subregion: South Asia
-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: Jujuy Province
    level: province
    country: AR
  - id: br/sao-paulo
    name: São Paulo
    level: city
    country: BR
    lat: -23.55
    lng: -46.63
    coords_source: report
  - id: cn/guizhou
    name: Guizhou
    level: province
    country: CN
  - id: jp/osaka
    name: Osaka
    level: city
    country: JP
-- data/sources.yaml --
sources:
  - id: report
    kind: report
    authors: ["Ana Autora"]
    title: "A report on twinning"
    url: "https://example.org/report"
    accessed: "2026-01-15"
-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: 2018
    sources:
      - source: report
        locator: "p. 3"
-- data/agreements/br.yaml --
agreements:
  - id: br-sao-paulo--jp-osaka
    latam: br/sao-paulo
    asia: jp/osaka
    kind: sister-city
    sources:
      - source: report
-- data/published/table-1.yaml --
table:
  id: rouvinski-table-1
  title: "Table 1: Test"
  source: report
  locator: "Table 1"
  columns:
    - label: Japan
      partners: [JP]
      plain: JP
    - label: China and Taiwan
      partners: [CN, TW]
      plain: CN
    - label: Other
      partners: [IN]
  rows:
    - country: AR
      counts: {JP: 2, CN: 3}
    - country: BR
      counts: {CN: 4, TW: 1, IN: 2}
  totals: [2, 8, 2]
  claims:
    - quote: "more than ten"
      check: total-above
      value: 10
`

// SourceDirs are the directories of a source tree.
var SourceDirs = []string{"content", "data", "templates", "static"}

// CopyRepo copies the repository's source directories into a new
// temporary directory and returns it, for tests that edit a real site.
func CopyRepo(t testing.TB) string {
	t.Helper()
	root := Root(t)
	dst := t.TempDir()
	for _, dir := range SourceDirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// Chrome returns the browser for browser tests: $CHROME_PATH, else the
// first of the usual names on $PATH, else "".
func Chrome() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-headless-shell", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Without returns archive without the files named, for sites that lack
// something the minimal site has.
func Without(archive string, names ...string) string {
	a := txtar.Parse([]byte(archive))
	a.Files = slices.DeleteFunc(a.Files, func(f txtar.File) bool { return slices.Contains(names, f.Name) })
	return string(txtar.Format(a))
}
