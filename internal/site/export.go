package site

import (
	"fmt"
	"html/template"
	"strings"

	"atlas/internal/content"
	"atlas/internal/export"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
)

// Every file that is not a page comes from package export: this file hands
// it the model's values and adds the files it returns.

func (b *builder) addFiles(files []export.File) {
	for _, f := range files {
		b.add(f.Name, f.Data)
	}
}

// exportSite says where the site is published, for export.
func (b *builder) exportSite() export.Site {
	return export.Site{Title: b.site.Title, Authors: b.authors(), Base: b.site.Base}
}

// jsonLD encodes structured data for a page.
func (b *builder) jsonLD(v any) template.JS {
	js, err := export.JSONLD(v)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	return js
}

// downloads writes the data sets and the page that offers them, /data/.
func (b *builder) downloads() {
	m := b.m
	// The files are English's, the same for every language (canonical
	// field names); each language's data page describes them in its words.
	ds, files, err := export.Downloads(export.Records{Data: m.d, Index: m.ix, Agreements: m.agreementRecords(), Table1: m.table1, Version: b.version}, b.msg)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	if m.lang == sitepath.DefaultLang {
		b.addFiles(files)
	}
	var lds []map[string]any
	for _, d := range ds {
		lds = append(lds, export.Dataset(d, b.exportSite(), b.msg))
	}
	b.page("data", &render.DataPage{
		Frame: render.Frame{
			Path:        "data/",
			Title:       b.msg.Sprintf("page.data.title"),
			Description: b.msg.Sprintf("page.data.description"),
			Wikipedia:   true,
			JSONLD:      b.jsonLD(lds),
		},
		Downloads: ds,
		Version:   b.version,
		Digests:   digests(files),
		Sums:      export.SumsFile,
	})
}

// listed records a rendered page for the sitemap.
func (b *builder) listed(p *render.Frame) {
	if !p.NoIndex {
		b.sitemap = append(b.sitemap, export.SitemapEntry{Loc: sitepath.InLang(b.m.lang, p.Path), LastMod: p.Updated})
	}
}

// furniture writes robots.txt, and the sitemap and the feed when the base
// URL allows them.
func (b *builder) furniture() {
	files, err := export.Furniture(b.exportSite(), b.sitemap, docs(b.m.caseViews("")), b.msg)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	b.addFiles(files)
}

// docs lists case studies for the feed and the search.
func docs(cs []caseView) []export.Doc {
	var out []export.Doc
	for _, c := range cs {
		d := export.Doc{Title: c.Title, Path: c.Path, Summary: c.Summary, Updated: c.Updated}
		for _, co := range c.Countries {
			d.Countries = append(d.Countries, co.Country)
		}
		out = append(out, d)
	}
	return out
}

// SitemapNote says why a build has no sitemap and feed, or is "" when it
// has them.
func SitemapNote(base sitepath.Base) string {
	if base.Origin != "" {
		return ""
	}
	return fmt.Sprintf("no %s or %s: the base URL %s has no scheme and host, and both need absolute URLs (build with -base-url https://HOST%s to get them)", sitepath.Sitemap, sitepath.Feed, base.Path, base.Path)
}

// search writes the search page and its index. Without JavaScript the
// page points to the lists.
func (b *builder) search() {
	m := b.m
	byPath := map[string]*content.Doc{}
	for _, d := range m.cases {
		byPath[docPath(d)] = d
	}
	var cases, pages, charts []export.SearchPage
	for _, c := range m.caseViews("") {
		cases = append(cases, searchPage(c.Title, c.Path, c.Summary, byPath[c.Path]))
	}
	for _, d := range m.pages {
		pages = append(pages, searchPage(d.Page.Title, docPath(d), d.Page.Summary, d))
	}
	t := m.table1
	pages = append(pages, export.SearchPage{Title: b.msg.Sprintf("page.table-1.title"), Path: sitepath.Table1,
		Summary: b.msg.Sprintf("page.table-1.description"), Text: t.Title + ". " + t.Note})
	for _, c := range b.chartList {
		charts = append(charts, export.SearchPage{Title: c.Title, Path: c.Path(), Summary: c.Summary, Text: strings.Join(c.Notes, " ")})
	}
	var countries, partners []*records.Country
	for _, c := range m.latamCountries() {
		countries = append(countries, c.Country)
	}
	inTable := m.table1Partners()
	withAgreements := map[string]bool{}
	for _, a := range m.d.Agreements {
		withAgreements[m.ix.Locality[a.Asia].Country] = true
	}
	for _, c := range m.d.Countries {
		if _, counted := inTable[c.Code]; c.Region == records.Asia && (withAgreements[c.Code] || counted) {
			partners = append(partners, c)
		}
	}
	files, err := export.Search(export.SearchData{
		Cases:      cases,
		Pages:      pages,
		Charts:     charts,
		Countries:  countries,
		Partners:   partners,
		Localities: m.d.Localities,
		Agreements: m.agreementRecords(),
		Sources:    m.d.Sources,
		Index:      m.ix,
	}, b.msg)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	// Each language has its index, beside its search page: a query finds
	// the pages in the reader's language, and its results lead into the
	// reader's tree.
	for i := range files {
		files[i].Name = sitepath.InLang(b.m.lang, sitepath.Search) + strings.TrimPrefix(files[i].Name, sitepath.Search)
	}
	b.addFiles(files)
	b.page("search", &render.SearchPage{Frame: render.Frame{
		Path:        "search/",
		Title:       b.msg.Sprintf("page.search.title"),
		Description: b.msg.Sprintf("page.search.description"),
	}})
}

// searchPage is a case study or research page for the search, section by
// section.
func searchPage(title, path, summary string, d *content.Doc) export.SearchPage {
	p := export.SearchPage{Title: title, Path: path, Summary: summary}
	if d != nil {
		for _, s := range d.Sections() {
			p.Sections = append(p.Sections, export.SearchSection{ID: s.ID, Heading: s.Heading, Text: s.Text})
		}
	}
	return p
}

// agreementRecords returns the agreements in the order /agreements/ lists
// them.
func (m *model) agreementRecords() []*records.Agreement {
	var as []*records.Agreement
	for _, a := range m.agreements(nil) {
		as = append(as, a.Agreement)
	}
	return as
}

// chartFiles writes a chart's CSV and JSON. wikipedia marks figures that
// count records derived from Wikipedia.
func (b *builder) chartFiles(p *chartPage, wikipedia bool) {
	var srcs []export.Cite
	for _, s := range p.Sources {
		srcs = append(srcs, export.Cite{Source: s.Source, Locator: s.Locator})
	}
	if b.m.lang != sitepath.DefaultLang {
		return // the downloads exist once, in English, for every language's pages
	}
	lic := b.msg.Sprintf("chart.licence.compilation", export.LicenceContent)
	if wikipedia {
		lic = b.msg.Sprintf("chart.licence.wikipedia", export.LicenceWikipedia, export.AttribWikipedia(b.msg))
	}
	files, err := export.Chart(p.File, p.Data, srcs, lic, b.msg)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	b.addFiles(files)
}

// digests are the SHA-256 of the data files, by their names on /data/.
func digests(files []export.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		out[strings.TrimPrefix(f.Name, sitepath.Data)] = export.Digest(f.Data)
	}
	return out
}
