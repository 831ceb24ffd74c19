// Package chart turns figures into chart snippets that the atlas's
// templates place in a page: a container element, a "Save as PNG" button,
// and a script that draws the chart with ECharts when the page has loaded.
// It is the only importer of go-echarts.
//
// go-echarts builds the ECharts option from typed values; this package
// fills in the few fields its types lack, then writes the snippet itself
// instead of using go-echarts' own templates, for three reasons:
//
//   - Chart ids are derived from the data (see ID), never random, so that
//     two builds of the same input are identical.
//   - The option reaches the page through encoding/json, which escapes <,
//     > and &: chart text such as a title containing "</script>" cannot
//     end the script early.
//   - The page loads ECharts itself, from the site's own static files and
//     with defer, so the script waits for DOMContentLoaded.
//
// # The snippet
//
// The container has class "chart", the derived id, role="img" and an
// aria-label describing the chart; the same data is always in a table
// beside it. The script turns animation off when the reader prefers
// reduced motion, enables ECharts' aria description and the toolbox's
// saveAsImage (PNG) feature, resizes the chart with the window, registers
// the map GeoJSON before drawing a map, follows a category's or region's
// link when it is clicked, and sets data-rendered="true" on the container
// after ECharts' "finished" event, so that a browser test can wait for it.
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

	option []byte            // the ECharts option as HTML-safe JSON
	links  map[string]string // category or region name -> URL
	geo    *MapSource        // the map to register first, or nil
	file   string            // saved images' file name, without extension
	thumb  []byte            // the static thumbnail, SVG
	text   Text
}

// MapSource is a GeoJSON map that a map chart registers with
// echarts.registerMap before it draws.
type MapSource struct {
	Name string // the name the map is registered and referred to by
	URL  string // where the page fetches the GeoJSON, under the site's base
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

// HTML returns the chart's snippet.
func (c *Chart) HTML() (template.HTML, error) {
	var b bytes.Buffer
	err := snippet.Execute(&b, map[string]any{
		"ID":     c.ID,
		"Label":  c.Label,
		"Height": c.Height,
		"Class":  c.Class,
		"Option": template.JS(c.option), // HTML-safe JSON, see marshal
		"Links":  c.links,
		"Map":    c.geo,
		"File":   c.file,
		"Save":   c.text.Sprintf("chart.save-image"),
		"NoJS":   c.text.Sprintf("chart.noscript"),
	})
	if err != nil {
		return "", fmt.Errorf("chart %s: %w", c.ID, err)
	}
	return template.HTML(b.String()), nil
}

// snippet is the chart's HTML. html/template escapes every value for its
// context (the links, the map and the file name become JavaScript
// literals); the option is already escaped JSON.
var snippet = template.Must(template.New("chart").Parse(`<div class="chart-box">
<div class="chart{{with .Class}} {{.}}{{end}}" id="{{.ID}}" role="img" aria-label="{{.Label}}"{{if .Height}} style="height:{{.Height}}px"{{end}}></div>
<p class="chart-tools" hidden><button type="button">{{.Save}}</button></p>
<noscript><p class="note">{{.NoJS}}</p></noscript>
</div>
<script>
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById({{.ID}}), o = {{.Option}}, links = {{.Links}}, map = {{.Map}};
  if (matchMedia("(prefers-reduced-motion: reduce)").matches) (o.baseOption || o).animation = false;
  function draw() {
    var c = echarts.init(el, null, {renderer: "canvas"});
    c.on("finished", function () { el.setAttribute("data-rendered", "true"); });
    c.on("click", function (p) { if (links && links[p.name]) location.href = links[p.name]; });
    c.setOption(o);
    addEventListener("resize", function () { c.resize(); });
    var tools = el.parentNode.querySelector(".chart-tools");
    tools.hidden = false;
    tools.querySelector("button").addEventListener("click", function () {
      var a = document.createElement("a");
      a.href = c.getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"});
      a.download = {{.File}} + ".png";
      a.click();
    });
  }
  if (!map) { draw(); return; }
  fetch(map.URL).then(function (r) {
    if (!r.ok) throw new Error(map.URL + ": HTTP " + r.status);
    return r.json();
  }).then(function (g) { echarts.registerMap(map.Name, g); draw(); });
});
</script>`))
