package render

import (
	"fmt"
	"html/template"
	"strconv"

	"atlas/internal/records"
)

// Place is a locality with its page, on either side of the agreements.
type Place struct {
	*records.Locality
	Country     *records.Country
	Path        string // the place's page
	CountryPath string // its country's page (Latin America) or partner page (Asia)
	Agreements  int
}

// MapPoint is where a place with coordinates falls on the small world
// map of its page: an equirectangular map 360 units wide and 180 high,
// with longitude 0 in the middle and north up.
func (p Place) MapPoint() (x, y string) {
	if !p.HasCoords() {
		return "", ""
	}
	return strconv.FormatFloat(*p.Lng+180, 'f', 2, 64), strconv.FormatFloat(90-*p.Lat, 'f', 2, 64)
}

// MapX is the map point's horizontal position.
func (p Place) MapX() string { x, _ := p.MapPoint(); return x }

// MapY is the map point's vertical position.
func (p Place) MapY() string { _, y := p.MapPoint(); return y }

// OSM is the place's position on OpenStreetMap, for a closer look.
func (p Place) OSM() string {
	if !p.HasCoords() {
		return ""
	}
	return fmt.Sprintf("https://www.openstreetmap.org/?mlat=%.4f&mlon=%.4f#map=8/%.4f/%.4f", *p.Lat, *p.Lng, *p.Lat, *p.Lng)
}

// PlacePage is the template place.html: one locality and everything the
// atlas records about it.
type PlacePage struct {
	Frame
	Place      Place
	Asian      bool // the place is on the Asian side
	Agreements AgreementsTable
	Cases      []Case
}

// PlacesGroup is a country's places, for the list of places.
type PlacesGroup struct {
	Country *records.Country
	Anchor  string
	Places  []Place
}

// PlacesPage is the template places.html: every locality, by country.
type PlacesPage struct {
	Frame
	LatAm, Asia []PlacesGroup
}

// Count is a labelled number with the page that lists what it counts.
type Count struct {
	Label string
	N     int
	Path  string // "" when no page lists them
	Value string // the facet value's slug, on the list of agreements
}

// CountsTable is the partial "counts": a table of labelled counts.
type CountsTable struct {
	Caption, Head string
	Rows          []Count
}

// Partner is an Asian partner country with its page.
type Partner struct {
	*records.Country
	Path       string
	Agreements int
	Places     int
	// Table1 is the partner's count in Rouvinski's Table 1; HasTable1
	// says whether the table counts the partner at all.
	Table1    int
	HasTable1 bool
}

// PartnerPage is the template partner.html.
type PartnerPage struct {
	Frame
	Partner Partner
	Chart   template.HTML // its agreements by Latin American country, or ""
	// ByCountry, ByLevel and ByKind count its agreements across Latin
	// America.
	ByCountry, ByLevel, ByKind CountsTable
	Places                     []Place     // its localities with agreements
	Table1                     CountsTable // its cells in Table 1, by Latin American country
	Figures                    []Figure
	// Reconciled sets each published figure beside the records it
	// counts.
	Reconciled []Reconciled
	Agreements AgreementsTable
}

// Reconciled is a published figure about a partner beside the atlas's
// records for the same scope, so that the gap shows as Table 1's does.
type Reconciled struct {
	Figure
	Scope   string // the Latin American country, or "Latin America"
	Path    string // the list of the records counted
	Records Compared
}

// PartnersPage is the template partners.html.
type PartnersPage struct {
	Frame
	Partners []Partner
}

// AgreementPage is the template agreement.html: one relationship, its
// sources and its neighbours.
type AgreementPage struct {
	Frame
	Agreement Agreement
	LatAm     Place
	Asia      Place
	// Others are the other agreements of either locality.
	Others AgreementsTable
	// GradesPath is where the methodology page explains the confidence
	// grades, or "" when the site has no such page.
	GradesPath string
}

// FacetBox is one facet of the list of agreements, with the count of each
// of its values, each linked to the page that lists them.
type FacetBox struct {
	Key, Title string
	Values     []Count
}

// PageLink is a link to one page of a paged list.
type PageLink struct {
	N       int
	Path    string
	Current bool
}

// Filter is one facet value a list is restricted to, with the link that
// lifts the restriction.
type Filter struct {
	Facet, Value string
	Remove       string // the list without this value
}

// ListPage is the template agreements.html: the list of agreements, or
// the agreements of one or two facet values, a page of at most a fixed
// number of rows at a time.
type ListPage struct {
	Frame
	Heading string
	Total   int // agreements in the list, over all its pages
	Filters []Filter
	Facets  []FacetBox
	Pages   []PageLink // empty when the list fits one page
	Table   AgreementsTable
	// First is the number of the first row on this page, from 1.
	First int
}
