package serve

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/srcpos"
)

// TestExplain checks that the overlay takes each problem's position from
// the error value, never from its text.
func TestExplain(t *testing.T) {
	fsys := fstest.MapFS{
		"content/cases/x.md":    {Data: []byte("---\ntitle: X\nslgu: x\n---\nBody\n")},
		"data/tabs.yaml":        {Data: []byte("a:\n\tb: 1\n")},
		"content/cases/long.md": {Data: []byte("---\n" + strings.Repeat("word ", 40) + "[@nope] end\n\n")},
	}
	at := func(file string, line, col int) srcpos.Position {
		return srcpos.Position{File: file, Line: line, Col: col}
	}
	list := srcpos.List{
		srcpos.Errorf(at("content/cases/x.md", 3, 1), "slug", "missing (required)"),
		srcpos.Errorf(at("content/cases/x.md", 3, 1), "slgu", "unknown field (expected one of title, slug)"),
		srcpos.Errorf(at("data/tabs.yaml", 2, 2), "", "tab in indentation (indent with spaces)"),
		srcpos.Errorf(at("content/cases/x.md", 1, 0), "", "no position column"),
		srcpos.Errorf(at("content/cases/x.md", 99, 1), "", "past the end"),
		srcpos.Errorf(at("data/missing.yaml", 1, 1), "", "no such file"),
		srcpos.Errorf(at("../outside.yaml", 1, 1), "", "not a path inside the source"),
		srcpos.Errorf(at("data/published", 0, 0), "id", "a directory, no line"),
		srcpos.Errorf(at("content/cases/long.md", 2, 201), "citation", `unknown source id "nope"`),
		// A message that reads like a position is not taken for one.
		srcpos.Errorf(srcpos.Position{}, "", "data/tabs.yaml:1:1: only text"),
	}
	tmpl := errors.New("template: home.html:3:4: executing \"main\"\nsecond line")
	err := errors.Join(srcpos.List(list[:8]), fmt.Errorf("rendering: %w", list[8]), list[9], tmpl)
	want := []problem{
		{Text: list[0].Error()}, // the same place as the next: one excerpt for both
		{Text: list[1].Error(), Excerpt: "2 | title: X\n3 | slgu: x\n  | ^\n4 | ---"},
		{Text: list[2].Error(), Excerpt: "1 | a:\n2 | \tb: 1\n  | \t^"},
		{Text: list[3].Error(), Excerpt: "1 | ---\n2 | title: X"},
		{Text: list[4].Error()},
		{Text: list[5].Error()},
		{Text: list[6].Error()},
		{Text: list[7].Error()},
		{Text: list[8].Error(), Excerpt: "1 | …\n2 | …" + strings.Repeat("word ", 12) + "[@nope] end\n  |  " + strings.Repeat(" ", 60) + "^\n3 | "},
		{Text: "data/tabs.yaml:1:1: only text"},
		{Text: `template: home.html:3:4: executing "main"`},
		{Text: "second line"},
	}
	got := explain(fsys, err)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(problem{})); diff != "" {
		t.Errorf("explain (-want +got):\n%s", diff)
	}
}
