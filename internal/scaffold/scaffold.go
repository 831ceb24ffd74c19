// Package scaffold writes new content files for editors to fill in: a
// case study with every front-matter field present and explained.
package scaffold

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"atlas/internal/slug"
)

// CasesDir is where case studies live in the source tree.
const CasesDir = "content/cases"

// Case returns the slug and the text of a new case study titled title,
// last updated on today.
func Case(title string, today time.Time) (string, []byte, error) {
	title = strings.TrimSpace(title)
	s := slug.Make(title)
	if s == "" {
		return "", nil, fmt.Errorf("title %q makes an empty slug (a title needs at least one letter or digit)", title)
	}
	var b bytes.Buffer
	err := caseTmpl.Execute(&b, caseData{
		Title:   quote(title),
		Slug:    s,
		Updated: today.Format(time.DateOnly),
	})
	return s, b.Bytes(), err
}

// WriteCase writes a new case study into the source directory dir and
// returns its path. It never overwrites a file.
func WriteCase(dir, title string, today time.Time) (string, error) {
	s, text, err := Case(title, today)
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, filepath.FromSlash(CasesDir), s+".md")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: choose another title, or edit that file", name)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		os.Remove(name)
		return "", err
	}
	return name, f.Close()
}

// quote returns s as a YAML double-quoted scalar: Go's escapes (\", \\,
// \n, \xHH, \uHHHH) are all YAML escapes too.
func quote(s string) string {
	return strconv.Quote(s)
}

type caseData struct {
	Title   string // already quoted
	Slug    string
	Updated string
}

// caseText is the new case study. Its front matter follows the format in
// the content package's documentation; every value it starts with is
// valid, so the new file builds at once and the editor sees the page in
// the preview before filling it in.
//
//go:embed case.md.tmpl
var caseText string

var caseTmpl = template.Must(template.New("case.md.tmpl").Parse(caseText))
