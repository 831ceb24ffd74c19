package chart

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
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
		"chart.noscript.drawn":     "With JavaScript, the chart can hide series, show shares and be downloaded as an image; the table gives the same numbers.",
		"chart.noscript.drawn-one": "With JavaScript, the chart can be downloaded as an image; the table gives the same numbers.",
		"chart.series.label":       "Series shown",
		"chart.export.label":       "Download the chart as an image",
		"chart.export.png":         "PNG",
		"chart.export.svg":         "SVG",
		"chart.export.data":        "Its data",
		"chart.view.label":         "Show",
		"chart.view.count":         "counts",
		"chart.view.share":         "shares of each row",
		"chart.highlight.label":    "Highlight",
		"chart.highlight.none":     "no country",
		"chart.pairs.latam-places": "Latin American places",
		"chart.pairs.asia-places":  "Asian places",
		"chart.map.region":         "%[1]s: %[2]d",
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

// svgDoc is one of a bar chart's images, parsed.
type svgDoc struct {
	XMLName xml.Name  `xml:"svg"`
	ID      string    `xml:"id,attr"`
	Class   string    `xml:"class,attr"`
	ViewBox string    `xml:"viewBox,attr"`
	Label   string    `xml:"aria-label,attr"`
	Max     int       `xml:"data-max,attr"`
	X0      float64   `xml:"data-x0,attr"`
	Plot    float64   `xml:"data-plot,attr"`
	Texts   []svgText `xml:"text"`
	Rows    []svgRow  `xml:"g"`
}

type svgText struct {
	Class string `xml:"class,attr"`
	Text  string `xml:",chardata"`
}

type svgRow struct {
	Class string `xml:"class,attr"`
	Row   string `xml:"data-row,attr"`
	svgShapes
}

type svgShapes struct {
	Rects []struct {
		S     int     `xml:"data-s,attr"`
		V     int     `xml:"data-v,attr"`
		X     float64 `xml:"x,attr"`
		Width float64 `xml:"width,attr"`
		Fill  string  `xml:"fill,attr"`
		Dash  string  `xml:"stroke-dasharray,attr"`
	} `xml:"rect"`
	Texts []svgText `xml:"text"`
}

// images parses a bar chart's two images, wide and narrow.
func images(t *testing.T, c *Chart) []svgDoc {
	t.Helper()
	var out []svgDoc
	d := xml.NewDecoder(strings.NewReader(string(c.svg)))
	for {
		var doc svgDoc
		err := d.Decode(&doc)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the chart's SVG does not parse: %v\n%s", err, c.svg)
		}
		out = append(out, doc)
	}
	if len(out) != 2 {
		t.Fatalf("%d images, want 2 (wide and narrow)", len(out))
	}
	return out
}

// rows returns an image's rows, with their shapes (inside a link or not).
func rows(doc svgDoc) []svgRow {
	var out []svgRow
	for _, r := range doc.Rows {
		if !strings.HasPrefix(r.Class, "row") {
			continue
		}
		out = append(out, r)
	}
	return out
}

func TestBars(t *testing.T) {
	c, err := NewBars(bars())
	if err != nil {
		t.Fatal(err)
	}
	docs := images(t, c)
	for _, doc := range docs {
		var labels, dashes []string
		var values []int
		for _, r := range rows(doc) {
			for _, x := range r.Texts {
				if x.Class == "value" {
					labels = append(labels, x.Text)
				}
			}
			for _, b := range r.Rects {
				values = append(values, b.V)
				if b.Dash != "" {
					dashes = append(dashes, b.Fill)
				}
			}
		}
		// Row by row: Argentina's 2015 and 2021 bars, then Brazil's.
		if diff := cmp.Diff([]string{"17", "more than 40 →", "4 · 3.2%", "at least 15 →"}, labels); diff != "" {
			t.Errorf("%s: labels (-want +got):\n%s", doc.Class, diff)
		}
		if diff := cmp.Diff([]int{17, 40, 4, 15}, values); diff != "" {
			t.Errorf("%s: values (-want +got):\n%s", doc.Class, diff)
		}
		// Lower bounds are pale, with a dashed outline.
		if diff := cmp.Diff([]string{tint("#d55e00"), tint("#d55e00")}, dashes); diff != "" {
			t.Errorf("%s: lower bounds (-want +got):\n%s", doc.Class, diff)
		}
		if doc.Label != "A test chart." || doc.Max < 40 {
			t.Errorf("%s: label %q, axis maximum %d", doc.Class, doc.Label, doc.Max)
		}
		// Rows with a link are marked for the script, which follows it on
		// a click; an image holds no link of its own (axe: no
		// interactive control inside role="img").
		rs := rows(doc)
		if rs[0].Class != "row linked" || rs[1].Class != "row" {
			t.Errorf("%s: rows of class %q, %q, want Argentina's linked", doc.Class, rs[0].Class, rs[1].Class)
		}
		if strings.Contains(string(c.svg), "<a ") {
			t.Errorf("%s: a link inside the image", doc.Class)
		}
		var title []string
		for _, x := range doc.Texts {
			if x.Class == "title" || x.Class == "subtitle" {
				title = append(title, x.Text)
			}
		}
		if diff := cmp.Diff([]string{"Test", "Source: test"}, title); diff != "" {
			t.Errorf("%s: title and source line (-want +got):\n%s", doc.Class, diff)
		}
	}
	if docs[0].ID != "chart_test" || docs[1].ID != "chart_test_narrow" {
		t.Errorf("ids %q, %q", docs[0].ID, docs[1].ID)
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
	for _, doc := range images(t, c) {
		var totals []string
		for _, r := range rows(doc) {
			for _, x := range r.Texts {
				if x.Class == "total" {
					totals = append(totals, x.Text)
				}
			}
			// The segments follow one another from the plot's origin.
			end := doc.X0
			for _, s := range r.Rects {
				if d := s.X - end; d > 0.2 || d < -0.2 {
					t.Errorf("%s, row %s: segment %d starts at %v, want %v", doc.Class, r.Row, s.S, s.X, end)
				}
				end += s.Width
			}
		}
		// Each row's total, at its end.
		if diff := cmp.Diff([]string{"17", "7"}, totals); diff != "" {
			t.Errorf("%s: totals (-want +got):\n%s", doc.Class, diff)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, tt := range []struct{ max, n, want int }{
		{0, 5, 1}, {3, 5, 1}, {17, 5, 5}, {61, 5, 20}, {61, 3, 50}, {200, 5, 50}, {1000, 5, 200},
	} {
		if got := niceStep(tt.max, tt.n); got != tt.want {
			t.Errorf("niceStep(%d, %d) = %d, want %d", tt.max, tt.n, got, tt.want)
		}
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
	// The text survives, escaped: parsing the image gives it back.
	if got := images(t, c)[0].Texts[0].Text; got != evil {
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
		`<svg class="chart chart-svg chart-wide" id="chart_test" data-theme="css" viewBox="0 0 640 `,
		`<svg class="chart chart-svg chart-narrow" id="chart_test_narrow" data-theme="css" viewBox="0 0 340 `,
		`<script type="application/json" class="chart-data">{"series":["2015","2021"],`,
		`<label><input type="checkbox" checked data-s="1"> 2021</label>`,
		`<p class="chart-export" role="group" aria-label="Download the chart as an image">`,
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
		Series  []string          `json:"series"`
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
	if d.Option != nil || d.Bundle != "" || d.Map != nil || d.File != "atlas-test" || d.Stacked || d.Footer != credit.Footer || d.URL != credit.URL {
		t.Errorf("data block of a chart drawn at build time: option %v, bundle %q, map %v, file %q, stacked %v, footer %q, url %q", d.Option, d.Bundle, d.Map, d.File, d.Stacked, d.Footer, d.URL)
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
		ID: "chart_map", Title: "Map", Subtitle: "Source: test", Label: "A map.", File: "atlas-map",
		Bounds:    Bounds{West: -75, South: -55, East: -53, North: -21},
		ValueName: "Agreements",
		Regions: []Region{
			{Name: "Argentina", Label: "la Argentina", N: 24, Link: "/atlas/countries/argentina/#agreements"},
			{Name: "Chile", N: 0},
		},
		Classes: []int{1, 2, 5, 10},
		Text:    english{},
		Shapes: []Shape{
			{Name: "Argentina", Rings: [][][2]float64{{{-65, -22}, {-54, -26}, {-58, -38}, {-68, -55}, {-70, -40}, {-65, -22}}}},
			{Name: "Chile", Rings: [][][2]float64{{{-70, -18}, {-68, -22}, {-72, -52}, {-75, -50}, {-70, -18}}}},
			{Name: "Nowhere", Rings: [][][2]float64{{{-60, -30}, {-59, -30}, {-59, -31}, {-60, -30}}}},
		},
	}
	c, err := NewChoropleth(m)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys := []key{{"10 or more", shades[3]}, {"5–9", shades[2]}, {"2–4", shades[1]}, {"1", shades[0]}, {"none", zeroFill}}
	if diff := cmp.Diff(wantKeys, m.keys()); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
	svg := string(c.svg)
	if n := elements(t, []byte(svg)); n["path"] != 3 || n["title"] != 3 {
		t.Errorf("%d paths and %d titles, want one of each per shape", n["path"], n["title"])
	}
	// Each region in its class's shade, a class the stylesheet highlights
	// by, its name in the reader's language in its tooltip; only a region
	// with a link is followed on a click; a shape with no region is drawn
	// as none, under the map's own name.
	for _, want := range []string{
		`<path class="region s3 linked" data-name="Argentina" data-v="24" d="`,
		`fill="` + shades[3] + `" stroke="#ffffff" stroke-width="0.6"><title>la Argentina: 24</title></path>`,
		`<path class="region z" data-name="Chile" data-v="0" d="`,
		`fill="` + zeroFill + `" stroke="#ffffff" stroke-width="0.6"><title>Chile: 0</title></path>`,
		`<path class="region z" data-name="Nowhere" d="`,
		`<title>Nowhere</title>`,
		`<text class="title" x="0" y="20" font-size="19" font-weight="600" fill="#1b1f24">Map</text>`,
		`<text class="subtitle" x="0" y="44" fill="#4a5360">Source: test</text>`,
		`fill="` + shades[3] + `" stroke="#d5dae1" stroke-width="0.5"></rect><text x="25" y="`,
		`>10 or more</text>`,
		`role="img" aria-label="A map."`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the map lacks %s:\n%s", want, svg)
		}
	}
	if c.Class != "chart-latam" || c.Height != 0 || c.BoxHeight() != 720 {
		t.Errorf("Class %q, Height %d, BoxHeight %d; want chart-latam, 0 and 720 (the stylesheet shapes the box)", c.Class, c.Height, c.BoxHeight())
	}
	// The snippet is the image, and a data block with the links and no
	// chart library to load.
	h, err := c.HTML(Credit{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`"bundle"`, `"option"`, `"map"`, `class="chart "`} {
		if strings.Contains(string(h), bad) {
			t.Errorf("snippet has %s: a drawn map needs no ECharts:\n%s", bad, h)
		}
	}
	if !strings.Contains(string(h), `"links":{"Argentina":"/atlas/countries/argentina/#agreements"}`) {
		t.Errorf("snippet lacks the region's link:\n%s", h)
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

// TestFit checks that a map fills its box: a tall one from top to
// bottom, a wide one from side to side, centred the other way.
func TestFit(t *testing.T) {
	tests := []struct {
		b              Bounds
		x0, y0, x1, y1 float64 // where the bounds' corners land
	}{
		// 84° by 89°, longitude drawn 0.75 wide: 63 by 89 units in a
		// 576 by 656 box.
		{Bounds{West: -118, South: -56, East: -34, North: 33}, 55.8, 60, 520.2, 716},
		// 360° by 120°: 270 by 120 units.
		{Bounds{West: -180, South: -60, East: 180, North: 60}, 0, 260, 576, 516},
	}
	for _, tt := range tests {
		p := fit(tt.b, 0, 60, 576, 656)
		x0, y0 := p.xy(tt.b.West, tt.b.North)
		x1, y1 := p.xy(tt.b.East, tt.b.South)
		got := []string{f1(x0), f1(y0), f1(x1), f1(y1)}
		want := []string{f1(tt.x0), f1(tt.y0), f1(tt.x1), f1(tt.y1)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("fit(%v): corners (-want +got):\n%s", tt.b, diff)
		}
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

// TestHeightClasses checks that static/charts.css has a rule for every
// class HeightClass can give.
func TestHeightClasses(t *testing.T) {
	css, err := os.ReadFile("../../static/charts.css")
	if err != nil {
		t.Fatal(err)
	}
	for h := MinHeight; h <= MaxHeight; h += HeightStep {
		rule := fmt.Sprintf(".chart-h-%d { height: %dpx; }", h, h)
		if !strings.Contains(string(css), rule) {
			t.Errorf("static/charts.css lacks %q", rule)
		}
	}
}
