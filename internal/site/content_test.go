package site

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitetest"
)

const jujuyCase = `-- content/cases/jujuy.md --
---
title: "Jujuy and Guizhou"
slug: jujuy
summary: "A test case."
countries: [AR]
localities: [ar/jujuy-province, cn/guizhou]
partners: [CN]
period: {from: 2018}
sources: [report]
updated: 2026-11-22
---

## Background

Jujuy twinned with Guizhou in 2018 [@report, p. 3]. See [Table 1](/table-1/#compare).
`

func TestCaseStudyErrors(t *testing.T) {
	tests := []struct {
		name      string
		old, new_ string
		want      []string
	}{
		{"unknown citation", "[@report, p. 3]", "[@myers-2021, p. 3]",
			[]string{`content/cases/jujuy.md:15:37: citation: unknown source id "myers-2021" (an id from data/sources.yaml)`}},
		{"unknown locality and country", "countries: [AR]\nlocalities: [ar/jujuy-province,", "countries: [CN]\nlocalities: [ar/jujuy,",
			[]string{
				`content/cases/jujuy.md:5:12: countries: country "CN" is in region asia (expected a country in latin-america)`,
				`content/cases/jujuy.md:6:13: localities: unknown locality id "ar/jujuy" (an id from data/localities.yaml)`,
			}},
		{"broken link", "(/table-1/#compare)", "(/table-2/)",
			[]string{`content/cases/jujuy.md:15:57: link: "/table-2/": no such page or file (a page of the site)`}},
		{"broken anchor", "(/table-1/#compare)", "(/table-1/#nowhere)",
			[]string{`content/cases/jujuy.md:15:57: link: "/table-1/#nowhere": no id "nowhere" on table-1/index.html (a page of the site)`}},
		{"impossible period", "period: {from: 2018}", "period: {from: 2018, to: 1492}",
			[]string{
				"content/cases/jujuy.md:8:26: to: 1492 is before from, 2018 (a period that ends after it starts)",
				"content/cases/jujuy.md:8:26: to: 1492 is not a possible year (a year from 1900 to 2026)",
			}},
		{"script in the body", "## Background", "<script>alert(1)</script>",
			[]string{"content/cases/jujuy.md:13:1: body: raw HTML is not allowed (write Markdown)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := sitetest.Write(t, sitetest.Minimal+strings.Replace(jujuyCase, tt.old, tt.new_, 1))
			_, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCaseStudyPage(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal+jujuyCase)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/atlas/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["cases/jujuy/index.html"])
	for _, want := range []string{
		`<span class="cite">[<a href="#ref-1" id="cite-1">1</a>, p. 3]</span>`,
		`<li id="ref-1">Ana Autora. <a href="https://example.org/report">A report on twinning</a>. Cited at: p. 3.`,
		`<a href="#cite-1" aria-label="Back to citation 1">`,
		`<a href="/atlas/table-1/#compare">Table 1</a>`,
		`<a href="/atlas/countries/argentina/#ar-jujuy-province">Jujuy Province</a> (Argentina)`,
		`<dt>Period</dt><dd>from 2018</dd>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("case page lacks %s", want)
		}
	}
	for name, want := range map[string]string{
		"countries/argentina/index.html": `<a href="/atlas/cases/jujuy/">Jujuy and Guizhou</a>`,
		"index.html":                     `<a href="/atlas/cases/jujuy/">Jujuy and Guizhou</a>`,
		"cases/index.html":               `<a href="/atlas/cases/jujuy/">Jujuy and Guizhou</a>`,
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s does not link the case study", name)
		}
	}
}
