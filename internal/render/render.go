// Package render executes the site's html/template templates into page
// bytes. It owns the page types: one per template, each embedding a Frame,
// and the views they hold. It knows nothing of YAML or Markdown: the site
// package fills a page and names the template to use.
//
// # Templates
//
// templates/*.html are read from the source directory. Files whose names
// start with "_" are shared by every page (the layout "_base.html" and
// partials); each other file is one kind of page and defines the template
// "main", and may define "head" for extra elements in <head>. Every page is
// executed through the template "base".
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/jba/templatecheck"

	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
)

// Dir is the directory of the templates inside the source tree.
const Dir = "templates"

// Site is what every page knows about the whole site, in the language of
// one of its trees: each language has its own Site, and its pages' templates
// are bound to it.
type Site struct {
	Title string
	Base  sitepath.Base // the site's root; pages link into Lang's tree
	Lang  string        // "en", "es", "pt"
	// T prints the message key in Lang, for {{t "key" args...}}.
	T     func(key string, args ...any) string
	Nav   []NavItem
	Pages []NavItem // the research pages, in their order, for the footer
}

// URL returns the URL of the page or file at the site-relative path rel as
// linked from one of the site's pages: a page in its language's tree
// (sitepath.InLang), a file at its one place.
func (s *Site) URL(rel string) string { return s.Base.LangURL(s.Lang, rel) }

// NavItem is an entry of the main navigation.
type NavItem struct {
	Title string
	Path  string // site-relative, "countries/"
	Lang  string // the title's language when it is not the page's, or ""
}

// Page is one page to render: a pointer to one of the page types of this
// package, each of which embeds a Frame.
type Page interface{ Base() *Frame }

// Templates maps each page template (templates/<name>.html) to the page
// type it is executed with. Render refuses any other pairing, and a test
// type-checks every template against its type.
var Templates = map[string]Page{
	"home":        (*HomePage)(nil),
	"table-1":     (*Table1Page)(nil),
	"countries":   (*CountriesPage)(nil),
	"country":     (*CountryPage)(nil),
	"agreements":  (*ListPage)(nil),
	"sources":     (*SourcesPage)(nil),
	"cases":       (*CasesPage)(nil),
	"case":        (*CasePage)(nil),
	"page":        (*ResearchPage)(nil),
	"404":         (*NotFoundPage)(nil),
	"chart":       (*ChartPage)(nil),
	"chart-embed": (*ChartEmbedPage)(nil),
	"charts":      (*ChartsPage)(nil),
	"data":        (*DataPage)(nil),
	"search":      (*SearchPage)(nil),
	"place":       (*PlacePage)(nil),
	"places":      (*PlacesPage)(nil),
	"partner":     (*PartnerPage)(nil),
	"partners":    (*PartnersPage)(nil),
	"agreement":   (*AgreementPage)(nil),
	"elsewhere":   (*ElsewherePage)(nil),
}

// Citation is what Google Scholar reads from a scholarly page's
// citation_* meta tags.
type Citation struct {
	Title     string
	Authors   []string // "First Last", one tag each
	Date      string   // publication date, YYYY/MM/DD or YYYY
	Publisher string
}

// Renderer holds the parsed templates, bound to each language's Site.
type Renderer struct {
	pages map[string]*template.Template
	bound map[*Site]map[string]*template.Template
	// Keys are the message keys the templates name, for the string tables'
	// checks (CheckKeys, and the check of keys no longer used).
	Keys []KeyUse
	// rows holds each Site's rendered agreement rows (see RowTemplate).
	rows map[*Site]*rowCache
}

// New parses the templates in fsys, once, and binds a copy of them to each
// of sites (one per language): their function t prints in the site's
// language, and their links lead into its tree.
func New(fsys fs.FS, sites ...*Site) (*Renderer, error) {
	names, err := fs.Glob(fsys, path.Join(Dir, "*.html"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	shared := template.New("").Funcs(funcs(&Site{})).Funcs((&rowCache{}).funcs())
	var pages []string
	for _, n := range names {
		if strings.HasPrefix(path.Base(n), "_") {
			if err := parseFile(shared, fsys, n); err != nil {
				return nil, err
			}
		} else {
			pages = append(pages, n)
		}
	}
	if shared.Lookup("base") == nil {
		return nil, fmt.Errorf("%s: no template defines \"base\" (expected it in %s/_base.html)", Dir, Dir)
	}
	r := &Renderer{pages: map[string]*template.Template{}}
	for _, n := range pages {
		t, err := shared.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFile(t, fsys, n); err != nil {
			return nil, err
		}
		r.pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	var errs srcpos.List
	seen := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(r.pages)) {
		scanKeys(r.pages[name], seen, &r.Keys, &errs)
	}
	slices.SortFunc(r.Keys, func(a, b KeyUse) int { return srcpos.Compare(a.Pos, b.Pos) })
	if err := errs.Err(); err != nil {
		return nil, err
	}
	r.bound = map[*Site]map[string]*template.Template{}
	r.rows = map[*Site]*rowCache{}
	for _, site := range sites {
		m := map[string]*template.Template{}
		rows := &rowCache{}
		for name, t := range r.pages {
			c, err := t.Clone()
			if err != nil {
				return nil, err
			}
			m[name] = c.Funcs(funcs(site)).Funcs(rows.funcs())
		}
		// The rows execute in a set of their own, bound to the Site.
		c, err := shared.Clone()
		if err != nil {
			return nil, err
		}
		if err := rows.init(c.Funcs(funcs(site)).Funcs(rows.funcs())); err != nil {
			return nil, err
		}
		r.bound[site], r.rows[site] = m, rows
	}
	return r, nil
}

// check type-checks every page template against its page type, strictly
// (templatecheck.CheckHTMLStrict: every type known, every partial called
// with one type), so that a misspelt field or a wrong type fails the build
// on every branch of a template, not only on the branches some page
// happens to reach.
func (r *Renderer) check() error {
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(r.pages)) {
		want, ok := Templates[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s/%s.html: no page type for this template (add one to render.Templates)", Dir, name))
			continue
		}
		if err := templatecheck.CheckHTMLStrict(r.pages[name].Lookup("base"), want); err != nil {
			errs = append(errs, fmt.Errorf("%s/%s.html, checked against %T: %w", Dir, name, want, err))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(Templates)) {
		if _, ok := r.pages[name]; !ok {
			errs = append(errs, fmt.Errorf("%s/%s.html: missing (render.Templates names it)", Dir, name))
		}
	}
	return errors.Join(errs...)
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if _, err := t.New(name).Parse(string(src)); err != nil {
		return err // html/template errors name the file and line
	}
	return nil
}

// Render executes the page template name for p, which must be of the
// template's type (see Templates), bound to p's Site (one given to New).
func (r *Renderer) Render(name string, p Page) ([]byte, error) {
	m, ok := r.bound[p.Base().Site]
	if !ok {
		return nil, fmt.Errorf("rendering /%s: its Site was not given to render.New", p.Base().Path)
	}
	t, ok := m[name]
	if !ok {
		return nil, fmt.Errorf("no template %s/%s.html", Dir, name)
	}
	if want := Templates[name]; reflect.TypeOf(want) != reflect.TypeOf(p) {
		return nil, fmt.Errorf("template %s/%s.html: executed with %T (expected %T)", Dir, name, p, want)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "base", p); err != nil {
		return nil, fmt.Errorf("rendering /%s: %w", p.Base().Path, err)
	}
	return b.Bytes(), nil
}
