package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// elements parses an SVG document and counts its elements by name,
// failing on anything that is not well-formed XML.
func elements(t *testing.T, svg []byte) map[string]int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	n := map[string]int{}
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("thumbnail is not well-formed: %v\n%s", err, svg)
		}
		if s, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = s.Name.Space + " " + s.Name.Local
			}
			n[s.Name.Local]++
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("root element %q, want an SVG document", root)
	}
	return n
}

func TestThumbnails(t *testing.T) {
	b, _ := NewBars(bars())
	stacked := bars()
	for i := range stacked.Series {
		for j := range stacked.Series[i].Values {
			stacked.Series[i].Values[j].Bound = Exact
		}
	}
	stacked.Stacked = true
	s, err := NewBars(stacked)
	if err != nil {
		t.Fatal(err)
	}
	tl, _ := NewTimeline(timeline())
	pm := pairMap()
	pm.Basemap = []Shape{
		{Name: "Argentina", Rings: [][][2]float64{{{300, -22}, {306, -35}, {292, -55}, {290, -30}, {300, -22}}}},
		{Name: "China", Rings: [][][2]float64{{{75, 40}, {120, 53}, {122, 22}, {98, 21}, {75, 40}}}},
	}
	p, _ := NewPairMap(pm)
	bare, _ := NewPairMap(pairMap())
	for _, tt := range []struct {
		name string
		c    *Chart
		want map[string]int
	}{
		// The background and one bar per value (grouped) or non-empty
		// segment (stacked).
		{"bars", b, map[string]int{"svg": 1, "rect": 5}},
		{"stacked bars", s, map[string]int{"svg": 1, "rect": 5}},
		// The background, a segment per non-empty value, a diamond per
		// marker.
		{"timeline", tl, map[string]int{"svg": 1, "rect": 5, "path": 2}},
		// The land, one path of curves per colour with a line, one of
		// squares per colour with a point.
		{"pair map", p, map[string]int{"svg": 1, "rect": 1, "path": 1 + 2 + 3}},
		{"pair map without a basemap", bare, map[string]int{"svg": 1, "rect": 1}},
	} {
		got := elements(t, tt.c.Thumbnail())
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: elements (-want +got):\n%s", tt.name, diff)
		}
	}
	// Deterministic, and free of text: the list names each chart.
	p2, _ := NewPairMap(pm)
	if !bytes.Equal(p.Thumbnail(), p2.Thumbnail()) {
		t.Error("two thumbnails of one map differ")
	}
	if bytes.Contains(p.Thumbnail(), []byte("<text")) {
		t.Error("a thumbnail carries text")
	}
	// Points land where the chart puts them: Rosario east of Beijing.
	if !strings.Contains(string(p.Thumbnail()), `fill="#1b1f24"`) {
		t.Errorf("no Latin American points in ink:\n%s", p.Thumbnail())
	}
}

func TestChoroplethThumbnail(t *testing.T) {
	m := Choropleth{
		ID: "chart_map", Title: "Map", Label: "A map.", File: "atlas-map",
		Bounds:  Bounds{West: -75, South: -55, East: -53, North: -21},
		Regions: []Region{{Name: "Argentina", N: 24}, {Name: "Chile"}},
		Classes: []int{1, 2, 5, 10},
		Text:    english{},
		Shapes: []Shape{
			{Name: "Argentina", Rings: [][][2]float64{{{-65, -22}, {-54, -26}, {-58, -38}, {-68, -55}, {-70, -40}, {-65, -22}}}},
			{Name: "Chile", Rings: [][][2]float64{{{-70, -18}, {-68, -22}, {-72, -52}, {-75, -50}, {-70, -18}}}},
		},
	}
	c, err := NewChoropleth(m)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(c.Thumbnail())
	if n := elements(t, c.Thumbnail()); n["path"] != 2 {
		t.Errorf("%d paths, want one per region", n["path"])
	}
	// Argentina in its class's shade, Chile in zero's.
	for _, want := range []string{`fill="` + shades[3] + `"`, `fill="` + zeroFill + `"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("thumbnail lacks %s:\n%s", want, svg)
		}
	}
}

func TestParseShapes(t *testing.T) {
	got, err := ParseShapes([]byte(`{"type":"FeatureCollection","features":[
		{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
		{"type":"Feature","properties":{"name":"B"},"geometry":{"type":"MultiPolygon","coordinates":[[[[2,2],[3,2],[3,3],[2,2]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Shape{
		{Name: "A", Rings: [][][2]float64{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}},
		{Name: "B", Rings: [][][2]float64{{{2, 2}, {3, 2}, {3, 3}, {2, 2}}, {{5, 5}, {6, 5}, {6, 6}, {5, 5}}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseShapes (-want +got):\n%s", diff)
	}
	if _, err := ParseShapes([]byte(`{"features":[{"properties":{"name":"P"},"geometry":{"type":"Point","coordinates":[0,0]}}]}`)); err == nil || !strings.Contains(err.Error(), `geometry "Point"`) {
		t.Errorf("a point: error = %v", err)
	}
}
