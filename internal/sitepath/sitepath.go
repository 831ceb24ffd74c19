// Package sitepath owns where the atlas is published and the path of every
// page and file on it: the base URL (Base, ParseBase), and one function or
// constant per kind of page, so that no other package spells a site path.
// Paths are site-relative ("countries/chile/"); Base turns them into URLs
// under the base path, and URLs does the same for templates.
package sitepath

import (
	"strings"

	"atlas/internal/slug"
)

// Slugs of the chart pages, under /charts/.
const (
	ChartTable1   = "table-1"
	ChartPartners = "table-1-partners"
	ChartChina    = "china-2015-2021"
	ChartCompare  = "table-1-vs-records"
	ChartMap      = "map"
	ChartPairs    = "pairs"
	ChartTimeline = "timeline"
)

// Site-relative paths of the pages and files that exist once.
const (
	Home       = ""
	Countries  = "countries/"
	Table1     = "table-1/"
	Charts     = "charts/"
	Cases      = "cases/"
	Agreements = "agreements/"
	Sources    = "sources/"
	Data       = "data/"
	Search     = "search/"
	Places     = "places/"
	Partners   = "partners/"
	NotFound   = "404.html"

	SearchIndex = "search/index.json" // the search manifest; its shards are under search/t/ and search/d/ (SearchIndexIn for another language's)
	Feed        = "feed.xml"
	Sitemap     = "sitemap.xml"
	Robots      = "robots.txt"

	Favicon     = "static/favicon.svg"
	Stylesheet  = "static/atlas.css"
	NoScriptCSS = "static/noscript.css" // the rules for a page read without JavaScript
	TableJS     = "static/js/table.js"
	SearchJS    = "static/js/search.js"
	FacetsJS    = "static/js/facets.js"
	ECharts     = "static/vendor/echarts/echarts.custom.min.js"
	ChartsJS    = "static/js/charts.js" // draws the charts; loads the ECharts bundle itself
	ChartsCSS   = "static/charts.css"   // the chart boxes' heights
	LatAmMap    = "static/vendor/world-atlas/latam.geo.json"
)

// Country is the path of a country's page, from its English name.
func Country(name string) string { return Countries + slug.Make(name) + "/" }

// Place is the path of a locality's page, from its id ("ar/jujuy-province").
func Place(id string) string { return Places + id + "/" }

// Partner is the path of an Asian partner country's page, from its English
// name.
func Partner(name string) string { return Partners + slug.Make(name) + "/" }

// AgreementPage is the path of an agreement's own page.
func AgreementPage(id string) string { return Agreements + id + "/" }

// Chart is the path of a chart's page.
func Chart(slug string) string { return Charts + slug + "/" }

// Case is the path of a case study.
func Case(slug string) string { return Cases + slug + "/" }

// Page is the path of a research page (about, methodology, ...).
func Page(slug string) string { return slug + "/" }

// Download is the path of a file on the data page: "agreements.csv".
func Download(name string) string { return Data + name }

// Source is the link to a source's entry in the bibliography.
func Source(id string) string { return Sources + "#" + id }

// AgreementAnchor is the id of an agreement's row.
func AgreementAnchor(id string) string { return id }

// LocalityAnchor is the id of a locality on its country's page.
func LocalityAnchor(id string) string { return strings.ReplaceAll(id, "/", "-") }

// PartnerAnchor is the id of a partner's group of agreements on a country
// page.
func PartnerAnchor(code string) string { return "with-" + strings.ToLower(code) }

// Locality is the link to a Latin American locality on its country's
// page, from the country's English name and the locality's id.
func Locality(country, id string) string { return Country(country) + "#" + LocalityAnchor(id) }

// URLs gives templates the URLs of the site's pages under its base, in
// the language of the page that links them: {{to.Countries}},
// {{to.Source .ID}}. Each method returns the URL of the path or function
// of the same name; pages are in Lang's tree (InLang), files at their one
// place.
type URLs struct {
	Base Base
	Lang string // the linking page's language; "" is DefaultLang
}

func (u URLs) url(rel string) string { return u.Base.LangURL(u.Lang, rel) }

func (u URLs) Home() string                { return u.url(Home) }
func (u URLs) Countries() string           { return u.url(Countries) }
func (u URLs) Table1() string              { return u.url(Table1) }
func (u URLs) Charts() string              { return u.url(Charts) }
func (u URLs) Cases() string               { return u.url(Cases) }
func (u URLs) Agreements() string          { return u.url(Agreements) }
func (u URLs) Sources() string             { return u.url(Sources) }
func (u URLs) Data() string                { return u.url(Data) }
func (u URLs) Search() string              { return u.url(Search) }
func (u URLs) Places() string              { return u.url(Places) }
func (u URLs) Partners() string            { return u.url(Partners) }
func (u URLs) SearchIndex() string         { return u.Base.URL(SearchIndexIn(u.Lang)) }
func (u URLs) Favicon() string             { return u.url(Favicon) }
func (u URLs) Stylesheet() string          { return u.url(Stylesheet) }
func (u URLs) NoScriptCSS() string         { return u.url(NoScriptCSS) }
func (u URLs) TableJS() string             { return u.url(TableJS) }
func (u URLs) SearchJS() string            { return u.url(SearchJS) }
func (u URLs) FacetsJS() string            { return u.url(FacetsJS) }
func (u URLs) Source(id string) string     { return u.url(Source(id)) }
func (u URLs) Download(name string) string { return u.url(Download(name)) }
func (u URLs) Feed() string                { return u.Base.Abs(Feed) } // absolute: only pages with an origin link it
func (u URLs) Chart(slug string) string    { return u.url(Chart(slug)) }

// Chart pages by name, so that templates need not spell their slugs.
func (u URLs) ChartTable1() string   { return u.Chart(ChartTable1) }
func (u URLs) ChartPartners() string { return u.Chart(ChartPartners) }
func (u URLs) ChartChina() string    { return u.Chart(ChartChina) }
func (u URLs) ChartCompare() string  { return u.Chart(ChartCompare) }
func (u URLs) ChartMap() string      { return u.Chart(ChartMap) }

// SearchIndexIn is the path of the search manifest of lang's pages: each
// language has its own index, beside its search page.
func SearchIndexIn(lang string) string {
	if lang == DefaultLang || lang == "" {
		return SearchIndex
	}
	return lang + "/" + SearchIndex
}
