package export

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
	"atlas/internal/search"
)

func TestSearchDocs(t *testing.T) {
	d, ix := fixture()
	d.Localities[1].Aliases = []records.Alias{{Name: "京都"}, {Name: "Kyōto"}}
	got := searchDocs(SearchData{
		Cases: []SearchPage{{Title: "A case", Path: "cases/a/", Summary: "About A.", Sections: []SearchSection{
			{Text: "Before any heading."}, {ID: "context", Heading: "Context", Text: "The context."},
		}}},
		Charts:     []SearchPage{{Title: "Map", Path: "charts/map/", Summary: "A map.", Text: "Read it so."}},
		Countries:  []*records.Country{ix.Country["AR"]},
		Partners:   []*records.Country{ix.Country["JP"]},
		Localities: d.Localities[1:],
		Agreements: d.Agreements,
		Sources:    d.Sources[:1],
		Index:      ix,
	}, enText(t))
	want := []search.Doc{
		{Path: "cases/a/", Title: "A case", Type: "Case study", Text: "About A. Before any heading."},
		{Path: "cases/a/#context", Title: "Context", Type: "Case study", Meta: "A case", Text: "The context."},
		{Path: "charts/map/", Title: "Map", Type: "Chart", Text: "A map. Read it so."},
		{Path: "countries/argentina/", Title: "Argentina", Type: "Country", Names: []string{"Argentina"}},
		{Path: "partners/japan/", Title: "Japan", Type: "Partner country", Names: []string{"Japón"}},
		{Path: "places/jp/kyoto/", Title: "Kyoto", Type: "Place", Meta: "city, Japan", Names: []string{"京都", "Kyōto"}, Text: "Also written Kyōto; 京都."},
		{Path: "agreements/ar-cordoba--jp-kyoto/", Title: "Córdoba – Kyoto", Type: "Agreement", Meta: "sister-city, 1996, Argentina – Japan",
			Names: []string{"京都", "Kyōto"}, Text: "Twins & partners; List of twin towns"},
		{Path: "sources/#report", Title: "Twins & partners", Type: "Source", Meta: "Ana Pérez, Li Wei, Working Papers, 2020"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSearchFiles checks that the files are the index's, sorted by name.
func TestSearchFiles(t *testing.T) {
	d, ix := fixture()
	files, err := Search(SearchData{Localities: d.Localities, Index: ix}, enText(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 || files[0].Name != "search/d/0.json" || files[1].Name != "search/index.json" {
		t.Errorf("files: %v", files)
	}
}
