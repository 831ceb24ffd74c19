package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/export"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

func (b *builder) pages() {
	b.charts() // first: other pages link to the charts built
	b.home()
	b.tableOne()
	b.countries()
	b.sourcesPage()
	b.casePages()
	ln := b.m.links()
	b.placePages(ln)
	b.partnerPages(ln)
	b.agreementPages(ln)
	b.listPages(ln)
	if err := b.m.checkAgreementIDs(); err != nil {
		b.errs = append(b.errs, err)
	}
	b.researchPages()
	b.search()
	b.notFound()
}

func (b *builder) home() {
	m := b.m
	latam := stats.Localities(m.d, m.ix, records.LatinAmerica)
	b.page("home", &render.HomePage{
		Frame: render.Frame{
			Title:       b.site.Title,
			Description: b.msg.Sprintf("page.home.description"),
		},
		Agreements:    len(m.d.Agreements),
		Localities:    latam,
		Countries:     len(m.latamCountries()),
		Sources:       len(m.d.Sources),
		Table1:        m.table1,
		Partners:      partnerBars(stats.PartnerTotals(m.counts, m.ix)),
		Figures:       b.figures(""),
		Cases:         m.caseViews(""),
		HasMap:        b.charted[sitepath.ChartMap],
		HasChinaChart: b.charted[sitepath.ChartChina],
	})
}

// partnerBars gives each partner's count a bar as wide as its share of
// the largest, which comes first.
func partnerBars(ps []stats.Partner) []render.PartnerBar {
	var out []render.PartnerBar
	for _, p := range ps {
		out = append(out, render.PartnerBar{Country: p.Country, N: p.N, Width: barWidth(p.N, ps[0].N)})
	}
	return out
}

// barWidth is n as a percentage of max, for the width of a bar: "45.2%".
func barWidth(n, max int) string {
	if max <= 0 {
		return "0%"
	}
	return strconv.FormatFloat(float64(n)*100/float64(max), 'f', 1, 64) + "%"
}

func (b *builder) tableOne() {
	t := b.m.table1
	sums, total := t.RecordsSums()
	var rows []render.Table1Row
	for i := range t.Rows {
		r := &t.Rows[i]
		row := render.Table1Row{TableRow: r, Path: b.m.paths[r.Country.Code], Total: render.Compare(r.Total, r.RecordsTotal)}
		for _, c := range r.Pairs() {
			row.Pairs = append(row.Pairs, render.Compare(c.Published, c.Records))
		}
		rows = append(rows, row)
	}
	b.page("table-1", &render.Table1Page{
		Frame: render.Frame{
			Path:        sitepath.Table1,
			Title:       b.msg.Sprintf("page.table-1.title"),
			Description: b.msg.Sprintf("page.table-1.description"),
			JSONLD:      b.jsonLD(export.Dataset(export.Table1(t, b.m.ix.Source[t.Source], b.msg), b.exportSite(), b.msg)),
		},
		T:       t,
		Source:  b.m.ix.Source[t.Source],
		Claims:  t.Claims(b.msg),
		Rows:    rows,
		Sums:    t.Sums,
		Records: sums,
		RecTot:  total,
	})
}

// figures returns the published figures about a Latin American country, or
// about the whole region when code is "".
// figure is one published figure, worded, with its set and source.
func (b *builder) figure(s *records.FigureSet, f records.Figure) figureView {
	ix := b.m.ix
	return figureView{Set: s, Source: ix.Source[s.Source], Country: ix.Country[f.Scope],
		PartnerAdj: b.adjective(ix.Country[s.Partner]), Wording: stats.FigureWording(f, b.msg), Figure: f}
}

func (b *builder) figures(code string) []figureView {
	m := b.m
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
			out = append(out, b.figure(s, f))
		}
	}
	return out
}

func (b *builder) countries() {
	m := b.m
	cs := m.latamCountries()
	b.page("countries", &render.CountriesPage{
		Frame: render.Frame{
			Path:        sitepath.Countries,
			Title:       b.msg.Sprintf("page.countries.title"),
			Description: b.msg.Sprintf("page.countries.description"),
		},
		Countries: cs,
	})
	for _, c := range cs {
		as := m.agreements(func(a agreementView) bool { return a.LatAmCountry.Code == c.Code })
		ps := stats.ByPartner(m.counts, c.Code, m.ix)
		groups := byPartner(as, ps)
		table := render.AgreementsTable{
			ID:         "country-agreements",
			Caption:    b.msg.Sprintf("page.country.agreements", c.Name),
			Empty:      b.msg.Sprintf("page.country.none", c.Name),
			Groups:     groups,
			Agreements: as,
		}
		if len(as) > PageSize {
			// Too many for the page: the section links to the paged
			// lists, of the country and of each partner.
			country := facetValue{slug: as[0].LatAmSlug}
			listElsewhere(&table, facetPath(map[int]facetValue{0: country}))
			for i := range groups {
				if len(groups[i].Agreements) > 0 {
					groups[i].Path = facetPath(map[int]facetValue{0: country, 1: {slug: groups[i].Agreements[0].AsiaSlug}})
				}
			}
		}
		p := &render.CountryPage{
			Frame: render.Frame{
				Path:        c.Path,
				Title:       c.Name,
				Description: b.msg.Sprintf("page.country.description", c.Name),
				Wikipedia:   anyWikipedia(as),
			},
			Country:    c,
			Table1:     m.table1,
			Row:        m.table1.Row(c.Code),
			Agreements: table,
			Localities: m.localities(c.Code, as),
			Partners:   ps,
			Groups:     groups,
			Figures:    b.figures(c.Code),
			Cases:      m.caseViews(c.Code),
		}
		if len(ps) > 0 {
			h, err := b.countryChart(c, ps, groups, p.Wikipedia)
			if err != nil {
				b.errs = append(b.errs, err)
			}
			p.Chart = h
			p.Scripts = []string{sitepath.ChartsJS}
			p.Styles = []string{sitepath.ChartsCSS}
		}
		b.page("country", p)
	}
}

// listElsewhere makes t link to the paged list at path instead of
// listing its agreements, which are too many for one page.
func listElsewhere(t *render.AgreementsTable, path string) {
	t.Listed, t.Total, t.Size, t.Agreements = path, len(t.Agreements), PageSize, nil
}

func (b *builder) sourcesPage() {
	m := b.m
	cited := stats.Citing(m.d.Agreements)
	groups := []sourcesGroup{
		{Title: b.msg.Sprintf("page.sources.studies")},
		{Title: b.msg.Sprintf("page.sources.news")},
		{Title: b.msg.Sprintf("page.sources.data")},
	}
	for _, s := range m.d.Sources {
		g := 0
		switch s.Kind {
		case "news", "web":
			g = 1
		case "dataset", "list":
			g = 2
		}
		groups[g].Sources = append(groups[g].Sources, sourceView{Source: s, Agreements: cited[s.ID], BibTeX: export.BibTeX(s)})
	}
	for _, g := range groups {
		slices.SortFunc(g.Sources, func(a, b sourceView) int {
			return cmp.Or(strings.Compare(sortKey(a.Source), sortKey(b.Source)), strings.Compare(a.ID, b.ID))
		})
	}
	b.page("sources", &render.SourcesPage{
		Frame: render.Frame{
			Path:        sitepath.Sources,
			Title:       b.msg.Sprintf("page.sources.title"),
			Description: b.msg.Sprintf("page.sources.description"),
		},
		Groups: groups,
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
	b.page("404", &render.NotFoundPage{Frame: render.Frame{Path: sitepath.NotFound, Title: b.msg.Sprintf("page.404.title"), NoIndex: true}})
}

// countryPaths maps the codes of the countries with pages to their paths.
func (m *model) countryPaths() map[string]string { return m.paths }
