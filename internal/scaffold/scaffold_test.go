package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"atlas/internal/content"
	"atlas/internal/site"
	"atlas/internal/sitetest"
)

var day = time.Date(2026, 11, 22, 15, 0, 0, 0, time.UTC)

type head struct{ Title, Slug, Updated string }

// frontMatter decodes the YAML between the first two "---" lines.
func frontMatter(t *testing.T, text []byte) head {
	t.Helper()
	parts := strings.SplitN(string(text), "---\n", 3)
	if len(parts) != 3 || parts[0] != "" {
		t.Fatalf("no front matter in:\n%s", text)
	}
	var fm head
	if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
		t.Fatalf("front matter: %v\n%s", err, parts[1])
	}
	return fm
}

func TestCase(t *testing.T) {
	tests := []struct {
		title, slug, yamlTitle string
	}{
		{"Biobío Region (Chile) and its Chinese partners", "biobio-region-chile-and-its-chinese-partners", "Biobío Region (Chile) and its Chinese partners"},
		{`  Jujuy: "sister" of Guizhou  `, "jujuy-sister-of-guizhou", `Jujuy: "sister" of Guizhou`},
		{"São Paulo # and Osaka\\", "sao-paulo-and-osaka", "São Paulo # and Osaka\\"},
		{"Xi'an 2025", "xian-2025", "Xi'an 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			s, text, err := Case(tt.title, day)
			if err != nil {
				t.Fatal(err)
			}
			if s != tt.slug {
				t.Errorf("slug %q, want %q", s, tt.slug)
			}
			got := frontMatter(t, text)
			want := head{Title: tt.yamlTitle, Slug: tt.slug, Updated: "2026-11-22"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("front matter (-want +got):\n%s", diff)
			}
		})
	}
}

// caseFields returns the front-matter keys the content package decodes
// for a case study, so that the scaffold follows it when it changes.
func caseFields() []string {
	var out []string
	typ := reflect.TypeFor[content.Case]()
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("yaml"); tag != "" {
			out = append(out, strings.Split(tag, ",")[0])
		}
	}
	return out
}

// TestCaseExplainsEveryField checks that every front-matter field of a
// case study is in the scaffold, each after a comment that explains it.
func TestCaseExplainsEveryField(t *testing.T) {
	_, text, err := Case("A case", day)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	fields := caseFields()
	if len(fields) < 9 {
		t.Fatalf("found only the fields %v in content.Case", fields)
	}
	for _, field := range fields {
		found := false
		for i, l := range lines {
			if strings.HasPrefix(l, field+":") {
				found = true
				if i == 0 || !strings.HasPrefix(lines[i-1], "# ") {
					t.Errorf("field %s has no comment above it", field)
				}
			}
		}
		if !found {
			t.Errorf("field %s is missing", field)
		}
	}
}

func TestCaseRejectsEmptySlug(t *testing.T) {
	for _, title := range []string{"", "   ", "¿?", "—", "日本"} {
		if _, _, err := Case(title, day); err == nil || !strings.Contains(err.Error(), "empty slug") {
			t.Errorf("Case(%q): error %v, want an empty-slug error", title, err)
		}
	}
}

func TestWriteCaseNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	name, err := WriteCase(dir, "Coquimbo and Henan", day)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "cases", "coquimbo-and-henan.md"); name != want {
		t.Errorf("wrote %s, want %s", name, want)
	}
	if err := os.WriteFile(name, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCase(dir, "Coquimbo and  Henan!", day); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second WriteCase: error %v, want already exists", err)
	}
	if b, _ := os.ReadFile(name); string(b) != "edited" {
		t.Errorf("the existing file was changed to:\n%s", b)
	}
}

// TestScaffoldBuilds adds a new case study to a small site and checks
// that the site builds with it and that every link on its page resolves:
// an editor sees the new page at once in the preview.
func TestScaffoldBuilds(t *testing.T) {
	dir := sitetest.Write(t, sitetest.Minimal)
	if _, err := WriteCase(dir, "Jujuy (Argentina) and Guizhou (China)", day); err != nil {
		t.Fatal(err)
	}
	files, problems, err := site.Check(site.Config{Src: os.DirFS(dir), BaseURL: "/atlas/", Year: 2026})
	if err != nil {
		t.Fatalf("the site does not build with the new case study:\n%v", err)
	}
	const name = "cases/jujuy-argentina-and-guizhou-china/index.html"
	for _, p := range problems {
		// sitetest copies only the stylesheet of static/.
		if p.Page == name && !strings.HasPrefix(p.Link, "/atlas/static/") {
			t.Errorf("broken link: %s", p)
		}
	}
	page := string(files[name])
	if !strings.Contains(page, "<h1>Jujuy (Argentina) and Guizhou (China)</h1>") {
		t.Errorf("no page for the new case study")
	}
}

// TestScaffoldTranslation: atlas new case -lang es -key SLUG writes the
// Spanish version of a case study, which builds beside the English one
// at the same path in the Spanish tree.
func TestScaffoldTranslation(t *testing.T) {
	dir := sitetest.Write(t, sitetest.Without(sitetest.Minimal, "data/site.yaml")+`-- data/site.yaml --
title: "Atlas"
languages:
  - {code: en, name: English}
  - {code: es, name: Español, title: "Atlas"}
nav:
  - {title: Case studies, titles: {es: Estudios de caso}, path: cases/}
`)
	en, err := WriteCase(dir, "Jujuy and Guizhou", day)
	if err != nil {
		t.Fatal(err)
	}
	es, err := WriteCaseIn(dir, "Jujuy y Guizhou", "es", "jujuy-and-guizhou", day)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "es", "cases", "jujuy-and-guizhou.md"); es != want {
		t.Errorf("wrote %s, want %s", es, want)
	}
	text, err := os.ReadFile(es)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nlang: es\n", "\nkey: jujuy-and-guizhou\n", `title: "Jujuy y Guizhou"`} {
		if !strings.Contains(string(text), want) {
			t.Errorf("%s lacks %q", es, want)
		}
	}
	files, _, err := site.Check(site.Config{Src: os.DirFS(dir), BaseURL: "/atlas/", Year: 2026})
	if err != nil {
		t.Fatalf("the site does not build with the two versions (%s, %s):\n%v", en, es, err)
	}
	if page := string(files["es/cases/jujuy-and-guizhou/index.html"]); !strings.Contains(page, "<h1>Jujuy y Guizhou</h1>") {
		t.Errorf("no Spanish page:\n%s", page)
	}
	if _, err := WriteCaseIn(dir, "x", "es", "Not A Slug", day); err == nil {
		t.Error("a key that is not a slug: no error")
	}
}
