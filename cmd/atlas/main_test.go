package main

import (
	"bytes"
	"context"
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
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "-nope"}, {"build", "extra"}, {"build", "-date", "2026-13-01"}, {"build", "-date", "30/11/2026"}} {
		if code, _, _ := runAtlas(args...); code != exitUsage {
			t.Errorf("atlas %q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

const (
	dataLayout = "data/countries.yaml, data/localities.yaml, data/sources.yaml, data/site.yaml, data/agreements/<country code>.yaml or data/published/<name>.yaml"
	mdLayout   = "Markdown file outside content/cases/ and content/pages/, not built (move a case study into content/cases/, a page into content/pages/, or a translation into content/<lang>/cases or pages)"
)

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
				"data/sources.yaml:4:5: titel: unknown field (expected one of id, kind, authors, title, container, publisher, year, date, url, accessed, licence, note, lang)",
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
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: br-sao-paulo--jp-osaka
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: friendship
    sources:
      - source: report
`,
			want: []string{`data/agreements/br.yaml:2:9: id: duplicate agreement id "br-sao-paulo--jp-osaka" (first defined at data/agreements/ar.yaml:2:9)`},
		},
		{
			name: "record in another country's file",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: br-sao-paulo--cn-guizhou
    latam: br/sao-paulo
    asia: cn/guizhou
    kind: friendship
    sources:
      - source: report
`,
			want: []string{`data/agreements/ar.yaml:3:12: latam: "br/sao-paulo" is not a locality of AR, the country of this file (a record goes in the file of its Latin American country: data/agreements/br.yaml)`},
		},
		{
			name: "data files outside the layout",
			files: `-- data/agreements-new.yaml --
agreements: []
-- data/foo/bar.yaml --
x: 1
-- data/agreements/old/ar.yaml --
agreements: []
-- data/published/x.yml --
table: {}
-- data/notes.txt --
not YAML, not read, not an error
`,
			want: []string{
				"data/agreements-new.yaml: file outside the data layout, not read (expected " + dataLayout + ")",
				"data/agreements/old/ar.yaml: file outside the data layout, not read (expected " + dataLayout + ")",
				"data/foo/bar.yaml: file outside the data layout, not read (expected " + dataLayout + ")",
				"data/published/x.yml: unexpected extension .yml (name data files *.yaml)",
			},
		},
		{
			name: "Markdown outside cases and pages",
			files: `-- content/drafts/x.md --
not built
-- content/about.md --
not built
-- content/cases/old/y.md --
not built
-- content/README.txt --
not read
`,
			want: []string{
				"content/about.md: " + mdLayout,
				"content/cases/old/y.md: " + mdLayout,
				"content/drafts/x.md: " + mdLayout,
			},
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
  - id: ar-jujuy-province--cn-guizhou--2
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: friendship
    year: 2026
    date: 2026-12-01
    sources:
      - source: report
  - id: ar-jujuy-province--cn-guizhou--3
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: cooperation
    year: 2026
    date: 2026-12
    sources:
      - source: report
  - id: ar-jujuy-province--cn-guizhou--4
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: mou
    year: 2026
    date: 2026-11
    sources:
      - source: report
  - id: ar-jujuy-province--jp-osaka--2
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: friendship
    year: 2018
    date: 2018-02-30
    sources:
      - source: report
  - id: ar-jujuy-province--jp-osaka--3
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: cooperation
    year: 2018
    date: 2018-00
    sources:
      - source: report
`,
			// The build's day is 2026-11-30: dates later in its year were
			// accepted, as only years were compared, and so were days and
			// months that no calendar has.
			want: []string{
				`data/agreements/ar.yaml:7:11: date: "2017-05-01" is not in the year 2018 (a date in the record's year)`,
				`data/agreements/ar.yaml:8:17: date_basis: unknown value "handshake" (expected one of signature, declaration, council-resolution, approval, announcement)`,
				`data/agreements/ar.yaml:15:11: date: given without a year (add year: 2018)`,
				`data/agreements/ar.yaml:16:17: date_basis: given without a year (omit it, or add the year the source gives)`,
				`data/agreements/ar.yaml:24:11: date: "2026-12-01" is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`data/agreements/ar.yaml:32:11: date: "2026-12" is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`data/agreements/ar.yaml:48:11: date: "2018-02-30" is not a month or day (YYYY-MM or YYYY-MM-DD; a bare year goes in year)`,
				`data/agreements/ar.yaml:56:11: date: "2018-00" is not a month or day (YYYY-MM or YYYY-MM-DD; a bare year goes in year)`,
			},
		},
		{
			name: "access dates",
			files: `-- data/sources.yaml --
sources:
  - id: report
    kind: report
    title: "A report on twinning"
    url: "https://example.org/report"
  - id: later
    kind: news
    title: "A report from the future"
    url: "https://example.org/later"
    accessed: "2027-01-02"
  - id: no-day
    kind: news
    title: "A report read on no day"
    url: "https://example.org/no-day"
    accessed: "2026-02-30"
  - id: offline
    kind: book
    title: "A printed book"
  - id: tomorrow
    kind: news
    title: "A report read the day after the build"
    url: "https://example.org/tomorrow"
    accessed: "2026-12-01"
  - id: today
    kind: news
    title: "A report read on the build's day"
    url: "https://example.org/today"
    accessed: "2026-11-30"
    date: "2026-11-30"
  - id: forthcoming
    kind: book
    title: "A book dated after the build"
    date: "2026-12"
  - id: no-month
    kind: book
    title: "A book of no month"
    date: "2019-13"
`,
			// The build's day is 2026-11-30: a day later in the same year
			// was accepted, as only years were compared.
			want: []string{
				"data/sources.yaml:2:5: accessed: missing (the day the web page was read, YYYY-MM-DD)",
				`data/sources.yaml:10:15: accessed: "2027-01-02" is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`data/sources.yaml:15:15: accessed: "2026-02-30" is not a day (YYYY-MM-DD)`,
				`data/sources.yaml:23:15: accessed: "2026-12-01" is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`data/sources.yaml:33:11: date: "2026-12" is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`data/sources.yaml:37:11: date: "2019-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
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
			// Found by validation, in any figure set, not only in the one
			// a chart draws.
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
			want:  []string{"data/sources.yaml:1:9: not a UTF-8 text file (expected YAML text)"},
		},
		{
			name: "second YAML document",
			files: `-- data/sources.yaml --
# The bibliography.
---
sources:
  - id: report
    kind: report
    title: "A report on twinning"
---
  - id: dropped
    kind: nonsense
`,
			want: []string{`data/sources.yaml:7:1: document marker "---": yaml would ignore everything after it (one YAML document per file; remove the line)`},
		},
		{
			name: "numbers yaml takes that are not plain",
			files: `-- data/agreements/ar.yaml --
agreements:
  - id: ar-jujuy-province--cn-guizhou
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: 2_018
    sources:
      - source: report
  - id: ar-jujuy-province--jp-osaka
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: sister-city
    year: +2018
    sources:
      - source: report
-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: Jujuy Province
    level: province
    country: AR
    lat: .nan
    lng: .inf
  - id: br/sao-paulo
    name: São Paulo
    level: city
    country: BR
    lat: 1_0.5
    lng: 0x1p3
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
				`data/agreements/ar.yaml:6:11: year: got "2_018" (expected a whole number)`,
				`data/agreements/ar.yaml:13:11: year: got "+2018" (expected a whole number)`,
				`data/localities.yaml:6:10: lat: got ".nan" (expected a number)`,
				`data/localities.yaml:7:10: lng: got ".inf" (expected a number)`,
				`data/localities.yaml:12:10: lat: got "1_0.5" (expected a number)`,
				`data/localities.yaml:13:10: lng: got "0x1p3" (expected a number)`,
			},
		},
		{
			name: "huge count",
			files: `-- data/published/table-1.yaml --
table:
  id: rouvinski-table-1
  title: "Table 1: Test"
  source: report
  columns:
    - label: Japan
      partners: [JP]
      plain: JP
    - label: China
      partners: [CN]
      plain: CN
  rows:
    - country: AR
      counts: {JP: 9223372036854775807, CN: 2}
    - country: BR
      counts: {JP: 2, CN: 9223372036854775807}
  totals: [-9223372036854775807, 1]
`,
			want: []string{
				`data/published/table-1.yaml:14:16: counts: count 9223372036854775807 for "JP" is too large (a count from 1 to 1000000)`,
				`data/published/table-1.yaml:16:23: counts: count 9223372036854775807 for "CN" is too large (a count from 1 to 1000000)`,
				`data/published/table-1.yaml:17:11: totals: column "China": the cells add up to 2 but the printed total is 1 (cells that add up to the printed total)`,
				`data/published/table-1.yaml:17:11: totals: column "Japan": -9223372036854775807 is out of range (a total from 0 to 1000000)`,
			},
		},
		{
			name: "huge published figure",
			files: `-- data/published/figures.yaml --
figures:
  id: test-figures
  title: "Test figures"
  source: report
  partner: CN
  items:
    - scope: all
      as_of: 2015
      value: 9223372036854775807
      bound: exact
      quote: "many"
`,
			want: []string{`data/published/figures.yaml:9:14: value: 9223372036854775807 is too large (a count from 0 to 1000000)`},
		},
		{
			name: "empty names and control characters",
			files: `-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: ""
    level: province
    country: AR
  - id: br/sao-paulo
    name: "  "
    level: city
    country: BR
  - id: cn/guizhou
    name: "Gui\u202Ezhou"
    level: province
    country: CN
  - id: jp/osaka
    name: "\e[31mOsaka"
    level: city
    country: JP
-- data/sources.yaml --
sources:
  - id: report
    kind: report
    title: "A \0 report"
`,
			want: []string{
				`data/localities.yaml:3:11: name: empty value (required)`,
				`data/localities.yaml:7:11: name: empty value (required)`,
				`data/localities.yaml:11:11: name: control character U+202E in the text (text without control or bidirectional formatting characters)`,
				`data/localities.yaml:15:11: name: control character U+001B in the text (text without control or bidirectional formatting characters)`,
				`data/sources.yaml:4:12: title: control character U+0000 in the text (text without control or bidirectional formatting characters)`,
			},
		},
		{
			name:  "bad UTF-8 byte",
			files: "-- data/sources.yaml --\nsources:\n  - id: report\n    title: \"Caf\xe9\"\n",
			want:  []string{"data/sources.yaml:3:16: not a UTF-8 text file (expected YAML text)"},
		},
		{
			name: "spreadsheet formulas and BibTeX braces",
			files: `-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: "=HYPERLINK(\"https://evil.example/\", \"Jujuy\")"
    level: province
    country: AR
  - id: br/sao-paulo
    name: "+São Paulo"
    level: city
    country: BR
  - id: cn/guizhou
    name: "-Guizhou"
    level: province
    country: CN
  - id: jp/osaka
    name: "@Osaka"
    level: city
    country: JP
-- data/sources.yaml --
sources:
  - id: report
    kind: report
    authors: ["@cmd"]
    title: "=1+1"
    url: "https://example.org/}, note = {injected"
    accessed: "2026-01-02"
`,
			want: []string{
				`data/localities.yaml:3:11: name: "=HYPERLINK(\"https://evil.example/\", \"Jujuy\")" starts with "=", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/localities.yaml:7:11: name: "+São Paulo" starts with "+", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/localities.yaml:11:11: name: "-Guizhou" starts with "-", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/localities.yaml:15:11: name: "@Osaka" starts with "@", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/sources.yaml:4:14: authors: "@cmd" starts with "@", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/sources.yaml:5:12: title: "=1+1" starts with "=", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
				`data/sources.yaml:6:10: url: "https://example.org/}, note = {injected" contains "}" (a URL without braces: write %7B for { and %7D for })`,
			},
		},
		{
			name: "front matter problems",
			files: `-- content/pages/about.md --
---
title: "About"
slug: about
summary: "What the atlas is."
order: 1
updated: 2026-11-22
...
order: 2
---
A claim [@report, p. 3
and [[@report]](/table-1/), [x](javascript:alert(1)).
-- content/pages/method.md --
---
title: ""
slug: method
summary: "How."
order: 2
updated: 2026-11-22
---
Table: Counts <i>by</i> year
| a |
| --- |
| 1 |
`,
			want: []string{
				`content/pages/about.md:7:1: document marker "...": yaml would ignore everything after it (one YAML document per file; remove the line)`,
				`content/pages/method.md:2:8: title: empty value (required)`,
			},
		},
		{
			name: "body problems",
			files: `-- content/pages/about.md --
---
title: "About"
slug: about
summary: "What the atlas is."
order: 1
updated: 2026-11-22
---
A claim [@report, p. 3
and [[@report]](/table-1/), [x](javascript:alert(1)).

Table: Counts <i>by</i> year
| a |
| --- |
| 1 |
`,
			want: []string{
				`content/pages/about.md:8:9: citation: not closed on its line (a citation [@source-id] on one line, ending with "]")`,
				`content/pages/about.md:9:6: citation: a citation inside a link's text (cite before or after the link)`,
				`content/pages/about.md:9:29: link: "javascript:alert(1)": a javascript: link is not allowed (an http:, https: or mailto: URL, or a path of the site)`,
				`content/pages/about.md:11:15: body: raw HTML "<i>" is not allowed (write Markdown)`,
				`content/pages/about.md:11:20: body: raw HTML "</i>" is not allowed (write Markdown)`,
			},
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
				"data/site.yaml:1:1: titel: unknown field (expected one of title, languages, nav)",
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
			want: []string{`data/site.yaml:6:11: path: "about/": no such page in en (the path of a page the site builds, such as "countries/")`},
		},
		{
			name: "file names that are not slugs",
			files: "-- content/cases/zz test.md --\n" + caseFront("zz test") +
				"-- content/cases/a#b?c.md --\n" + caseFront("a#b?c") +
				"-- content/pages/Upper.md --\n" + pageFront("Upper"),
			want: []string{
				`content/cases/a#b?c.md:3:7: slug: "a#b?c" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
				`content/cases/zz test.md:3:7: slug: "zz test" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
				`content/pages/Upper.md:3:7: slug: "Upper" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
			},
		},
		{
			// The site's own files all have a dot, which no slug has.
			name: "page slugs of the site's files",
			files: "-- content/pages/index.html.md --\n" + pageFront("index.html") +
				"-- content/pages/robots.txt.md --\n" + pageFront("robots.txt") +
				"-- content/pages/404.html.md --\n" + pageFront("404.html") +
				"-- content/pages/feed.xml.md --\n" + pageFront("feed.xml"),
			want: []string{
				`content/pages/404.html.md:3:7: slug: "404.html" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
				`content/pages/feed.xml.md:3:7: slug: "feed.xml" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
				`content/pages/index.html.md:3:7: slug: "index.html" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
				`content/pages/robots.txt.md:3:7: slug: "robots.txt" is not a slug (lowercase letters, digits and hyphens, such as "biobio"; rename the file to match)`,
			},
		},
		{
			name: "page slugs the site uses",
			files: "-- content/pages/places.md --\n" + pageFront("places") +
				"-- content/pages/partners.md --\n" + pageFront("partners") +
				"-- content/pages/agreements.md --\n" + pageFront("agreements") +
				"-- content/pages/search.md --\n" + pageFront("search") +
				"-- content/pages/static.md --\n" + pageFront("static"),
			want: []string{
				`content/pages/agreements.md:3:7: slug: "agreements" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`,
				`content/pages/partners.md:3:7: slug: "partners" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`,
				`content/pages/places.md:3:7: slug: "places" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`,
				`content/pages/search.md:3:7: slug: "search" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`,
				`content/pages/static.md:3:7: slug: "static" is a path the site uses (a slug other than agreements, cases, charts, countries, data, partners, places, search, sources, static, table-1)`,
			},
		},
		{
			name: "country names that give one page path",
			files: `-- data/countries.yaml --
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
  - code: XA
    name: "ARGENTINA!"
    name_es: Argentina
    name_pt: Argentina
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
  - code: XB
    name: "中国"
    name_es: China
    name_pt: China
    region: asia
    subregion: East Asia
`,
			want: []string{
				`data/countries.yaml:15:11: name: "ARGENTINA!" gives the slug "argentina", the path of its page, as "Argentina" does (first at data/countries.yaml:3:11) (a name that differs in its letters or digits)`,
				`data/countries.yaml:45:11: name: "中国" gives an empty slug, the path of its page (a name with Latin letters or digits)`,
			},
		},
		{
			name: "country without a Portuguese name",
			files: `-- data/countries.yaml --
countries:
  - code: AR
    name: Argentina
    name_es: Argentina
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
    name_pt: ""
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
`,
			want: []string{
				"data/countries.yaml:2:5: name_pt: missing (required)",
				"data/countries.yaml:16:14: name_pt: empty value (required)",
			},
		},
		{
			name: "Portuguese country name as a formula",
			files: `-- data/countries.yaml --
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
    name_pt: "=Brasil"
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
`,
			want: []string{
				`data/countries.yaml:11:14: name_pt: "=Brasil" starts with "=", which spreadsheets run as a formula from the CSV downloads (text that starts with another character)`,
			},
		},
		{
			name: "local names",
			files: `-- data/localities.yaml --
localities:
  - id: ar/jujuy-province
    name: Jujuy Province
    level: province
    country: AR
    aliases:
      - name: "Provincia de Jujuy"
        lang: es
        local: true
        source: report
      - name: "Jujuy"
        lang: es
        local: true
        source: report
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
    aliases:
      - name: "Ōsaka-shi"
        local: true
        source: report
`,
			want: []string{
				`data/localities.yaml:13:16: local: "Jujuy" is the second local name of "ar/jujuy-province" (at most one, the usual form; first "Provincia de Jujuy" at data/localities.yaml:9:16)`,
				`data/localities.yaml:29:16: local: "Ōsaka-shi" is marked local without its language (add lang, such as es or pt)`,
			},
		},
		{
			name: "figure set without figures",
			files: `-- data/published/figures.yaml --
figures:
  id: counts
  title: "Counts"
  source: report
  partner: CN
  items: []
`,
			want: []string{`data/published/figures.yaml:6:10: items: empty list (at least one figure)`},
		},
		{
			name: "ids that the pages use for elements",
			files: `-- data/sources.yaml --
sources:
  - id: report
    kind: report
    authors: ["Ana Autora"]
    title: "A report on twinning"
    url: "https://example.org/report"
    accessed: "2026-01-15"
  - id: main
    kind: web
    title: "Main"
  - id: ref-2
    kind: web
    title: "Ref"
  - id: br-sao-paulo
    kind: web
    title: "A locality's anchor"
  - id: 3era-voz
    kind: web
    title: "An id that starts with a digit"
-- data/agreements/ar.yaml --
agreements:
  - id: references
    latam: ar/jujuy-province
    asia: cn/guizhou
    kind: sister-city
    year: 2018
    sources:
      - source: report
        locator: "p. 3"
  - id: ar-jujuy-province
    latam: ar/jujuy-province
    asia: jp/osaka
    kind: friendship
    sources:
      - source: report
`,
			want: []string{
				`data/agreements/ar.yaml:2:9: id: agreement id "references" is an element id the pages use (` + reservedIDs + `)`,
				`data/agreements/ar.yaml:10:9: id: agreement id "ar-jujuy-province" is the anchor of locality "ar/jujuy-province" on its country's page (another id)`,
				`data/sources.yaml:8:9: id: source id "main" is an element id the pages use (` + reservedIDs + `)`,
				`data/sources.yaml:11:9: id: source id "ref-2" is an element id the pages use (` + reservedIDs + `)`,
				`data/sources.yaml:14:9: id: source id "br-sao-paulo" is the anchor of locality "br/sao-paulo" on its country's page (another id)`,
				`data/sources.yaml:17:9: id: source id "3era-voz" starts with a digit, and the pages use it as an element id (an id that starts with a letter)`,
			},
		},
		{
			// The build's day is 2026-11-30 (-date): a later updated: date
			// in the same year was accepted, as only years were compared.
			name: "updated after the build's day",
			files: "-- content/pages/about.md --\n" + strings.Replace(pageFront("about"), "2026-01-01", "2026-12-01", 1) +
				"-- content/cases/later.md --\n" + strings.Replace(caseFront("later"), "2026-01-01", "2027-01-01", 1) +
				"-- content/cases/today.md --\n" + strings.Replace(caseFront("today"), "2026-01-01", "2026-11-30", 1),
			want: []string{
				`content/cases/later.md:7:10: updated: 2027-01-01 is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
				`content/pages/about.md:6:10: updated: 2026-12-01 is after the build's day, 2026-11-30 (a date no later than it; build with -date to set the day)`,
			},
		},
		{
			// Found by FuzzBuild: a lone "-" left a nil record, and
			// validation panicked on it.
			name:  "empty list item",
			files: "-- data/agreements/ar.yaml --\nagreements:\n  -\n",
			want:  []string{"data/agreements/ar.yaml:2:4: agreements: an empty list item (expected a mapping with keys id, latam, asia, kind, term, year, date, date_basis, status, sources, provenance, wikidata, note)"},
		},
		{
			// yaml.v3 ended a line at the lone CR: the unknown field below
			// was reported on line 4 of a file whose editor shows it on 3.
			name:  "lone carriage return in a data file",
			files: "-- data/sources.yaml --\nsources:\n  - id: report\r    kind: report\n    titel: x\n",
			want:  []string{"data/sources.yaml:2:15: a carriage return without a line feed, which YAML reads as a line break but a position does not (save the file with LF or CRLF line endings, and no other line break)"},
		},
		{
			name:  "CRLF data file",
			files: "-- data/sources.yaml --\nsources:\r\n  - id: report\r\n    kind: report\r\n    titel: x\r\n",
			want: []string{
				"data/sources.yaml:2:5: title: missing (required)",
				"data/sources.yaml:4:5: titel: unknown field (expected one of id, kind, authors, title, container, publisher, year, date, url, accessed, licence, note, lang)",
			},
		},
		{
			// Found by FuzzBuild: a lone "-" in the navigation gave an
			// item without a position, and an error at none.
			name:  "empty navigation item",
			files: "-- data/site.yaml --\ntitle: Atlas\nnav:\n  - title: Countries\n    path: countries/\n  -\n",
			want:  []string{"data/site.yaml:5:4: nav: an empty list item (expected a mapping with keys title, titles, path)"},
		},
		{
			name:  "settings not a mapping",
			files: "-- data/site.yaml --\n- title: Atlas\n",
			want:  []string{"data/site.yaml:1:1: got a list (expected a mapping with keys title, languages, nav)"},
		},
	}
	src := sitetest.Write(t, sitetest.Minimal)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runAtlas("build", "-src", src, "-out", out, "-year", "2026", "-date", "2026-11-30"); code != 0 {
		t.Fatalf("good build: exit %d:\n%s", code, stderr)
	}
	before := snapshot(t, out)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := sitetest.Write(t, sitetest.Without(sitetest.Minimal, tt.drop...))
			sitetest.WriteTo(t, src, tt.files)
			code, _, stderr := runAtlas("build", "-src", src, "-out", out, "-year", "2026", "-date", "2026-11-30")
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

// reservedIDs is the expected part of the message about an id the pages
// use.
const reservedIDs = "an id other than agreements, asia, atlas-words, by-country, by-level, cases, checks, compare, country-agreements, data, embed, embed-code, examples, explore, figures, growth, latam, latest, localities, locator-title, main, milestones, other-agreements, others, partner-agreements, partners, place-agreements, places, q, reading, reconciled, references, site-q, source, sources, table-1, unmapped, and not starting with cite-, ref-, with-, in-"

// caseFront is a valid case study for the minimal site, with the given
// slug on line 3.
func caseFront(slug string) string {
	return "---\ntitle: \"A case\"\nslug: " + slug + "\nsummary: \"A case.\"\ncountries: [AR]\nsources: [report]\nupdated: 2026-01-01\n---\nText.\n"
}

// pageFront is a valid research page with the given slug on line 3.
func pageFront(slug string) string {
	return "---\ntitle: \"A page\"\nslug: " + slug + "\nsummary: \"A page.\"\norder: 9\nupdated: 2026-01-01\n---\nText.\n"
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

// TestBuildOutInsideSource: an output inside static/ was copied into the
// next output, each build nesting the last; inside content/, data/ or
// templates/, or the source itself, it would be read back or replace
// the input.
func TestBuildOutInsideSource(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	before := snapshot(t, src)
	for _, out := range []string{"static/site", "static", "content/cases/out", "data", "templates/x", "."} {
		code, _, stderr := runAtlas("build", "-src", src, "-out", filepath.Join(src, out))
		if code != exitUsage || !strings.Contains(stderr, "atlas build: -out "+filepath.Join(src, out)+" is ") {
			t.Errorf("-out %s: exit %d, stderr %q; want a usage error naming it", out, code, stderr)
		}
	}
	if diff := cmp.Diff(before, snapshot(t, src)); diff != "" {
		t.Errorf("the source changed (-before +after):\n%s", diff)
	}
	out := filepath.Join(src, "public")
	if code, _, stderr := runAtlas("build", "-src", src, "-out", out); code != exitOK {
		t.Errorf("-out public inside the source: exit %d:\n%s", code, stderr)
	}
}

// TestBuildRefusesForeignDirectory: a directory with an index.html beside
// someone's own files used to be replaced by the build.
func TestBuildRefusesForeignDirectory(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	out := t.TempDir()
	for name, body := range map[string]string{"index.html": "mine", "thesis.tex": "chapter 1"} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, out)
	code, _, stderr := runAtlas("build", "-src", src, "-out", out)
	want := "atlas: refusing to replace " + out + ": it is not empty and has no .atlas-manifest, so the atlas did not write it (remove it yourself, or choose another -out)\n"
	if code != exitInput || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
		t.Errorf("the directory changed (-before +after):\n%s", diff)
	}
}

// TestBuildInterrupted: a build stopped by SIGINT or SIGTERM (a cancelled
// context) leaves the previous output and nothing beside it.
func TestBuildInterrupted(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, stderr := runAtlas("build", "-src", src, "-out", out); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	before := snapshot(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := build(ctx, []string{"-src", src, "-out", out}, &stdout, &stderr)
	if want := "atlas: interrupted; " + out + " was left as it was\n"; code != exitInput || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), exitInput, want)
	}
	if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
		t.Errorf("the output changed (-before +after):\n%s", diff)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}
