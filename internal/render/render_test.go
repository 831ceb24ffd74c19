package render

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"atlas/internal/sitepath"
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
