package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"atlas/internal/sitetest"
)

// TestUnusualButValidInput builds sites that are valid but unlike the
// repository's: they must build, and build correctly.
func TestUnusualButValidInput(t *testing.T) {
	t.Run("table without Brazil", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Minimal)
		sitetest.WriteTo(t, src, `-- data/published/table-1.yaml --
table:
  id: rouvinski-table-1
  title: "Table 1: Test"
  source: report
  columns:
    - label: Japan
      partners: [JP]
      plain: JP
  rows:
    - country: AR
      counts: {JP: 2}
  totals: [2]
`)
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		if page, ok := files["charts/table-1/index.html"]; ok && !strings.Contains(string(page), "Argentina's bar, 2, is the longest") {
			t.Error("the Table 1 chart does not name its longest bar")
		}
	})
	t.Run("case about a country without a page", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Minimal+strings.Replace(jujuyCase, "countries: [AR]", "countries: [AR, UY]", 1))
		sitetest.WriteTo(t, src, sitetest.Minimal[strings.Index(sitetest.Minimal, "-- data/countries.yaml --"):strings.Index(sitetest.Minimal, "-- data/localities.yaml --")]+`  - code: UY
    name: Uruguay
    name_es: Uruguay
    region: latin-america
    subregion: South America
`)
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		page := string(files["cases/jujuy/index.html"])
		if strings.Contains(page, "/countries/uruguay/") || !strings.Contains(page, "Uruguay") {
			t.Error("the case page should name Uruguay without linking to a page it does not have")
		}
	})
	t.Run("hidden files and symbolic links", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Minimal+`-- content/cases/.#jujuy.md --
not front matter
-- data/agreements/.#ar.yaml --
not: [yaml
`)
		if err := os.Symlink("/etc/hostname", filepath.Join(src, "static", "host.txt")); err != nil {
			t.Fatal(err)
		}
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := files["static/host.txt"]; ok {
			t.Error("a symbolic link under static/ was published")
		}
	})
}

func TestInputErrorsWithPositions(t *testing.T) {
	tests := []struct{ name, files, want string }{
		{"page slug taken by the site", `-- content/pages/search.md --
---
title: Search
slug: search
summary: x
order: 1
updated: 2026-11-22
---
Text.
`, `content/pages/search.md:3:7: slug: "search" is a path the site uses (a different slug)`},
		{"citation in a table caption", strings.Replace(jujuyCase, "## Background", "Table: Counts [@report]\n| A | B |\n| --- | --- |\n| 1 | 2 |", 1),
			`content/cases/jujuy.md:13:15: citation: a citation in a table caption (cite in the text before the table, or in a cell)`},
		{"blank author", `-- data/sources.yaml --
sources:
  - id: report
    kind: report
    authors: [""]
    title: "A report"
`, `data/sources.yaml:4:14: authors: an empty name (each author's name, or leave the list out)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := sitetest.Write(t, sitetest.Minimal+tt.files)
			_, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
}
