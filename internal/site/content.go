package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"atlas/internal/content"
	"atlas/internal/linkcheck"
	"atlas/internal/output"
	"atlas/internal/records"
	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
)

// reservedSlugs are the top-level directories of the site, whose paths a
// research page cannot take: the sections the site builds itself, and
// static/. The site's top-level files (index.html, robots.txt, 404.html,
// feed.xml, ...) all have a dot, which no slug has (see package content).
var reservedSlugs = func() []string {
	out := []string{StaticDir}
	for _, p := range []string{
		sitepath.Cases, sitepath.Table1, sitepath.Countries, sitepath.Charts, sitepath.Agreements,
		sitepath.Sources, sitepath.Data, sitepath.Search, sitepath.Places, sitepath.Partners,
	} {
		out = append(out, strings.TrimSuffix(p, "/"))
	}
	slices.Sort(out)
	return out
}()

// checkContent validates the cross-references of the documents against the
// records.
func (m *model) checkContent() error {
	var errs srcpos.List
	for _, d := range m.allCases {
		c := d.Case
		m.codes(&errs, c.Fields, c.Pos, "countries", c.Countries, records.LatinAmerica)
		m.codes(&errs, c.Fields, c.Pos, "partners", c.Partners, records.Asia)
		for _, id := range c.Localities {
			if _, ok := m.ix.Locality[id]; !ok {
				errs.Add(c.Fields.At("localities", c.Pos), "localities", "unknown locality id %q (an id from %s)", id, records.LocalitiesFile)
			}
		}
		for _, id := range c.Sources {
			if _, ok := m.ix.Source[id]; !ok {
				errs.Add(c.Fields.At("sources", c.Pos), "sources", "unknown source id %q (an id from %s)", id, records.SourcesFile)
			}
		}
		if p := c.Period; p != nil {
			for _, y := range []struct {
				field string
				v     *int
			}{{"from", p.From}, {"to", p.To}} {
				if y.v != nil && (*y.v < records.FirstYear || *y.v > m.year) {
					errs.Add(p.Fields.At(y.field, p.Pos), y.field, "%d is not a possible year (a year from %d to %d)", *y.v, records.FirstYear, m.year)
				}
			}
			if p.From != nil && p.To != nil && *p.From > *p.To {
				errs.Add(p.Fields.At("to", p.Pos), "to", "%d is before from, %d (a period that ends after it starts)", *p.To, *p.From)
			}
		}
		m.date(&errs, c.Fields, c.Pos, c.Updated)
		m.citations(&errs, d)
	}
	for _, d := range m.allPages {
		p := d.Page
		if slices.Contains(reservedSlugs, p.Slug) {
			errs.Add(p.Fields.At("slug", p.Pos), "slug", "%q is a path the site uses (a slug other than %s)", p.Slug, strings.Join(reservedSlugs, ", "))
		}
		m.date(&errs, p.Fields, p.Pos, p.Updated)
		m.citations(&errs, d)
	}
	return errs.Err()
}

// codes checks a list of country codes of one region.
func (m *model) codes(errs *srcpos.List, fields srcpos.Fields, def srcpos.Position, field string, codes []string, region string) {
	for _, code := range codes {
		if err := m.ix.CheckCountry(fields, def, field, code, region); err != nil {
			*errs = append(*errs, err)
		}
	}
}

func (m *model) date(errs *srcpos.List, fields srcpos.Fields, def srcpos.Position, s string) {
	t, err := time.Parse(time.DateOnly, s)
	switch {
	case err != nil:
		errs.Add(fields.At("updated", def), "updated", "%q is not a date (YYYY-MM-DD)", s)
	case t.Year() < records.FirstYear:
		errs.Add(fields.At("updated", def), "updated", "%s is not a possible date (a date from %d-01-01 to the build's day, %s)", s, records.FirstYear, m.day.Format(time.DateOnly))
	case t.After(m.day):
		errs.Add(fields.At("updated", def), "updated", "%s is after the build's day, %s (a date no later than it; build with -date to set the day)", s, m.day.Format(time.DateOnly))
	}
}

func (m *model) citations(errs *srcpos.List, d *content.Doc) {
	for _, c := range d.Citations {
		if _, ok := m.ix.Source[c.ID]; !ok {
			errs.Add(c.Pos, "citation", "unknown source id %q (an id from %s)", c.ID, records.SourcesFile)
		}
	}
}

// checkLinks reports the documents' site links that lead nowhere in the
// built files, at their positions in the Markdown.
func (m *model) checkLinks(files output.Files, base sitepath.Base) error {
	var errs srcpos.List
	s := linkcheck.New(files, base)
	for _, d := range slices.Concat(m.allCases, m.allPages) {
		page := sitepath.InLang(d.Lang, docPath(d)) + "index.html"
		for _, l := range d.Links {
			if msg := s.Link(page, base.URL(sitepath.InLang(d.Lang, strings.TrimPrefix(l.Dest, "/")))); msg != "" {
				errs.Add(l.Pos, "link", "%q: %s (a page of the site)", l.Dest, msg)
			}
		}
	}
	return errs.Err()
}

// docPath is the site path of a document, the same in every language's
// tree: its key's.
func docPath(d *content.Doc) string {
	if d.Case != nil {
		return sitepath.Case(d.Key)
	}
	return sitepath.Page(d.Key)
}

func (m *model) caseView(d *content.Doc) caseView {
	c := d.Case
	v := caseView{Case: c, Path: docPath(d), Body: template.HTML(d.HTML), Headings: d.Headings}
	paths := m.countryPaths()
	for _, code := range c.Countries {
		// Path stays empty for a country without a page (no records yet).
		v.Countries = append(v.Countries, countryView{Country: m.ix.Country[code], Path: paths[code]})
	}
	for _, code := range c.Partners {
		v.Partners = append(v.Partners, m.ix.Country[code])
	}
	for _, id := range c.Localities {
		l := m.ix.Locality[id]
		cc := m.ix.Country[l.Country]
		ll := localityLink{Name: l.Name, Country: cc.Name}
		if cc.Region == records.LatinAmerica && m.hasAgreements(id) {
			ll.Path = m.countryPath(cc) + "#" + localityAnchor(id)
		}
		v.Localities = append(v.Localities, ll)
	}
	v.Refs = m.refs(d)
	v.PeriodText = m.period(c.Period)
	if m.foreign(d) {
		v.Lang = d.Lang
	}
	return v
}

// caseDoc returns the text of the case study at path that the model's
// pages show.
func (m *model) caseDoc(path string) *content.Doc {
	for _, d := range m.cases {
		if docPath(d) == path {
			return d
		}
	}
	return nil
}

// period prints the years a case covers: "2014–2017", "from 2014", "up
// to 2024".
func (m *model) period(p *content.Period) string {
	year := func(y *int) string { return strconv.Itoa(*y) }
	switch {
	case p == nil || (p.From == nil && p.To == nil):
		return ""
	case p.From == nil:
		return m.msg.Sprintf("case.period.to", year(p.To))
	case p.To == nil:
		return m.msg.Sprintf("case.period.from", year(p.From))
	case *p.From == *p.To:
		return m.msg.Sprintf("case.period.one", year(p.From))
	}
	return m.msg.Sprintf("case.period.range", year(p.From), year(p.To))
}

func (m *model) refs(d *content.Doc) []refView {
	var out []refView
	for _, r := range d.Refs {
		out = append(out, refView{Ref: r, Source: m.ix.Source[r.ID]})
	}
	return out
}

// hasAgreements reports whether a locality appears on its country's page.
func (m *model) hasAgreements(id string) bool { return m.latamLocalities[id] }

// caseViews returns the case studies, newest first, then by title; with
// code set, only those about that Latin American country.
func (m *model) caseViews(code string) []caseView {
	var out []caseView
	for _, d := range m.cases {
		if code == "" || slices.Contains(d.Case.Countries, code) {
			out = append(out, m.caseView(d))
		}
	}
	slices.SortFunc(out, func(a, b caseView) int {
		return cmp.Or(strings.Compare(b.Updated, a.Updated), m.compareNames(a.Title, b.Title))
	})
	return out
}
