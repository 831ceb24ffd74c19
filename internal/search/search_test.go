package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
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
	find := func(term string) []int {
		var s shard
		if err := json.Unmarshal(files[shardFile(ShardKey(term))], &s); err != nil {
			t.Fatalf("%s: %v", term, err)
		}
		return s[term]
	}
	for term, want := range map[string][]int{
		"bio":    {0<<3 | inTitle},
		"biobio": {0<<3 | inTitle},
		"hubei":  {0<<3 | inText},
		"河南":     {1<<3 | inTitle},
		"henan":  {1<<3 | inTitle},
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

// TestSplitShard builds an index whose "in" shard is too large, and finds
// its terms through the split shards with Lookup, as the browser does.
func TestSplitShard(t *testing.T) {
	var docs []Doc
	for i := range 3000 {
		docs = append(docs, Doc{Path: fmt.Sprintf("d/%d/", i), Title: fmt.Sprintf("India %d", i), Meta: "Indonesia", Text: "in it"})
	}
	docs = append(docs, Doc{Path: "inca/", Title: "Inca"})
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{shardFile("in"), shardFile("ind"), shardFile("inc")} {
		if files[name] == nil {
			t.Errorf("no shard %s", name)
		}
	}
	for name, b := range files {
		if strings.HasPrefix(name, "search/t/") && len(b) > SplitAt*2 {
			t.Errorf("%s: %d bytes", name, len(b))
		}
	}
	fetch := func(name string) ([]byte, error) {
		if b, ok := files[name]; ok {
			return b, nil
		}
		return nil, fmt.Errorf("%s: 404", name)
	}
	for q, want := range map[string]int{"india": 3000, "12 indonesia": 1, "indonesia 12": 111, "inc": 1, "in": 3000, "india 2999": 1} {
		rs, total, err := Lookup(fetch, q, 5)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if total != want {
			t.Errorf("%q: %d results, want %d (%v)", q, total, want, rs)
		}
	}
}

// TestFoldConcurrent folds from many goroutines at once; run with -race,
// a shared transformer fails here (it once panicked in the preview).
func TestFoldConcurrent(t *testing.T) {
	const want = "bio-bio 河南 sao paulo"
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := Fold("Bío-Bío 河南 São Paulo"); got != want {
					t.Errorf("Fold = %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
