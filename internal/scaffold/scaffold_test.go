package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
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

// TestCaseExplainsEveryField checks that every front-matter field of a
// case study is in the scaffold, each after a comment that explains it.
func TestCaseExplainsEveryField(t *testing.T) {
	_, text, err := Case("A case", day)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	for _, field := range []string{"title", "slug", "summary", "countries", "localities", "partners", "period", "sources", "updated"} {
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
