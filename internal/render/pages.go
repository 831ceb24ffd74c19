package render

import (
	"html/template"

	"atlas/internal/export"
	"atlas/internal/sitepath"

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
	// in <head>: static/js/charts.js on pages with charts.
	Scripts []string
	// Styles are site-relative paths of stylesheets the page loads after
	// the site's own: static/charts.css on pages with charts.
	Styles []string
	// Bare leaves out the site's header, navigation and footer: a chart's
	// embed, shown in another site's page.
	Bare bool

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
	// Cite is the page's "Cite this" block, on the pages a reader may
	// cite; nil elsewhere.
	Cite *CiteBlock

	// Alternates are the page in every language that has it, for
	// <link rel="alternate" hreflang>, and XDefault the one for readers of
	// any other language; Switch is the language switch: every language,
	// leading to the page in it (or, for a text it lacks, to the page
	// saying so). Site.Lang is the page's own language.
	Alternates []Alternate
	XDefault   *Alternate
	Switch     []Alternate
}

// Alternate is a page in one language.
type Alternate struct {
	Lang    string // "es"
	Name    string // the language's name in itself: "Español"
	Href    string // the page's URL under the base path
	Abs     string // its absolute URL, or Href when the origin is unknown
	Current bool   // the page being rendered
	Title   string // the text's title in the language, on an ElsewherePage
}

// CiteBlock is how to cite a page: a reference to read, BibTeX, RIS and
// CSL-JSON to copy, and the same as files to download (cite.bib,
// cite.ris and cite.json in the page's directory).
type CiteBlock struct {
	export.Ref
	export.Citations
	Dir string // site-relative directory of the files
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
	// Examples are filled-in citations of pages of this release, on the
	// how-to-cite page.
	Examples []*CiteBlock
}

// ElsewherePage is the template elsewhere.html: the page, in a language
// that lacks it, of a text written in others, which it names and links.
type ElsewherePage struct {
	Frame
	Case bool // a case study (else a research page)
	// Versions are the text in the languages that have it, each with its
	// Title.
	Versions []Alternate
}

// NotFoundPage is the template 404.html.
type NotFoundPage struct {
	Frame
}

// Chart is one chart's page: the chart, its data as a table, and where
// both come from.
type Chart struct {
	Slug    string
	Title   string
	Summary string // the lede, and the entry on /charts/
	HTML    template.HTML
	Notes   []string // how to read the chart, under it
	Data    *stats.Dataset
	Sources []Cite
	Records bool // the chart counts today's records
	Method  []string
	File    string // downloads' path without extension
	// Embed is the HTML of an iframe that shows the chart's embed page,
	// for readers to copy into their own pages.
	Embed string
	Words EmbedWords
	// Filter is the form that filters the chart (the map of pairs), or
	// nil. Without JavaScript it stays hidden.
	Filter *ChartFilter
	// Lists follow the chart's figure: what it cannot draw (the map's
	// agreements without coordinates), its markers (the timeline's
	// milestones).
	Lists []ChartList
	// Scripts are the scripts the chart's page loads besides ECharts.
	Scripts []string
	// Thumb is the path of the chart's static thumbnail (SVG), for the
	// list of charts; "" for none.
	Thumb string
}

// ChartFilter is a form of selects that a chart's script reads.
type ChartFilter struct {
	Chart   string // the chart's element id
	Label   string // the form's accessible name
	Selects []ChartSelect
	// Status is the sentence that says how much is shown; the script
	// replaces "{n}" in it with the number.
	Status string
	// Submit labels the form's button, which applies the choice (the
	// selects apply it at once as well).
	Submit string
}

// ChartSelect is one select of a ChartFilter.
type ChartSelect struct {
	Name, Label string
	Options     []ChartOption
}

// ChartOption is one option of a ChartSelect; the first is the one that
// selects everything, with the value "".
type ChartOption struct {
	Value, Label string
}

// ChartList is a list of records beside a chart, with its heading.
type ChartList struct {
	ID      string // the heading's id
	Heading string
	Intro   []string
	Items   []ChartItem
	Outro   []string
}

// ChartItem is one item of a ChartList: Lead, then a link to the record,
// then Detail, then Links (separated by commas).
type ChartItem struct {
	Lead, Label, Path, Detail string
	Links                     []ChartLink
}

// ChartLink is a link in a ChartItem.
type ChartLink struct {
	Label, Path string
}

// EmbedWords are the words of a chart's embed snippet and embed page.
type EmbedWords struct {
	Heading, Intro, Label, Copy, Copied string
	Back                                string // the embed page's link to the chart page
}

// EmbedPath is the site-relative path of the chart's embed page.
func (c *Chart) EmbedPath() string { return c.Path() + "embed/" }

// ChartEmbedPage is the template chart-embed.html: the chart alone, with
// its source line and a link back, for an iframe.
type ChartEmbedPage struct {
	Frame
	Chart *Chart
}

// Path is the chart page's site-relative path.
func (c *Chart) Path() string { return sitepath.Chart(c.Slug) }

// ChartPage is the template chart.html.
type ChartPage struct {
	Frame
	Chart *Chart
}

// ChartsPage is the template charts.html.
type ChartsPage struct {
	Frame
	Charts []*Chart
}

// DataPage is the template data.html.
type DataPage struct {
	Frame
	Downloads []export.Download
	Version   string
	// Digests are the SHA-256 of each file, by file name
	// ("agreements.csv"), and Sums the file that lists them all.
	Digests map[string]string
	Sums    string
}

// SearchPage is the template search.html.
type SearchPage struct {
	Frame
}
