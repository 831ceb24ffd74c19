package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
)

const caseFront = `---
title: "Biobío and Hubei"
slug: biobio
summary: "A test case."
countries: [CL]
localities: [cl/biobio-region]
partners: [CN]
period: {from: 2014, to: 2017}
sources: [araya]
updated: 2026-11-22
---
`

func loadOne(t *testing.T, name, src string) (*Doc, error) {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: []byte(src)}}
	cases, pages, err := Load(fsys, "/atlas/")
	if err != nil {
		return nil, err
	}
	if len(cases) == 1 {
		return cases[0], nil
	}
	return pages[0], nil
}

func TestCitations(t *testing.T) {
	d, err := loadOne(t, "content/cases/biobio.md", caseFront+`
## Biobío Week

Hubei has many people [@el-sur, p. 4]. Or more [@df; @el-sur].
See [the table](/table-1/#compare) and [a site](https://example.org/).
`)
	if err != nil {
		t.Fatal(err)
	}
	wantCites := []Citation{
		{ID: "el-sur", Locator: "p. 4", Number: 1, Anchor: "cite-1"},
		{ID: "df", Number: 2, Anchor: "cite-2"},
		{ID: "el-sur", Number: 1, Anchor: "cite-3"},
	}
	var got []Citation
	for _, c := range d.Citations {
		c.Pos.File = ""
		got = append(got, Citation{ID: c.ID, Locator: c.Locator, Number: c.Number, Anchor: c.Anchor})
	}
	if diff := cmp.Diff(wantCites, got); diff != "" {
		t.Errorf("citations (-want +got):\n%s", diff)
	}
	if p := d.Citations[1].Pos; p.Line != 15 || p.Col != 49 {
		t.Errorf("second citation at %v, want line 15 col 49", p)
	}
	wantRefs := []Ref{
		{Number: 1, ID: "el-sur", Locators: []string{"p. 4"}, Backlinks: []string{"cite-1", "cite-3"}},
		{Number: 2, ID: "df", Backlinks: []string{"cite-2"}},
	}
	if diff := cmp.Diff(wantRefs, d.Refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
	html := string(d.HTML)
	for _, want := range []string{
		`<h2 id="biobio-week">Biobío Week</h2>`,
		`<span class="cite">[<a href="#ref-1" id="cite-1">1</a>, p. 4]</span>`,
		`<span class="cite">[<a href="#ref-2" id="cite-2">2</a>; <a href="#ref-1" id="cite-3">1</a>]</span>`,
		`<a href="/atlas/table-1/#compare">the table</a>`,
		`<a href="https://example.org/">a site</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s\n%s", want, html)
		}
	}
	if diff := cmp.Diff([]Link{{Dest: "/table-1/#compare", Pos: d.Links[0].Pos}}, d.Links); diff != "" || d.Links[0].Pos.Line != 16 || d.Links[0].Pos.Col != 5 {
		t.Errorf("links (-want +got):\n%s (at %v)", diff, d.Links[0].Pos)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"no front matter", "# Title\n", "content/cases/biobio.md:1:1: no front matter (expected a first line ---, YAML, and a closing --- line)"},
		{"unclosed front matter", "---\ntitle: x\n", "content/cases/biobio.md:1:1: front matter is not closed (expected a line --- after the YAML)"},
		{"unknown key at its file line", strings.Replace(caseFront, "summary:", "sumary:", 1),
			"content/cases/biobio.md:2:1: summary: missing (required)\ncontent/cases/biobio.md:4:1: sumary: unknown field (expected one of title, slug, summary, countries, localities, partners, period, sources, updated, lang, key)"},
		// Found by FuzzFrontMatter: YAML ended a line at the lone CR, so
		// every later position was one line off.
		{"lone carriage return", "---\n\r---\n---", "content/cases/biobio.md:2:1: a carriage return without a line feed (save the file with LF or CRLF line endings)"},
		{"lone carriage return in the body", caseFront + "\nText.\r\nMore.\rEnd.\n", "content/cases/biobio.md:14:6: a carriage return without a line feed (save the file with LF or CRLF line endings)"},
		{"line separator in front matter", strings.Replace(caseFront, "updated: 2026-11-22\n", "# \u2028\nupdated: 2026-11-22\n", 1),
			"content/cases/biobio.md:10:3: a line break character U+2028, which YAML reads as a line break but a position does not (save the file with LF or CRLF line endings, and no other line break)"},
		{"slug differs", strings.Replace(caseFront, "slug: biobio", "slug: bio-bio", 1),
			`content/cases/biobio.md:3:7: slug: "bio-bio" differs from the file name (expected "biobio")`},
		{"script", caseFront + "\nText.\n\n<script>alert(1)</script>\n", "content/cases/biobio.md:15:1: body: raw HTML is not allowed (write Markdown)"},
		{"inline html", caseFront + "\nSome <b>bold</b> text.\n", `content/cases/biobio.md:13:6: body: raw HTML "<b>" is not allowed (write Markdown)` + "\n" + `content/cases/biobio.md:13:13: body: raw HTML "</b>" is not allowed (write Markdown)`},
		{"bad citation id", caseFront + "\nA claim [@Bad Id].\n", `content/cases/biobio.md:13:10: citation: "Bad Id" is not a source id (lower-case letters, digits and hyphens)`},
		{"unclosed citation", caseFront + "\nA claim [@araya.\n", `content/cases/biobio.md:13:9: citation: not closed on its line (a citation [@source-id] on one line, ending with "]")`},
		{"citation over two lines", caseFront + "\nA claim [@araya,\np. 3].\n", `content/cases/biobio.md:13:9: citation: not closed on its line (a citation [@source-id] on one line, ending with "]")`},
		{"citation in a link", caseFront + "\nSee [[@araya]](/table-1/).\n", "content/cases/biobio.md:13:6: citation: a citation inside a link's text (cite before or after the link)"},
		{"unsafe links", caseFront + "\n[x](javascript:alert(1)) [y](DATA:text/html,hi) <vbscript:x> [ok](https://example.org/) [m](mailto:a@example.org) [p](/table-1/)\n",
			`content/cases/biobio.md:13:1: link: "javascript:alert(1)": a javascript: link is not allowed (an http:, https: or mailto: URL, or a path of the site)` + "\n" +
				`content/cases/biobio.md:13:26: link: "DATA:text/html,hi": a data: link is not allowed (an http:, https: or mailto: URL, or a path of the site)` + "\n" +
				`content/cases/biobio.md:13:49: link: "vbscript:x": a vbscript: link is not allowed (an http:, https: or mailto: URL, or a path of the site)`},
		// Found by FuzzCitations: goldmark panicked when the position of
		// an autolink inside emphasis was looked up.
		{"autolink in emphasis", caseFront + "\nSee *the <vbscript:x> page* and **<https://example.org/>**.\n",
			`content/cases/biobio.md:13:10: link: "vbscript:x": a vbscript: link is not allowed (an http:, https: or mailto: URL, or a path of the site)`},
		{"caption", caseFront + "\nTable: A <b>caption</b>, ![map](m.png), [a link](/nowhere/)\n| a |\n| --- |\n| 1 |\n",
			`content/cases/biobio.md:13:10: body: raw HTML "<b>" is not allowed (write Markdown)` + "\n" +
				`content/cases/biobio.md:13:20: body: raw HTML "</b>" is not allowed (write Markdown)` + "\n" +
				"content/cases/biobio.md:13:27: body: images are not supported yet (link to the file instead)\n" +
				"content/cases/biobio.md:13:41: link: a link in a table caption (captions are plain text; link in the text before the table)"},
		{"binary", "---\x00", "content/cases/biobio.md:1:4: not a UTF-8 text file (expected Markdown text)"},
		{"bad UTF-8 in the body", caseFront + "\nÁb\xffc\n", "content/cases/biobio.md:13:3: not a UTF-8 text file (expected Markdown text)"},
		{"second document in front matter", strings.Replace(caseFront, "updated: 2026-11-22\n", "updated: 2026-11-22\n...\ntitel: ignored\n", 1),
			`content/cases/biobio.md:11:1: document marker "...": yaml would ignore everything after it (one YAML document per file; remove the line)`},
		{"blank title", strings.Replace(caseFront, `title: "Biobío and Hubei"`, `title: "  "`, 1), "content/cases/biobio.md:2:8: title: empty value (required)"},
		{"control character in title", strings.Replace(caseFront, `title: "Biobío`, `title: "\u202eBiobío`, 1),
			"content/cases/biobio.md:2:8: title: control character U+202E in the text (text without control or bidirectional formatting characters)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadOne(t, "content/cases/biobio.md", tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	d, err := loadOne(t, "content/pages/about.md", `---
title: About
slug: about
summary: x
order: 1
updated: 2026-11-22
---
## Biobío
## Biobío
## References
## Ref 1
## Cite 2
## 北京
## 2019: the letter
## 2019: the letter
`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range d.Headings {
		got = append(got, h.ID)
	}
	// An id starting with a digit is valid HTML, but html-validate
	// reports it and no CSS selector names it as written.
	want := []string{"biobio", "biobio-1", "references-1", "ref-1-1", "cite-2-1", "section", "section-2019-the-letter", "section-2019-the-letter-1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("heading ids (-want +got):\n%s", diff)
	}
}

func TestTableCaption(t *testing.T) {
	d, err := loadOne(t, "content/cases/biobio.md", caseFront+`
Table: Counts by year
| Year | Count |
| --- | --- |
| 2015 | 147 |
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<table>\n<caption>Counts by year</caption>", `<th scope="col">Year</th>`} {
		if !strings.Contains(string(d.HTML), want) {
			t.Errorf("HTML lacks %q:\n%s", want, d.HTML)
		}
	}
	_, err = loadOne(t, "content/cases/biobio.md", caseFront+"\n| Year | Count |\n| --- | --- |\n| 2015 | 147 |\n")
	want := `content/cases/biobio.md:13:3: body: a table without a caption (a paragraph "Table: what the table shows" right before the table)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestCostBounds: inputs that goldmark took seconds or minutes over (20,000
// equal headings 35 s, a 2,000-deep list 8.7 s, "[a](" 50,000 times 7 s)
// finish at once: heading ids are linear, and the rest is refused with its
// position before parsing.
func TestCostBounds(t *testing.T) {
	d, err := loadOne(t, "content/cases/biobio.md", caseFront+strings.Repeat("## A\n\n", 20000))
	if err != nil {
		t.Fatal(err)
	}
	if n, last := len(d.Headings), d.Headings[len(d.Headings)-1].ID; n != 20000 || last != "a-19999" {
		t.Errorf("%d headings, the last with id %q; want 20000, a-19999", n, last)
	}

	var deep strings.Builder
	for i := range 500 {
		deep.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	tests := []struct{ name, body, want string }{
		{"deep list", deep.String(), "content/cases/biobio.md:44:1: body: a list item indented 64 columns is nested too deep (lists nested at most 32 deep)"},
		{"unclosed links", strings.Repeat("[a](", 50000) + "\n", "content/cases/biobio.md:12:1: body: a line of 200001 bytes is too long (lines of at most 10000 bytes; break the paragraph into lines)"},
		{"huge body", strings.Repeat("word\n", 300000), "content/cases/biobio.md:12:1: body: 1500000 bytes is too long (a body of at most 1048576 bytes; split the page)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadOne(t, "content/cases/biobio.md", caseFront+tt.body)
			if err == nil {
				t.Fatal("no error")
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if diff := cmp.Diff(tt.want, first); diff != "" {
				t.Errorf("first error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHeadingIDsLinear: n equal headings probed 1, 2, …, n suffixes each,
// n²/2 in all (20,000 took 35 s). Counted in allocations, one or two per
// probe, rather than timed: the cost per heading must not grow with n.
func TestHeadingIDsLinear(t *testing.T) {
	perHeading := func(n int) float64 {
		return testing.AllocsPerRun(1, func() {
			h := newHeadingIDs()
			for range n {
				h.Generate([]byte("A"), ast.KindHeading)
			}
		}) / float64(n)
	}
	small, large := perHeading(500), perHeading(5000)
	if large > 2*small+2 {
		t.Errorf("allocations per heading: %.1f for 500 equal headings, %.1f for 5000; want about the same", small, large)
	}
}

// TestLanguages: a translation's directory gives its language, which its
// lang must repeat; its key links it to its other versions and is its
// path; two texts of one language with one key are an error.
func TestLanguages(t *testing.T) {
	es := strings.Replace(caseFront, "updated: 2026-11-22\n", "updated: 2026-11-22\nlang: es\nkey: biobio\n", 1) + "\nVer [la tabla](/table-1/) y [los datos](/data/agreements.csv).\n"
	fsys := fstest.MapFS{
		"content/cases/biobio.md":    {Data: []byte(caseFront)},
		"content/es/cases/biobio.md": {Data: []byte(es)},
	}
	cases, _, err := Load(fsys, "/atlas/")
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, d := range cases {
		got = append(got, [3]string{d.File, d.Lang, d.Key})
	}
	want := [][3]string{{"content/cases/biobio.md", "en", "biobio"}, {"content/es/cases/biobio.md", "es", "biobio"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("languages and keys (-want +got):\n%s", diff)
	}
	// Links to pages lead into the text's language's tree; a download
	// stays where it is.
	if html := string(cases[1].HTML); !strings.Contains(html, `<a href="/atlas/es/table-1/">la tabla</a>`) || !strings.Contains(html, `<a href="/atlas/data/agreements.csv">los datos</a>`) {
		t.Errorf("links of the Spanish text: %s", html)
	}

	tests := []struct{ name, file, src, want string }{
		{"lang differs from the directory", "content/es/cases/biobio.md", strings.Replace(es, "lang: es", "lang: pt", 1),
			`content/es/cases/biobio.md:11:7: lang: "pt" differs from its directory content/es/cases (expected "es"; move the file or correct lang)`},
		{"lang missing in a translation", "content/es/cases/biobio.md", strings.Replace(es, "lang: es\n", "", 1),
			`content/es/cases/biobio.md:2:1: lang: missing (expected lang: es, the language of its directory content/es/cases)`},
		{"English lang in content/cases", "content/cases/biobio.md", strings.Replace(es, "lang: es", "lang: en", 1), ""},
		{"key not a slug", "content/es/cases/biobio.md", strings.Replace(es, "key: biobio", "key: Bio Bio", 1),
			`content/es/cases/biobio.md:12:6: key: "Bio Bio" is not a slug (the key is the text's path in every language: lowercase letters, digits and hyphens)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadOne(t, tt.file, tt.src)
			if got := fmt.Sprint(err); tt.want != "" && got != tt.want || tt.want == "" && err != nil {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}

	// content/es/cases/bio.md with key biobio beside biobio.md.
	dup := strings.Replace(es, "slug: biobio", "slug: bio", 1)
	fsys["content/es/cases/bio.md"] = &fstest.MapFile{Data: []byte(dup)}
	_, _, err = Load(fsys, "/")
	if got, want := fmt.Sprint(err), `content/es/cases/biobio.md:12:6: key: "biobio": content/es/cases/bio.md has this key in es already (one text per key and language)`; got != want {
		t.Errorf("two texts with one key: %v\nwant %s", got, want)
	}
}
