// Package site builds the atlas: it loads and validates the records and
// content, derives the figures, renders every page, has package export
// make every other file (downloads, feed, sitemap, search index), and
// writes the result. It is the one package that sees all the others.
package site

import (
	"cmp"
	"context"
	"io/fs"
	"sync"
	"time"

	"atlas/internal/content"
	"atlas/internal/export"
	"atlas/internal/messages"
	"atlas/internal/output"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
	"atlas/internal/stats"
)

// Config says what to build and where.
type Config struct {
	Src     fs.FS  // the source tree: data/, content/, templates/, static/
	Out     string // the output directory
	BaseURL string // "/" , "/atlas/" or "https://example.github.io/atlas/"
	// Version names the release being built (a git tag or commit, never
	// the clock): citations and downloads carry it. Empty means
	// Unversioned.
	Version string
	// Year is the current year, the latest a record may carry; zero means
	// Date's year.
	Year int
	// Date is the build's day, the latest an updated: date of the content
	// may be; zero means the clock's day (Today). A fixed date makes a
	// build reproducible.
	Date time.Time
}

// Today is the clock's day, at midnight UTC, as Config.Date holds it.
func Today() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Unversioned is the version of a build that was given none.
const Unversioned = "unversioned"

// Result describes a finished build.
type Result struct {
	Pages int // HTML pages
	Files int // all files
	Bytes int // total size
	// Notes say what the build left out and why, such as the sitemap of
	// a site built for a bare path.
	Notes []string
}

// Build generates the site and writes it to cfg.Out. Input problems are
// returned as a srcpos.List; on any error the previous output is left as
// it was.
func Build(cfg Config) (*Result, error) {
	d, err := output.Open(cfg.Out)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	res, err := BuildTo(context.Background(), d, cfg)
	if err != nil {
		return nil, err
	}
	if base, err := sitepath.ParseBase(cfg.BaseURL); err == nil {
		if note := SitemapNote(base); note != "" {
			res.Notes = append(res.Notes, note)
		}
	}
	return res, nil
}

// Summarize counts the pages, files and bytes of a generated site.
func Summarize(files output.Files) *Result {
	r := &Result{Files: len(files)}
	for name, b := range files {
		r.Bytes += len(b)
		if len(name) > 5 && name[len(name)-5:] == ".html" {
			r.Pages++
		}
	}
	return r
}

// Generate builds the site in memory. Every input problem, whichever
// stage finds it, is returned in one srcpos.List; other failures (a
// template that does not execute, a file that cannot be read) are joined
// after it (see srcpos.Join and srcpos.Split).
func Generate(cfg Config) (output.Files, error) { return generate(cfg, nil) }

// generate builds the site. With st, it writes each file to st as it is
// made and keeps in memory only the pages that the checks after the build
// read (the targets of the content's links), holding the others' names
// with nil contents.
func generate(cfg Config, st *output.Stream) (output.Files, error) {
	base, err := sitepath.ParseBase(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	date := cfg.Date
	if date.IsZero() {
		date = Today()
	}
	year := cfg.Year
	if year == 0 {
		year = date.Year()
	}
	m, err := assemble(cfg.Src, year, date, base.Path)
	if err != nil {
		return nil, err
	}
	set := m.d.Settings
	msgs, err := messages.LoadSet(cfg.Src, set.Codes())
	if err != nil {
		return nil, err
	}
	var sites []*render.Site
	var models []*model
	for _, code := range set.Codes() {
		lm := m.inLang(code, msgs.Lang(code))
		site := &render.Site{Title: set.TitleIn(code), Base: base, Lang: code, T: lm.msg.Sprintf}
		for _, n := range set.Nav {
			site.Nav = append(site.Nav, render.NavItem{Title: n.TitleIn(code), Path: n.Path})
		}
		for _, d := range lm.pages {
			site.Pages = append(site.Pages, render.NavItem{Title: d.Page.Title, Path: docPath(d), Lang: foreignLang(lm, d)})
		}
		sites, models = append(sites, site), append(models, lm)
	}
	r, err := render.New(cfg.Src, sites...)
	if err != nil {
		return nil, err
	}
	var keys srcpos.List
	keys.Append(r.CheckKeys(msgs.Ref().HasMatch))
	var patterns []string
	for _, k := range r.Keys {
		patterns = append(patterns, k.Pattern)
	}
	keys.Append(msgs.CheckUsed(patterns))
	if err := keys.Err(); err != nil {
		return nil, err
	}
	m.msg = msgs.Ref()
	files := output.Files{}
	// The builders of every language share the output, its lock and one
	// pool of renderers, so that the pages of all languages render on
	// every core.
	var mu sync.Mutex
	pool := newRenderPool()
	var keep map[string]bool
	if st != nil {
		keep = m.linkTargets(base)
	}
	var errs []error
	var sitemap []export.SitemapEntry
	var en *builder
	for i, lm := range models {
		b := &builder{m: lm, r: r, site: sites[i], src: cfg.Src, files: files, msg: lm.msg, version: cmp.Or(cfg.Version, Unversioned),
			pool: pool, mu: &mu, stream: st, keep: keep}
		b.pages()
		b.downloads()
		if i == 0 {
			// The static files exist once, for every language's pages.
			en = b
			b.static(cfg.Src)
		}
		errs = append(errs, b.errs...)
		sitemap = append(sitemap, b.sitemap...)
	}
	en.errs = nil
	en.sitemap = withAlternates(sitemap, set.Codes())
	en.furniture()
	errs = append(errs, en.errs...)
	errs = append(errs, pool.wait()...)
	// Rendering finds input problems of its own (a chart whose data does
	// not fit it, a message the pages asked for that the message file
	// lacks): they join the list, as the ones found before.
	errs = append(errs, msgs.Err())
	if err := srcpos.Join(errs...); err != nil {
		return nil, err
	}
	// What can be checked only on the built site: links in the content,
	// and the navigation of data/site.yaml.
	var list srcpos.List
	list.Append(m.checkLinks(files, base))
	list.Append(m.checkNav(files))
	if err := list.Err(); err != nil {
		return nil, err
	}
	return files, nil
}

// checkNav reports every navigation entry whose path is not a page of the
// built site.
func (m *model) checkNav(files output.Files) error {
	var errs srcpos.List
	for _, n := range m.d.Settings.Nav {
		for _, lang := range m.langs {
			if _, ok := files[sitepath.InLang(lang, n.Path)+"index.html"]; !ok {
				errs.Add(n.Fields.At("path", n.Pos), "path", "%q: no such page in %s (the path of a page the site builds, such as %q)", n.Path, lang, sitepath.Countries)
				break
			}
		}
	}
	return errs.Err()
}

// model is the validated site: records with their indexes and the derived
// figures.
type model struct {
	d      *records.Data
	ix     *records.Index
	counts stats.Counts
	table1 *stats.Table
	cases  []*content.Doc // the texts of lang's pages, one per key (see inLang)
	pages  []*content.Doc
	// allCases and allPages are the texts in every language.
	allCases, allPages []*content.Doc
	// twinning and otherKinds count the records of Table 1's kinds and of
	// the others, for Table 1 in each language.
	twinning, otherKinds stats.Counts
	ranks                map[string]int // country and locality names in lang's order (compareNames)
	lang                 string         // the language of the pages the model is for
	langs                []string       // the site's languages, English first
	year                 int            // the current year, the latest a record may carry
	day                  time.Time      // the build's day, the latest an updated: date may be
	msg                  *messages.Table

	// Computed once by assemble, for every page that needs them.
	countries       []countryView     // Latin American countries with pages
	paths           map[string]string // country code -> page path
	englishNames    map[string]string // country code -> English name, which page paths are made of
	latamLocalities map[string]bool   // Latin American localities with agreements
	views           []agreementView   // every agreement's view, sorted (see agreements)
}

// Table1ID is the id of the published table reproduced at /table-1/.
const Table1ID = "rouvinski-table-1"

// assemble loads and validates the records and the content. It reports
// the problems of both at once.
func assemble(fsys fs.FS, year int, date time.Time, basePath string) (*model, error) {
	var errs srcpos.List
	cases, pages, err := content.Load(fsys, basePath)
	errs.Append(err)
	d, err := records.Load(fsys)
	if err != nil {
		errs.Append(err)
		return nil, errs.Err()
	}
	ix, err := records.Validate(d, year, date)
	if err != nil {
		errs.Append(err)
		return nil, errs.Err()
	}
	m := &model{d: d, ix: ix, counts: stats.CountAgreements(d, ix), allCases: cases, allPages: pages, year: year, day: date,
		paths: map[string]string{}, latamLocalities: map[string]bool{}, lang: sitepath.DefaultLang, langs: d.Settings.Codes()}
	m.cases, m.pages = m.docsIn(m.lang, cases), sortPages(m.docsIn(m.lang, pages))
	m.englishNames = map[string]string{}
	for _, c := range d.Countries {
		m.englishNames[c.Code] = c.Name
	}
	for _, a := range d.Agreements {
		m.latamLocalities[a.LatAm] = true
	}
	if err := errs.Err(); err != nil {
		return nil, err // content that did not load cannot be cross-checked
	}
	errs.Append(m.checkContent())
	errs.Append(m.checkLangs())
	m.twinning, m.otherKinds = stats.CountKinds(d, ix, records.TwinningKinds, true), stats.CountKinds(d, ix, records.TwinningKinds, false)
	for _, t := range d.Tables {
		if t.ID == Table1ID {
			m.table1 = stats.NewTable(t, ix, m.twinning, m.otherKinds)
		}
	}
	if m.table1 == nil {
		errs.Add(srcpos.Position{File: records.PublishedDir}, "id", "no published table with id %q (the table reproduced at /table-1/)", Table1ID)
		return nil, errs.Err()
	}
	m.countries = m.listCountries()
	for _, c := range m.countries {
		m.paths[c.Code] = c.Path
	}
	return m, errs.Err()
}

// builder accumulates the output files of one build.
type builder struct {
	m    *model
	r    *render.Renderer
	site *render.Site
	src  fs.FS
	msg  *messages.Table // the reader's words that Go code composes
	// version is the release: citations and downloads carry it.
	version string
	files   output.Files
	// charted holds the slugs of the chart pages built, for links to them.
	charted map[string]bool
	// chartList holds the chart pages built, in order, for the search.
	chartList []*render.Chart
	errs      []error
	// sitemap lists the pages rendered so far, by site-relative path.
	sitemap []export.SitemapEntry
	// pool renders the pages; mu guards files, which its workers fill.
	pool *renderPool
	mu   *sync.Mutex
	// stream, when set, receives every file as it is made; files then
	// keeps the contents of the files in keep only (see generate).
	stream *output.Stream
	keep   map[string]bool
}

func (b *builder) add(name string, data []byte) {
	if err := b.store(name, data); err != nil {
		b.errs = append(b.errs, err)
	}
}

// store adds a file; the render pool's workers call it.
func (b *builder) store(name string, data []byte) error {
	kept := data
	if b.stream != nil && !b.keep[name] {
		kept = nil
	}
	b.mu.Lock()
	err := b.files.Add(name, kept)
	b.mu.Unlock()
	if err != nil || b.stream == nil {
		return err
	}
	return b.stream.Add(name, data)
}

// page renders a page at the site-relative path p ("" for home,
// "countries/" for a directory page).
func (b *builder) page(tmpl string, p render.Page) {
	f := p.Base()
	f.Site = b.site
	if f.Switch == nil {
		b.alternates(f, nil) // a page that every language has
	}
	b.cite(tmpl, f)
	rel := sitepath.InLang(b.m.lang, f.Path)
	name := rel + "index.html"
	if rel != "" && rel[len(rel)-1] != '/' {
		name = rel
	}
	b.listed(f)
	// p is not changed after this: the pool renders it while the builder
	// goes on.
	b.pool.submit(func() error {
		html, err := b.r.Render(tmpl, p)
		if err != nil {
			return err
		}
		return b.store(name, html)
	})
}
