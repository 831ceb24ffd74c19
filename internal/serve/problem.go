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

// excerpt shows the line before, the line itself with a caret under
// column col (when known), and the line after.
func excerpt(lines []string, line, col int) string {
	if line < 1 || line > len(lines) {
		return ""
	}
	var b strings.Builder
	width := len(strconv.Itoa(min(line+1, len(lines))))
	for n := max(1, line-1); n <= min(line+1, len(lines)); n++ {
		text := strings.TrimRight(lines[n-1], "\r")
		fmt.Fprintf(&b, "%*d | %s\n", width, n, text)
		if n == line && col > 0 {
			// Keep tabs in the padding so the caret lines up.
			pad := []rune{}
			for i, r := range []rune(text) {
				if i >= col-1 {
					break
				}
				if r != '\t' {
					r = ' '
				}
				pad = append(pad, r)
			}
			fmt.Fprintf(&b, "%*s | %s^\n", width, "", string(pad))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
