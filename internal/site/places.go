package site

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
)

// links holds the agreements and case studies of every locality, sorted
// as on the list of agreements, computed once for the place, partner and
// agreement pages.
type links struct {
	all     []agreementView            // every agreement, sorted
	byPlace map[string][]agreementView // locality id -> its agreements
	cases   map[string][]caseView      // locality id -> case studies naming it
}

func (m *model) links() *links {
	l := &links{all: m.agreements(nil), byPlace: map[string][]agreementView{}, cases: map[string][]caseView{}}
	for _, a := range l.all {
		l.byPlace[a.LatAm.ID] = append(l.byPlace[a.LatAm.ID], a)
		l.byPlace[a.Asia.ID] = append(l.byPlace[a.Asia.ID], a)
	}
	for _, c := range m.caseViews("") {
		for _, id := range c.Case.Localities {
			l.cases[id] = append(l.cases[id], c)
		}
	}
	return l
}

// place is a locality with its page and the page of its country (Latin
// America) or partner (Asia).
func (m *model) place(l *records.Locality, n int) render.Place {
	c := m.ix.Country[l.Country]
	p := render.Place{Locality: l, Country: c, Path: sitepath.Place(l.ID), Agreements: n}
	if c.Region == records.Asia {
		p.CountryPath = m.partnerPath(c)
	} else {
		p.CountryPath = m.paths[c.Code] // "" for a country without a page
	}
	return p
}

// placePages writes a page for every locality, and the list of places.
func (b *builder) placePages(ln *links) {
	m := b.m
	groups := map[string]*render.PlacesGroup{}
	for _, l := range m.d.Localities {
		as := ln.byPlace[l.ID]
		p := m.place(l, len(as))
		asian := p.Country.Region == records.Asia
		b.page("place", &render.PlacePage{
			Frame: render.Frame{
				Path:        p.Path,
				Title:       l.Name + ", " + p.Country.Name,
				Description: b.msg.Sprintf("page.place.description", l.Name, l.Level, p.Country.Name, side(asian)),
				Wikipedia:   anyWikipedia(as),
			},
			Place:      p,
			Asian:      asian,
			Agreements: render.AgreementsTable{ID: "place-agreements", Caption: b.msg.Sprintf("page.place.agreements", l.Name), Empty: b.msg.Sprintf("page.place.none", l.Name), Agreements: as},
			Cases:      ln.cases[l.ID],
		})
		g, ok := groups[l.Country]
		if !ok {
			g = &render.PlacesGroup{Country: p.Country, Anchor: "in-" + strings.ToLower(l.Country)}
			groups[l.Country] = g
		}
		g.Places = append(g.Places, p)
	}
	page := &render.PlacesPage{Frame: render.Frame{
		Path:        sitepath.Places,
		Title:       b.msg.Sprintf("page.places.title"),
		Description: b.msg.Sprintf("page.places.description"),
	}}
	for _, g := range sortedGroups(groups, b.m.compareNames) {
		if g.Country.Region == records.Asia {
			page.Asia = append(page.Asia, g)
		} else {
			page.LatAm = append(page.LatAm, g)
		}
	}
	b.page("places", page)
}

// side names a place's side for the messages that choose by it.
func side(asian bool) string {
	if asian {
		return "asia"
	}
	return "latam"
}

// sortedGroups orders the groups by country name and each group's places
// by name.
func sortedGroups(groups map[string]*render.PlacesGroup, compare func(a, b string) int) []render.PlacesGroup {
	var out []render.PlacesGroup
	for _, g := range groups {
		slices.SortFunc(g.Places, func(a, b render.Place) int {
			return cmp.Or(compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
		})
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b render.PlacesGroup) int { return compare(a.Country.Name, b.Country.Name) })
	return out
}

// agreementPages writes a page for every agreement.
func (b *builder) agreementPages(ln *links) {
	m := b.m
	for _, a := range ln.all {
		var others []agreementView
		seen := map[string]bool{a.ID: true}
		for _, o := range slices.Concat(ln.byPlace[a.LatAm.ID], ln.byPlace[a.Asia.ID]) {
			if !seen[o.ID] {
				seen[o.ID] = true
				others = append(others, o)
			}
		}
		b.page("agreement", &render.AgreementPage{
			Frame: render.Frame{
				Path:        a.Path,
				Title:       a.LatAm.Name + " – " + a.Asia.Name,
				Description: b.msg.Sprintf("page.agreement.description", b.msg.Sprintf("kind."+a.Kind), a.LatAm.Name, a.LatAmCountry.Name, a.Asia.Name, a.AsiaCountry.Name),
				Wikipedia:   a.Wikipedia,
			},
			Agreement:  a,
			LatAm:      m.place(a.LatAm, len(ln.byPlace[a.LatAm.ID])),
			Asia:       m.place(a.Asia, len(ln.byPlace[a.Asia.ID])),
			GradesPath: m.gradesPath(),
			Others:     render.AgreementsTable{ID: "other-agreements", Caption: b.msg.Sprintf("page.agreement.others", a.LatAm.Name, a.Asia.Name), Agreements: others},
		})
	}
}

// gradesPath is the link to the methodology page's section on confidence
// grades, or "" when the site has no methodology page. A version of the
// page without that section (a translation whose heading has an id of
// its own words) gets the link to the page; so does the page of a
// language that lacks it, which says where to read it.
func (m *model) gradesPath() string {
	for _, d := range m.pages {
		if d.Key != "methodology" {
			continue
		}
		for _, h := range d.Headings {
			if h.ID == "confidence-grades" && !m.foreign(d) {
				return docPath(d) + "#confidence-grades"
			}
		}
		return docPath(d)
	}
	return ""
}
