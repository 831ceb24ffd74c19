package render

import (
	"html/template"

	"atlas/internal/records"
	"atlas/internal/stats"
)

// Frame is what every page has, whatever its template: where it sits on
// the site, its title and the facts about it in <head>. Each page type
// embeds it.
type Frame struct {
	Site        *Site
	Path        string // site-relative URL path: "" for home, "countries/chile/"
	Title       string
	Description string
	// Wikipedia is set on pages that show records derived from Wikipedia,
	// which then carry the CC BY-SA attribution.
	Wikipedia bool
	// Scripts are site-relative paths of scripts the page loads, deferred,
	// in <head>: ECharts on pages with charts.
	Scripts []string

	// NoIndex keeps the page out of search engines and the sitemap, and
	// gives it no canonical URL (the 404 page, served at any address).
	NoIndex bool
	// Updated is when the page's content last changed (YYYY-MM-DD), from
	// its front matter: the sitemap's lastmod. Empty when unknown; never
	// the clock's date, so that builds stay reproducible.
	Updated string
	// OGType is the Open Graph type; empty means "website".
	OGType string
	// JSONLD is the page's schema.org structured data, JSON-encoded
	// (json.Marshal escapes <, > and &, so it cannot close its script).
	JSONLD template.JS
	// Citation fills the Google Scholar citation_* tags.
	Citation *Citation
}

// Base returns the frame itself, so that the builder can fill it in any
// page type.
func (f *Frame) Base() *Frame { return f }

// HomePage is the template home.html.
type HomePage struct {
	Frame
	Agreements, Localities, Countries, Sources int
	Table1                                     *stats.Table
	Partners                                   []PartnerBar // most first
	Figures                                    []Figure
	Cases                                      []Case
	HasMap, HasChinaChart                      bool // whether those chart pages exist
}

// Table1Page is the template table-1.html.
type Table1Page struct {
	Frame
	T      *stats.Table
	Source *records.Source
	Claims []stats.Claim
	Rows   []Table1Row
	// Sums are the cells' sums per column, and Records today's records
	// per column over the table's countries.
	Sums, Records []int
	RecTot        int
}

// Table1Row is a row of Table 1 with its country's page and the
// comparison with today's records.
type Table1Row struct {
	*stats.TableRow
	Path  string // the country's page
	Pairs []Compared
	// Total compares the row's printed total with today's records.
	Total Compared
}

// Compared is a published count beside today's records, with the class
// that marks the difference: "more", "fewer" or "same".
type Compared struct {
	Published, Records int
	Class              string
}

// Compare returns published beside records, classed.
func Compare(published, records int) Compared {
	c := Compared{Published: published, Records: records, Class: "same"}
	switch {
	case records > published:
		c.Class = "more"
	case records < published:
		c.Class = "fewer"
	}
	return c
}

// CountriesPage is the template countries.html.
type CountriesPage struct {
	Frame
	Countries []Country
}

// CountryPage is the template country.html.
type CountryPage struct {
	Frame
	Country    Country
	Groups     []AgreementGroup // Agreements by partner
	Table1     *stats.Table
	Row        *stats.TableRow // nil when the country has no row
	Agreements AgreementsTable
	Localities []Locality
	Partners   []stats.Partner
	Figures    []Figure
	Cases      []Case
	Chart      template.HTML // the agreements by partner, or ""
}

// AgreementsPage is the template agreements.html.
type AgreementsPage struct {
	Frame
	Table AgreementsTable
}

// SourcesPage is the template sources.html.
type SourcesPage struct {
	Frame
	Groups []SourcesGroup
}

// CasesPage is the template cases.html.
type CasesPage struct {
	Frame
	Cases []Case
}

// CasePage is the template case.html.
type CasePage struct {
	Frame
	Case Case
}

// ResearchPage is the template page.html: about, methodology and the
// other research pages.
type ResearchPage struct {
	Frame
	Body template.HTML
	Refs []Ref
}

// NotFoundPage is the template 404.html.
type NotFoundPage struct {
	Frame
}

// LegacyPage is a page whose template still reads its data from Data, as
// an untyped value. Its templates are checked only where Data is not used.
type LegacyPage struct {
	Frame
	Data any
}
