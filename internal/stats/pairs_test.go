package stats

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
)

// testPairs has seven agreements between Argentina, Brazil and Colombia
// on one side and China, Japan, South Korea and Taiwan on the other: two
// Asian places without coordinates (cn/henan, tw/taipei) and one Latin
// American one (co/cali).
func testPairs() ([]Pair, *records.Index) {
	ix := testIndex()
	pt := func(v float64) *float64 { return &v }
	yr := func(v int) *int { return &v }
	ix.Locality = map[string]*records.Locality{}
	for _, l := range []*records.Locality{
		{ID: "ar/rosario", Name: "Rosario", Country: "AR", Lat: pt(-33), Lng: pt(-60)},
		{ID: "br/curitiba", Name: "Curitiba", Country: "BR", Lat: pt(-25), Lng: pt(-49)},
		{ID: "co/cali", Name: "Cali", Country: "CO"},
		{ID: "cn/beijing", Name: "Beijing", Country: "CN", Lat: pt(40), Lng: pt(116)},
		{ID: "cn/henan", Name: "Henan", Country: "CN"},
		{ID: "jp/himeji", Name: "Himeji", Country: "JP", Lat: pt(35), Lng: pt(135)},
		{ID: "kr/busan", Name: "Busan", Country: "KR", Lat: pt(35), Lng: pt(129)},
		{ID: "tw/taipei", Name: "Taipei", Country: "TW"},
	} {
		ix.Locality[l.ID] = l
	}
	d := &records.Data{Agreements: []*records.Agreement{ // out of id order: Pairs sorts them
		{ID: "br-curitiba--jp-himeji", LatAm: "br/curitiba", Asia: "jp/himeji", Kind: "sister-city", Year: yr(1984), Date: "1984-05-18"},
		{ID: "ar-rosario--cn-beijing", LatAm: "ar/rosario", Asia: "cn/beijing", Kind: "sister-city", Year: yr(2016)},
		{ID: "ar-rosario--cn-henan", LatAm: "ar/rosario", Asia: "cn/henan", Kind: "mou", Year: yr(2016), Date: "2016-09"},
		{ID: "ar-rosario--jp-himeji", LatAm: "ar/rosario", Asia: "jp/himeji", Kind: "friendship", Year: yr(1984)},
		{ID: "br-curitiba--kr-busan", LatAm: "br/curitiba", Asia: "kr/busan", Kind: "sister-city"},
		{ID: "co-cali--kr-busan", LatAm: "co/cali", Asia: "kr/busan", Kind: "sister-city", Year: yr(1990)},
		{ID: "co-cali--tw-taipei", LatAm: "co/cali", Asia: "tw/taipei", Kind: "friendship"},
	}}
	return Pairs(d, ix), ix
}

func ids(ps []Pair) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Agreement.ID)
	}
	return out
}

func TestPairs(t *testing.T) {
	pairs, ix := testPairs()
	if diff := cmp.Diff([]string{
		"ar-rosario--cn-beijing", "ar-rosario--cn-henan", "ar-rosario--jp-himeji",
		"br-curitiba--jp-himeji", "br-curitiba--kr-busan", "co-cali--kr-busan", "co-cali--tw-taipei",
	}, ids(pairs)); diff != "" {
		t.Errorf("Pairs order (-want +got):\n%s", diff)
	}
	p := pairs[0]
	if p.LatAm != ix.Locality["ar/rosario"] || p.Asia != ix.Locality["cn/beijing"] || p.LatAmCountry.Code != "AR" || p.Partner.Code != "CN" {
		t.Errorf("Pairs[0] = %+v: wrong places or countries", p)
	}
	for _, tt := range []struct {
		id     string
		mapped bool
	}{
		{"ar-rosario--cn-beijing", true},
		{"ar-rosario--cn-henan", false}, // the Asian side has no coordinates
		{"co-cali--kr-busan", false},    // the Latin American side has none
		{"co-cali--tw-taipei", false},   // neither has
	} {
		for _, p := range pairs {
			if p.Agreement.ID == tt.id && p.Mapped() != tt.mapped {
				t.Errorf("%s: Mapped() = %v, want %v", tt.id, p.Mapped(), tt.mapped)
			}
		}
	}
	if diff := cmp.Diff([]string{"ar-rosario--cn-henan", "co-cali--kr-busan", "co-cali--tw-taipei"}, ids(Unmapped(pairs))); diff != "" {
		t.Errorf("Unmapped (-want +got):\n%s", diff)
	}
	kinds, mapped := PairKinds(pairs)
	if diff := cmp.Diff([]string{"sister-city", "friendship", "mou"}, kinds); diff != "" {
		t.Errorf("PairKinds kinds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{3, 1, 0}, mapped); diff != "" {
		t.Errorf("PairKinds mapped (-want +got):\n%s", diff)
	}
}

func TestPairsDataset(t *testing.T) {
	pairs, _ := testPairs()
	got := PairsDataset(pairs, keys{}, link)
	col := func(k, label string) DataColumn { return DataColumn{Key: k, Label: label} }
	want := &Dataset{
		Title:   "data.pairs.title",
		Caption: "data.pairs.caption",
		RowHead: "data.head.partner", RowKey: "partner", Codes: true,
		Columns: []DataColumn{ // only the kinds the pairs have
			col("kind_sister_city", "data.kind.sister-city"), col("kind_friendship", "data.kind.friendship"), col("kind_mou", "data.kind.mou"),
			col("mapped", "data.column.mapped"), col("unmapped", "data.column.unmapped"), col("total", "data.column.total"),
		},
		Rows: []DataRow{ // most first, then by name
			{Label: "China", Code: "CN", Link: "CN#x", Cells: cells(1, 0, 0, 1, 1, 2)},
			{Label: "Japan", Code: "JP", Link: "JP#x", Cells: cells(1, 1, 0, 2, 0, 2)},
			{Label: "South Korea", Code: "KR", Link: "KR#x", Cells: cells(1, 0, 0, 1, 1, 2)},
			{Label: "Taiwan", Code: "TW", Link: "TW#x", Cells: cells(0, 0, 0, 0, 1, 1)},
		},
		Foot: &DataRow{Label: "data.total", Cells: cells(3, 1, 0, 4, 3, 7)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PairsDataset (-want +got):\n%s", diff)
	}
}

func TestMilestones(t *testing.T) {
	pairs, _ := testPairs()
	type m struct {
		Partner, ID string
		Year        int
	}
	var got []m
	for _, x := range Milestones(pairs) {
		got = append(got, m{x.Partner.Code, x.Pair.Agreement.ID, x.Year})
	}
	want := []m{
		// Two Japanese ties in 1984: the one with a date comes first.
		{"JP", "br-curitiba--jp-himeji", 1984},
		{"KR", "co-cali--kr-busan", 1990},
		// Two Chinese ties in 2016: the one with a date comes first,
		// though its id sorts later.
		{"CN", "ar-rosario--cn-henan", 2016},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Milestones (-want +got):\n%s", diff)
	}
	var undated []string
	for _, p := range Undated(pairs) {
		undated = append(undated, p.Country.Code)
	}
	if diff := cmp.Diff([]string{"TW"}, undated); diff != "" {
		t.Errorf("Undated (-want +got):\n%s", diff)
	}
}

func TestEarlier(t *testing.T) {
	yr := func(v int) *int { return &v }
	for _, tt := range []struct {
		name string
		a, b records.Agreement
		want bool
	}{
		{"lower year", records.Agreement{ID: "z", Year: yr(1990)}, records.Agreement{ID: "a", Year: yr(1991), Date: "1991-01-01"}, true},
		{"higher year", records.Agreement{ID: "a", Year: yr(1992)}, records.Agreement{ID: "z", Year: yr(1991)}, false},
		{"a date before none", records.Agreement{ID: "z", Year: yr(1990), Date: "1990-12"}, records.Agreement{ID: "a", Year: yr(1990)}, true},
		{"none after a date", records.Agreement{ID: "a", Year: yr(1990)}, records.Agreement{ID: "z", Year: yr(1990), Date: "1990-12"}, false},
		{"earlier date", records.Agreement{ID: "z", Year: yr(1990), Date: "1990-03-01"}, records.Agreement{ID: "a", Year: yr(1990), Date: "1990-04"}, true},
		{"same day: by id", records.Agreement{ID: "a", Year: yr(1990)}, records.Agreement{ID: "b", Year: yr(1990)}, true},
	} {
		if got := earlier(&tt.a, &tt.b); got != tt.want {
			t.Errorf("%s: earlier = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestTimelineDataset(t *testing.T) {
	pairs, _ := testPairs()
	got := TimelineDataset(pairs, keys{})
	if got.Codes || got.RowKey != "year" || got.RowHead != "data.head.year" {
		t.Errorf("TimelineDataset: Codes %v, RowKey %q, RowHead %q", got.Codes, got.RowKey, got.RowHead)
	}
	// Columns: the dated partners, most dated first, then by name; the
	// others; the total; the milestones.
	var keysGot []string
	for _, c := range got.Columns {
		keysGot = append(keysGot, c.Key)
	}
	if diff := cmp.Diff([]string{"cn", "jp", "kr", "other_partners", "total", "first_with"}, keysGot); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if !got.Columns[5].Text || got.Columns[4].Text {
		t.Errorf("only first_with is a text column: %+v", got.Columns)
	}
	row := func(label string, n ...int) DataRow {
		return DataRow{Label: label, Cells: append(cells(n...), DataCell{})}
	}
	want := []DataRow{row("1984", 0, 2, 0, 0, 2)}
	want[0].Cells[5].Text = "Japan"
	for y := 1985; y <= 2015; y++ { // every year, those with none too
		r := row(strconv.Itoa(y), 0, 0, 0, 0, 0)
		if y == 1990 {
			r = row("1990", 0, 0, 1, 0, 1)
			r.Cells[5].Text = "South Korea"
		}
		want = append(want, r)
	}
	last := row("2016", 2, 0, 0, 0, 2)
	last.Cells[5].Text = "China"
	want = append(want, last, row("data.year.unknown", 0, 0, 1, 1, 2))
	if diff := cmp.Diff(want, got.Rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(row("data.total", 2, 2, 2, 1, 7), *got.Foot); diff != "" {
		t.Errorf("foot (-want +got):\n%s", diff)
	}
}

func TestTimelineDatasetNoYears(t *testing.T) {
	pairs, _ := testPairs()
	for i := range pairs {
		a := *pairs[i].Agreement
		a.Year = nil
		pairs[i].Agreement = &a
	}
	got := TimelineDataset(pairs, keys{})
	// No year rows; every agreement is in the unknown row, none dropped.
	if len(got.Rows) != 1 || got.Rows[0].Label != "data.year.unknown" || got.Rows[0].Cells[1].N != 7 {
		t.Errorf("rows = %+v, want only the unknown row with 7", got.Rows)
	}
	if len(Milestones(pairs)) != 0 {
		t.Errorf("Milestones of undated pairs = %v, want none", Milestones(pairs))
	}
}
