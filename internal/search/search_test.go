package search

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Bío-Bío", []string{"bio", "bio"}},
		{"Bio Bio", []string{"bio", "bio"}},
		{"BIOBÍO", []string{"biobio"}},
		{"São Paulo (state)", []string{"sao", "paulo", "state"}},
		{"Table 1", []string{"table", "1"}},
		{"河南省", []string{"河", "河南", "南", "南省", "省"}},
		{"大阪 Osaka", []string{"大", "大阪", "阪", "osaka"}},
		{"서울특별시", []string{"서울특별시"}},
		{"l'Abbé, Ōsaka; x", []string{"l", "abbe", "osaka", "x"}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Terms(tt.in)); diff != "" {
			t.Errorf("Terms(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestShardKey(t *testing.T) {
	for term, want := range map[string]string{"bio": "bi", "x": "x", "河南": "河", "서울": "서", "1": "1"} {
		if got := ShardKey(term); got != want {
			t.Errorf("ShardKey(%q) = %q, want %q", term, got, want)
		}
	}
}

// TestBuild finds each doc through the files alone, as the browser does.
func TestBuild(t *testing.T) {
	docs := []Doc{
		{Path: "cases/biobio/", Title: "Biobío Region", Type: "Case study", Names: []string{"Bío-Bío"}, Text: "Hubei and the region."},
		{Path: "places/cn/henan/", Title: "Henan", Type: "Place", Names: []string{"河南"}},
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	find := func(term string) [][2]int {
		var shard map[string][][2]int
		if err := json.Unmarshal(files[shardFile(ShardKey(term))], &shard); err != nil {
			t.Fatalf("%s: %v", term, err)
		}
		return shard[term]
	}
	for term, want := range map[string][][2]int{
		"bio":    {{0, inTitle}},
		"biobio": {{0, inTitle}},
		"hubei":  {{0, inText}},
		"河南":     {{1, inTitle}},
		"henan":  {{1, inTitle}},
	} {
		if diff := cmp.Diff(want, find(term)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", term, diff)
		}
	}
	var rows [][5]string
	if err := json.Unmarshal(files["search/d/0.json"], &rows); err != nil || len(rows) != 2 || rows[1][0] != "places/cn/henan/" {
		t.Errorf("doc shard: %v %v", rows, err)
	}
}
