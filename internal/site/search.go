package site

import (
	"slices"
	"strings"

	"atlas/internal/render"
)

// searchEntry is one thing the site's search finds.
type searchEntry struct {
	Title string `json:"t"`
	Kind  string `json:"k"`
	Path  string `json:"p"` // site-relative, with any #anchor
	Text  string `json:"x,omitempty"`
}

// search writes the search page and its index. Search runs in the
// browser over the index; without JavaScript the page points to the lists.
func (b *builder) search() {
	m := b.m
	var idx []searchEntry
	for _, c := range m.caseViews("") {
		idx = append(idx, searchEntry{c.Title, "Case study", c.Path, c.Summary})
	}
	for _, d := range m.pages {
		idx = append(idx, searchEntry{d.Page.Title, "Page", docPath(d), d.Page.Summary})
	}
	for _, c := range m.latamCountries() {
		idx = append(idx, searchEntry{c.Name, "Country", c.Path, c.NameES})
	}
	seen := map[string]bool{}
	for _, a := range m.agreements(nil) {
		if !seen[a.LatAm.ID] {
			seen[a.LatAm.ID] = true
			idx = append(idx, searchEntry{a.LatAm.Name, "Locality, " + a.LatAmCountry.Name, a.CountryPath + "#" + a.LocalityAnchor, ""})
		}
		idx = append(idx, searchEntry{a.LatAm.Name + " – " + a.Asia.Name, "Agreement, " + a.Kind, "agreements/#" + a.ID, a.AsiaCountry.Name})
	}
	for _, s := range m.d.Sources {
		idx = append(idx, searchEntry{s.Title, "Source", "sources/#" + s.ID, strings.Join(slices.Concat(s.Authors, []string{s.Container}), " ")})
	}
	b.addJSON("search-index.json", idx)
	b.page("search", &render.LegacyPage{Frame: render.Frame{
		Path:        "search/",
		Title:       "Search",
		Description: "Search the atlas's case studies, countries, localities, agreements and sources.",
	}})
}
