package serve

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"atlas/internal/srcpos"
)

// problem is one line of a failed build's report, with the lines of the
// source file around the position it names, for the overlay.
type problem struct {
	Text    string
	Excerpt string // "  7 | ...\n  8 | ...\n    |     ^", or "" when unknown
}

// maxExcerpts bounds the source excerpts in one overlay: past a few, the
// report itself is what helps.
const maxExcerpts = 10

// explain lists a failed build's problems for the overlay: the input
// problems, each with an excerpt of the source file at its position,
// then the other errors (a template that does not execute), one line
// each.
func explain(fsys fs.FS, err error) []problem {
	list, other := srcpos.Split(err)
	out := make([]problem, 0, len(list))
	files := map[string][]string{}
	for i, e := range list {
		p := problem{Text: e.Error()}
		if name := e.Pos.File; i < maxExcerpts && e.Pos.Line > 0 && fs.ValidPath(name) {
			lines, ok := files[name]
			if !ok {
				b, err := fs.ReadFile(fsys, name)
				if err == nil && utf8.Valid(b) {
					lines = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
				}
				files[name] = lines
			}
			p.Excerpt = excerpt(lines, e.Pos.Line, e.Pos.Col)
		}
		out = append(out, p)
	}
	// Problems at one place (a record missing several fields) share
	// one excerpt, after the last of them.
	for i := 0; i+1 < len(out); i++ {
		if out[i].Excerpt != "" && out[i].Excerpt == out[i+1].Excerpt {
			out[i].Excerpt = ""
		}
	}
	for _, e := range other {
		for _, line := range strings.Split(e.Error(), "\n") {
			out = append(out, problem{Text: line})
		}
	}
	return out
}

// excerptWidth is the widest excerpt line, in characters: Markdown
// paragraphs are often one long line, and the column must stay in view.
const excerptWidth = 100

// excerpt shows the line before, the line itself with a caret under
// column col (when known), and the line after. Long lines are cut to a
// window around the column, marked with "…".
func excerpt(lines []string, line, col int) string {
	if line < 1 || line > len(lines) {
		return ""
	}
	first, last := max(1, line-1), min(line+1, len(lines))
	start := 0 // the first character shown, 0-based
	if col > excerptWidth-20 {
		start = col - 1 - (excerptWidth - 40)
	}
	var b strings.Builder
	width := len(strconv.Itoa(last))
	for n := first; n <= last; n++ {
		text := []rune(strings.TrimRight(lines[n-1], "\r"))
		shown, lead, tail := window(text, start)
		fmt.Fprintf(&b, "%*d | %s%s%s\n", width, n, lead, string(shown), tail)
		if n == line && col > 0 {
			// Keep tabs in the padding so the caret lines up.
			pad := []rune(lead)
			for i, r := range text {
				if i >= col-1 {
					break
				}
				if i < start {
					continue
				}
				if r != '\t' {
					r = ' '
				}
				pad = append(pad, r)
			}
			fmt.Fprintf(&b, "%*s | %s^\n", width, "", strings.Map(func(r rune) rune {
				if r == '\t' {
					return r
				}
				return ' '
			}, string(pad)))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// window returns the part of text shown from start, and the marks of
// what was cut before and after it.
func window(text []rune, start int) (shown []rune, lead, tail string) {
	if start > 0 {
		if start >= len(text) {
			if len(text) == 0 {
				return nil, "", ""
			}
			return nil, "…", ""
		}
		text, lead = text[start:], "…"
	}
	if len(text) > excerptWidth {
		text, tail = text[:excerptWidth], "…"
	}
	return text, lead, tail
}
