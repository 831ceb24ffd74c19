package serve

import (
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
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

// posRE matches the position at the start of a problem line:
// path:line:col: or path:line:.
var posRE = regexp.MustCompile(`^([^\s:][^:]*):(\d+)(?::(\d+))?: `)

// explain attaches excerpts of the source files to a failed build's
// problems.
func explain(fsys fs.FS, errs []string) []problem {
	out := make([]problem, len(errs))
	files := map[string][]string{}
	for i, e := range errs {
		out[i].Text = e
		m := posRE.FindStringSubmatch(e)
		if m == nil || i >= maxExcerpts || !fs.ValidPath(m[1]) {
			continue
		}
		lines, ok := files[m[1]]
		if !ok {
			b, err := fs.ReadFile(fsys, m[1])
			if err == nil && utf8.Valid(b) {
				lines = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			}
			files[m[1]] = lines
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3]) // 0 when absent
		out[i].Excerpt = excerpt(lines, line, col)
	}
	// Problems at one place (a record missing several fields) share
	// one excerpt, after the last of them.
	for i := 0; i+1 < len(out); i++ {
		if out[i].Excerpt != "" && out[i].Excerpt == out[i+1].Excerpt {
			out[i].Excerpt = ""
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
