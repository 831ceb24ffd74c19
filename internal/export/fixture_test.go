package export

import (
	"os"
	"path/filepath"
	"testing"

	"atlas/internal/messages"
	"atlas/internal/records"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// enText is the site's own English string table, so that the tests read
// the words readers get. The test fails if the code under it asked for a
// message the table lacks.
func enText(t *testing.T) *messages.Table {
	t.Helper()
	text, err := messages.Load(os.DirFS(filepath.Join("..", "..")), "en")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := text.Err(); err != nil {
			t.Errorf("messages: %v", err)
		}
	})
	return text
}

func ptr[T any](v T) *T { return &v }

// fixture is a small valid data set: two countries, two localities, one
// agreement derived from Wikipedia, and a report with its Table 1.
func fixture() (*records.Data, *records.Index) {
	d := &records.Data{
		Countries: []*records.Country{
			{Code: "AR", Name: "Argentina", NameES: "Argentina", NamePT: "Argentina", Region: records.LatinAmerica},
			{Code: "JP", Name: "Japan", NameES: "Japón", NamePT: "Japão", Region: records.Asia},
			{Code: "TW", Name: "Taiwan", NameES: "Taiwán", NamePT: "Taiwan", Region: records.Asia},
		},
		Localities: []*records.Locality{
			{ID: "ar/cordoba", Name: "Córdoba", Level: "city", Country: "AR", Lat: ptr(-31.4), Lng: ptr(-64.18), CoordsSource: "osm"},
			{ID: "jp/kyoto", Name: "Kyoto", Level: "city", Country: "JP"},
		},
		Agreements: []*records.Agreement{{
			ID: "ar-cordoba--jp-kyoto", LatAm: "ar/cordoba", Asia: "jp/kyoto", Kind: "sister-city", Year: ptr(1996),
			Sources: []records.Citation{{Source: "report", Locator: "p. 3"}, {Source: "wiki"}},
		}},
		Sources: []*records.Source{
			{ID: "report", Kind: "report", Authors: []string{"Ana Pérez", "Li Wei"}, Title: "Twins & partners", Container: "Working Papers", Year: ptr(2020), URL: "https://example.org/a_b"},
			{ID: "wiki", Kind: "list", Title: "List of twin towns", Container: "Wikipedia", Licence: LicenceWikipedia},
		},
	}
	ix := &records.Index{Country: map[string]*records.Country{}, Locality: map[string]*records.Locality{}, Source: map[string]*records.Source{}}
	for _, c := range d.Countries {
		ix.Country[c.Code] = c
	}
	for _, l := range d.Localities {
		ix.Locality[l.ID] = l
	}
	for _, s := range d.Sources {
		ix.Source[s.ID] = s
	}
	return d, ix
}

// table1 is a one-row Table 1 from the fixture's report.
func table1Fixture(ix *records.Index) *stats.Table {
	t := &records.Table{
		ID: "rouvinski-table-1", Title: "Table 1: Test", Source: "report", Locator: "Table 1",
		Columns: []records.Column{{Label: "Japan", Partners: []string{"JP"}, Plain: "JP"}, {Label: "China and Taiwan", Partners: []string{"CN", "TW"}}},
		Rows:    []records.Row{{Country: "AR", Counts: map[string]int{"JP": 2, "TW": 1}}},
		Totals:  []int{2, 1},
	}
	return stats.NewTable(t, ix, stats.Counts{}, stats.Counts{})
}

// site is a Site published at https://example.org/atlas/.
var site = Site{Title: "Atlas", Authors: "Atlas contributors", Base: sitepath.Base{Origin: "https://example.org", Path: "/atlas/"}}

// byName maps files to their contents as strings.
func byName(files []File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Name] = string(f.Data)
	}
	return m
}
