package site

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/export"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/slug"
	"atlas/internal/stats"
)

// The views of the records that pages show are render's; these names are
// the builder's.
type (
	agreementView  = render.Agreement
	citeView       = render.Cite
	countryView    = render.Country
	localityView   = render.Locality
	agreementGroup = render.AgreementGroup
	figureView     = render.Figure
	caseView       = render.Case
	localityLink   = render.LocalityLink
	refView        = render.Ref
	sourceView     = render.Source
	sourcesGroup   = render.SourcesGroup
)

func (m *model) agreement(a *records.Agreement) agreementView {
	v := agreementView{
		Agreement: a,
		LatAm:     m.ix.Locality[a.LatAm],
		Asia:      m.ix.Locality[a.Asia],
	}
	v.LatAmCountry = m.ix.Country[v.LatAm.Country]
	v.AsiaCountry = m.ix.Country[v.Asia.Country]
	v.CountryPath = m.countryPath(v.LatAmCountry)
	v.LatAmSlug, v.AsiaSlug = m.countrySlug(v.LatAmCountry), m.countrySlug(v.AsiaCountry)
	v.LocalityAnchor = localityAnchor(a.LatAm)
	v.Path = sitepath.AgreementPage(a.ID)
	v.LatAmPath, v.AsiaPath = sitepath.Place(a.LatAm), sitepath.Place(a.Asia)
	for _, c := range a.Sources {
		s := m.ix.Source[c.Source]
		v.Sources = append(v.Sources, citeView{Source: s, Locator: c.Locator})
		v.Wikipedia = v.Wikipedia || s.Licence == export.LicenceWikipedia
	}
	v.Grade = m.ix.Grade(a)
	v.GradeLabel = m.msg.Sprintf("grade." + v.Grade)
	v.Facets = facetTags(v)
	return v
}

// agreements returns the agreements that keep returns true for, sorted by
// Latin American country, locality and partner.
func (m *model) agreements(keep func(agreementView) bool) []agreementView {
	if m.views == nil {
		m.views = m.sortedViews()
	}
	var out []agreementView
	for _, v := range m.views {
		if keep == nil || keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// sortedViews makes the view of every agreement once per build, in the
// order of agreements: the pages filter it rather than rebuild it.
func (m *model) sortedViews() []agreementView {
	out := make([]agreementView, 0, len(m.d.Agreements))
	for _, a := range m.d.Agreements {
		out = append(out, m.agreement(a))
	}
	slices.SortFunc(out, func(a, b agreementView) int {
		return cmp.Or(
			m.compareNames(a.LatAmCountry.Name, b.LatAmCountry.Name),
			m.compareNames(a.LatAm.Name, b.LatAm.Name),
			m.compareNames(a.AsiaCountry.Name, b.AsiaCountry.Name),
			m.compareNames(a.Asia.Name, b.Asia.Name),
			strings.Compare(a.ID, b.ID),
		)
	})
	return out
}

func anyWikipedia(as []agreementView) bool {
	return slices.ContainsFunc(as, func(a agreementView) bool { return a.Wikipedia })
}

// countryPath is the site path of a country's page.
// countryPath is the path of a Latin American country's page: its English
// name's, in every language.
func (m *model) countryPath(c *records.Country) string {
	return sitepath.Country(m.englishNames[c.Code])
}

// countrySlug is a country's slug, from its English name, in every
// language: the path segment of its page and of its facet pages.
func (m *model) countrySlug(c *records.Country) string { return slug.Make(m.englishNames[c.Code]) }

// partnerPath is the path of an Asian partner country's page.
func (m *model) partnerPath(c *records.Country) string {
	return sitepath.Partner(m.englishNames[c.Code])
}

// localityAnchor is the id of a locality on its country's page.
func localityAnchor(id string) string { return sitepath.LocalityAnchor(id) }

// latamCountries returns the Latin American countries that have a Table 1
// row or at least one agreement, by name.
func (m *model) latamCountries() []countryView { return m.countries }

// listCountries computes latamCountries, once per build.
func (m *model) listCountries() []countryView {
	var out []countryView
	for _, c := range m.d.Countries {
		if c.Region != records.LatinAmerica {
			continue
		}
		v := countryView{Country: c, Path: m.countryPath(c), Agreements: m.counts.Total(c.Code)}
		if r := m.table1.Row(c.Code); r != nil {
			v.Table1 = r.Total
		}
		if v.Agreements > 0 || m.table1.Row(c.Code) != nil {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b countryView) int { return m.compareNames(a.Name, b.Name) })
	return out
}

func (m *model) localities(code string, as []agreementView) []localityView {
	byID := map[string]*localityView{}
	var out []*localityView
	for _, a := range as {
		v, ok := byID[a.LatAm.ID]
		if !ok {
			v = &localityView{Locality: a.LatAm, Anchor: localityAnchor(a.LatAm.ID)}
			byID[a.LatAm.ID] = v
			out = append(out, v)
		}
		v.Partners = append(v.Partners, a)
	}
	res := make([]localityView, len(out))
	for i, v := range out {
		res[i] = *v
	}
	slices.SortFunc(res, func(a, b localityView) int {
		return cmp.Or(m.compareNames(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return res
}

// partnerAnchor is the id of a partner's group of agreements on a country
// page.
func partnerAnchor(code string) string { return sitepath.PartnerAnchor(code) }

// byPartner groups agreements by Asian country, in the order of ps.
func byPartner(as []agreementView, ps []stats.Partner) []agreementGroup {
	var out []agreementGroup
	for _, p := range ps {
		g := agreementGroup{Partner: p.Country, Anchor: partnerAnchor(p.Country.Code)}
		for _, a := range as {
			if a.AsiaCountry.Code == p.Country.Code {
				g.Agreements = append(g.Agreements, a)
			}
		}
		out = append(out, g)
	}
	return out
}
