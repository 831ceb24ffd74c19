package chart

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestID(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"table-1", "partners"}, "chart_table_1_partners"},
		{[]string{"country", "AR", "partners"}, "chart_country_ar_partners"},
		{[]string{"Saint Vincent & the Grenadines"}, "chart_saint_vincent_the_grenadines"},
		{[]string{"--x--", "", "Ñandú 2021"}, "chart_x_and_2021"},
		{[]string{"</script>"}, "chart_script"},
		{nil, "chart_"},
	}
	for _, tt := range tests {
		got := ID(tt.parts...)
		if got != tt.want {
			t.Errorf("ID(%q) = %q, want %q", tt.parts, got, tt.want)
		}
		if err := checkID(got); err != nil {
			t.Errorf("ID(%q) = %q: %v", tt.parts, got, err)
		}
	}
}

// english is the chart's words as templates/messages/en.yaml has them.
type english struct{}

func (english) Sprintf(key string, args ...any) string {
	return fmt.Sprintf(map[string]string{
		"chart.noscript":           "The chart needs JavaScript; the table gives the same numbers.",
		"chart.at-least":           "at least %[1]s →",
		"chart.more-than":          "more than %[1]s →",
		"chart.class.or-more":      "%[1]d or more",
		"chart.class.none":         "none",
		"chart.pairs.latam-places": "Latin American places",
		"chart.pairs.asia-places":  "Asian places",
	}[key], args...)
}

func bars() Bars {
	return Bars{
		ID: "chart_test", Title: "Test", Subtitle: "Source: test", Label: "A test chart.", File: "atlas-test",
		ValueName:  "Agreements",
		Categories: []string{"Argentina", "Brazil"},
		Links:      []string{"/countries/argentina/#agreements", ""},
		Series: []Series{
			{Name: "2015", Color: "#0072b2", Values: []Value{{N: 17}, {N: 4, Text: "4 · 3.2%"}}},
			{Name: "2021", Color: "#d55e00", Values: []Value{{N: 40, Bound: MoreThan}, {N: 15, Bound: AtLeast}}},
		},
		Text: english{},
	}
}

// option decodes a chart's option, or its base option when it has media
// rules.
func option(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(c.option, &m); err != nil {
		t.Fatal(err)
	}
	if b, ok := m["baseOption"].(map[string]any); ok {
		return b
	}
	return m
}

func TestBarsMedia(t *testing.T) {
	five := []Series{}
	for _, name := range []string{"Japan", "Korea", "China", "Taiwan", "Other"} {
		five = append(five, Series{Name: name, Values: []Value{{N: 1}, {N: 2}}})
	}
	tests := []struct {
		name   string
		series []Series
		want   any
	}{
		// With a legend that may wrap on a phone, the plot starts lower
		// there.
		{"long legend", five, []any{map[string]any{
			"query":  map[string]any{"maxWidth": float64(narrow)},
			"option": map[string]any{"grid": []any{map[string]any{"top": float64(titleHeight + 2*legendHeight - 4)}}},
		}}},
		{"short legend", bars().Series, nil},
		{"no legend", bars().Series[:1], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bars()
			b.Series = tt.series
			c, err := NewBars(b)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(c.option, &m); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, m["media"]); diff != "" {
				t.Errorf("media (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBars(t *testing.T) {
	c, err := NewBars(bars())
	if err != nil {
		t.Fatal(err)
	}
	o := option(t, c)
	var labels []string
	var borders []any
	for _, s := range o["series"].([]any) {
		for _, d := range s.(map[string]any)["data"].([]any) {
			d := d.(map[string]any)
			labels = append(labels, d["label"].(map[string]any)["formatter"].(string))
			if is, ok := d["itemStyle"].(map[string]any); ok {
				borders = append(borders, is["borderType"])
			}
		}
	}
	if diff := cmp.Diff([]string{"17", "4 · 3.2%", "more than 40 →", "at least 15 →"}, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{"dashed", "dashed"}, borders); diff != "" {
		t.Errorf("lower bounds' borders (-want +got):\n%s", diff)
	}
	want := map[string]any{
		"aria":  map[string]any{"enabled": true, "label": map[string]any{"enabled": true, "description": "A test chart."}},
		"yAxis": []any{map[string]any{"type": "category", "inverse": true, "data": []any{"Argentina", "Brazil"}, "axisLabel": map[string]any{"interval": "0", "width": float64(catLabelMax), "overflow": "break", "showMinLabel": nil, "showMaxLabel": nil}}},
	}
	got := map[string]any{"aria": o["aria"], "yAxis": o["yAxis"]}
	if _, ok := o["toolbox"]; ok {
		t.Error("the option has a toolbox; the page's export control replaces it")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("option (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"Argentina": "/countries/argentina/#agreements"}, c.links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
}

func TestBarsStacked(t *testing.T) {
	b := bars()
	b.Stacked = true
	b.Series[1].Values = []Value{{N: 0}, {N: 3}}
	c, err := NewBars(b)
	if err != nil {
		t.Fatal(err)
	}
	// The total is printed at the end of each row's last non-empty segment.
	var labels [][]string
	for _, s := range option(t, c)["series"].([]any) {
		s := s.(map[string]any)
		if s["stack"] != "total" {
			t.Errorf("series %v: stack = %v, want total", s["name"], s["stack"])
		}
		var row []string
		for _, d := range s["data"].([]any) {
			l, _ := d.(map[string]any)["label"].(map[string]any)
			f, _ := l["formatter"].(string)
			row = append(row, f)
		}
		labels = append(labels, row)
	}
	if diff := cmp.Diff([][]string{{"17", ""}, {"", "7"}}, labels); diff != "" {
		t.Errorf("labels by series (-want +got):\n%s", diff)
	}
}

func TestBarsErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Bars)
		want string
	}{
		{"bad id", func(b *Bars) { b.ID = "chart-1" }, `chart id "chart-1"`},
		{"short series", func(b *Bars) { b.Series[0].Values = b.Series[0].Values[:1] }, `series "2015" has 1 values for 2 categories`},
		{"links", func(b *Bars) { b.Links = b.Links[:1] }, "1 links for 2 categories"},
		{"stacked bound", func(b *Bars) { b.Stacked = true }, "a lower bound cannot be stacked"},
		{"empty", func(b *Bars) { b.Series = nil }, "no categories or no series"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bars()
			tt.edit(&b)
			_, err := NewBars(b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestEscaping checks that chart text cannot end the script or the
// attribute it is placed in.
func TestEscaping(t *testing.T) {
	evil := `</script><script>alert(1)</script> & "quotes" <!--`
	b := bars()
	b.Title, b.Subtitle, b.Label, b.File = evil, evil, evil, evil
	b.Categories[0] = evil
	b.Links[0] = `"></div></script><script>alert(2)</script>`
	c, err := NewBars(b)
	if err != nil {
		t.Fatal(err)
	}
	h, err := c.HTML(Credit{Footer: evil, URL: evil, Data: evil})
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	if n := strings.Count(s, "</script>"); n != 1 {
		t.Errorf("%d </script> in the snippet, want 1 (its own end):\n%s", n, s)
	}
	if n := strings.Count(s, "<script"); n != 1 {
		t.Errorf("%d <script in the snippet, want 1 (the data block):\n%s", n, s)
	}
	if strings.Contains(s, "<!--") {
		t.Errorf("snippet contains <!--:\n%s", s)
	}
	// The text survives, escaped: decoding the option gives it back.
	o := option(t, c)
	if got := o["title"].(map[string]any)["text"]; got != evil {
		t.Errorf("title = %q, want %q", got, evil)
	}
	if !strings.Contains(s, `aria-label="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34; &lt;!--"`) {
		t.Errorf("aria-label not escaped:\n%s", s)
	}
}

func TestHTML(t *testing.T) {
	c, err := NewBars(bars())
	if err != nil {
		t.Fatal(err)
	}
	credit := Credit{Footer: "Licence: CC BY 4.0. /charts/test/", URL: "/charts/test/", Data: "/charts/test/atlas-test"}
	h, err := c.HTML(credit)
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	for _, want := range []string{
		`<div class="chart chart-h-`,
		`" id="chart_test" role="img" aria-label="A test chart."></div>`,
		`<script type="application/json" class="chart-data">{"option":`,
		`data-chart-export="png"`,
		`data-chart-export="svg"`,
		`<a href="/charts/test/atlas-test.csv">CSV</a>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("snippet lacks %q:\n%s", want, s)
		}
	}
	for _, bad := range []string{"style=", "<script>", "onclick"} {
		if strings.Contains(s, bad) {
			t.Errorf("snippet has %q, which the Content-Security-Policy refuses:\n%s", bad, s)
		}
	}
	// The data block is the JSON the page's script reads.
	block := s[strings.Index(s, `class="chart-data">`)+len(`class="chart-data">`) : strings.Index(s, "</script>")]
	var d struct {
		Option  map[string]any    `json:"option"`
		Bundle  string            `json:"bundle"`
		Links   map[string]string `json:"links"`
		Map     *MapSource        `json:"map"`
		File    string            `json:"file"`
		Stacked bool              `json:"stacked"`
		Footer  string            `json:"footer"`
		URL     string            `json:"url"`
	}
	if err := json.Unmarshal([]byte(block), &d); err != nil {
		t.Fatalf("data block: %v\n%s", err, block)
	}
	if d.Bundle != BundleBars || d.Map != nil || d.File != "atlas-test" || d.Stacked || d.Footer != credit.Footer || d.URL != credit.URL {
		t.Errorf("data block: bundle %q, map %v, file %q, stacked %v, footer %q, url %q", d.Bundle, d.Map, d.File, d.Stacked, d.Footer, d.URL)
	}
	if diff := cmp.Diff(map[string]string{"Argentina": "/countries/argentina/#agreements"}, d.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	// Deterministic: the same input gives the same bytes.
	c2, _ := NewBars(bars())
	h2, _ := c2.HTML(credit)
	if h != h2 {
		t.Error("two renderings of the same chart differ")
	}
}

func TestHeightClass(t *testing.T) {
	for _, tt := range []struct {
		h    int
		want string
	}{{0, "chart-h-120"}, {121, "chart-h-140"}, {140, "chart-h-140"}, {684, "chart-h-700"}, {5000, "chart-h-1600"}} {
		if got := (&Chart{Height: tt.h}).HeightClass(); got != tt.want {
			t.Errorf("height %d: class %q, want %q", tt.h, got, tt.want)
		}
	}
}

func TestChoropleth(t *testing.T) {
	m := Choropleth{
		ID: "chart_map", Title: "Map", Label: "A map.", File: "atlas-map",
		Map:       MapSource{Name: "latam", URL: "/atlas/static/vendor/world-atlas/latam.geo.json"},
		Bounds:    Bounds{West: -118, South: -56, East: -34, North: 33},
		ValueName: "Agreements",
		Regions:   []Region{{"Argentina", 24, "/atlas/countries/argentina/#agreements"}, {"Bolivia", 0, ""}},
		Classes:   []int{1, 2, 5, 10},
		Text:      english{},
	}
	c, err := NewChoropleth(m)
	if err != nil {
		t.Fatal(err)
	}
	o := option(t, c)
	wantPieces := []any{
		map[string]any{"gte": float64(10), "label": "10 or more", "color": shades[3]},
		map[string]any{"gte": float64(5), "lte": float64(9), "label": "5–9", "color": shades[2]},
		map[string]any{"gte": float64(2), "lte": float64(4), "label": "2–4", "color": shades[1]},
		map[string]any{"gte": float64(1), "lte": float64(1), "label": "1", "color": shades[0]},
		map[string]any{"value": float64(0), "label": "none", "color": zeroFill},
	}
	vm := o["visualMap"].([]any)[0].(map[string]any)
	if diff := cmp.Diff(wantPieces, vm["pieces"]); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}
	s := o["series"].([]any)[0].(map[string]any)
	if s["type"] != "map" || s["map"] != "latam" {
		t.Errorf("series type %v, map %v; want map, latam", s["type"], s["map"])
	}
	// 84° by 89°, longitude drawn 0.75 wide: a tall map in a 4:5 box, as
	// high as the box allows (88%), its height 110% of the box's width,
	// at the bottom of the box below the title.
	place := map[string]any{"layoutCenter": s["layoutCenter"], "layoutSize": s["layoutSize"]}
	if diff := cmp.Diff(map[string]any{"layoutCenter": []any{"50%", "55%"}, "layoutSize": "110%"}, place); diff != "" {
		t.Errorf("map placement (-want +got):\n%s", diff)
	}
	var whole map[string]any
	if err := json.Unmarshal(c.option, &whole); err != nil {
		t.Fatal(err)
	}
	if whole["media"] != nil {
		t.Errorf("media = %v, want none: the box keeps its shape at every width", whole["media"])
	}
	if c.Class != "chart-latam" || c.Height != 0 {
		t.Errorf("Class %q, Height %d; want chart-latam and 0 (the stylesheet shapes the box)", c.Class, c.Height)
	}
	// A highlighted region takes the next darker shade of its own class;
	// zero a darker grey; both with a dark outline.
	data := s["data"].([]any)
	for i, want := range []string{shades[4], zeroHigh} {
		e := data[i].(map[string]any)["emphasis"].(map[string]any)["itemStyle"].(map[string]any)
		if e["areaColor"] != want || e["borderColor"] != ink {
			t.Errorf("region %d: emphasis %v, want areaColor %s with a %s border", i, e, want, ink)
		}
	}
	// A wide map (360° by 120°) is as wide as the box allows instead.
	wide := m
	wide.Bounds = Bounds{West: -180, South: -60, East: 180, North: 60}
	if diff := cmp.Diff(map[string]any{"layoutCenter": []any{"50%", "81.6%"}, "layoutSize": "98%"}, wide.layout()); diff != "" {
		t.Errorf("wide map placement (-want +got):\n%s", diff)
	}
	h, err := c.HTML(Credit{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(h), `"map":{"name":"latam","url":"/atlas/static/vendor/world-atlas/latam.geo.json"}`) {
		t.Errorf("snippet does not name the map:\n%s", h)
	}
	if !strings.Contains(string(h), `"bundle":"full"`) {
		t.Errorf("a map chart does not ask for the full bundle:\n%s", h)
	}

	b := m.Bounds
	m.Bounds = Bounds{}
	if _, err := NewChoropleth(m); err == nil || !strings.Contains(err.Error(), "want east of west") {
		t.Errorf("no bounds: error = %v", err)
	}
	m.Bounds = b
	m.Classes = []int{0, 5}
	if _, err := NewChoropleth(m); err == nil || !strings.Contains(err.Error(), "ascending lower bounds from 1") {
		t.Errorf("classes from 0: error = %v", err)
	}
}

func TestTint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"#000000", "#999999"},
		{"#ffffff", "#ffffff"},
		{"#0072b2", "#99c6e0"},
		{"red", "red"},
	}
	for _, tt := range tests {
		if got := tint(tt.in); got != tt.want {
			t.Errorf("tint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
