package stats

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
)

// keys is a Text that prints a message as its key and arguments, so that
// the tests show which message each word comes from.
type keys struct{}

func (keys) Sprintf(key string, args ...any) string {
	if len(args) == 0 {
		return key
	}
	return fmt.Sprint(key, args)
}

// testIndex has three Latin American and seven Asian countries.
func testIndex() *records.Index {
	ix := &records.Index{Country: map[string]*records.Country{}}
	for _, c := range []struct{ code, name, region string }{
		{"AR", "Argentina", records.LatinAmerica}, {"BR", "Brazil", records.LatinAmerica}, {"CO", "Colombia", records.LatinAmerica},
		{"JP", "Japan", records.Asia}, {"KR", "South Korea", records.Asia}, {"CN", "China", records.Asia}, {"TW", "Taiwan", records.Asia},
		{"IN", "India", records.Asia}, {"ID", "Indonesia", records.Asia}, {"PH", "Philippines", records.Asia},
	} {
		ix.Country[c.code] = &records.Country{Code: c.code, Name: c.name, Region: c.region}
	}
	return ix
}

// testTable is a Table 1 of two rows, with today's records recs.
func testTable(ix *records.Index, recs Counts) *Table {
	return NewTable(&records.Table{
		Title: "Table 1: Test",
		Columns: []records.Column{
			{Label: "Japan", Partners: []string{"JP"}, Plain: "JP"},
			{Label: "Korea", Partners: []string{"KR"}, Plain: "KR"},
			{Label: "China and Taiwan", Partners: []string{"CN", "TW"}, Plain: "CN"},
			{Label: "Other", Partners: []string{"IN", "ID", "PH"}},
		},
		Rows: []records.Row{
			{Country: "AR", Counts: map[string]int{"JP": 2, "CN": 3}},
			{Country: "CO", Counts: map[string]int{"JP": 2, "KR": 1, "CN": 4, "TW": 1, "IN": 2, "PH": 1}},
		},
	}, ix, recs, Counts{})
}

// link links a row to its code, or to "all".
func link(code string) string {
	if code == "" {
		return "all"
	}
	return code + "#x"
}

func cells(ns ...int) []DataCell {
	out := make([]DataCell, len(ns))
	for i, n := range ns {
		out[i] = DataCell{N: n}
	}
	return out
}

func TestTable1Dataset(t *testing.T) {
	ix := testIndex()
	got := Table1Dataset(testTable(ix, nil), ix, keys{}, link)
	col := func(k string) DataColumn { return DataColumn{Key: k, Label: "data.column." + k} }
	other := col("other_partners")
	other.Text = true
	want := &Dataset{
		Title:   "data.table-1.title[Table 1: Test]",
		Caption: "data.table-1.caption",
		RowHead: "data.head.country", RowKey: "country", Codes: true,
		Columns: []DataColumn{col("japan"), col("korea"), col("china"), col("taiwan"), col("other"), other, col("total")},
		Rows: []DataRow{
			{Label: "Argentina", Code: "AR", Link: "AR#x", Cells: append(cells(2, 0, 3, 0, 0), DataCell{}, DataCell{N: 5})},
			{Label: "Colombia", Code: "CO", Link: "CO#x", Cells: append(cells(2, 1, 4, 1, 3), DataCell{Text: "India, Philippines"}, DataCell{N: 11})},
		},
		Foot: &DataRow{Label: "data.total", Cells: append(cells(4, 1, 7, 1, 3), DataCell{}, DataCell{N: 16})},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Table1Dataset (-want +got):\n%s", diff)
	}
}

func TestPartnersDataset(t *testing.T) {
	ix := testIndex()
	got := PartnersDataset(testTable(ix, nil), ix, keys{}, link)
	row := func(name, code string, n int, share string) DataRow {
		return DataRow{Label: name, Code: code, Link: "all", Cells: []DataCell{{N: n}, {Text: share}}}
	}
	want := &Dataset{
		Title:   "data.table-1-partners.title[Table 1: Test]",
		Caption: "data.table-1-partners.caption[16]",
		RowHead: "data.head.partner", RowKey: "partner", Codes: true,
		Columns: []DataColumn{
			{Key: "agreements", Label: "data.column.agreements"},
			{Key: "share", Label: "data.column.share", Text: true},
		},
		Rows: []DataRow{ // largest first, then by name
			row("China", "CN", 7, "data.share[43.8]"),
			row("Japan", "JP", 4, "data.share[25.0]"),
			row("India", "IN", 2, "data.share[12.5]"),
			row("Philippines", "PH", 1, "data.share[6.2]"),
			row("South Korea", "KR", 1, "data.share[6.2]"),
			row("Taiwan", "TW", 1, "data.share[6.2]"),
		},
		Foot: &DataRow{Label: "data.total", Cells: []DataCell{{N: 16}, {Text: "data.share[100.0]"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PartnersDataset (-want +got):\n%s", diff)
	}
}

func TestFiguresDataset(t *testing.T) {
	ix := testIndex()
	set := &records.FigureSet{
		Title: "Counts", Partner: "CN",
		Items: []records.Figure{ // years out of order: the columns sort them
			{Scope: "all", AsOf: 2021, Value: 200, Bound: records.MoreThan},
			{Scope: "all", AsOf: 2015, Value: 147, Bound: records.AtLeast},
			{Scope: "AR", AsOf: 2015, Value: 17, Bound: records.Exact},
			{Scope: "AR", AsOf: 2021, Value: 40, Bound: records.MoreThan},
		},
	}
	got := FiguresDataset(set, ix, keys{}, link)
	want := &Dataset{
		Title:   "Counts",
		Caption: "data.figures.caption[partner.adj[CN China]]",
		RowHead: "data.head.scope", RowKey: "scope", Codes: true,
		Columns: []DataColumn{
			{Key: "agreements_2015", Label: "2015", Bounded: true},
			{Key: "agreements_2021", Label: "2021", Bounded: true},
		},
		Rows: []DataRow{
			{Label: "data.scope.all", Link: "all", Cells: []DataCell{
				{N: 147, Bound: records.AtLeast, Text: "data.at-least[147]"},
				{N: 200, Bound: records.MoreThan, Text: "data.more-than[200]"},
			}},
			{Label: "Argentina", Code: "AR", Link: "AR#x", Cells: []DataCell{
				{N: 17, Bound: records.Exact},
				{N: 40, Bound: records.MoreThan, Text: "data.more-than[40]"},
			}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FiguresDataset (-want +got):\n%s", diff)
	}
	if n := got.Bounded(); n != 3 {
		t.Errorf("Bounded = %d, want 3", n)
	}
	if n := got.Coded(); n != 1 {
		t.Errorf("Coded = %d, want 1", n)
	}
}

func TestCompareDataset(t *testing.T) {
	ix := testIndex()
	recs := Counts{{"AR", "JP"}: 4, {"AR", "US"}: 9, {"CO", "IN"}: 1}
	got := CompareDataset(testTable(ix, recs), keys{}, link)
	want := &Dataset{
		Title:   "data.table-1-vs-records.title[Table 1: Test]",
		Caption: "data.table-1-vs-records.caption",
		RowHead: "data.head.country", RowKey: "country", Codes: true,
		Columns: []DataColumn{
			{Key: "table_1", Label: "data.column.table_1"},
			{Key: "records", Label: "data.column.records"},
		},
		Rows: []DataRow{ // a partner outside the table's columns is not counted
			{Label: "Argentina", Code: "AR", Link: "AR#x", Cells: cells(5, 4)},
			{Label: "Colombia", Code: "CO", Link: "CO#x", Cells: cells(11, 1)},
		},
		Foot: &DataRow{Label: "data.total", Cells: cells(16, 5)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CompareDataset (-want +got):\n%s", diff)
	}
}

func TestMapDataset(t *testing.T) {
	ix := testIndex()
	countries := []*records.Country{ix.Country["AR"], ix.Country["JP"], ix.Country["BR"], ix.Country["CO"]}
	recs := Counts{{"AR", "JP"}: 2, {"CO", "CN"}: 1, {"CO", "JP"}: 1}
	got := MapDataset(recs, countries, keys{}, link)
	want := &Dataset{
		Title:   "data.map.title",
		Caption: "data.map.caption",
		RowHead: "data.head.country", RowKey: "country", Codes: true,
		Columns: []DataColumn{{Key: "agreements", Label: "data.column.agreements"}},
		Rows: []DataRow{ // most first, then by name; only rows with records link
			{Label: "Argentina", Code: "AR", Link: "AR#x", Cells: cells(2)},
			{Label: "Colombia", Code: "CO", Link: "CO#x", Cells: cells(2)},
			{Label: "Brazil", Code: "BR", Cells: cells(0)},
		},
		Foot: &DataRow{Label: "data.total", Cells: cells(4)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MapDataset (-want +got):\n%s", diff)
	}
	if n := got.Count(0); n != 2 {
		t.Errorf("Count(0) = %d, want 2", n)
	}
	if r := got.Row("BR"); r == nil || r.Label != "Brazil" {
		t.Errorf("Row(BR) = %v", r)
	}
}

func TestFigureWording(t *testing.T) {
	for _, tt := range []struct {
		f    records.Figure
		want string
	}{
		{records.Figure{Value: 30, Bound: records.Exact}, "data.exact[30]"},
		{records.Figure{Value: 147, Bound: records.AtLeast}, "data.at-least[147]"},
		{records.Figure{Value: 200, Bound: records.MoreThan}, "data.more-than[200]"},
	} {
		if got := FigureWording(tt.f, keys{}); got != tt.want {
			t.Errorf("FigureWording(%d, %s) = %q, want %q", tt.f.Value, tt.f.Bound, got, tt.want)
		}
	}
}
