package render

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
)

// TestRepositoryTemplates type-checks every template of the repository
// against its page type (New does so), strictly for typed pages.
func TestRepositoryTemplates(t *testing.T) {
	if _, err := New(os.DirFS("../.."), &Site{Base: sitepath.Base{Path: "/"}}); err != nil {
		t.Fatal(err)
	}
}

// TestTemplateCheck shows that a template fails on a field its page type
// lacks, on a branch that no page reaches, and on a missing template.
func TestTemplateCheck(t *testing.T) {
	base := `{{define "base"}}<title>{{.Title}}</title>{{template "main" .}}{{end}}`
	fsys := fstest.MapFS{"templates/_base.html": {Data: []byte(base)}}
	for name := range Templates {
		fsys["templates/"+name+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	if _, err := New(fsys, &Site{}); err != nil {
		t.Fatalf("minimal templates: %v", err)
	}
	fsys["templates/home.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}{{if false}}\n{{.Agreemnts}}{{end}}{{end}}")}
	_, err := New(fsys, &Site{})
	if err == nil || !strings.Contains(err.Error(), "templates/home.html:2:") || !strings.Contains(err.Error(), "Agreemnts") {
		t.Errorf("misspelt field: error %v, want one at templates/home.html:2 naming Agreemnts", err)
	}
	delete(fsys, "templates/home.html")
	if _, err := New(fsys, &Site{}); err == nil || !strings.Contains(err.Error(), "templates/home.html: missing") {
		t.Errorf("missing template: error %v", err)
	}
}

// TestT shows the function t bound to each language's Site, the keys the
// templates name (a literal, or a family by its prefix) and the positioned
// errors: a key built any other way, and a key the tables lack.
func TestT(t *testing.T) {
	base := `{{define "base"}}<html lang="{{lang}}"><a href="{{url "countries/"}}">{{t "nav.countries"}}</a> {{t "count" 3}}{{template "main" .}}{{end}}`
	fsys := fstest.MapFS{"templates/_base.html": {Data: []byte(base)}}
	for name := range Templates {
		fsys["templates/"+name+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n {{t (print \"kind.\" .Title)}}{{end}}")}
	words := map[string]map[string]string{
		"en": {"nav.countries": "Countries", "count": "%[1]d agreements", "kind.": "?"},
		"es": {"nav.countries": "Países", "count": "%[1]d acuerdos", "kind.": "?"},
	}
	var sites []*Site
	for _, lang := range []string{"en", "es"} {
		sites = append(sites, &Site{Base: sitepath.Base{Path: "/atlas/"}, Lang: lang, T: func(key string, args ...any) string {
			return fmt.Sprintf(words[lang][key], args...)
		}})
	}
	r, err := New(fsys, sites...)
	if err != nil {
		t.Fatal(err)
	}
	want := []KeyUse{
		{Pattern: "kind.*", Pos: srcpos.Position{File: "templates/404.html", Line: 2, Col: 4}},
		{Pattern: "nav.countries", Pos: srcpos.Position{File: "templates/_base.html", Line: 1, Col: 73}},
		{Pattern: "count", Pos: srcpos.Position{File: "templates/_base.html", Line: 1, Col: 99}},
	}
	if diff := cmp.Diff(want, r.Keys); diff != "" {
		t.Errorf("Keys (-want +got):\n%s", diff)
	}
	for i, wantHTML := range []string{
		`<html lang="en"><a href="/atlas/countries/">Countries</a> 3 agreements`,
		`<html lang="es"><a href="/atlas/es/countries/">Países</a> 3 acuerdos`,
	} {
		b, err := r.Render("404", &NotFoundPage{Frame: Frame{Site: sites[i]}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), wantHTML) {
			t.Errorf("%s: got %q, want it to start %q", sites[i].Lang, b, wantHTML)
		}
	}
	err = r.CheckKeys(func(p string) bool { return p != "count" })
	if got, want := fmt.Sprint(err), `templates/_base.html:1:99: t: no message "count" in the string tables (add it to every language's file in templates/messages/)`; got != want {
		t.Errorf("CheckKeys: %s, want %s", got, want)
	}
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n {{t .Title}}{{end}}")}
	_, err = New(fsys, sites...)
	if got, want := fmt.Sprint(err), `templates/404.html:2:4: t: the key must be a literal string, or (print "prefix." ...) (so that the build can check every key)`; got != want {
		t.Errorf("computed key: %s, want %s", got, want)
	}
}
