package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"atlas/internal/srcpos"
	"atlas/internal/strictyaml"
)

// The fuzz targets are seeded from the repository's own content/ and from
// the bad inputs of the tests (badBodies). Run them with make fuzz; a
// crasher is saved under testdata/fuzz/ and so becomes a test case.

// badBodies are Markdown bodies the tests and the hardening issue found
// problems with.
var badBodies = []string{
	"A claim [@report, p. 3\nand [[@report]](/table-1/), [x](javascript:alert(1)).\n",
	"Table: Counts <i>by</i> year\n| a |\n| --- |\n| 1 |\n",
	"Table: Counts [@report]\n| A | B |\n| --- | --- |\n| 1 | 2 |\n",
	"<script>alert(1)</script>\n",
	"[x](data:text/html,<b>x</b>) <javascript:alert(1)> [y](VBScript:x)\n",
	"[a](</x/ \"t\">) ![i](/i.png) `code` **b** _e_ ~~s~~\n",
	"# References\n\n## ref-1\n\n# cite-2\n\n# Biobío\n\n# Biobío\n",
	"- a\n  - b\n    - c\n\n1. x\n2. y\n\n> quote\n\n---\n\n```go\nx := 1\n```\n",
	"[@a; @b, table 1] [@a] [@ ] [@a,] [@a; ] [@@a] [@a]] [[@a]] [@a\n",
	"| a | b |\n|:--|--:|\n| [@a] | [x](/y/) |\n",
	"A line\\\nbreak &amp; &#x3C;script&#x3E; <!-- c --> <a href=x>y</a>\n",
	strings.Repeat("[a](", 20) + strings.Repeat("- ", 40) + "x\n",
}

// realDocs returns the Markdown files of the repository's content/.
func realDocs(f *testing.F) map[string][]byte {
	f.Helper()
	out := map[string][]byte{}
	for _, dir := range []string{CasesDir, PagesDir} {
		names, _ := filepath.Glob(filepath.Join("..", "..", filepath.FromSlash(dir), "*.md"))
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				f.Fatal(err)
			}
			out[dir+"/"+filepath.Base(n)] = b
		}
	}
	if len(out) == 0 {
		f.Fatal("no content files to seed from")
	}
	return out
}

// positioned fails t if err holds a problem without a position in file.
func positioned(t *testing.T, err error, file string) {
	t.Helper()
	if err == nil {
		return
	}
	list, other := srcpos.Split(err)
	for _, e := range other {
		t.Fatalf("unpositioned error: %v", e)
	}
	for _, e := range list {
		if e.Pos.File != file {
			t.Fatalf("error in %q, want %q: %v", e.Pos.File, file, e)
		}
	}
}

// FuzzLoad checks that no case-study file makes loading panic or hang,
// and that every problem is reported in the file.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(caseFront + "\n## A\n\nText [@a, p. 2; @b].\n"))
	f.Add([]byte("---\ntitle: x\n---\n<script>x</script>\n"))
	f.Add([]byte("---\n---\n[@"))
	f.Add([]byte("# no front matter"))
	for _, b := range realDocs(f) {
		f.Add(b)
	}
	for _, b := range badBodies {
		f.Add([]byte(caseFront + b))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "content/cases/biobio.md"
		_, _, err := Load(fstest.MapFS{name: {Data: src}}, "/")
		positioned(t, err, name)
	})
}

// FuzzFrontMatter checks the front-matter splitter and the strict decoder
// on it: no panic, every problem positioned in the file and on a line of
// it, and the body starting on the line split says.
func FuzzFrontMatter(f *testing.F) {
	for _, b := range realDocs(f) {
		f.Add(b)
	}
	for _, s := range []string{
		caseFront, "---\n---\n", "---\n---", "---\ntitle: x\n...\nmore: y\n---\nbody",
		"---\r\ntitle: x\r\n---\r\nbody", "---\ntitle: [\n---\n", "---\n\ttitle: x\n---\n",
		"---\ntitle: \"\"\nslug: method\n---\n", "---\ntitle: x\n--- \n", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "content/cases/x.md"
		front, body, bodyLine, err := split(name, src)
		if err != nil {
			positioned(t, err, name)
			return
		}
		text := strings.ReplaceAll(string(src), "\r\n", "\n")
		if !strings.HasSuffix(text, string(body)) {
			t.Fatalf("body %q is not the end of the file", body)
		}
		if len(body) > 0 {
			if want := strings.Count(text[:len(text)-len(body)], "\n") + 1; bodyLine != want {
				t.Fatalf("bodyLine = %d, want %d", bodyLine, want)
			}
		}
		lines := strings.Count(text, "\n") + 1
		var c Case
		if err := strictyaml.Decode(name, front, 1, &c); err != nil {
			positioned(t, err, name)
			list, _ := srcpos.Split(err)
			for _, e := range list {
				if e.Pos.Line < 1 || e.Pos.Line > lines {
					t.Fatalf("error on line %d of a %d-line file: %v", e.Pos.Line, lines, e)
				}
			}
		}
	})
}

// FuzzCitations checks the citation parser: every citation it finds is
// positioned in the body, numbered from 1 in order of first citation, and
// listed among the references.
func FuzzCitations(f *testing.F) {
	for _, s := range []string{
		"[@a]", "[@a, p. 3]", "[@a; @b, table 1]", "[@a-b_c, §2; @d]", "[@", "[@a", "[@a\n]",
		"[[@a]](/x/)", "[@a]]", "[x [@a]](y)", "`[@a]`", "\\[@a]", "[@a;@b;@a]", "[@ a]", "[@a,]",
	} {
		f.Add(s)
	}
	for _, b := range badBodies {
		f.Add(b)
	}
	md := newMarkdown("/")
	f.Fuzz(func(t *testing.T, body string) {
		const name = "content/cases/x.md"
		d := &Doc{File: name}
		err := md.render(d, []byte(body), 10)
		if err != nil {
			positioned(t, err, name)
			return
		}
		lines := strings.Count(body, "\n") + 10
		numbers := map[string]int{}
		next := 1
		for _, c := range d.Citations {
			if c.ID == "" || c.Pos.File != name || c.Pos.Line < 10 || c.Pos.Line > lines || c.Pos.Col < 1 {
				t.Fatalf("citation %+v: bad id or position", c)
			}
			if n, ok := numbers[c.ID]; ok {
				if c.Number != n {
					t.Fatalf("source %q numbered %d and %d", c.ID, n, c.Number)
				}
				continue
			}
			if c.Number != next {
				t.Fatalf("source %q numbered %d, want %d", c.ID, c.Number, next)
			}
			numbers[c.ID] = next
			next++
		}
		if len(d.Refs) != len(numbers) {
			t.Fatalf("%d references for %d cited sources", len(d.Refs), len(numbers))
		}
		for _, r := range d.Refs {
			if numbers[r.ID] != r.Number {
				t.Fatalf("reference %d is source %q, numbered %d", r.Number, r.ID, numbers[r.ID])
			}
		}
	})
}

// allowed lists the elements the Markdown pipeline emits and, for each,
// the attributes it may carry: goldmark's CommonMark and GFM table
// output, the citations (span.cite, a with href and id), the captions and
// the scroll box around tables. Anything else in a body's HTML came from
// the input, unescaped.
var allowed = map[string][]string{
	"p": nil, "br": nil, "hr": nil, "em": nil, "strong": nil, "code": {"class"}, "pre": nil,
	"blockquote": nil, "ul": nil, "ol": {"start"}, "li": nil,
	"h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
	"a":     {"href", "title", "id"},
	"span":  {"class"},
	"div":   {"class"},
	"table": nil, "caption": nil, "thead": nil, "tbody": nil, "tr": nil,
	"th": {"style", "scope"}, "td": {"style"},
}

// allowedClass and allowedStyle are the values of class and style the
// pipeline writes.
var (
	// A fenced block's info string is escaped by goldmark into its
	// language- class, so any text may follow "language-".
	allowedClass = regexp.MustCompile(`^(cite|scroll|language-\S+)$`)
	allowedStyle = regexp.MustCompile(`^text-align:(left|right|center)$`)
	unsafeURL    = regexp.MustCompile(`(?i)^\s*(javascript|data|vbscript|file):`)
)

// checkHTML fails t if out has an element, attribute or URL outside the
// allow-list.
func checkHTML(t *testing.T, out []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.CommentToken, html.DoctypeToken:
			t.Fatalf("markup %q in the output:\n%s", z.Token().String(), out)
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs, ok := allowed[tok.Data]
			if !ok {
				t.Fatalf("element <%s> outside the allow-list in:\n%s", tok.Data, out)
			}
			for _, a := range tok.Attr {
				switch {
				case a.Namespace != "" || !contains(attrs, a.Key):
					t.Fatalf("attribute %s on <%s> outside the allow-list in:\n%s", a.Key, tok.Data, out)
				case a.Key == "class" && !allowedClass.MatchString(a.Val):
					t.Fatalf("class %q on <%s> in:\n%s", a.Val, tok.Data, out)
				case a.Key == "style" && !allowedStyle.MatchString(a.Val):
					t.Fatalf("style %q on <%s> in:\n%s", a.Val, tok.Data, out)
				case a.Key == "scope" && a.Val != "col" && a.Val != "row":
					t.Fatalf("scope %q on <%s> in:\n%s", a.Val, tok.Data, out)
				case a.Key == "href" && unsafeURL.MatchString(a.Val):
					t.Fatalf("unsafe URL %q in:\n%s", a.Val, out)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzMarkdown checks the Markdown pipeline: whatever the body, the HTML
// it accepts has only the elements and attributes the pipeline writes
// itself, and no javascript:, data:, vbscript: or file: URL.
func FuzzMarkdown(f *testing.F) {
	for name, b := range realDocs(f) {
		_, body, _, err := split(name, b)
		if err == nil {
			f.Add(string(body))
		}
	}
	for _, b := range badBodies {
		f.Add(b)
	}
	md := newMarkdown("/atlas/")
	f.Fuzz(func(t *testing.T, body string) {
		d := &Doc{File: "content/pages/x.md"}
		if err := md.render(d, []byte(body), 8); err != nil {
			positioned(t, err, d.File)
			return
		}
		checkHTML(t, d.HTML)
	})
}

// TestMarkdownAllowList runs the allow-list check on the real content, so
// that a change to the pipeline that emits new markup is seen here first.
func TestMarkdownAllowList(t *testing.T) {
	err := fs.WalkDir(os.DirFS(filepath.Join("..", "..")), Dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(name) != ".md" {
			return err
		}
		b, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		_, body, line, err := split(name, b)
		if err != nil {
			return err
		}
		d := &Doc{File: name}
		if err := newMarkdown("/").render(d, body, line); err != nil {
			return err
		}
		checkHTML(t, d.HTML)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
