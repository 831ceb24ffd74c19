package export

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDataset(t *testing.T) {
	_, ix := fixture()
	text := enText(t)
	ld, err := JSONLD(Dataset(Table1(table1Fixture(ix), ix.Source["report"], text), site, text))
	if err != nil {
		t.Fatal(err)
	}
	var ds struct {
		Context      string   `json:"@context"`
		Type         string   `json:"@type"`
		Name         string   `json:"name"`
		Description  string   `json:"description"`
		Keywords     []string `json:"keywords"`
		URL          string   `json:"url"`
		License      []string `json:"license"`
		Citation     string   `json:"citation"`
		Distribution []struct {
			Format string `json:"encodingFormat"`
			URL    string `json:"contentUrl"`
		} `json:"distribution"`
		IsBasedOn struct {
			Name   string `json:"name"`
			Author []struct {
				Name string `json:"name"`
			} `json:"author"`
			Date string `json:"datePublished"`
		} `json:"isBasedOn"`
	}
	if err := json.Unmarshal([]byte(ld), &ds); err != nil {
		t.Fatal(err)
	}
	if ds.Context != "https://schema.org" || ds.Type != "Dataset" || ds.Name != "Rouvinski's Table 1 (Atlas)" {
		t.Errorf("@context %q, @type %q, name %q", ds.Context, ds.Type, ds.Name)
	}
	if want := "The published table, cell by cell, with the per-partner counts behind each cell and the printed TOTAL row. The per-partner counts are the atlas's reading of the cells, not the author's: an empty cell is zero, and a bare number in “China and Taiwan” counts China. Licence: CC BY 4.0."; ds.Description != want || len(ds.Keywords) != 7 || ds.Keywords[2] != "hermanamientos" {
		t.Errorf("description %q, keywords %q", ds.Description, ds.Keywords)
	}
	if ds.URL != "https://example.org/atlas/data/#table-1" || len(ds.License) != 1 {
		t.Errorf("url %q, licences %v", ds.URL, ds.License)
	}
	if len(ds.Distribution) != 2 || ds.Distribution[0].URL != "https://example.org/atlas/data/table-1.csv" || ds.Distribution[1].Format != "application/json" {
		t.Errorf("distribution %+v, want the CSV and the JSON file", ds.Distribution)
	}
	if ds.IsBasedOn.Name != "Twins & partners" || len(ds.IsBasedOn.Author) != 2 || ds.IsBasedOn.Date != "2020" || !strings.HasPrefix(ds.Citation, "Ana Pérez, Li Wei") {
		t.Errorf("isBasedOn %+v, citation %q", ds.IsBasedOn, ds.Citation)
	}
}

// TestJSONLDCannotEndTheScript checks that markup in the data is escaped.
func TestJSONLDCannotEndTheScript(t *testing.T) {
	ld, err := JSONLD(map[string]string{"name": "</script><b>&"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"name":"\u003c/script\u003e\u003cb\u003e\u0026"}`, string(ld)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
