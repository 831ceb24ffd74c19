package site

import (
	"html/template"

	"atlas/internal/content"
	"strings"

	"atlas/internal/export"
	"atlas/internal/render"
	"atlas/internal/sitepath"
)

func (b *builder) casePages() {
	cs := b.m.caseViews("")
	b.page("cases", &render.CasesPage{
		Frame: render.Frame{
			Path:        sitepath.Cases,
			Title:       b.msg.Sprintf("page.cases.title"),
			Description: b.msg.Sprintf("page.cases.description"),
		},
		Cases: cs,
	})
	for _, c := range cs {
		d := b.m.caseDoc(c.Path)
		if b.m.foreign(d) {
			b.elsewhere(d)
			continue
		}
		f := render.Frame{
			Path:        c.Path,
			Title:       c.Title,
			Description: c.Summary,
			Updated:     c.Updated,
			OGType:      "article",
			Citation:    caseCitation(c, b.authors(), b.site.Title),
		}
		b.alternates(&f, docLangs(b.m.docVersions(d)))
		b.page("case", &render.CasePage{Frame: f, Case: c})
	}
}

// elsewhere writes the page of a text in a language that lacks it: it
// says so and links to the text in the languages that have it. It stays
// out of the sitemap and of every page's hreflang links, which name only
// real versions.
func (b *builder) elsewhere(d *content.Doc) {
	vs := b.m.docVersions(d)
	f := render.Frame{Path: docPath(d), NoIndex: true}
	isCase := d.Case != nil
	if isCase {
		f.Title = b.msg.Sprintf("elsewhere.case.title")
	} else {
		f.Title = b.msg.Sprintf("elsewhere.page.title")
	}
	b.alternates(&f, nil)
	p := &render.ElsewherePage{Frame: f, Case: isCase}
	for _, v := range vs {
		for _, a := range f.Switch {
			if a.Lang == v.Lang {
				a.Title = v.Title()
				p.Versions = append(p.Versions, a)
			}
		}
	}
	b.page("elsewhere", p)
}

// docLangs returns the languages of docs.
func docLangs(docs []*content.Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Lang)
	}
	return out
}

func (b *builder) researchPages() {
	for _, d := range b.m.pages {
		if b.m.foreign(d) {
			b.elsewhere(d)
			continue
		}
		var examples []*render.CiteBlock
		if d.Key == "how-to-cite" {
			examples = b.citeExamples()
		}
		f := render.Frame{
			Path:        docPath(d),
			Title:       d.Page.Title,
			Description: d.Page.Summary,
			Updated:     d.Page.Updated,
		}
		b.alternates(&f, docLangs(b.m.docVersions(d)))
		b.page("page", &render.ResearchPage{
			Frame:    f,
			Body:     template.HTML(d.HTML),
			Refs:     b.m.refs(d),
			Examples: examples,
		})
	}
}

// authors is how the atlas names its authors (see the how-to-cite page):
// "Asia–Latin America Subnational Atlas contributors".
func (b *builder) authors() string { return b.msg.Sprintf("site.authors", b.site.Title) }

// caseCitation fills the Google Scholar tags of a case study: the atlas's
// contributors as author (as the how-to-cite page has it), the date of its
// last revision, and the site's title as publisher.
func caseCitation(c caseView, author, publisher string) *render.Citation {
	return &render.Citation{
		Title:     c.Title,
		Authors:   []string{author},
		Date:      strings.ReplaceAll(c.Updated, "-", "/"),
		Publisher: publisher,
	}
}

// citable are the templates whose pages a reader may cite, with the CSL
// type of what they show.
var citable = map[string]string{
	"home": "webpage", "case": "webpage", "page": "webpage", "table-1": "dataset",
	"chart": "dataset", "country": "webpage", "partner": "webpage", "place": "webpage",
	"agreement": "dataset", "data": "dataset",
}

// cite gives a citable page its "Cite this" block and its citation files.
// The home page cites the whole release.
func (b *builder) cite(tmpl string, f *render.Frame) {
	typ, ok := citable[tmpl]
	if !ok {
		return
	}
	key := "atlas"
	if f.Path != "" {
		key += "-" + strings.ReplaceAll(strings.Trim(f.Path, "/"), "/", "-")
	}
	f.Cite = b.citeBlock(typ, key, f.Path, f.Title, f.Updated)
	b.addFiles(export.CiteFiles(sitepath.InLang(b.m.lang, f.Path), f.Cite.Citations))
}

// citeBlock cites the page at path; the home page ("") cites the release.
func (b *builder) citeBlock(typ, key, path, title, updated string) *render.CiteBlock {
	ref := export.Ref{Key: key, Type: typ, Title: title, Authors: []string{b.authors()},
		Container: b.site.Title, Version: b.version, Issued: updated, URL: b.site.Base.Abs(sitepath.InLang(b.m.lang, path))}
	if path == "" {
		ref.Title = b.site.Title
	}
	return &render.CiteBlock{Ref: ref, Citations: export.CitePage(ref, b.msg), Dir: path}
}

// citeExamples are the how-to-cite page's examples: the release, the
// first case study, the Table 1 chart and the first agreement, as the
// site has them.
func (b *builder) citeExamples() []*render.CiteBlock {
	out := []*render.CiteBlock{b.citeBlock("webpage", "atlas", "", "", "")}
	if cs := b.m.caseViews(""); len(cs) > 0 {
		c := cs[len(cs)-1]
		out = append(out, b.citeBlock("webpage", "atlas-"+strings.ReplaceAll(strings.Trim(c.Path, "/"), "/", "-"), c.Path, c.Title, c.Updated))
	}
	if b.charted[sitepath.ChartTable1] {
		p := sitepath.Chart(sitepath.ChartTable1)
		out = append(out, b.citeBlock("dataset", "atlas-charts-table-1", p, b.msg.Sprintf("chart.table-1.title"), ""))
	}
	if as := b.m.agreements(nil); len(as) > 0 {
		a := as[0]
		out = append(out, b.citeBlock("dataset", "atlas-agreements-"+a.ID, a.Path, a.LatAm.Name+" – "+a.Asia.Name, ""))
	}
	return out
}
