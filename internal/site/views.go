package site

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/records"
	"atlas/internal/slug"
	"atlas/internal/stats"
)

// wikipediaLicence marks sources whose text, and the records derived from
// them, are under CC BY-SA.
const wikipediaLicence = "CC BY-SA 4.0"

// agreementView is an agreement with its references resolved.
type agreementView struct {
	*records.Agreement
	LatAm, Asia               *records.Locality
	LatAmCountry, AsiaCountry *records.Country
	Sources                   []citeView
	Wikipedia                 bool // derived from a CC BY-SA source
	CountryPath               string
	LocalityAnchor            string
}

// Anchor is the agreement's id on /agreements/.
func (a agreementView) Anchor() string { return a.ID }

// citeView is a citation with its source resolved.
type citeView struct {
	*records.Source
	Locator string
}

// countryView is a Latin American country with data, and its page path.
type countryView struct {
	*records.Country
	Path       string
	Agreements int
	Table1     int // its Table 1 total
}

func (m *model) agreement(a *records.Agreement) agreementView {
	v := agreementView{
		Agreement: a,
		LatAm:     m.ix.Locality[a.LatAm],
		Asia:      m.ix.Locality[a.Asia],
	}
	v.LatAmCountry = m.ix.Country[v.LatAm.Country]
	v.AsiaCountry = m.ix.Country[v.Asia.Country]
	v.CountryPath = countryPath(v.LatAmCountry)
	v.LocalityAnchor = localityAnchor(a.LatAm)
	for _, c := range a.Sources {
		s := m.ix.Source[c.Source]
		v.Sources = append(v.Sources, citeView{s, c.Locator})
		v.Wikipedia = v.Wikipedia || s.Licence == wikipediaLicence
	}
	return v
}

// agreements returns the agreements that keep returns true for, sorted by
// Latin American country, locality and partner.
func (m *model) agreements(keep func(agreementView) bool) []agreementView {
	var out []agreementView
	for _, a := range m.d.Agreements {
		if v := m.agreement(a); keep == nil || keep(v) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b agreementView) int {
		return cmp.Or(
			strings.Compare(a.LatAmCountry.Name, b.LatAmCountry.Name),
			strings.Compare(a.LatAm.Name, b.LatAm.Name),
			strings.Compare(a.AsiaCountry.Name, b.AsiaCountry.Name),
			strings.Compare(a.Asia.Name, b.Asia.Name),
			strings.Compare(a.ID, b.ID),
		)
	})
	return out
}

func anyWikipedia(as []agreementView) bool {
	return slices.ContainsFunc(as, func(a agreementView) bool { return a.Wikipedia })
}

// countryPath is the site path of a country's page.
func countryPath(c *records.Country) string { return "countries/" + slug.Make(c.Name) + "/" }

// localityAnchor is the id of a locality on its country's page.
func localityAnchor(id string) string { return strings.ReplaceAll(id, "/", "-") }

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
		v := countryView{Country: c, Path: countryPath(c), Agreements: m.counts.Total(c.Code)}
		if r := m.table1.Row(c.Code); r != nil {
			v.Table1 = r.Total
		}
		if v.Agreements > 0 || m.table1.Row(c.Code) != nil {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b countryView) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// localityView is a Latin American locality on its country's page.
type localityView struct {
	*records.Locality
	Anchor   string
	Partners []agreementView
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
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	return res
}

// partnerAnchor is the id of a partner's group of agreements on a country
// page.
func partnerAnchor(code string) string { return "with-" + strings.ToLower(code) }

// agreementGroup is a country's agreements with one Asian partner country.
type agreementGroup struct {
	Partner    *records.Country
	Anchor     string
	Agreements []agreementView
}

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
