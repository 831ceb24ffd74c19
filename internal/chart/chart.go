// Package chart turns figures into chart snippets that the atlas's
// templates place in a page. No snippet holds code, so that pages keep a
// Content-Security-Policy of script-src 'self' and style-src 'self'; the
// page loads the site's own static/js/charts.js.
//
// Bar charts (NewBars) are drawn here, at build time, as SVG (see
// svg.go): the page can be read, and a bar followed to its records,
// before any script runs, and the script adds the controls and loads no
// chart library. Maps (NewChoropleth) and other charts are drawn in the
// browser by ECharts, from an option that go-echarts builds; this package
// is the only importer of go-echarts. It fills in the few fields
// go-echarts' types lack, then writes the snippet itself instead of using
// go-echarts' own templates, for three reasons:
//
//   - Chart ids are derived from the data (see ID), never random, so that
//     two builds of the same input are identical.
//   - The option reaches the page through encoding/json, which escapes <,
//     > and &: chart text such as a title containing "</script>" cannot
//     end the data block early.
//   - go-echarts' templates write inline scripts.
//
// # The snippet
//
// A bar chart's two SVG images (wide and narrow), or a container with
// class "chart" and a height class (see HeightClass), carry the derived id,
// role="img" and an aria-label describing the chart; the same data is
// always in a table beside it. Without scripting a container is not
// displayed (static/noscript.css), so that such a page has no empty box. The
// JSON data block names the bundle the chart needs (BundleFull, or none),
// the ECharts option, the links a click on a bar or region follows, the
// map to register, the name of exported images and their footer (see
// Credit). The script turns animation off when the reader prefers reduced
// motion, follows the stylesheet's colours (and so its dark scheme), keeps
// a stacked chart's totals right when series are hidden, keeps the view
// in the URL, exports PNG and SVG images, and sets data-rendered="true"
// on each chart image once it is drawn, so that a browser test can wait
// for it.
//
// # Inputs
//
// The package also owns what charts are drawn from that is not a count:
// a stats.Dataset's columns become series and its rows categories
// (DatasetSeries, DatasetCategories), and a GeoJSON map gives a
// choropleth its region names and extent (ParseGeoJSON). The chart's own
// words come from a Text, by message key.
package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// Text gives a chart its own words in the reader's language (the save
// button, the note without JavaScript, the wording of lower bounds and of
// the map's classes); messages.Table implements it. This package names
// only message keys (chart.*).
type Text interface {
	Sprintf(key string, args ...any) string
}

// Chart is a chart ready to be placed in a page.
type Chart struct {
	ID     string // letters, digits and _: also a JavaScript-safe name
	Label  string // accessible description of what the chart shows
	Height int    // CSS pixels; 0 for a chart whose Class gives the box its shape (a map)
	Class  string // a CSS class of the box besides "chart", or ""

	option     []byte            // the ECharts option as HTML-safe JSON
	links      map[string]string // category or region name -> URL
	geo        *MapSource        // the map to register first, or nil
	file       string            // saved images' file name, without extension
	thumb      []byte            // the static thumbnail, SVG
	text       Text
	bundle     string        // BundleFull, or "" for none (a chart drawn at build time)
	svg        template.HTML // the chart drawn at build time (see svg.go), or ""
	preview    template.HTML // a chart ECharts draws: its static drawing until then (see preview.go), or ""
	series     []string      // the series' names, for the controls of a drawn chart
	stacked    bool          // a stacked bar chart: the script keeps the totals right
	categories []string      // a bar chart's, top to bottom
}

// MapSource is a GeoJSON map that a map chart registers with
// echarts.registerMap before it draws.
type MapSource struct {
	Name string `json:"name"` // the name the map is registered and referred to by
	URL  string `json:"url"`  // where the page fetches the GeoJSON, under the site's base
}

// Bound says whether a published number is exact or a lower bound.
type Bound int

// Bounds of a value.
const (
	Exact    Bound = iota
	AtLeast        // "at least N": N or more
	MoreThan       // "more than N": above N
)

// Value is one number of a series.
type Value struct {
	N     int
	Bound Bound
	// Text replaces the number in the bar's label, as in "60 · 47.6%".
	Text string
}

// label is the text printed beside a bar: lower bounds say so in words,
// with an arrow pointing the way the true count lies.
func (v Value) label(text Text) string {
	s := v.Text
	if s == "" {
		s = fmt.Sprint(v.N)
	}
	switch v.Bound {
	case AtLeast:
		return text.Sprintf("chart.at-least", s)
	case MoreThan:
		return text.Sprintf("chart.more-than", s)
	}
	return s
}

var (
	idRE      = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	nonWordRE = regexp.MustCompile(`[^a-z0-9]+`)
)

// ID derives a chart id from the names of what the chart shows:
// ID("country", "AR", "partners") is "chart_country_ar_partners". Runs of
// anything but ASCII letters and digits become one underscore, so the id
// is a valid HTML id and JavaScript name.
func ID(parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.Trim(nonWordRE.ReplaceAllString(strings.ToLower(p), "_"), "_")
		if p != "" {
			out = append(out, p)
		}
	}
	return "chart_" + strings.Join(out, "_")
}

func checkID(id string) error {
	if !idRE.MatchString(id) {
		return fmt.Errorf("chart id %q: want letters, digits and _ only, not starting with a digit", id)
	}
	return nil
}

// marshal encodes an option as JSON, escaping <, > and & (as
// encoding/json always does) and then merging extra, which holds fields
// that go-echarts' types lack, into it.
func marshal(id string, option any, extra map[string]any) ([]byte, error) {
	b, err := json.Marshal(option)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	// go-echarts always writes a toolbox, empty; the page has its own
	// export control, and the bundles no toolbox.
	if t, ok := m["toolbox"].(map[string]any); ok && len(t) == 0 {
		delete(m, "toolbox")
	}
	media := extra["media"]
	delete(extra, "media")
	merge(m, extra)
	if media != nil {
		// Media queries need the option split into a base and its rules.
		m = map[string]any{"baseOption": m, "media": media}
	}
	b, err = json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	// go-echarts marks JavaScript functions with __f__ and strips the marks
	// in its own templates; here they would reach the page as strings.
	if bytes.Contains(b, []byte("__f__")) {
		return nil, fmt.Errorf("chart %s: the option holds a JavaScript function, which the atlas does not use", id)
	}
	return b, nil
}

// merge copies src into dst: maps are merged key by key, lists element by
// element, anything else replaces what dst had.
func merge(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = mergeValue(dst[k], v)
	}
}

func mergeValue(dst, src any) any {
	switch s := src.(type) {
	case map[string]any:
		if d, ok := dst.(map[string]any); ok {
			merge(d, s)
			return d
		}
	case []any:
		if d, ok := dst.([]any); ok {
			for i, v := range s {
				if i < len(d) {
					d[i] = mergeValue(d[i], v)
				} else {
					d = append(d, v)
				}
			}
			return d
		}
	}
	return src
}

// Credit is what a chart's exports carry besides the chart itself, and
// what its embed and its page link to; the site fills it in.
type Credit struct {
	// Footer is printed under an exported image: the licence and the
	// chart page's URL (site-relative when the base URL has no host; the
	// page's script then makes it absolute).
	Footer string
	URL    string // the chart page, as in Footer
	// Data is the URL of the chart's data downloads without the
	// extension (".csv", ".json" are added), or "" when it has none.
	Data string
}

// BundleFull names the ECharts bundle (see
// static/vendor/echarts/README.md) that a chart drawn in the browser
// needs. Bar charts are drawn at build time and need none; the page's
// chart script loads the bundle only for the others.
const BundleFull = "full"

// HeightStep is the step of the chart heights that static/charts.css
// gives a class to (chart-h-N, for N from MinHeight to MaxHeight): a
// chart's box keeps its place before it draws, with no inline style.
const (
	HeightStep = 20
	MinHeight  = 120
	MaxHeight  = 1600
)

// HeightClass is the class that gives the chart's box its height: the
// chart's height rounded up to a HeightStep, within MinHeight and
// MaxHeight.
func (c *Chart) HeightClass() string {
	h := (c.Height + HeightStep - 1) / HeightStep * HeightStep
	h = min(max(h, MinHeight), MaxHeight)
	return fmt.Sprintf("chart-h-%d", h)
}

// BoxClass is the class that shapes the chart's box: Class for a chart
// without a Height (a map, which the stylesheet gives its aspect),
// HeightClass otherwise.
func (c *Chart) BoxClass() string {
	if c.Height == 0 && c.Class != "" {
		return c.Class
	}
	return c.HeightClass()
}

// classHeights are the heights, in CSS pixels, of the boxes that a Class
// shapes (static/atlas.css), at the widest a page gives a chart (56rem).
var classHeights = map[string]int{"chart-latam": 720, "chart-world": 560}

// BoxHeight is the chart's height in CSS pixels, as an iframe that shows
// it needs: Height, or the height of the box its Class shapes.
func (c *Chart) BoxHeight() int {
	if c.Height == 0 {
		return classHeights[c.Class]
	}
	return c.Height
}

// data is what the page's chart script reads from the chart's JSON data
// block: the option and what the script does around it.
type data struct {
	Option  json.RawMessage   `json:"option,omitempty"`
	Bundle  string            `json:"bundle,omitempty"`
	Series  []string          `json:"series,omitempty"`
	Links   map[string]string `json:"links,omitempty"`
	Map     *MapSource        `json:"map,omitempty"`
	File    string            `json:"file"`
	Stacked bool              `json:"stacked,omitempty"`
	// Demand says that the chart has a preview: the script loads the
	// bundle when the reader reaches for the chart, not when it comes on
	// screen.
	Demand bool   `json:"demand,omitempty"`
	Footer string `json:"footer,omitempty"`
	URL    string `json:"url,omitempty"`
}

// HTML returns the chart's snippet: the chart's box (which
// static/noscript.css hides when the page has no scripting, so that a page
// without JavaScript keeps no empty box), its option as a JSON data block, which no browser runs,
// its controls, and a note for readers without JavaScript. The page
// loads static/charts.js, which draws every such chart when it comes on
// screen.
func (c *Chart) HTML(credit Credit) (template.HTML, error) {
	bundle, option := c.bundle, json.RawMessage(c.option)
	if c.svg == "" && bundle == "" {
		bundle = BundleFull
	}
	if c.svg != "" {
		bundle, option = "", nil
	}
	var geo *MapSource
	if c.geo != nil {
		g := *c.geo
		geo = &g
	}
	d, err := json.Marshal(data{
		Option: option, Bundle: bundle, Series: c.series, Links: c.links, Map: geo, File: c.file,
		Stacked: c.stacked, Demand: c.preview != "", Footer: credit.Footer, URL: credit.URL,
	})
	if err != nil {
		return "", fmt.Errorf("chart %s: %w", c.ID, err)
	}
	var b bytes.Buffer
	err = snippet.Execute(&b, map[string]any{
		"ID":         c.ID,
		"Label":      c.Label,
		"Height":     c.BoxClass(),
		"Data":       template.JS(d), // HTML-safe JSON, see marshal
		"Stacked":    c.stacked,
		"SVG":        c.svg,
		"Preview":    c.preview,
		"Series":     c.series,
		"Categories": c.categories,
		"DataURL":    credit.Data,
		"T":          c.text,
	})
	if err != nil {
		return "", fmt.Errorf("chart %s: %w", c.ID, err)
	}
	return template.HTML(b.String()), nil
}

// snippet is the chart's HTML. html/template escapes every value for its
// context; the data block is already escaped JSON (encoding/json writes
// <, > and & as \u003c, \u003e and \u0026, so no text can end the block).
// The controls keep their place but stay invisible until the script has
// drawn the chart (class "drawn" on the box: nothing moves when it draws);
// the data downloads beside them work without it.
var snippet = template.Must(template.New("chart").Parse(`<div class="chart-box">
{{if .SVG}}{{.SVG}}{{else}}<div class="chart {{.Height}}{{if .Preview}} chart-static{{end}}" id="{{.ID}}" role="img" aria-label="{{.Label}}">{{.Preview}}</div>{{end}}
<script type="application/json" class="chart-data">{{.Data}}</script>
<div class="chart-tools">
{{- if and .SVG (gt (len .Series) 1)}}
<fieldset class="chart-series"><legend>{{.T.Sprintf "chart.series.label"}}</legend>
{{- range $i, $s := .Series}}
<label><input type="checkbox" checked data-s="{{$i}}"> {{$s}}</label>
{{- end}}
</fieldset>
{{- end}}
{{- if and .Stacked (gt (len .Categories) 1)}}
<p class="chart-view"><label>{{.T.Sprintf "chart.view.label"}} <select data-chart-view>
<option value="count">{{.T.Sprintf "chart.view.count"}}</option>
<option value="share">{{.T.Sprintf "chart.view.share"}}</option>
</select></label>
<label>{{.T.Sprintf "chart.highlight.label"}} <select data-chart-highlight>
<option value="">{{.T.Sprintf "chart.highlight.none"}}</option>
{{- range .Categories}}
<option>{{.}}</option>
{{- end}}
</select></label></p>
{{- end}}
<p class="chart-export" role="group" aria-label="{{.T.Sprintf "chart.export.label"}}">{{.T.Sprintf "chart.export.label"}}: <button type="button" data-chart-export="png">{{.T.Sprintf "chart.export.png"}}</button> <button type="button" data-chart-export="svg">{{.T.Sprintf "chart.export.svg"}}</button></p>
{{- with .DataURL}}
<p class="chart-downloads">{{$.T.Sprintf "chart.export.data"}}: <a href="{{.}}.csv">CSV</a> · <a href="{{.}}.json">JSON</a></p>
{{- end}}
</div>
<noscript><p class="note">{{if and .SVG (gt (len .Series) 1)}}{{.T.Sprintf "chart.noscript.drawn"}}{{else if .SVG}}{{.T.Sprintf "chart.noscript.drawn-one"}}{{else if .Preview}}{{.T.Sprintf "chart.noscript.preview"}}{{else}}{{.T.Sprintf "chart.noscript"}}{{end}}</p></noscript>
</div>`))
