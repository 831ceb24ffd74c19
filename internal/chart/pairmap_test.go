package chart

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func pairMap() PairMap {
	return PairMap{
		ID: "chart_pairs", Title: "Pairs", Label: "A map of pairs.", File: "atlas-pairs",
		Map: MapSource{Name: "world", URL: "/static/vendor/world-atlas/world.geo.json"},
		Points: []Point{
			{Name: "Rosario, Argentina", Lat: -32.95, Lng: -60.65, N: 2, Link: "/places/ar/rosario/"},
			{Name: "Beijing, China", Lat: 39.9, Lng: 116.4, Group: "CN", N: 1, Link: "/places/cn/beijing/"},
			{Name: "Himeji, Japan", Lat: 34.8, Lng: 134.7, Group: "JP", N: 1, Link: "/places/jp/himeji/"},
		},
		Lines: []Line{
			{Name: "Rosario – Beijing", From: "Rosario, Argentina", To: "Beijing, China", Group: "CN", Partner: "CN", Kind: "sister-city", Link: "/agreements/a/"},
			{Name: "Rosario – Himeji", From: "Rosario, Argentina", To: "Himeji, Japan", Group: "JP", Partner: "JP", Kind: "friendship", Link: "/agreements/b/"},
		},
		Groups: []Group{{"CN", "China", "#d55e00"}, {"JP", "Japan", "#0072b2"}, {"KR", "South Korea", "#009e73"}},
		Text:   english{},
	}
}

func TestPacificLng(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{-60.65, 299.35}, // Rosario: east of Asia
		{-25.5, 334.5},
		{-25, -25},     // the cut itself stays
		{-17.4, -17.4}, // Dakar stays west of Asia
		{116.4, 116.4},
		{180, 180},
	} {
		if got := PacificLng(tt.in); got != tt.want {
			t.Errorf("PacificLng(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPairMap(t *testing.T) {
	c, err := NewPairMap(pairMap())
	if err != nil {
		t.Fatal(err)
	}
	o := option(t, c)
	var lines, points []map[string]any
	var legend []any
	for _, s := range o["series"].([]any) {
		s := s.(map[string]any)
		for _, d := range s["data"].([]any) {
			switch s["type"] {
			case "lines":
				lines = append(lines, d.(map[string]any))
			case "scatter":
				points = append(points, d.(map[string]any))
			}
		}
	}
	legend = o["legend"].(map[string]any)["data"].([]any)
	// South Korea has no line: no series, no legend entry.
	if diff := cmp.Diff([]any{"China", "Japan"}, legend); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
	wantLines := []map[string]any{
		{"name": "Rosario – Beijing", "coords": []any{[]any{299.35, -32.95}, []any{116.4, 39.9}},
			"partner": "CN", "kind": "sister-city", "ends": []any{"Rosario, Argentina", "Beijing, China"}},
		{"name": "Rosario – Himeji", "coords": []any{[]any{299.35, -32.95}, []any{134.7, 34.8}},
			"partner": "JP", "kind": "friendship", "ends": []any{"Rosario, Argentina", "Himeji, Japan"}},
	}
	if diff := cmp.Diff(wantLines, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if len(points) != 3 || points[0]["name"] != "Rosario, Argentina" || points[0]["itemStyle"].(map[string]any)["color"] != ink {
		t.Errorf("points = %v: want 3, the Latin American one in ink first", points)
	}
	if got := points[1]["itemStyle"].(map[string]any)["color"]; got != "#d55e00" {
		t.Errorf("Beijing's colour = %v, want China's", got)
	}
	geo := o["geo"].(map[string]any)
	if geo["map"] != "world" || geo["layoutSize"] != "156%" {
		t.Errorf("geo = %v", geo)
	}
	if c.Class != "chart-world" || c.Height != 0 || c.geo == nil || c.geo.Name != "world" {
		t.Errorf("Class %q, Height %d, map %v", c.Class, c.Height, c.geo)
	}
	// Clicks: points to places, lines to agreements.
	for name, want := range map[string]string{
		"Rosario, Argentina": "/places/ar/rosario/", "Rosario – Himeji": "/agreements/b/",
	} {
		if c.links[name] != want {
			t.Errorf("a click on %q leads to %q, want %q", name, c.links[name], want)
		}
	}
	h, err := c.HTML(Credit{})
	if err != nil {
		t.Fatal(err)
	}
	// The stylesheet gives the box its shape: no height class. The box
	// holds the map's static drawing, until the script draws it on demand.
	if !strings.Contains(string(h), `<div class="chart chart-world chart-static" id="chart_pairs" role="img" aria-label="A map of pairs."><svg class="chart-preview" viewBox="0 0 896 560" `) {
		t.Errorf("snippet's container:\n%s", h)
	}
	if !strings.Contains(string(h), `"demand":true`) {
		t.Errorf("the data block does not ask to be drawn on demand:\n%s", h)
	}
	testPreview(t, c, []string{"Pairs"})
}

// testPreview checks a chart's static drawing: well-formed SVG, hidden
// from assistive technology (the box describes the chart), with the
// chart's words.
func testPreview(t *testing.T, c *Chart, words []string) {
	t.Helper()
	n := elements(t, []byte(c.preview))
	if n["path"]+n["rect"] == 0 {
		t.Errorf("the preview draws nothing:\n%s", c.preview)
	}
	p := string(c.preview)
	if strings.Contains(p, "/>") {
		t.Errorf("the preview, in a page, has a self-closing element:\n%s", p)
	}
	if !strings.Contains(p, `aria-hidden="true"`) {
		t.Errorf("the preview is not hidden from assistive technology")
	}
	for _, w := range words {
		if !strings.Contains(p, ">"+w+"</text>") {
			t.Errorf("the preview lacks the text %q:\n%s", w, p)
		}
	}
}

func TestPairMapErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*PairMap)
		want string
	}{
		{"two points of one name", func(m *PairMap) { m.Points[2].Name = m.Points[1].Name }, `two points named "Beijing, China"`},
		{"a line named as a point", func(m *PairMap) { m.Lines[0].Name = "Himeji, Japan" }, `the name of another point`},
		{"an end that is no point", func(m *PairMap) { m.Lines[1].To = "Osaka, Japan" }, `an end is not a point`},
		{"a line of no group", func(m *PairMap) { m.Lines[1].Group = "TW" }, `unknown group "TW"`},
		{"a point of no group", func(m *PairMap) { m.Points[1].Group = "TW" }, `unknown group "TW"`},
		{"no map", func(m *PairMap) { m.Map = MapSource{} }, `no map name or GeoJSON URL`},
	} {
		m := pairMap()
		tt.edit(&m)
		if _, err := NewPairMap(m); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func timeline() Timeline {
	return Timeline{
		ID: "chart_timeline", Title: "Timeline", Label: "A timeline.", File: "atlas-timeline",
		ValueName: "Agreements",
		Years:     []string{"1984", "1985", "1986"},
		Series: []Series{
			{Name: "Japan", Color: "#0072b2", Values: []Value{{N: 2}, {N: 0}, {N: 1}}},
			{Name: "China", Color: "#d55e00", Values: []Value{{N: 1}, {N: 0}, {N: 3}}},
		},
		Markers: []Marker{
			{Name: "First with Japan", Year: "1984", Label: "Japan", Link: "/agreements/a/"},
			{Name: "First with China", Year: "1984", Label: "China", Link: "/agreements/b/"},
		},
		MarkerName: "First dated agreement",
		Unknown:    "Year unknown: 7 of 14",
		Text:       english{},
	}
}

func TestTimeline(t *testing.T) {
	c, err := NewTimeline(timeline())
	if err != nil {
		t.Fatal(err)
	}
	o := option(t, c)
	series := o["series"].([]any)
	if len(series) != 3 {
		t.Fatalf("%d series, want 2 stacked and the markers", len(series))
	}
	for i, want := range [][]any{{2.0, 0.0, 1.0}, {1.0, 0.0, 3.0}} {
		s := series[i].(map[string]any)
		if s["stack"] != "year" || s["type"] != "bar" {
			t.Errorf("series %d: %v, want stacked bars", i, s)
		}
		if diff := cmp.Diff(want, s["data"]); diff != "" {
			t.Errorf("series %d data (-want +got):\n%s", i, diff)
		}
	}
	// Two markers of one year: above the column (3), the second higher.
	var ys []any
	for _, d := range series[2].(map[string]any)["data"].([]any) {
		ys = append(ys, d.(map[string]any)["value"])
	}
	if diff := cmp.Diff([]any{[]any{"1984", 3.6}, []any{"1984", 4.5}}, ys); diff != "" {
		t.Errorf("markers (-want +got):\n%s", diff)
	}
	// The undated agreements are written on the chart itself.
	titles := o["title"].([]any)
	if len(titles) != 2 || titles[1].(map[string]any)["text"] != "Year unknown: 7 of 14" {
		t.Errorf("titles = %v, want the chart's and the note", titles)
	}
	if c.links["First with China"] != "/agreements/b/" {
		t.Errorf("links = %v", c.links)
	}
	if diff := cmp.Diff([]any{"Japan", "China", "First dated agreement"}, o["legend"].(map[string]any)["data"]); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
	// The static drawing: the words, a rect per non-zero value (four)
	// and per series in the legend (two), a diamond per marker and one in
	// the legend.
	testPreview(t, c, []string{"Timeline", "Year unknown: 7 of 14", "Japan", "China", "First dated agreement", "1984", "1986"})
	if n := elements(t, []byte(c.preview)); n["rect"] != 6 || n["path"] != 3 {
		t.Errorf("the preview has %d rects and %d paths, want 6 and 3:\n%s", n["rect"], n["path"], c.preview)
	}

	for _, tt := range []struct {
		name string
		edit func(*Timeline)
		want string
	}{
		{"a marker off the axis", func(tl *Timeline) { tl.Markers[0].Year = "1990" }, `year "1990" is not on the axis`},
		{"a marker named as a year", func(tl *Timeline) { tl.Markers[0].Name = "1985" }, `its name is taken`},
		{"two markers of one name", func(tl *Timeline) { tl.Markers[1].Name = tl.Markers[0].Name }, `its name is taken`},
		{"a short series", func(tl *Timeline) { tl.Series[1].Values = tl.Series[1].Values[:2] }, `has 2 values for 3 years`},
		{"a bound", func(tl *Timeline) { tl.Series[0].Values[0].Bound = AtLeast }, `cannot be stacked`},
	} {
		tl := timeline()
		tt.edit(&tl)
		if _, err := NewTimeline(tl); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", tt.name, err, tt.want)
		}
	}
}
