// Package records owns the YAML data under data/: countries, localities,
// agreements, the bibliography, the figures that sources published and the
// site's own settings (its name and navigation). It decodes every file
// strictly into typed records that remember where each value was written,
// and validates them and their cross-references.
//
// # Files
//
//	data/countries.yaml       countries: [{code, name, name_es, name_pt, region, subregion}]
//	data/localities.yaml      localities: [{id, name, level, country, lat, lng, coords_source, aliases: [{name, lang, local, source, locator}], note}]
//	data/agreements/*.yaml    agreements: [{id, latam, asia, kind, term, year, date, date_basis, status, sources, provenance, wikidata, note}]
//	data/sources.yaml         sources: [{id, kind, authors, title, container, publisher, year, date, url, accessed, licence, note, lang}]
//	data/published/*.yaml     table: {...} (a cross table such as Rouvinski's Table 1)
//	                          or figures: {...} (single published figures, possibly bounds)
//	data/site.yaml            title, nav: [{title, path}] (the site's name and main navigation)
//
// A record goes in the file of its Latin American locality's country
// (data/agreements/ar.yaml holds only ar/ localities). data/site.yaml is
// read elsewhere; any other YAML file under data/ is an error, and so is a
// symbolic link or other non-regular file (see srcfs).
//
// Names, titles and other text that the CSV downloads carry may not start
// with "=", "+", "-" or "@", which spreadsheets run as formulas: such text
// is refused rather than altered in the downloads. A source URL may not
// hold "{" or "}", which would end its field in sources.bib.
//
// Country codes are ISO 3166-1 alpha-2 in upper case. A locality id is the
// lower-case country code, a slash and a slug ("ar/jujuy"). A year is given
// only when a source states it; unknown stays empty. Agreement and source
// ids become element ids on the pages, so neither may be an id the pages
// use themselves (sitepath.ReservedIDs: "main", "references", "cite-1", ...)
// or a locality's anchor ("ar-jujuy"). Two countries of a region may not
// have names that give one slug: it is the path of their page.
//
// A source with a url must carry accessed, the day (YYYY-MM-DD) its page was
// read, in a year no later than the build's. Among the source kinds, register
// (an official register of ties) and official (a signatory government's own
// page) are the strongest evidence of a tie, news and report come next, and
// list (a compiled list such as a Wikipedia page) is the weakest.
package records

import "atlas/internal/srcpos"

// Regions of a country.
const (
	LatinAmerica = "latin-america"
	Asia         = "asia"
)

// Country is a Latin American, Caribbean or Asian country.
type Country struct {
	Code      string `yaml:"code,required"`
	Name      string `yaml:"name,required"`
	NameES    string `yaml:"name_es,required"`
	NamePT    string `yaml:"name_pt,required"`
	Region    string `yaml:"region,required"`
	Subregion string `yaml:"subregion,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// NameIn returns the country's name in a language of the site: "en",
// "es" or "pt"; English for any other.
func (c *Country) NameIn(lang string) string {
	switch lang {
	case "es":
		return c.NameES
	case "pt":
		return c.NamePT
	}
	return c.Name
}

// Locality is a city, province, state or other subnational unit.
type Locality struct {
	ID           string   `yaml:"id,required"`
	Name         string   `yaml:"name,required"`
	Level        string   `yaml:"level,required"`
	Country      string   `yaml:"country,required"`
	Lat          *float64 `yaml:"lat"`
	Lng          *float64 `yaml:"lng"`
	CoordsSource string   `yaml:"coords_source"`
	Aliases      []Alias  `yaml:"aliases"`
	Note         string   `yaml:"note"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Alias is another name of a locality: a spelling a source uses, or the
// name in the place's own language and script, with the source that gives
// it. At most one alias of a locality is Local: the usual form of its name
// in its own language as a cited source prints it ("Región del Biobío"
// for "Biobío Region"), which the pages in languages other than English
// show as its name.
type Alias struct {
	Name    string `yaml:"name,required"`
	Lang    string `yaml:"lang"` // a BCP 47 tag: "zh", "ja", "es"; empty when the source does not say
	Local   bool   `yaml:"local"`
	Source  string `yaml:"source,required"`
	Locator string `yaml:"locator"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// LocalName returns the alias marked local, or nil.
func (l *Locality) LocalName() *Alias {
	for i := range l.Aliases {
		if l.Aliases[i].Local {
			return &l.Aliases[i]
		}
	}
	return nil
}

// NameIn returns the locality's name on the pages of a language: name in
// English, and elsewhere its local name where it has one, otherwise name.
func (l *Locality) NameIn(lang string) string {
	if a := l.LocalName(); a != nil && lang != "en" {
		return a.Name
	}
	return l.Name
}

// HasCoords reports whether the locality has coordinates.
func (l *Locality) HasCoords() bool { return l.Lat != nil && l.Lng != nil }

// Agreement is one relationship between a Latin American and an Asian
// locality.
type Agreement struct {
	ID         string     `yaml:"id,required"`
	LatAm      string     `yaml:"latam,required"` // locality id
	Asia       string     `yaml:"asia,required"`  // locality id
	Kind       string     `yaml:"kind,required"`
	Term       string     `yaml:"term"` // the kind in the source's own words ("friendship city")
	Year       *int       `yaml:"year"`
	Date       string     `yaml:"date"`       // the day or month of Year, when a source gives it
	DateBasis  string     `yaml:"date_basis"` // what the date rests on: signature, declaration, ...
	Status     string     `yaml:"status"`
	Sources    []Citation `yaml:"sources,required"`
	Provenance string     `yaml:"provenance"` // the imported row's own source note, verbatim
	Wikidata   []string   `yaml:"wikidata"`
	Note       string     `yaml:"note"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Citation points from a record to a source, optionally to a place in it.
type Citation struct {
	Source  string `yaml:"source,required"`
	Locator string `yaml:"locator"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Source is one entry of the bibliography.
type Source struct {
	ID        string   `yaml:"id,required"`
	Kind      string   `yaml:"kind,required"`
	Authors   []string `yaml:"authors"`
	Title     string   `yaml:"title,required"`
	Container string   `yaml:"container"`
	Publisher string   `yaml:"publisher"`
	Year      *int     `yaml:"year"`
	Date      string   `yaml:"date"`
	URL       string   `yaml:"url"`
	Accessed  string   `yaml:"accessed"` // the day a web source was read, YYYY-MM-DD
	Licence   string   `yaml:"licence"`
	Note      string   `yaml:"note"`
	// Lang is the language of the title and container, a BCP 47 tag ("es",
	// "pt", "zh"), when the source is in one: pages in other languages mark
	// the title with it. Empty when unknown.
	Lang string `yaml:"lang"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Table is a cross table as a source printed it: counts per Latin American
// country (rows) and Asian partner country, grouped into columns.
type Table struct {
	ID      string   `yaml:"id,required"`
	Title   string   `yaml:"title,required"`
	Source  string   `yaml:"source,required"`
	Locator string   `yaml:"locator"`
	Note    string   `yaml:"note"`
	Columns []Column `yaml:"columns,required"`
	Rows    []Row    `yaml:"rows,required"`
	Totals  []int    `yaml:"totals,required"` // the printed TOTAL row, one per column
	Claims  []Claim  `yaml:"claims"`

	File   string // the file the table came from
	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Column is a column of a published table: the partners it counts and how
// its cells are printed.
type Column struct {
	Label    string   `yaml:"label,required"`
	Partners []string `yaml:"partners,required"`
	// Plain is the partner whose count is printed as a bare number when it
	// is the only partner in the cell; the others are always named.
	Plain string `yaml:"plain"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Row is a row of a published table: one Latin American country's counts by
// partner country code.
type Row struct {
	Country string         `yaml:"country,required"`
	Counts  map[string]int `yaml:"counts,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Kinds of claim a source makes about its table.
const (
	ClaimTotalAbove = "total-above" // the table holds more than Value cases
	ClaimRowShare   = "row-share"   // Country holds about Value percent of the cases
)

// Claim is a statement the source's text makes about its table, kept so
// that the build can check it against the cells.
type Claim struct {
	Quote   string `yaml:"quote,required"`
	Locator string `yaml:"locator"`
	Check   string `yaml:"check,required"`
	Country string `yaml:"country"`
	Value   int    `yaml:"value,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// FigureSet is a list of single figures a source published, such as counts
// of agreements at two dates.
type FigureSet struct {
	ID      string   `yaml:"id,required"`
	Title   string   `yaml:"title,required"`
	Source  string   `yaml:"source,required"`
	Locator string   `yaml:"locator"`
	Partner string   `yaml:"partner,required"` // the Asian country counted
	Items   []Figure `yaml:"items,required"`
	// Note says how the figures were published: where a count is quoted
	// second-hand, or what it covers.
	Note string `yaml:"note"`

	File   string
	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Bounds of a published figure.
const (
	Exact    = "exact"
	AtLeast  = "at-least"
	MoreThan = "more-than"
)

// Figure is one published number. A "more than 200" is stored as the value
// 200 with the bound more-than: a lower bound, not a count.
type Figure struct {
	Scope string `yaml:"scope,required"` // "all" or a Latin American country code
	AsOf  int    `yaml:"as_of,required"`
	Value int    `yaml:"value,required"`
	Bound string `yaml:"bound,required"`
	Quote string `yaml:"quote"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Data is every record under data/.
type Data struct {
	Settings   *Settings // data/site.yaml
	Countries  []*Country
	Localities []*Locality
	Agreements []*Agreement
	Sources    []*Source
	Tables     []*Table
	Figures    []*FigureSet
}
