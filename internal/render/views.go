package render

import (
	"html/template"

	"atlas/internal/content"
	"atlas/internal/records"
)

// Agreement is an agreement with its references resolved.
type Agreement struct {
	*records.Agreement
	LatAm, Asia               *records.Locality
	LatAmCountry, AsiaCountry *records.Country
	Sources                   []Cite
	Wikipedia                 bool   // derived from a CC BY-SA source
	CountryPath               string // the Latin American country's page
	LocalityAnchor            string // the Latin American locality's id on it
	Path                      string // the agreement's own page
	LatAmPath, AsiaPath       string // the two places' pages
	// LatAmSlug and AsiaSlug are the two countries' slugs, from their
	// English names, as their pages' paths are: the same in every language.
	LatAmSlug, AsiaSlug string
	// Grade is its confidence grade (records.Grades), and GradeLabel the
	// grade in words.
	Grade, GradeLabel string
	// Facets are its facet values, "kind:sister-city level:city ...",
	// for the script that filters lists of agreements.
	Facets string
}

// Anchor is the agreement's id on /agreements/.
func (a Agreement) Anchor() string { return a.ID }

// Cite is a citation with its source resolved.
type Cite struct {
	*records.Source
	Locator string
}

// Country is a Latin American country with data, and its page path.
type Country struct {
	*records.Country
	Path       string // "" for a country without a page
	Agreements int
	Table1     int // its Table 1 total
}

// Locality is a Latin American locality on its country's page.
type Locality struct {
	*records.Locality
	Anchor   string
	Partners []Agreement
}

// AgreementGroup is a country's agreements with one Asian partner country.
type AgreementGroup struct {
	Partner    *records.Country
	Anchor     string
	Agreements []Agreement
	// Path is the paged list of the group's agreements, when the page
	// that groups them has too many to show (AgreementsTable.Listed).
	Path string
}

// AgreementsTable is the partial "agreements-table": a list of agreements,
// grouped by partner when Groups is set.
type AgreementsTable struct {
	ID, Caption string
	Empty       string // what the partial "agreements-section" says when there are none
	Groups      []AgreementGroup
	Agreements  []Agreement
	// Listed is the paged list that holds the agreements when they are
	// more than a page lists (site.PageSize): the section then links to
	// it, and to each group's, instead of listing them. Total counts them.
	Listed string
	Total  int
	Size   int // the rows a page of Listed holds
}

// Figure is one published figure with its set.
type Figure struct {
	Set     *records.FigureSet
	Source  *records.Source
	Country *records.Country // nil for "all"
	// PartnerAdj is the adjective of the set's partner country: "Chinese".
	PartnerAdj string
	// Wording is the figure as its source words it: "more than 200".
	Wording string
	records.Figure
}

// String returns the figure's Wording, as the templates print it.
func (f Figure) String() string { return f.Wording }

// Case is a case study ready for its page and for lists.
type Case struct {
	*content.Case
	Path       string
	Body       template.HTML
	Countries  []Country
	Localities []LocalityLink
	Partners   []*records.Country
	Refs       []Ref
	Headings   []content.Heading
	PeriodText string // the years it covers: "2014–2017", "from 2014"; "" when unknown
	// Lang is the language the text is written in when a page in another
	// lists it (it has no version in the page's language), or "".
	Lang string
}

// LocalityLink names a locality, linked to its place on its country's page
// when it is Latin American.
type LocalityLink struct {
	Name, Country, Path string
}

// Ref is a numbered reference with its source.
type Ref struct {
	content.Ref
	Source *records.Source
}

// Backlink is a link from a reference back to one of its citations.
type Backlink struct {
	Anchor string // the citation's id in the text
	N      int    // 1, 2, ... in the reference's list of back-links
}

// Backs returns the reference's back-links, numbered from 1.
func (r Ref) Backs() []Backlink {
	out := make([]Backlink, len(r.Backlinks))
	for i, a := range r.Backlinks {
		out[i] = Backlink{Anchor: a, N: i + 1}
	}
	return out
}

// Source is a bibliography entry with the records that cite it.
type Source struct {
	*records.Source
	Agreements int
	BibTeX     string
}

// SourcesGroup is a heading of the bibliography.
type SourcesGroup struct {
	Title   string
	Sources []Source
}

// PartnerBar is a partner country's count with the width of its bar, as a
// share of the largest.
type PartnerBar struct {
	Country *records.Country
	N       int
	Width   string // "45.2%"
}
