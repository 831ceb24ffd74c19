// Package render executes the site's html/template templates into page
// bytes. It knows nothing of YAML or Markdown: the site package fills a
// Page with page-specific data and names the template to use.
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
	"atlas/internal/sitepath"
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Dir is the directory of the templates inside the source tree.
const Dir = "templates"

// Site is what every page knows about the whole site.
type Site struct {
	Title string
	Base  sitepath.Base
	Nav   []NavItem
	Pages []NavItem // the research pages, in their order, for the footer
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Title string
	Path  string // site-relative, "countries/"
}

// Page is one page to render: the frame every page has, and Data for the
// page's own template.
type Page struct {
	Site        *Site
	Path        string // site-relative URL path: "" for home, "countries/ar/"
	Title       string
	Description string
	// Wikipedia is set on pages that show records derived from Wikipedia,
	// which then carry the CC BY-SA attribution.
	Wikipedia bool
	// Scripts are site-relative paths of scripts the page loads, deferred,
	// in <head>: ECharts on pages with charts.
	Scripts []string
	Data    any

	// NoIndex keeps the page out of search engines and the sitemap, and
	// gives it no canonical URL (the 404 page, served at any address).
	NoIndex bool
	// Updated is when the page's content last changed (YYYY-MM-DD), from
	// its front matter: the sitemap's lastmod. Empty when unknown; never
	// the clock's date, so that builds stay reproducible.
	Updated string
	// OGType is the Open Graph type; empty means "website".
	OGType string
	// JSONLD is the page's schema.org structured data, JSON-encoded
	// (json.Marshal escapes <, > and &, so it cannot close its script).
	JSONLD template.JS
	// Citation fills the Google Scholar citation_* tags.
	Citation *Citation
}

// Citation is what Google Scholar reads from a scholarly page's
// citation_* meta tags.
type Citation struct {
	Title     string
	Authors   []string // "First Last", one tag each
	Date      string   // publication date, YYYY/MM/DD or YYYY
	Publisher string
}

// Renderer holds the parsed templates.
type Renderer struct {
	pages map[string]*template.Template
}

// New parses the templates in fsys.
func New(fsys fs.FS, site *Site) (*Renderer, error) {
	names, err := fs.Glob(fsys, path.Join(Dir, "*.html"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	shared := template.New("").Funcs(funcs(site.Base))
	var pages []string
	for _, n := range names {
		if strings.HasPrefix(path.Base(n), "_") {
			if err := parse(shared, fsys, n); err != nil {
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
		if err := parse(t, fsys, n); err != nil {
			return nil, err
		}
		r.pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return r, nil
}

func parse(t *template.Template, fsys fs.FS, name string) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if _, err := t.New(name).Parse(string(src)); err != nil {
		return err // html/template errors name the file and line
	}
	return nil
}

// Render executes the page template name for p.
func (r *Renderer) Render(name string, p *Page) ([]byte, error) {
	t, ok := r.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %s/%s.html", Dir, name)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "base", p); err != nil {
		return nil, fmt.Errorf("rendering /%s: %w", p.Path, err)
	}
	return b.Bytes(), nil
}
