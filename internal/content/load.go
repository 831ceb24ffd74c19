package content

import (
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"atlas/internal/sitepath"
	"atlas/internal/srcfs"
	"atlas/internal/srcpos"
	"atlas/internal/strictyaml"
)

// Load reads and renders every document under content/ in fsys, for a
// site published under basePath ("/" or "/atlas/"). All problems are
// reported at once as a srcpos.List. Cross-references (source, country and
// locality ids) are checked by the caller, which knows the records.
func Load(fsys fs.FS, basePath string) (cases, pages []*Doc, err error) {
	var errs srcpos.List
	md := newMarkdown(basePath)
	caseFiles, pageFiles, err := markdownFiles(fsys)
	errs.Append(err)
	for _, names := range [][]string{caseFiles, pageFiles} {
		for _, name := range names {
			d, err := load(fsys, name, md)
			errs.Append(err)
			if d == nil {
				continue
			}
			if kindDir(name) == "cases" {
				cases = append(cases, d)
			} else {
				pages = append(pages, d)
			}
		}
	}
	checkKeys(cases, &errs)
	checkKeys(pages, &errs)
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	return cases, pages, nil
}

// DefaultLang is the language of the texts directly under content/cases
// and content/pages.
const DefaultLang = sitepath.DefaultLang

// langDirRE is the directory of another language's texts: content/es.
var langDirRE = regexp.MustCompile(`^content/([a-z]{2,3})/(cases|pages)$`)

// dirLang returns the language and the kind ("cases", "pages") of the
// directory of a document file, or "" when it is not a document directory.
func dirLang(name string) (lang, kind string) {
	switch dir := path.Dir(name); {
	case dir == CasesDir:
		return DefaultLang, "cases"
	case dir == PagesDir:
		return DefaultLang, "pages"
	default:
		if m := langDirRE.FindStringSubmatch(dir); m != nil && m[1] != DefaultLang {
			return m[1], m[2]
		}
	}
	return "", ""
}

func kindDir(name string) string { _, k := dirLang(name); return k }

// checkKeys reports two texts of one language with one key.
func checkKeys(docs []*Doc, errs *srcpos.List) {
	seen := map[[2]string]*Doc{}
	for _, d := range docs {
		k := [2]string{d.Lang, d.Key}
		if first, ok := seen[k]; ok {
			pos, _ := d.field("key")
			errs.Add(pos, "key", "%q: %s has this key in %s already (one text per key and language)", d.Key, first.File, d.Lang)
			continue
		}
		seen[k] = d
	}
}

// field returns the position of a front-matter field of the document, or
// of its front matter, and whether the field is there.
func (d *Doc) field(name string) (srcpos.Position, bool) {
	fields, pos := d.Page.fields()
	if d.Case != nil {
		fields, pos = d.Case.Fields, d.Case.Pos
	}
	p, ok := fields[name]
	if !ok {
		return pos, false
	}
	return p, true
}

func (p *Page) fields() (srcpos.Fields, srcpos.Position) {
	if p == nil {
		return nil, srcpos.Position{}
	}
	return p.Fields, p.Pos
}

// setLang sets the document's language and key from its directory and
// front matter, and reports a lang that is not the directory's.
func (d *Doc) setLang(name string) error {
	dir, _ := dirLang(name)
	lang, key := "", ""
	if d.Case != nil {
		lang, key = d.Case.Lang, d.Case.Key
	} else {
		lang, key = d.Page.Lang, d.Page.Key
	}
	d.Lang, d.Key = dir, cmp.Or(key, d.Slug())
	var errs srcpos.List
	pos, ok := d.field("lang")
	switch {
	case !ok && dir != DefaultLang:
		errs.Add(pos, "lang", "missing (expected lang: %s, the language of its directory %s)", dir, path.Dir(name))
	case ok && lang != dir:
		errs.Add(pos, "lang", "%q differs from its directory %s (expected %q; move the file or correct lang)", lang, path.Dir(name), dir)
	}
	if pos, ok := d.field("key"); ok && !slugRE.MatchString(key) {
		errs.Add(pos, "key", "%q is not a slug (the key is the text's path in every language: lowercase letters, digits and hyphens)", key)
	}
	return errs.Err()
}

// Dir holds the documents.
const Dir = "content"

// markdownFiles lists the documents of the cases and pages directories,
// and reports Markdown files elsewhere under content/, which would not be
// built, and files the build must not open (see srcfs).
func markdownFiles(fsys fs.FS) (cases, pages []string, err error) {
	files, err := srcfs.Scan(fsys, Dir)
	var errs srcpos.List
	errs.Append(err)
	for _, name := range files {
		if path.Ext(name) != ".md" {
			continue
		}
		switch kindDir(name) {
		case "cases":
			cases = append(cases, name)
		case "pages":
			pages = append(pages, name)
		default:
			errs.Add(srcpos.Position{File: name}, "", "Markdown file outside %s/ and %s/, not built (move a case study into %s/, a page into %s/, or a translation into content/<lang>/cases or pages)",
				CasesDir, PagesDir, CasesDir, PagesDir)
		}
	}
	return cases, pages, errs.Err()
}

// load reads one document. It returns the document, if its front matter
// could be decoded, and every problem found in it.
func load(fsys fs.FS, name string, md *markdown) (*Doc, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, srcpos.Errorf(srcpos.Position{File: name}, "", "cannot read: %v", err)
	}
	if i := srcpos.NotText(src); i >= 0 {
		line, col := srcpos.LineCol(src, i)
		return nil, srcpos.Errorf(srcpos.Position{File: name, Line: line, Col: col}, "", "not a UTF-8 text file (expected Markdown text)")
	}
	front, body, bodyLine, err := split(name, src)
	if err != nil {
		return nil, err
	}
	d := &Doc{File: name}
	var errs srcpos.List
	var meta any
	if kindDir(name) == "cases" {
		d.Case = &Case{}
		meta = d.Case
	} else {
		d.Page = &Page{}
		meta = d.Page
	}
	// The YAML starts on the file's second line.
	if err := strictyaml.Decode(name, front, 1, meta); err != nil {
		errs.Append(err)
		return nil, errs.Err()
	}
	errs.Append(checkSlug(d, name))
	errs.Append(d.setLang(name))
	errs.Append(md.render(d, body, bodyLine))
	return d, errs.Err()
}

// split separates the front matter from the body. bodyLine is the file
// line on which the body starts.
func split(name string, src []byte) (front, body []byte, bodyLine int, err error) {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	// A carriage return alone ends a line for YAML and for goldmark but not
	// for the positions, which count line feeds: every position after it
	// would be off.
	if i := strings.IndexByte(text, '\r'); i >= 0 {
		line, col := srcpos.LineCol([]byte(text), i)
		return nil, nil, 0, srcpos.Errorf(srcpos.Position{File: name, Line: line, Col: col}, "",
			"a carriage return without a line feed (save the file with LF or CRLF line endings)")
	}
	if !strings.HasPrefix(text, "---\n") {
		return nil, nil, 0, srcpos.Errorf(srcpos.Position{File: name, Line: 1, Col: 1}, "",
			"no front matter (expected a first line ---, YAML, and a closing --- line)")
	}
	rest := text[len("---\n"):]
	end := -1
	if strings.HasPrefix(rest, "---\n") || rest == "---" {
		end = 0
	} else if i := strings.Index(rest, "\n---\n"); i >= 0 {
		end = i + 1
	} else if strings.HasSuffix(rest, "\n---") {
		end = len(rest) - 3
	}
	if end < 0 {
		return nil, nil, 0, srcpos.Errorf(srcpos.Position{File: name, Line: 1, Col: 1}, "",
			"front matter is not closed (expected a line --- after the YAML)")
	}
	front = []byte(rest[:end])
	bodyText := strings.TrimPrefix(rest[end:], "---")
	bodyText = strings.TrimPrefix(bodyText, "\n")
	bodyLine = 2 + strings.Count(rest[:end], "\n") + 1
	return front, []byte(bodyText), bodyLine, nil
}

// slugRE is what a slug, and so a document's file name, may be: the
// slug is a path segment of the site, and a space, "#", "?" or upper-case
// letter there breaks links or differs between file systems.
var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// checkSlug reports a slug that is not one, or that differs from the
// file's name.
func checkSlug(d *Doc, name string) error {
	slug, fields, pos := "", srcpos.Fields(nil), srcpos.Position{}
	if d.Case != nil {
		slug, fields, pos = d.Case.Slug, d.Case.Fields, d.Case.Pos
	} else {
		slug, fields, pos = d.Page.Slug, d.Page.Fields, d.Page.Pos
	}
	if p, ok := fields["slug"]; ok {
		pos = p
	}
	want := strings.TrimSuffix(path.Base(name), ".md")
	switch {
	case !slugRE.MatchString(slug):
		return srcpos.Errorf(pos, "slug", "%q is not a slug (lowercase letters, digits and hyphens, such as \"biobio\"; rename the file to match)", slug)
	case slug != want:
		return srcpos.Errorf(pos, "slug", "%q differs from the file name (expected %q)", slug, want)
	}
	return nil
}

// Title returns the document's title.
func (d *Doc) Title() string {
	if d.Case != nil {
		return d.Case.Title
	}
	return d.Page.Title
}

// Slug returns the document's slug.
func (d *Doc) Slug() string {
	if d.Case != nil {
		return d.Case.Slug
	}
	return d.Page.Slug
}
