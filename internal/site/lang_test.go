package site

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"atlas/internal/messages"
	"atlas/internal/output"
	"atlas/internal/sitetest"
)

// trilingual are the settings of a site in English, Spanish and
// Portuguese, for the Minimal site.
const trilingual = `-- data/site.yaml --
title: "Asia–Latin America Subnational Atlas"
languages:
  - {code: en, name: English}
  - {code: es, name: Español, title: "Atlas subnacional Asia–América Latina"}
  - {code: pt, name: Português, title: "Atlas subnacional Ásia–América Latina"}
nav:
  - title: Case studies
    titles: {es: "Estudios de caso", pt: "Estudos de caso"}
    path: cases/
  - title: Countries
    titles: {es: "Países", pt: "Países"}
    path: countries/
-- content/cases/uno.md --
---
title: "A case in English"
slug: uno
summary: "In English."
countries: [AR]
sources: []
updated: 2026-11-01
---

See [the countries](/countries/).
-- content/es/cases/uno.md --
---
title: "Un caso en español"
slug: uno
summary: "En español."
countries: [AR]
sources: []
updated: 2026-11-02
lang: es
key: uno
---

Ver [los países](/countries/).
-- content/es/cases/solo.md --
---
title: "Solo en español"
slug: solo
summary: "Un texto que no tiene otra versión."
countries: [AR]
sources: []
updated: 2026-11-03
lang: es
---

Nada más.
`

func generateTrilingual(t *testing.T, base string) output.Files {
	t.Helper()
	src := sitetest.Write(t, sitetest.Without(sitetest.Minimal, "data/site.yaml")+trilingual)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: base, Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestTrees: every page in every language, at the same path in each tree;
// the downloads once; hreflang naming only the versions that exist; the
// page of a text a language lacks saying so and linking to the others.
func TestTrees(t *testing.T) {
	files := generateTrilingual(t, "https://example.org/atlas/")
	for _, name := range []string{"index.html", "countries/argentina/index.html", "table-1/index.html", "agreements/index.html", "search/index.html", "404.html"} {
		for _, lang := range []string{"", "es/", "pt/"} {
			if _, ok := files[lang+name]; !ok {
				t.Errorf("no %s%s", lang, name)
			}
		}
	}
	for name := range files {
		if strings.HasSuffix(name, ".csv") && !strings.HasPrefix(name, "data/") && !strings.HasPrefix(name, "charts/") {
			t.Errorf("%s: a download outside data/ and charts/ (the downloads exist once)", name)
		}
	}
	if _, ok := files["es/search/index.json"]; !ok {
		t.Error("no Spanish search index")
	}
	page := func(name string) string { return string(files[name]) }
	for name, want := range map[string][]string{
		"es/countries/argentina/index.html": {
			`<html lang="es">`,
			`<link rel="alternate" hreflang="en" href="https://example.org/atlas/countries/argentina/">`,
			`<link rel="alternate" hreflang="pt" href="https://example.org/atlas/pt/countries/argentina/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/atlas/countries/argentina/">`,
			`<a href="/atlas/countries/argentina/" hreflang="en" lang="en">English</a>`,
			`<a href="/atlas/es/countries/argentina/" hreflang="es" lang="es" aria-current="page">Español</a>`,
			`<a class="brand" href="/atlas/es/">Atlas subnacional Asia–América Latina</a>`,
			`<a href="/atlas/es/cases/">Estudios de caso</a>`,
		},
		"es/cases/uno/index.html": {
			`<h1>Un caso en español</h1>`,
			`<a href="/atlas/es/countries/">los países</a>`,
			`<link rel="alternate" hreflang="en" href="https://example.org/atlas/cases/uno/">`,
		},
		"pt/cases/uno/index.html": {
			`<meta name="robots" content="noindex">`,
			`<a href="/atlas/cases/uno/" hreflang="en" lang="en"><cite>A case in English</cite></a>`,
			`<a href="/atlas/es/cases/uno/" hreflang="es" lang="es"><cite>Un caso en español</cite></a>`,
		},
		"cases/solo/index.html": {
			`<a href="/atlas/es/cases/solo/" hreflang="es" lang="es"><cite>Solo en español</cite></a>`,
		},
		"cases/index.html": {
			`<a href="/atlas/cases/solo/" lang="es">Solo en español</a>`,
		},
		"sitemap.xml": {
			`xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
			`<url><loc>https://example.org/atlas/es/cases/uno/</loc><lastmod>2026-11-02</lastmod><xhtml:link rel="alternate" hreflang="en" href="https://example.org/atlas/cases/uno/"></xhtml:link><xhtml:link rel="alternate" hreflang="es" href="https://example.org/atlas/es/cases/uno/"></xhtml:link><xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/atlas/cases/uno/"></xhtml:link></url>`,
		},
	} {
		for _, w := range want {
			if !strings.Contains(page(name), w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	for name, unwanted := range map[string]string{
		"cases/uno/index.html":     `hreflang="pt"`, // only in the switch, not as an alternate
		"es/cases/solo/index.html": `<link rel="alternate" hreflang="en"`,
		"sitemap.xml":              "/pt/cases/uno/",
	} {
		s := page(name)
		if name == "cases/uno/index.html" {
			s = s[:strings.Index(s, "</head>")]
		}
		if strings.Contains(s, unwanted) {
			t.Errorf("%s has %s", name, unwanted)
		}
	}
	checkAlternates(t, files, "/atlas/", "https://example.org")
}

// checkAlternates checks that every page's hreflang links lead to pages
// of the site that name the page back.
func checkAlternates(t *testing.T, files output.Files, basePath, origin string) {
	t.Helper()
	altRE := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		self := origin + basePath + strings.TrimSuffix(name, "index.html")
		for _, m := range altRE.FindAllSubmatch(data, -1) {
			href := strings.TrimPrefix(string(m[2]), origin+basePath)
			target := href + "index.html"
			if strings.HasSuffix(href, ".html") {
				target = href
			}
			other, ok := files[target]
			if !ok {
				t.Errorf("%s: hreflang %s leads to %s, which is not a page", name, m[1], m[2])
				continue
			}
			if !strings.Contains(string(other), `href="`+self+`">`) {
				t.Errorf("%s: its alternate %s does not name it back", name, m[2])
			}
		}
	}
}

// TestLangErrors: a translation in a language the site does not have.
func TestLangErrors(t *testing.T) {
	src := sitetest.Write(t, sitetest.Without(sitetest.Minimal, "data/site.yaml")+trilingual+`-- content/fr/pages/a-propos.md --
---
title: "À propos"
slug: a-propos
summary: "x"
order: 1
updated: 2026-11-01
lang: fr
---
`)
	_, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if got, want := fmt.Sprint(err), `content/fr/pages/a-propos.md: lang: "fr" is not a language of the site (expected one of en, es, pt, as data/site.yaml lists them)`; got != want {
		t.Errorf("error:\n%s\nwant:\n%s", got, want)
	}
}

// englishLeaks returns the English interface strings of en that appear in
// the text of the page src in lang, whose own table is tr: the literal
// parts of every message whose English differs from its translation (the
// parts of a few words only, so that a name or a number shared by the two
// languages does not count). Text inside an element whose lang is another
// language's (a title in English on a Spanish page) does not count, and
// neither does a phrase that data, the English text of the records and
// sources, holds: there the words may be a record's, not the interface's
// (English-only notes and titles, which lack a lang attribute while their
// language is not recorded).
func englishLeaks(src []byte, lang string, en, tr *messages.Table, data string) []string {
	return leaksOf(src, lang, leakPhrases(en, tr, data))
}

// leakPhrases returns the phrases englishLeaks looks for; a walk over many
// pages computes them once.
func leakPhrases(en, tr *messages.Table, data string) []string {
	var phrases []string
	for _, key := range en.Keys() {
		for _, p := range en.Phrases(key) {
			if len(strings.Fields(p)) < 2 || slices.Contains(tr.Phrases(key), p) || strings.Contains(data, p) {
				continue
			}
			phrases = append(phrases, p)
		}
	}
	return phrases
}

// leaksOf returns the phrases that appear in the text of the page src in
// lang, outside elements in another language.
func leaksOf(src []byte, lang string, phrases []string) []string {
	var texts []string
	doc, err := html.Parse(strings.NewReader(string(src)))
	if err != nil {
		return []string{err.Error()}
	}
	var walk func(n *html.Node, foreign bool)
	walk = func(n *html.Node, foreign bool) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "lang":
					foreign = a.Val != lang
				case !foreign && (a.Key == "aria-label" || a.Key == "title" || a.Key == "placeholder" || a.Key == "alt" ||
					a.Key == "content" && n.Data == "meta"):
					texts = append(texts, a.Val)
				}
			}
			if n.Data == "script" || n.Data == "style" || n.Data == "pre" || n.Data == "code" {
				return
			}
		}
		if n.Type == html.TextNode && !foreign {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, foreign)
		}
	}
	walk(doc, false)
	all := strings.Join(texts, "\n")
	var out []string
	for _, p := range phrases {
		if strings.Contains(all, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestNoEnglish walks the Spanish and Portuguese trees of the
// repository's site and fails on any English interface string of en.yaml
// in their text (see englishLeaks).
func TestNoEnglish(t *testing.T) {
	files := generateRepo(t, "/")
	fsys := os.DirFS(sitetest.Root(t))
	set, err := messages.LoadSet(fsys, []string{"en", "es", "pt"})
	if err != nil {
		t.Fatal(err)
	}
	var data strings.Builder
	err = fs.WalkDir(fsys, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		data.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, lang := range []string{"es", "pt"} {
		leaks := map[string][]string{} // phrase -> pages
		phrases := leakPhrases(set.Ref(), set.Lang(lang), data.String())
		for name, page := range files {
			if !strings.HasPrefix(name, lang+"/") || !strings.HasSuffix(name, ".html") {
				continue
			}
			pages++
			for _, p := range leaksOf(page, lang, phrases) {
				leaks[p] = append(leaks[p], name)
			}
		}
		for _, p := range slices.Sorted(func(yield func(string) bool) {
			for k := range leaks {
				if !yield(k) {
					return
				}
			}
		}) {
			ns := leaks[p]
			slices.Sort(ns)
			t.Errorf("%s: English %q on %d pages, such as %s", lang, p, len(ns), ns[0])
		}
	}
	if pages < 100 {
		t.Errorf("only %d Spanish and Portuguese pages", pages)
	}
	// Table 1's own words, reproduced as published, are marked as English
	// on the other trees' pages, and only there.
	for name, want := range map[string]string{
		"es/table-1/index.html":          `<caption lang="en">Table 1: `,
		"pt/table-1/index.html":          `<th scope="row" lang="en">TOTAL</th>`,
		"es/countries/chile/index.html":  `<th scope="col" lang="en">Japan</th>`,
		"pt/countries/brazil/index.html": `<th scope="col" lang="en">China and Taiwan</th>`,
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	if en := string(files["table-1/index.html"]); strings.Contains(en, `<caption lang=`) || strings.Contains(en, `<th scope="col" lang=`) {
		t.Error("the English Table 1 page marks its own words with a lang")
	}
}

// TestEnglishLeaks shows englishLeaks finding an English phrase on a
// Spanish page, and leaving alone the same phrase inside lang="en" and a
// message that reads the same in both languages.
func TestEnglishLeaks(t *testing.T) {
	fsys := os.DirFS(sitetest.Write(t, `-- templates/messages/en.yaml --
messages:
  chart.noscript: "The chart needs JavaScript; the table gives the same numbers."
  page.count: "%[1]d agreements in all"
  data.total: "Total"
  brand: "Asia Latin America"
-- templates/messages/es.yaml --
messages:
  chart.noscript: "El gráfico necesita JavaScript; la tabla da las mismas cifras."
  page.count: "%[1]d acuerdos en total"
  data.total: "Total"
  brand: "Asia Latin America"
`))
	set, err := messages.LoadSet(fsys, []string{"en", "es"})
	if err != nil {
		t.Fatal(err)
	}
	page := `<!DOCTYPE html><html lang="es"><head><title>x</title></head><body>
<p>The chart needs JavaScript; the table gives the same numbers.</p>
<p>12 agreements in all</p><p>Total</p><p>Asia Latin America</p>
<p lang="en">12 agreements in all</p><p aria-label="agreements in all">x</p></body></html>`
	got := englishLeaks([]byte(page), "es", set.Ref(), set.Lang("es"), "")
	want := []string{"The chart needs JavaScript; the table gives the same numbers.", "agreements in all"}
	if diff := englishLeaks([]byte(page), "es", set.Ref(), set.Lang("es"), "a note: 12 agreements in all"); len(diff) != 1 {
		t.Errorf("with the phrase in the data: %q, want only the chart's", diff)
	}
	if !slices.Equal(got, want) {
		t.Errorf("englishLeaks = %q, want %q", got, want)
	}
}
