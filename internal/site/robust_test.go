package site

import (
	"os"
	"strings"
	"testing"

	"atlas/internal/linkcheck"
	"atlas/internal/sitepath"
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
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
		if err != nil {
			t.Fatal(err)
		}
		page, ok := files["charts/table-1/index.html"]
		if !ok {
			t.Fatal("no Table 1 chart page")
		}
		if !strings.Contains(string(page), "Argentina&#39;s bar, 2, is the longest") {
			t.Error("the Table 1 chart does not name its longest bar")
		}
	})
	t.Run("case about a country without a page", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Minimal+strings.Replace(jujuyCase, "countries: [AR]", "countries: [AR, UY]", 1))
		sitetest.WriteTo(t, src, sitetest.Minimal[strings.Index(sitetest.Minimal, "-- data/countries.yaml --"):strings.Index(sitetest.Minimal, "-- data/localities.yaml --")]+`  - code: UY
    name: Uruguay
    name_es: Uruguay
    name_pt: Uruguai
    region: latin-america
    subregion: South America
`)
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
		if err != nil {
			t.Fatal(err)
		}
		page := string(files["cases/jujuy/index.html"])
		if strings.Contains(page, "/countries/uruguay/") || !strings.Contains(page, "Uruguay") {
			t.Error("the case page should name Uruguay without linking to a page it does not have")
		}
	})
	// Sites that lack a kind of input build, and every page they link to
	// is there.
	empty := []struct {
		name, archive string
		want          []string // files the site must have
		not           []string // strings no page may contain
	}{
		{
			name:    "no agreements",
			archive: sitetest.Without(sitetest.Minimal, "data/agreements/ar.yaml", "data/agreements/br.yaml"),
			want:    []string{"index.html", "agreements/index.html", "data/agreements.csv", "table-1/index.html"},
		},
		{
			name:    "no published figures",
			archive: sitetest.Minimal + jujuyCase,
			want:    []string{"index.html", "charts/index.html", "cases/jujuy/index.html"},
			not:     []string{`id="growth"`, "charts/china-2015-2021/"},
		},
		{
			name:    "no case studies",
			archive: sitetest.Minimal,
			want:    []string{"index.html", "cases/index.html", sitepath.Feed, sitepath.Sitemap},
			not:     []string{`id="latest"`, "cases/jujuy/"},
		},
	}
	for _, tt := range empty {
		t.Run(tt.name, func(t *testing.T) {
			// A stand-in for the bundle that test sites leave out.
			src := sitetest.Write(t, tt.archive+"-- static/vendor/echarts/echarts.custom.min.js --\n")
			const baseURL = "https://example.github.io/atlas/"
			files, err := Generate(Config{Src: os.DirFS(src), BaseURL: baseURL, Year: 2026, Date: testDate})
			if err != nil {
				t.Fatal(err)
			}
			base, err := sitepath.ParseBase(baseURL)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range tt.want {
				if _, ok := files[name]; !ok {
					t.Errorf("no %s", name)
				}
			}
			for name, b := range files {
				for _, s := range tt.not {
					if strings.HasSuffix(name, ".html") && strings.Contains(string(b), s) {
						t.Errorf("%s contains %q", name, s)
					}
				}
			}
			for _, p := range linkcheck.Check(files, base) {
				t.Errorf("broken link: %s", p)
			}
		})
	}
	t.Run("hidden files", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Minimal+`-- content/cases/.#jujuy.md --
not front matter
-- data/agreements/.#ar.yaml --
not: [yaml
`)
		files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := files["static/atlas.css"]; !ok {
			t.Error("static/atlas.css was not published")
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
`, `content/pages/search.md:3:7: slug: "search" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`},
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
			_, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
	// Without Table 1 the site cannot build its pages about it: it says
	// so, rather than failing in a template.
	t.Run("no published table", func(t *testing.T) {
		src := sitetest.Write(t, sitetest.Without(sitetest.Minimal, "data/published/table-1.yaml"))
		_, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
		const want = `data/published: id: no published table with id "rouvinski-table-1" (the table reproduced at /table-1/)`
		if err == nil || err.Error() != want {
			t.Errorf("error = %v\nwant %s", err, want)
		}
	})
}
