package copycheck

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

var words = flag.Int("copycheck.words", 8, "shortest shared run of words that TestNoCopiedRuns reports")

// token is one word of a text, with the line it is on. A token with an
// empty word is a break: a run never crosses it.
type token struct {
	word string
	line int
}

// A run is a stretch of a project file that a source also contains.
type run struct {
	Line   int
	Text   string
	Source string
}

var (
	// quoted matches a marked quotation on one line: straight double
	// quotes, typographic double quotes or guillemets.
	quoted = regexp.MustCompile(`"[^"\n]*"|“[^”\n]*”|«[^»\n]*»`)
	// webAddress matches a URL, up to the first space or closing mark.
	webAddress = regexp.MustCompile(`https?://[^\s)\]>"'”»]+`)
)

// names are proper names of bodies that are as long as a run by
// themselves, so that no rewording can avoid them. They are left out like
// quotations. Add a name here only when it is a name, not a phrase.
var names = []string{
	"Chinese People's Association for Friendship with Foreign Countries",
	"Asociación de Amistad del Pueblo Chino con el Extranjero",
	"Green School of International and Public Affairs",
}

// leaveOutNames replaces each listed name in ts with a break.
func leaveOutNames(ts []token) []token {
	for _, name := range names {
		nt := tokens(name, 0, false)
		var out []token
		for i := 0; i < len(ts); i++ {
			if i+len(nt) <= len(ts) && slices.EqualFunc(ts[i:i+len(nt)], nt, func(a, b token) bool { return a.word == b.word }) {
				out = append(out, token{"", ts[i].line})
				i += len(nt) - 1
				continue
			}
			out = append(out, ts[i])
		}
		ts = out
	}
	return ts
}

// tokens splits text into lower-case words, numbering lines from first.
// Marked quotations and web addresses become breaks when skipQuotes is
// set (the project's side); a source keeps all its words.
func tokens(text string, first int, skipQuotes bool) []token {
	if skipQuotes {
		text = quoted.ReplaceAllString(text, "\x00")
	}
	text = webAddress.ReplaceAllString(text, "\x00")
	var out []token
	line := first
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			out = append(out, token{w.String(), line})
			w.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteString(strings.ToLower(string(r)))
		case r == 0:
			flush()
			out = append(out, token{"", line})
		default:
			flush()
			if r == '\n' {
				line++
			}
		}
	}
	flush()
	if skipQuotes {
		out = leaveOutNames(out)
	}
	return out
}

// gram joins the n words from position i, or returns "" when they run
// past the end or include a break.
func gram(ts []token, i, n int) string {
	if i+n > len(ts) {
		return ""
	}
	ws := make([]string, n)
	for k := range n {
		if ts[i+k].word == "" {
			return ""
		}
		ws[k] = ts[i+k].word
	}
	return strings.Join(ws, " ")
}

// index maps every run of n words in the sources to the name of the first
// source that holds it.
func index(sources map[string]string, n int) map[string]string {
	ix := map[string]string{}
	names := make([]string, 0, len(sources))
	for name := range sources {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		ts := tokens(sources[name], 1, false)
		for i := range ts {
			if g := gram(ts, i, n); g != "" {
				if _, ok := ix[g]; !ok {
					ix[g] = name
				}
			}
		}
	}
	return ix
}

// findRuns returns the maximal stretches of ts covered by runs of n words
// that the index holds. Overlapping or touching matches make one stretch.
func findRuns(ts []token, ix map[string]string, n int) []run {
	covered := make([]string, len(ts))
	for i := range ts {
		if src, ok := ix[gram(ts, i, n)]; ok {
			for k := i; k < i+n; k++ {
				if covered[k] == "" {
					covered[k] = src
				}
			}
		}
	}
	var out []run
	for i := 0; i < len(ts); {
		if covered[i] == "" {
			i++
			continue
		}
		j := i
		var ws []string
		for j < len(ts) && covered[j] != "" {
			ws = append(ws, ts[j].word)
			j++
		}
		out = append(out, run{Line: ts[i].line, Text: strings.Join(ws, " "), Source: covered[i]})
		i = j
	}
	return out
}

// segment is a piece of a project file that is checked on its own.
type segment struct {
	line int
	text string
}

// skipped reports whether a YAML key's value is left out: web addresses
// everywhere, bibliographic fields in the bibliography and the published
// tables' titles.
func skipped(rel, key string) bool {
	if key == "url" {
		return true
	}
	switch {
	case rel == "data/sources.yaml":
		return key == "title" || key == "container" || key == "publisher" || key == "authors"
	case strings.HasPrefix(rel, "data/published/"):
		return key == "title"
	}
	return false
}

// yamlSegments returns each scalar value of a YAML document that is not
// left out, and each full-line comment; lines count from first.
func yamlSegments(rel, src string, first int) ([]segment, error) {
	var out []segment
	for i, l := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "#") {
			out = append(out, segment{first + i, t[1:]})
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return nil, err
	}
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if !skipped(rel, k) {
					walk(n.Content[i+1], k)
				}
			}
		case yaml.ScalarNode:
			out = append(out, segment{first + n.Line - 1, n.Value})
		}
	}
	walk(&doc, "")
	return out, nil
}

// markdownSegments returns a Markdown file's front matter, decoded as YAML,
// and its body, one segment per paragraph so that a run may cross a
// line break within a paragraph.
func markdownSegments(rel, src string) ([]segment, error) {
	var out []segment
	body, first := src, 1
	if rest, ok := strings.CutPrefix(src, "---\n"); ok {
		fm, after, found := strings.Cut(rest, "\n---\n")
		if !found {
			return nil, errors.New("front matter has no closing ---")
		}
		segs, err := yamlSegments(rel, fm, 2)
		if err != nil {
			return nil, fmt.Errorf("front matter: %w", err)
		}
		out = append(out, segs...)
		body, first = after, strings.Count(fm, "\n")+4
	}
	var para []string
	start := first
	for i, l := range strings.Split(body, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(para) > 0 {
				out = append(out, segment{start, strings.Join(para, "\n")})
			}
			para, start = nil, first+i+1
			continue
		}
		para = append(para, l)
	}
	if len(para) > 0 {
		out = append(out, segment{start, strings.Join(para, "\n")})
	}
	return out, nil
}

// sharedDir is the directory "shared" beside the repository.
func sharedDir(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(filepath.Dir(root), "shared")
}

func TestNoCopiedRuns(t *testing.T) {
	dir := sharedDir(t)
	seeds, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	facts := filepath.Join(dir, "facts", "FACTS.md")
	if _, err := os.Stat(facts); len(seeds) == 0 || err != nil {
		t.Skipf("no sources to compare with: %s must hold seeds/*.txt and facts/FACTS.md (it sits beside the repository in CI)", dir)
	}
	sources := map[string]string{}
	for _, p := range append(seeds, facts) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		sources["../shared/"+filepath.ToSlash(rel)] = string(b)
	}
	n := *words
	ix := index(sources, n)

	root := filepath.Join("..", "..")
	checked := 0
	for _, top := range []string{"content", "data"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			ext := filepath.Ext(p)
			if ext != ".md" && ext != ".yaml" && ext != ".yml" {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			var segs []segment
			if ext == ".md" {
				segs, err = markdownSegments(rel, string(b))
			} else {
				segs, err = yamlSegments(rel, string(b), 1)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			checked++
			for _, s := range segs {
				for _, r := range findRuns(tokens(s.text, s.line, true), ix, n) {
					t.Errorf("%s:%d: %d words shared with %s: %q", rel, r.Line, len(strings.Fields(r.Text)), r.Source, r.Text)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked == 0 {
		t.Fatal("no Markdown or YAML files found under content/ and data/")
	}
}

func TestFindRuns(t *testing.T) {
	source := "The delegation had 70 members, led by the intendente. It met the vice-governor “on economic, trade and university ties” in Wuhan. " +
		"It met the Chinese People's Association for Friendship with Foreign Countries."
	for _, tc := range []struct {
		name, text string
		n          int
		want       []run
	}{
		{
			name: "own words",
			text: "Seventy people travelled under the intendente's leadership.",
			n:    4,
		},
		{
			name: "one run, case and punctuation ignored",
			text: "As reported, THE delegation had 70 Members; led by others.",
			n:    4,
			want: []run{{1, "the delegation had 70 members led by", "src"}},
		},
		{
			name: "shorter than n is not reported",
			text: "the delegation had 70 people",
			n:    5,
		},
		{
			name: "typographic marks and line breaks do not matter",
			text: "It\nmet the vice—governor on",
			n:    5,
			want: []run{{1, "it met the vice governor on", "src"}},
		},
		{
			name: "two runs, each on its own line",
			text: "x the delegation had 70 y\nz led by the intendente w",
			n:    4,
			want: []run{{1, "the delegation had 70", "src"}, {2, "led by the intendente", "src"}},
		},
		{
			name: "a marked quotation is left out",
			text: `They met "on economic, trade and university ties" there.`,
			n:    4,
		},
		{
			name: "only the quoted span is left out",
			text: `He “met” it met the vice governor on economic grounds.`,
			n:    5,
			want: []run{{1, "it met the vice governor on economic", "src"}},
		},
		{
			name: "guillemets mark a quotation too",
			text: "«the delegation had 70 members»",
			n:    4,
		},
		{
			name: "a run does not bridge a quotation",
			text: `the delegation "x" had 70 members`,
			n:    4,
		},
		{
			name: "a web address is left out",
			text: "See https://example.org/the-delegation-had-70-members-led-by now.",
			n:    4,
		},
		{
			name: "a listed name is left out",
			text: "the Chinese People’s Association for Friendship with Foreign Countries met",
			n:    3,
		},
		{
			name: "accents are kept",
			text: "thé delegation had 70 members",
			n:    4,
			want: []run{{1, "delegation had 70 members", "src"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := index(map[string]string{"src": source}, tc.n)
			got := findRuns(tokens(tc.text, 1, true), ix, tc.n)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findRuns(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestSegmentsLeaveOutBibliography(t *testing.T) {
	src := `# a comment line
sources:
  - id: x
    title: "A Title Here"
    authors: ["Some One"]
    url: "https://example.org/"
    note: "Says \"quoted\" things."
`
	got, err := yamlSegments("data/sources.yaml", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []segment{{1, " a comment line"}, {3, "x"}, {7, `Says "quoted" things.`}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(segment{})); diff != "" {
		t.Errorf("yamlSegments mismatch (-want +got):\n%s", diff)
	}
	// Elsewhere a title is the atlas's own text and is checked.
	got, err = yamlSegments("data/agreements/ar.yaml", "title: own words\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]segment{{1, "own words"}}, got, cmp.AllowUnexported(segment{})); diff != "" {
		t.Errorf("yamlSegments mismatch (-want +got):\n%s", diff)
	}
}

func TestMarkdownSegments(t *testing.T) {
	src := "---\ntitle: \"T\"\nslug: s\n---\n\nFirst paragraph\ngoes on.\n\nSecond.\n"
	got, err := markdownSegments("content/pages/x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	want := []segment{{2, "T"}, {3, "s"}, {6, "First paragraph\ngoes on."}, {9, "Second."}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(segment{})); diff != "" {
		t.Errorf("markdownSegments mismatch (-want +got):\n%s", diff)
	}
}
