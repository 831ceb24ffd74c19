package linkcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitepath"
)

func TestCheck(t *testing.T) {
	site := map[string][]byte{
		"index.html":           []byte(`<a href="/atlas/countries/">c</a>`),
		"countries/index.html": []byte(`<h2 id="list">List</h2><a name="old"></a>`),
		"static/atlas.css":     []byte(`body{background:url("img/bg.png")}`),
		"static/img/bg.png":    []byte("png"),
		"data/agreements.csv":  []byte("id\n"),
		"sitemap.xml":          []byte("<urlset><url><loc>https://example.github.io/atlas/countries/</loc></url></urlset>"),
	}
	tests := []struct {
		name string
		base string
		file string // added to the site
		body string
		want []Problem
	}{
		{name: "good links", base: "/atlas/", file: "a/index.html", body: `<a href="/atlas/countries/#list">x</a>
<a href="../countries/#old">y</a> <a href="#top" id="top">t</a> <a href="/atlas/countries">no slash</a> <a href="/atlas">home</a>
<link rel="stylesheet" href="/atlas/static/atlas.css"><img src="/atlas/static/img/bg.png" srcset="/atlas/static/img/bg.png 1x, ../static/img/bg.png 2x">
<form action="/atlas/countries/"></form> <a href="https://other.example/x">elsewhere</a> <a href="mailto:a@b.c">mail</a>`},
		{name: "missing page", base: "/atlas/", file: "a/index.html", body: "<p>\n<a href=\"/atlas/nowhere/\">x</a>",
			want: []Problem{{Page: "a/index.html", Line: 2, Link: "/atlas/nowhere/", Msg: "no such page or file"}}},
		{name: "missing id", base: "/atlas/", file: "a/index.html", body: `<a href="/atlas/countries/#nope">x</a>`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "/atlas/countries/#nope", Msg: `no id "nope" on countries/index.html`}}},
		{name: "fragment on a download", base: "/atlas/", file: "a/index.html", body: `<a href="/atlas/data/agreements.csv#x">x</a>`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "/atlas/data/agreements.csv#x", Msg: "fragment on a file that is not a page"}}},
		{name: "root link escapes sub-path", base: "/atlas/", file: "a/index.html", body: `<link href="/static/atlas.css">`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "/static/atlas.css", Msg: "escapes the site's base path /atlas/"}}},
		{name: "relative link climbs out", base: "/atlas/", file: "a/index.html", body: `<img src="../../x.png">`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "../../x.png", Msg: "escapes the site's base path /atlas/"}}},
		{name: "srcset candidate", base: "/atlas/", file: "a/index.html", body: `<img srcset="/atlas/static/img/bg.png 1x, /img/big.png 2x">`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "/img/big.png", Msg: "escapes the site's base path /atlas/"}}},
		{name: "inline style url", base: "/atlas/", file: "a/index.html", body: `<div style="background:url(/atlas/static/none.png)">`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "/atlas/static/none.png", Msg: "no such page or file"}}},
		{name: "css url and import", base: "/atlas/", file: "static/more.css", body: "@import \"/fonts.css\";\na{background:url('img/bg.png')} b{background:url(img/none.png)}",
			want: []Problem{
				{Page: "static/more.css", Line: 1, Link: "/fonts.css", Msg: "escapes the site's base path /atlas/"},
				{Page: "static/more.css", Line: 2, Link: "img/none.png", Msg: "no such page or file"},
			}},
		{name: "same origin is internal", base: "https://example.github.io/atlas/", file: "a/index.html",
			body: `<link rel="canonical" href="https://example.github.io/atlas/a/"><a href="https://example.github.io/other/">x</a><a href="https://example.github.io/atlas/gone/">y</a>`,
			want: []Problem{
				{Page: "a/index.html", Line: 1, Link: "https://example.github.io/other/", Msg: "escapes the site's base path /atlas/"},
				{Page: "a/index.html", Line: 1, Link: "https://example.github.io/atlas/gone/", Msg: "no such page or file"},
			}},
		{name: "other origin is not checked", base: "https://example.github.io/atlas/", file: "a/index.html",
			body: `<a href="https://example.org/gone/">x</a>`},
		{name: "sitemap loc", base: "https://example.github.io/atlas/", file: "feed.xml",
			body: "<feed>\n<link href=\"https://example.github.io/atlas/cases/x/\"/></feed>",
			want: []Problem{{Page: "feed.xml", Line: 2, Link: "https://example.github.io/atlas/cases/x/", Msg: "no such page or file"}}},
		{name: "empty link", base: "/", file: "a/index.html", body: `<a href="">x</a>`,
			want: []Problem{{Page: "a/index.html", Line: 1, Link: "", Msg: "empty link"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range site {
				files[k] = v
			}
			files[tt.file] = []byte(tt.body)
			b, err := sitepath.ParseBase(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			got := Check(files, b)
			if tt.base == "/" {
				// The site's own links assume /atlas/; keep only the file under test.
				got = only(got, tt.file)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

func only(ps []Problem, page string) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Page == page {
			out = append(out, p)
		}
	}
	return out
}
