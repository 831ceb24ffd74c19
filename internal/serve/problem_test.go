package serve

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestExplain(t *testing.T) {
	fsys := fstest.MapFS{
		"content/cases/x.md":    {Data: []byte("---\ntitle: X\nslgu: x\n---\nBody\n")},
		"data/tabs.yaml":        {Data: []byte("a:\n\tb: 1\n")},
		"content/cases/long.md": {Data: []byte("---\n" + strings.Repeat("word ", 40) + "[@nope] end\n\n")},
	}
	errs := []string{
		"content/cases/x.md:3:1: slug: missing (required)",
		"content/cases/x.md:3:1: slgu: unknown field (expected one of title, slug)",
		"data/tabs.yaml:2:2: tab in indentation (indent with spaces)",
		"content/cases/x.md:1: no position column",
		"content/cases/x.md:99:1: past the end",
		"data/missing.yaml:1:1: no such file",
		"../outside.yaml:1:1: not a path inside the source",
		"templates/home.html: template: no line",
		"content/cases/long.md:2:201: citation: unknown source id \"nope\"",
	}
	want := []problem{
		{Text: errs[0]}, // the same place as the next: one excerpt for both
		{Text: errs[1], Excerpt: "2 | title: X\n3 | slgu: x\n  | ^\n4 | ---"},
		{Text: errs[2], Excerpt: "1 | a:\n2 | \tb: 1\n  | \t^"},
		{Text: errs[3], Excerpt: "1 | ---\n2 | title: X"},
		{Text: errs[4]},
		{Text: errs[5]},
		{Text: errs[6]},
		{Text: errs[7]},
		{Text: errs[8], Excerpt: "1 | …\n2 | …" + strings.Repeat("word ", 12) + "[@nope] end\n  |  " + strings.Repeat(" ", 60) + "^\n3 | "},
	}
	if diff := cmp.Diff(want, explain(fsys, errs), cmp.AllowUnexported(problem{})); diff != "" {
		t.Errorf("explain (-want +got):\n%s", diff)
	}
}
