package export

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
	"atlas/internal/stats"
)

func TestChart(t *testing.T) {
	_, ix := fixture()
	d := &stats.Dataset{
		Title: "Counts", RowHead: "Country", RowKey: "country", Codes: true,
		Columns: []stats.DataColumn{{Key: "n", Label: "Agreements", Bounded: true}, {Key: "note", Label: "Note", Text: true}},
		Rows: []stats.DataRow{
			{Label: "Argentina", Code: "AR", Cells: []stats.DataCell{{N: 3}, {Text: "x, y"}}},
			{Label: "Chile", Code: "CL", Cells: []stats.DataCell{{N: 200, Bound: records.MoreThan}, {}}},
		},
		Foot: &stats.DataRow{Label: "Total", Cells: []stats.DataCell{{N: 203, Bound: records.AtLeast}, {}}},
	}
	files, err := Chart("charts/c/atlas-c", d, []Cite{{ix.Source["report"], "Table 2"}, {ix.Source["wiki"], ""}}, "CC BY-SA 4.0: with Wikipedia's")
	if err != nil {
		t.Fatal(err)
	}
	got := byName(files)
	// Exact bounds are spelt out; the totals row comes last.
	wantCSV := "country,code,n,n_bound,note\n" +
		"Argentina,AR,3,exact,\"x, y\"\n" +
		"Chile,CL,200,more-than,\n" +
		"Total,,203,at-least,\n"
	if diff := cmp.Diff(wantCSV, got["charts/c/atlas-c.csv"]); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	var doc struct {
		Source, Licence string
		Columns         []struct{ Key, Label string }
		Rows            []map[string]any
		Total           map[string]any
	}
	if err := json.Unmarshal([]byte(got["charts/c/atlas-c.json"]), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"source":  "Ana Pérez, Li Wei, “Twins & partners”, Working Papers (2020), Table 2; “List of twin towns”, Wikipedia",
		"licence": "CC BY-SA 4.0: with Wikipedia's",
		"columns": []string{"country", "code", "n", "n_bound", "note"},
		"row":     map[string]any{"country": "Chile", "code": "CL", "n": 200.0, "n_bound": "more-than", "note": ""},
		"total":   map[string]any{"country": "Total", "code": "", "n": 203.0, "n_bound": "at-least", "note": ""},
	}
	var keys []string
	for _, c := range doc.Columns {
		keys = append(keys, c.Key)
	}
	gotDoc := map[string]any{"source": doc.Source, "licence": doc.Licence, "columns": keys, "row": doc.Rows[1], "total": doc.Total}
	if diff := cmp.Diff(want, gotDoc); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}
