package export

import (
	"slices"
	"strings"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

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
}

// Search returns the search index. Search runs in the browser over it.
func Search(d SearchData) (File, error) {
	var idx []searchEntry
	for _, c := range d.Cases {
		idx = append(idx, searchEntry{c.Title, "Case study", c.Path, c.Summary})
	}
	for _, p := range d.Pages {
		idx = append(idx, searchEntry{p.Title, "Page", p.Path, p.Summary})
	}
	for _, c := range d.Countries {
		idx = append(idx, searchEntry{c.Name, "Country", sitepath.Country(c.Name), c.NameES})
	}
	seen := map[string]bool{}
	for _, a := range d.Agreements {
		l, p := d.Index.Locality[a.LatAm], d.Index.Locality[a.Asia]
		if !seen[l.ID] {
			seen[l.ID] = true
			country := d.Index.Country[l.Country].Name
			idx = append(idx, searchEntry{l.Name, "Locality, " + country, sitepath.Locality(country, l.ID), ""})
		}
		idx = append(idx, searchEntry{l.Name + " – " + p.Name, "Agreement, " + a.Kind, sitepath.Agreement(a.ID), d.Index.Country[p.Country].Name})
	}
	for _, s := range d.Sources {
		idx = append(idx, searchEntry{s.Title, "Source", sitepath.Source(s.ID), strings.Join(slices.Concat(s.Authors, []string{s.Container}), " ")})
	}
	return jsonFile(sitepath.SearchIndex, idx)
}
