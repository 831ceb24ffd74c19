package stats

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
)

func TestCountBy(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []Tally
	}{
		{"none", nil, nil},
		{"one", []string{"a"}, []Tally{{Key: "a", N: 1, First: 0}}},
		{"most first", []string{"b", "a", "b"}, []Tally{{Key: "b", N: 2, First: 0}, {Key: "a", N: 1, First: 1}}},
		{"ties by key, first index kept", []string{"c", "b", "c", "b", "a"},
			[]Tally{{Key: "b", N: 2, First: 1}, {Key: "c", N: 2, First: 0}, {Key: "a", N: 1, First: 4}}},
	}
	for _, tt := range tests {
		got := CountBy(tt.in, func(s string) string { return s })
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: CountBy(%q) (-want +got):\n%s", tt.name, tt.in, diff)
		}
	}
}

func TestLocalities(t *testing.T) {
	_, ix := testPairs()
	d := &records.Data{}
	for _, l := range ix.Locality {
		d.Localities = append(d.Localities, l)
	}
	if got := Localities(d, ix, records.LatinAmerica); got != 3 {
		t.Errorf("Localities(LatinAmerica) = %d, want 3", got)
	}
	if got := Localities(d, ix, records.Asia); got != 5 {
		t.Errorf("Localities(Asia) = %d, want 5", got)
	}
}

func TestCiting(t *testing.T) {
	as := []*records.Agreement{
		{ID: "a", Sources: []records.Citation{{Source: "s1"}, {Source: "s1"}, {Source: "s2"}}},
		{ID: "b", Sources: []records.Citation{{Source: "s2"}}},
		{ID: "c"},
	}
	if diff := cmp.Diff(map[string]int{"s1": 1, "s2": 2}, Citing(as)); diff != "" {
		t.Errorf("Citing (-want +got):\n%s", diff)
	}
}

func TestEnds(t *testing.T) {
	pairs, _ := testPairs()
	// Cali and Henan are ends only of unmapped pairs; Taipei has no
	// coordinates either.
	want := map[string]int{"ar/rosario": 2, "br/curitiba": 2, "cn/beijing": 1, "jp/himeji": 2, "kr/busan": 1}
	if diff := cmp.Diff(want, Ends(pairs)); diff != "" {
		t.Errorf("Ends (-want +got):\n%s", diff)
	}
}

func TestCountsPartner(t *testing.T) {
	c := Counts{{"AR", "JP"}: 2, {"BR", "JP"}: 3, {"BR", "KR"}: 1}
	for code, want := range map[string]int{"JP": 5, "KR": 1, "CN": 0} {
		if got := c.Partner(code); got != want {
			t.Errorf("Partner(%s) = %d, want %d", code, got, want)
		}
	}
}
