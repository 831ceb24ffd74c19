package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitetest"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func runAtlas(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuildMinimal(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runAtlas("build", "-src", src, "-out", out)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "built ") {
		t.Errorf("stdout = %q, want a summary", stdout)
	}
	for _, f := range []string{"index.html", "table-1/index.html", "countries/argentina/index.html", "countries/brazil/index.html", "agreements/index.html", "sources/index.html", "data/agreements.csv", "404.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "-nope"}, {"build", "extra"}} {
		if code, _, _ := runAtlas(args...); code != exitUsage {
			t.Errorf("atlas %q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestBadInput builds a good site, then each broken variant into the same
// output directory, and checks the exact messages, the exit status and
// that the previous output is untouched.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files string   // txtar files replacing the minimal site's
		drop  []string // files of the minimal site to leave out
		want  []string
	}{
		{
			name: "syntax error",
			files: `-- data/sources.yaml --
sources:
  - id: report
    title: "unterminated
`,
			want: []string{"data/sources.yaml:3:1: invalid YAML: found unexpected end of stream"},
		},
		{
			name:  "tab in indentation",
			files: "-- data/sources.yaml --\nsources:\n  - id: report\n\tkind: report\n",
			want:  []string{"data/sources.yaml:3:1: tab in indentation (indent with spaces)"},
		},
		{
			name: "unknown field",
			files: `-- data/sources.yaml --
sources:
  - id: report
    kind: report
    titel: "A report"
`,
			want: []string{
				"data/sources.yaml:2:5: title: missing (required)",
				"data/sources.yaml:4:5: titel: unknown field (expected one of id, kind, authors, title, container, publisher, year, date, url, accessed, licence, note)",
			},
		},
		{
			name: "wrong type",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: twenty-eighteen
    sources:
      - source: report
`,
			want: []string{`data/agreements/ar.yaml:6:11: year: got "twenty-eighteen" (expected a whole number)`},
		},
		{
			name: "duplicate id across files",
			files: `-- data/agreements/zz.yaml --
agreements:
  - id: br-sao-paulo--jp-osaka
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: friendship
    sources:
      - source: report
`,
			want: []string{`data/agreements/zz.yaml:2:9: id: duplicate agreement id "br-sao-paulo--jp-osaka" (first defined at data/agreements/br.yaml:2:9)`},
		},
		{
			name: "unknown references",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy
    asia: cn/guizhou
    kind: sister-city
    sources:
      - source: myers-2021
-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: Jujuy Province
    level: province
    country: XX
  - id: br/sao-paulo
    name: São Paulo
    level: city
    country: BR
  - id: cn/guizhou
    name: Guizhou
    level: province
    country: CN
  - id: jp/osaka
    name: Osaka
    level: city
    country: JP
`,
			want: []string{
				`data/agreements/ar.yaml:3:12: latam: unknown locality id "ar/jujuy" (an id from data/localities.yaml)`,
				`data/agreements/ar.yaml:7:17: source: unknown source id "myers-2021" (an id from data/sources.yaml)`,
				`data/localities.yaml:5:14: country: unknown country code "XX" (a code from data/countries.yaml)`,
			},
		},
		{
			name: "impossible years",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: 1850
    sources:
      - source: report
  - id: ar-jujuy-province--jp-osaka
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: sister-city
    year: 2999
    sources:
      - source: report
`,
			want: []string{
				"data/agreements/ar.yaml:6:11: year: 1850 is before 1900 (a year from 1900 to 2026)",
				"data/agreements/ar.yaml:13:11: year: 2999 is after the current year (a year from 1900 to 2026)",
			},
		},
		{
			name: "impossible dates",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: 2018
    date: 2017-05-01
    date_basis: handshake
    sources:
      - source: report
  - id: ar-jujuy-province--jp-osaka
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: sister-city
    date: 2018-05
    date_basis: signature
    sources:
      - source: report
`,
			want: []string{
				`data/agreements/ar.yaml:7:11: date: "2017-05-01" is not in the year 2018 (a date in the record's year)`,
				`data/agreements/ar.yaml:8:17: date_basis: unknown value "handshake" (expected one of signature, declaration, council-resolution, approval, announcement)`,
				`data/agreements/ar.yaml:15:11: date: given without a year (add year: 2018)`,
				`data/agreements/ar.yaml:16:17: date_basis: given without a year (omit it, or add the year the source gives)`,
			},
		},
		{
			name: "totals do not add up",
			files: `-- data/published/table-1.yaml --
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
  totals: [3]
`,
			want: []string{`data/published/table-1.yaml:12:11: totals: column "Japan": the cells add up to 2 but the printed total is 3 (cells that add up to the printed total)`},
		},
		{
			name: "figure missing from the grid",
			files: `-- data/published/figures.yaml --
figures:
  id: counts
  title: "Counts"
  source: report
  partner: CN
  items:
    - {scope: all, as_of: 2015, value: 3, bound: exact}
    - {scope: all, as_of: 2021, value: 5, bound: at-least}
    - {scope: AR, as_of: 2021, value: 2, bound: exact}
`,
			want: []string{`data/published/figures.yaml:7:5: items: no figure for scope "AR" as of 2015 (the chart needs every scope in every year)`},
		},
		{
			// Found once every page is built.
			name: "broken link",
			files: `-- content/pages/about.md --
---
title: About
slug: about
summary: What the atlas is.
order: 1
updated: 2026-11-22
---
See [the list](/nowhere/).
`,
			want: []string{`content/pages/about.md:8:5: link: "/nowhere/": no such page or file (a page of the site)`},
		},
		{
			name:  "empty file",
			files: "-- data/sources.yaml --\n",
			want:  []string{`data/sources.yaml:1:1: file is empty (expected a mapping with key "sources")`},
		},
		{
			name:  "binary file",
			files: "-- data/sources.yaml --\nsources:\x00\x01\x02\n",
			want:  []string{"data/sources.yaml:1:1: not a UTF-8 text file (expected YAML text)"},
		},
		{
			name: "truncated file",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
`,
			want: []string{
				"data/agreements/ar.yaml:2:5: asia: missing (required)",
				"data/agreements/ar.yaml:2:5: kind: missing (required)",
				"data/agreements/ar.yaml:2:5: sources: missing (required)",
			},
		},
		{
			name: "no settings",
			drop: []string{"data/site.yaml"},
			want: []string{"data/site.yaml: file is missing (every site needs it)"},
		},
		{
			name: "settings with problems",
			files: `-- data/site.yaml --
titel: Atlas
nav:
  - title: Countries
    path: /countries/
  - title: Charts
    path: https://example.org/charts/
  - path: cases/
  - title: Cases again
    path: cases/
  - title: Sources
    path: sources
`,
			want: []string{
				"data/site.yaml:1:1: titel: unknown field (expected one of title, nav)",
				"data/site.yaml:1:1: title: missing (required)",
				`data/site.yaml:4:11: path: "/countries/" is not a page path (a site-relative path ending in "/", such as "countries/")`,
				`data/site.yaml:6:11: path: "https://example.org/charts/" is not a page path (a site-relative path ending in "/", such as "countries/")`,
				"data/site.yaml:7:5: title: missing (required)",
				`data/site.yaml:9:11: path: "cases/" is already in the navigation (first at data/site.yaml:7:11)`,
				`data/site.yaml:11:11: path: "sources" is not a page path (a site-relative path ending in "/", such as "countries/")`,
			},
		},
		{
			// Checked once the site is built: the minimal site has no
			// About page.
			name: "navigation to a page the site lacks",
			files: `-- data/site.yaml --
title: Atlas
nav:
  - title: Countries
    path: countries/
  - title: About
    path: about/
`,
			want: []string{`data/site.yaml:6:11: path: "about/": no such page (the path of a page the site builds, such as "countries/")`},
		},
		{
			name:  "settings not a mapping",
			files: "-- data/site.yaml --\n- title: Atlas\n",
			want:  []string{"data/site.yaml:1:1: got a list (expected a mapping with keys title, nav)"},
		},
	}
	src := sitetest.Write(t, sitetest.Minimal)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runAtlas("build", "-src", src, "-out", out, "-year", "2026"); code != 0 {
		t.Fatalf("good build: exit %d:\n%s", code, stderr)
	}
	before := snapshot(t, out)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := sitetest.Write(t, sitetest.Without(sitetest.Minimal, tt.drop...))
			sitetest.WriteTo(t, src, tt.files)
			code, _, stderr := runAtlas("build", "-src", src, "-out", out, "-year", "2026")
			if code != exitInput {
				t.Errorf("exit %d, want %d", code, exitInput)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			got := lines[:len(lines)-1] // the last line is the summary
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if want := fmt.Sprintf("atlas: %d problem(s); nothing was written", len(tt.want)); lines[len(lines)-1] != want {
				t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
			}
			if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
				t.Errorf("previous output changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestBuildFailure checks how a failure that is not about a data or
// content file prints: as one "atlas: " line, without a problem count.
func TestBuildFailure(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	sitetest.WriteTo(t, src, "-- templates/home.html --\n{{define \"main\"}}{{.Data.Nope}}{{end}}\n")
	code, _, stderr := runAtlas("build", "-src", src, "-out", filepath.Join(t.TempDir(), "public"), "-year", "2026")
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	// One line naming the template, however the template package words
	// the rest.
	if !strings.HasPrefix(stderr, "atlas: ") || !strings.Contains(stderr, "templates/home.html") ||
		strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "problem(s)") {
		t.Errorf("stderr:\n%s\nwant one line: atlas: ... templates/home.html ...", stderr)
	}
}
