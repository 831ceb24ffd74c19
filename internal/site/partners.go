package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"atlas/internal/chart"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// partnerPages writes a page for every Asian country that is party to an
// agreement or counted in Table 1, and the list of them.
func (b *builder) partnerPages(ln *links) {
	m := b.m
	byPartner := map[string][]agreementView{}
	for _, a := range ln.all {
		byPartner[a.AsiaCountry.Code] = append(byPartner[a.AsiaCountry.Code], a)
	}
	inTable := m.table1Partners()
	// The countries whose pages link to paged lists instead of listing
	// their agreements (see countries).
	perCountry := map[string]int{}
	for _, a := range ln.all {
		perCountry[a.LatAmCountry.Code]++
	}
	var list []render.Partner
	for _, c := range m.d.Countries {
		as := byPartner[c.Code]
		n, counted := inTable[c.Code]
		if c.Region != records.Asia || (len(as) == 0 && !counted) {
			continue
		}
		p := render.Partner{Country: c, Path: m.partnerPath(c), Agreements: len(as), Table1: n, HasTable1: counted}
		places := m.partnerPlaces(as, ln)
		p.Places = len(places)
		list = append(list, p)
		byCountry := countBy(as, func(a agreementView) (string, string) {
			if perCountry[a.LatAmCountry.Code] > PageSize {
				return a.LatAmCountry.Name, facetPath(map[int]facetValue{0: {slug: a.LatAmSlug}, 1: {slug: a.AsiaSlug}})
			}
			return a.LatAmCountry.Name, a.CountryPath + "#" + partnerAnchor(c.Code)
		})
		page := &render.PartnerPage{
			Frame: render.Frame{
				Path:        p.Path,
				Title:       c.Name,
				Description: b.msg.Sprintf("page.partner.description", c.Name),
				Wikipedia:   anyWikipedia(as),
			},
			Partner: p,
			ByCountry: render.CountsTable{Caption: b.msg.Sprintf("page.partner.by-country"), Head: b.msg.Sprintf("data.head.country"),
				Rows: byCountry},
			ByLevel: render.CountsTable{Caption: b.msg.Sprintf("page.partner.by-level", c.Name), Head: b.msg.Sprintf("page.partner.level"),
				Rows: countBy(as, func(a agreementView) (string, string) { return b.msg.Sprintf("level." + a.Asia.Level), "" })},
			ByKind: render.CountsTable{Caption: b.msg.Sprintf("page.partner.by-kind"), Head: b.msg.Sprintf("page.partner.kind"),
				Rows: countBy(as, func(a agreementView) (string, string) { return b.msg.Sprintf("kind." + a.Kind), "" })},
			Places: places,
			Table1: render.CountsTable{Caption: b.msg.Sprintf("page.partner.table-1", c.Name), Head: b.msg.Sprintf("data.head.country"),
				Rows: m.table1Column(c.Code)},
			Figures:    b.partnerFigures(c.Code),
			Reconciled: b.reconcile(c, as),
			Agreements: render.AgreementsTable{ID: "partner-agreements", Caption: b.msg.Sprintf("page.partner.agreements", c.Name), Empty: b.msg.Sprintf("page.partner.none", c.Name), Agreements: as},
		}
		if len(as) > PageSize {
			listElsewhere(&page.Agreements, facetPath(map[int]facetValue{1: {slug: as[0].AsiaSlug}}))
		}
		if len(byCountry) > 0 {
			h, err := b.partnerChart(p, byCountry, page.Wikipedia)
			if err != nil {
				b.errs = append(b.errs, err)
			}
			page.Chart = h
			page.Scripts = []string{sitepath.ChartsJS}
			page.Styles = []string{sitepath.ChartsCSS}
		}
		b.page("partner", page)
	}
	slices.SortFunc(list, func(a, b render.Partner) int {
		return cmp.Or(cmp.Compare(b.Agreements, a.Agreements), m.compareNames(a.Name, b.Name))
	})
	b.page("partners", &render.PartnersPage{
		Frame: render.Frame{
			Path:        sitepath.Partners,
			Title:       b.msg.Sprintf("page.partners.title"),
			Description: b.msg.Sprintf("page.partners.description"),
		},
		Partners: list,
	})
}

// countBy counts agreements by a label (stats.CountBy), most first, each
// with the page that lists them (link may be "").
func countBy(as []agreementView, key func(agreementView) (label, link string)) []render.Count {
	var out []render.Count
	for _, t := range stats.CountBy(as, func(a agreementView) string { label, _ := key(a); return label }) {
		_, link := key(as[t.First])
		out = append(out, render.Count{Label: t.Key, N: t.N, Path: link})
	}
	return out
}

// partnerPlaces returns the partner's localities that are party to its
// agreements, by name.
func (m *model) partnerPlaces(as []agreementView, ln *links) []render.Place {
	seen := map[string]bool{}
	var out []render.Place
	for _, a := range as {
		if !seen[a.Asia.ID] {
			seen[a.Asia.ID] = true
			out = append(out, m.place(a.Asia, len(ln.byPlace[a.Asia.ID])))
		}
	}
	slices.SortFunc(out, func(a, b render.Place) int {
		return cmp.Or(m.compareNames(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return out
}

// table1Partners returns the partners that Table 1 counts, with their
// totals.
func (m *model) table1Partners() map[string]int {
	out := map[string]int{}
	for _, c := range m.table1.Columns {
		for _, p := range c.Partners {
			out[p] += 0
		}
	}
	for _, r := range m.table1.Table.Rows {
		for p, n := range r.Counts {
			out[p] += n
		}
	}
	return out
}

// table1Column returns a partner's counts in Table 1, by Latin American
// country, in the table's order.
func (m *model) table1Column(code string) []render.Count {
	var out []render.Count
	for i, r := range m.table1.Table.Rows {
		if n := r.Counts[code]; n > 0 {
			out = append(out, render.Count{Label: m.table1.Rows[i].Country.Name, N: n, Path: m.paths[r.Country] + "#table-1"})
		}
	}
	return out
}

// partnerFigures returns the published figures about a partner country.
func (b *builder) partnerFigures(code string) []figureView {
	m := b.m
	var out []figureView
	for _, s := range m.d.Figures {
		if s.Partner != code {
			continue
		}
		for _, f := range s.Items {
			out = append(out, b.figure(s, f))
		}
	}
	return out
}

// reconcile sets each published figure about a partner beside the number
// of the atlas's twinning records (sister-city and friendship ties, the
// kinds the published counts count) with that partner in the figure's
// scope, most recent figures first.
func (b *builder) reconcile(c *records.Country, as []agreementView) []render.Reconciled {
	twins := func(scope string) int {
		if scope == "all" {
			return b.m.twinning.Partner(c.Code)
		}
		return b.m.twinning.Get(scope, c.Code)
	}
	any := func(scope string) bool {
		if scope == "all" {
			return len(as) > 0
		}
		return b.m.counts.Get(scope, c.Code) > 0
	}
	var out []render.Reconciled
	for _, f := range b.partnerFigures(c.Code) {
		r := render.Reconciled{Figure: f, Scope: b.msg.Sprintf("data.scope.all"),
			Path: facetPath(map[int]facetValue{1: {b.m.countrySlug(c), c.Name}})}
		if f.Country != nil {
			r.Scope = f.Country.Name
			r.Path = facetPath(map[int]facetValue{0: {b.m.countrySlug(f.Country), f.Country.Name}, 1: {b.m.countrySlug(c), c.Name}})
		}
		if !any(f.Scope) {
			r.Path = "" // no list page: no record of any kind
		}
		r.Records = render.Compare(f.Value, twins(f.Scope))
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y render.Reconciled) int { return cmp.Compare(y.AsOf, x.AsOf) })
	return out
}

// partnerChart draws a partner's recorded agreements by Latin American
// country, for its page: the bars of its table "by country", each
// followed to the country's list of agreements with the partner.
func (b *builder) partnerChart(p render.Partner, rows []render.Count, wikipedia bool) (template.HTML, error) {
	return b.pageBars(chart.ID("partner", p.Code, "countries"), p.Path, "partners/",
		b.msg.Sprintf("partner.chart.title", p.Name), b.msg.Sprintf("partner.chart.label", p.Name, p.Agreements), rows, wikipedia)
}
