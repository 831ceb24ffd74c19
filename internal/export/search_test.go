package export

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

func TestSearch(t *testing.T) {
	d, ix := fixture()
	// A second agreement of the same locality: the locality is found once.
	d.Agreements = append(d.Agreements, &records.Agreement{ID: "ar-cordoba--jp-kyoto-2", LatAm: "ar/cordoba", Asia: "jp/kyoto", Kind: "friendship"})
	f, err := Search(SearchData{
		Cases:      []Doc{{Title: "A case", Path: "cases/a/", Summary: "About A."}},
		Pages:      []Doc{{Title: "About", Path: "about/"}},
		Countries:  []*records.Country{ix.Country["AR"]},
		Agreements: d.Agreements,
		Sources:    d.Sources[:1],
		Index:      ix,
	})
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != sitepath.SearchIndex {
		t.Errorf("index written to %s", f.Name)
	}
	var got []map[string]string
	if err := json.Unmarshal(f.Data, &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{
		{"t": "A case", "k": "Case study", "p": "cases/a/", "x": "About A."},
		{"t": "About", "k": "Page", "p": "about/"},
		{"t": "Argentina", "k": "Country", "p": "countries/argentina/", "x": "Argentina"},
		{"t": "Córdoba", "k": "Locality, Argentina", "p": "countries/argentina/#ar-cordoba"},
		{"t": "Córdoba – Kyoto", "k": "Agreement, sister-city", "p": "agreements/#ar-cordoba--jp-kyoto", "x": "Japan"},
		{"t": "Córdoba – Kyoto", "k": "Agreement, friendship", "p": "agreements/#ar-cordoba--jp-kyoto-2", "x": "Japan"},
		{"t": "Twins & partners", "k": "Source", "p": "sources/#report", "x": "Ana Pérez Li Wei Working Papers"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
