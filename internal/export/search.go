package export

import (
	"slices"
	"strings"

	"atlas/internal/records"
)

// SearchFile is the search index's path in the output. Search runs in the
// browser over the index.
const SearchFile = "search-index.json"

// searchEntry is one thing the site's search finds.
type searchEntry struct {
	Title string `json:"t"`
	Kind  string `json:"k"`
	Path  string `json:"p"` // site-relative, with any #anchor
	Text  string `json:"x,omitempty"`
}

// SearchData is what the search finds, each list in the order it is
// listed on the site.
type SearchData struct {
	Cases, Pages []Doc
	Countries    []*records.Country   // the Latin American countries with pages
	Agreements   []*records.Agreement // each also finds its Latin American locality
	Sources      []*records.Source
	Index        *records.Index
	// CountryPath is a country's page; LocalityPath a Latin American
	// locality's place on its country's page, with the #anchor.
	CountryPath  func(*records.Country) string
	LocalityPath func(*records.Locality) string
}

// Search returns the search index.
func Search(d SearchData) (File, error) {
	var idx []searchEntry
	for _, c := range d.Cases {
		idx = append(idx, searchEntry{c.Title, "Case study", c.Path, c.Summary})
	}
	for _, p := range d.Pages {
		idx = append(idx, searchEntry{p.Title, "Page", p.Path, p.Summary})
	}
	for _, c := range d.Countries {
		idx = append(idx, searchEntry{c.Name, "Country", d.CountryPath(c), c.NameES})
	}
	seen := map[string]bool{}
	for _, a := range d.Agreements {
		l, p := d.Index.Locality[a.LatAm], d.Index.Locality[a.Asia]
		if !seen[l.ID] {
			seen[l.ID] = true
			idx = append(idx, searchEntry{l.Name, "Locality, " + d.Index.Country[l.Country].Name, d.LocalityPath(l), ""})
		}
		idx = append(idx, searchEntry{l.Name + " – " + p.Name, "Agreement, " + a.Kind, "agreements/#" + a.ID, d.Index.Country[p.Country].Name})
	}
	for _, s := range d.Sources {
		idx = append(idx, searchEntry{s.Title, "Source", "sources/#" + s.ID, strings.Join(slices.Concat(s.Authors, []string{s.Container}), " ")})
	}
	return jsonFile(SearchFile, idx)
}
