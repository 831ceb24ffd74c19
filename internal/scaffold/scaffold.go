// Package scaffold writes new content files for editors to fill in: a
// case study with every front-matter field present and explained.
package scaffold

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"atlas/internal/slug"
)

// CasesDir is where case studies live in the source tree.
const CasesDir = "content/cases"

// DefaultLang is the language of content/cases.
const DefaultLang = "en"

// Case returns the slug and the text of a new case study titled title,
// last updated on today.
func Case(title string, today time.Time) (string, []byte, error) {
	return CaseIn(title, DefaultLang, "", today)
}

// CaseIn returns the slug and the text of a new case study in lang
// ("es"), titled title. key is the translation key: the slug of the text
// it translates, which is then its slug too (one path in every language);
// "" makes the slug from the title, for a text with no other version yet.
func CaseIn(title, lang, key string, today time.Time) (string, []byte, error) {
	title = strings.TrimSpace(title)
	s := cmp.Or(key, slug.Make(title))
	if s == "" {
		return "", nil, fmt.Errorf("title %q makes an empty slug (a title needs at least one letter or digit)", title)
	}
	if key != "" && slug.Make(key) != key {
		return "", nil, fmt.Errorf("key %q is not a slug (the slug of the case study it translates, such as biobio)", key)
	}
	if !langRE.MatchString(lang) {
		return "", nil, fmt.Errorf("language %q is not a language code (such as es or pt)", lang)
	}
	var b bytes.Buffer
	err := caseTmpl.Execute(&b, caseData{
		Title:   quote(title),
		Slug:    s,
		Updated: today.Format(time.DateOnly),
		Lang:    lang,
		Path:    langPrefix(lang) + "cases/" + s + "/",
		Foreign: lang != DefaultLang,
	})
	return s, b.Bytes(), err
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

func langPrefix(lang string) string {
	if lang == DefaultLang {
		return ""
	}
	return lang + "/"
}

// Dir is the directory of case studies in lang: content/cases for
// English, content/es/cases for Spanish.
func Dir(lang string) string {
	if lang == DefaultLang {
		return CasesDir
	}
	return "content/" + lang + "/cases"
}

// WriteCase writes a new case study into the source directory dir and
// returns its path. It never overwrites a file.
func WriteCase(dir, title string, today time.Time) (string, error) {
	return WriteCaseIn(dir, title, DefaultLang, "", today)
}

// WriteCaseIn writes a new case study in lang (see CaseIn) into the
// source directory dir and returns its path. It never overwrites a file.
func WriteCaseIn(dir, title, lang, key string, today time.Time) (string, error) {
	s, text, err := CaseIn(title, lang, key, today)
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, filepath.FromSlash(Dir(lang)), s+".md")
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
	Lang    string
	Path    string // the page's site path
	Foreign bool   // not English: the file names its lang and key
}

// caseText is the new case study. Its front matter follows the format in
// the content package's documentation; every value it starts with is
// valid, so the new file builds at once and the editor sees the page in
// the preview before filling it in.
//
//go:embed case.md.tmpl
var caseText string

var caseTmpl = template.Must(template.New("case.md.tmpl").Parse(caseText))
