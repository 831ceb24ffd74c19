package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/stats"
)

func (b *builder) pages() {
	b.charts() // first: other pages link to the charts built
	b.home()
	b.tableOne()
	b.countries()
	b.agreementsPage()
	b.sourcesPage()
	b.casePages()
	b.researchPages()
	b.search()
	b.notFound()
}

type homeData struct {
	Agreements, Localities, Countries, Sources int
	Table1                                     *stats.Table
	Partners                                   []stats.Partner
	Figures                                    []figureView
	Cases                                      []caseView
	Charts                                     map[string]bool // the chart pages, by slug
}

func (b *builder) home() {
	m := b.m
	latam := 0
	for _, l := range m.d.Localities {
		if m.ix.Country[l.Country].Region == records.LatinAmerica {
			latam++
		}
	}
	b.page("home", &render.Page{
		Title:       Title,
		Description: "Sister-city, twinning and cooperation agreements between Latin American and Asian localities, with their sources, published figures and case studies.",
		Data: homeData{
			Agreements: len(m.d.Agreements),
			Localities: latam,
			Countries:  len(m.latamCountries()),
			Sources:    len(m.d.Sources),
			Table1:     m.table1,
			Partners:   stats.PartnerTotals(m.counts, m.ix),
			Figures:    m.figures(""),
			Cases:      latest(m.caseViews(""), 3),
			Charts:     b.charted,
		},
	})
}

type tableOneData struct {
	T       *stats.Table
	Paths   map[string]string // country code -> page path
	Source  *records.Source
	Claims  []stats.Claim
	Records []int // today's records per column, over the table's countries
	RecTot  int
}

func (b *builder) tableOne() {
	t := b.m.table1
	sums, total := t.RecordsSums()
	b.page("table-1", &render.Page{
		Path:        "table-1/",
		Title:       "Table 1: sister-city agreements between Asia and Latin America",
		Description: "An exact reproduction of Rouvinski's Table 1, its arithmetic checked, beside the counts of today's agreement records.",
		Data: tableOneData{
			T:       t,
			Source:  b.m.ix.Source[t.Source],
			Claims:  b.m.table1.Claims(b.msg),
			Paths:   b.m.countryPaths(),
			Records: sums,
			RecTot:  total,
		},
		JSONLD: b.jsonLD(b.dataset(b.table1Info())),
	})
}

// figureView is one published figure with its set.
type figureView struct {
	Set     *records.FigureSet
	Source  *records.Source
	Country *records.Country // nil for "all"
	records.Figure
}

// figures returns the published figures about a Latin American country, or
// about the whole region when code is "".
func (m *model) figures(code string) []figureView {
	var out []figureView
	for _, s := range m.d.Figures {
		for _, f := range s.Items {
			scope := f.Scope
			if scope == "all" {
				scope = ""
			}
			if scope != code {
				continue
			}
			out = append(out, figureView{Set: s, Source: m.ix.Source[s.Source], Country: m.ix.Country[f.Scope], Figure: f})
		}
	}
	return out
}

type countriesData struct {
	Countries []countryView
}

type countryData struct {
	Country    countryView
	Groups     []agreementGroup // Agreements by partner
	Table1     *stats.Table
	Row        *stats.TableRow
	Agreements []agreementView
	Localities []localityView
	Partners   []stats.Partner
	Figures    []figureView
	Cases      []caseView
	Chart      template.HTML // the agreements by partner, or ""
}

func (b *builder) countries() {
	m := b.m
	cs := m.latamCountries()
	b.page("countries", &render.Page{
		Path:        "countries/",
		Title:       "Countries",
		Description: "Latin American and Caribbean countries with recorded agreements or a row in Table 1.",
		Data:        countriesData{cs},
	})
	for _, c := range cs {
		as := m.agreements(func(a agreementView) bool { return a.LatAmCountry.Code == c.Code })
		ps := stats.ByPartner(m.counts, c.Code, m.ix)
		p := &render.Page{
			Path:        c.Path,
			Title:       c.Name,
			Description: c.Name + ": subnational agreements with Asian partners, its row in Rouvinski's Table 1, and its localities.",
			Wikipedia:   anyWikipedia(as),
		}
		data := countryData{
			Country:    c,
			Table1:     m.table1,
			Row:        m.table1.Row(c.Code),
			Agreements: as,
			Localities: m.localities(c.Code, as),
			Partners:   ps,
			Groups:     byPartner(as, ps),
			Figures:    m.figures(c.Code),
			Cases:      m.caseViews(c.Code),
		}
		if len(ps) > 0 {
			h, err := b.countryChart(c, ps)
			if err != nil {
				b.errs = append(b.errs, err)
			}
			data.Chart = h
			p.Scripts = []string{echartsJS}
		}
		p.Data = data
		b.page("country", p)
	}
}

type agreementsData struct {
	Agreements []agreementView
	Kinds      []string
}

func (b *builder) agreementsPage() {
	as := b.m.agreements(nil)
	b.page("agreements", &render.Page{
		Path:        "agreements/",
		Title:       "All agreements",
		Description: "Every recorded agreement between a Latin American and an Asian locality, with its sources.",
		Wikipedia:   anyWikipedia(as),
		Data:        agreementsData{Agreements: as, Kinds: records.Kinds},
	})
}

// sourceView is a bibliography entry with the records that cite it.
type sourceView struct {
	*records.Source
	Agreements int
	BibTeX     string
}

type sourcesGroup struct {
	Title   string
	Sources []sourceView
}

type sourcesData struct {
	Groups []sourcesGroup
}

func (b *builder) sourcesPage() {
	m := b.m
	cited := map[string]int{}
	for _, a := range m.d.Agreements {
		seen := map[string]bool{}
		for _, c := range a.Sources {
			if !seen[c.Source] {
				cited[c.Source]++
				seen[c.Source] = true
			}
		}
	}
	groups := []sourcesGroup{
		{Title: "Studies, reports and articles"},
		{Title: "News and web pages"},
		{Title: "Data sets and lists"},
	}
	for _, s := range m.d.Sources {
		g := 0
		switch s.Kind {
		case "news", "web":
			g = 1
		case "dataset", "list":
			g = 2
		}
		groups[g].Sources = append(groups[g].Sources, sourceView{Source: s, Agreements: cited[s.ID], BibTeX: bibtex(s)})
	}
	for _, g := range groups {
		slices.SortFunc(g.Sources, func(a, b sourceView) int {
			return cmp.Or(strings.Compare(sortKey(a.Source), sortKey(b.Source)), strings.Compare(a.ID, b.ID))
		})
	}
	b.page("sources", &render.Page{
		Path:        "sources/",
		Title:       "Sources",
		Description: "The bibliography of the atlas: every study, report, page and data set its records and case studies cite.",
		Data:        sourcesData{groups},
	})
}

// sortKey orders a bibliography by the first author's last name, else
// by title.
func sortKey(s *records.Source) string {
	if len(s.Authors) > 0 {
		f := strings.Fields(s.Authors[0])
		if len(f) > 0 {
			return strings.ToLower(f[len(f)-1] + " " + s.Authors[0])
		}
	}
	return strings.ToLower(s.Title)
}

func (b *builder) notFound() {
	b.page("404", &render.Page{Path: "404.html", Title: "Page not found", NoIndex: true})
}

// countryPaths maps the codes of the countries with pages to their paths.
func (m *model) countryPaths() map[string]string { return m.paths }
