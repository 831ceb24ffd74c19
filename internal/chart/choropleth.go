package chart

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// A choropleth is drawn at build time, as one SVG image in the page
// (like a bar chart, see svg.go): its regions shaded by class, its
// legend, and each region's name and count as a tooltip (an SVG title).
// It needs no chart library, so that a map page is read, and a region
// followed to its records (static/js/charts.js, from the data block's
// links), as soon as the page arrives; the table beside it has the same
// numbers and links for everyone.
//
// A highlighted region (hovered) takes the next darker shade of its own
// scale and a dark outline (static/charts.css, from the region's class),
// so that the highlight never leaves the map's colours.

// Choropleth describes a map whose regions are shaded by a count.
type Choropleth struct {
	ID       string
	Title    string
	Subtitle string
	Label    string
	File     string

	// Bounds are the map's extent, for fitting it to the image.
	Bounds    Bounds
	ValueName string   // what the counts count, such as "Agreements"
	Regions   []Region // regions missing from the map are not drawn
	// Classes are the lower bounds of the shading classes, ascending and
	// from 1: {1, 2, 5} shades 1, 2–4 and 5 or more. Zero is always a class
	// of its own.
	Classes []int
	Text    Text // the chart's own words
	// Shapes are the map's regions, as drawn; a region without a shape
	// is counted in the table but not drawn.
	Shapes []Shape
}

// Region is a region of the map, by the name its GeoJSON feature has in
// properties.name, with its count and the URL where the records it counts
// are listed (empty for none). Label is its name in the reader's
// language, for the tooltip; empty means Name.
type Region struct {
	Name  string
	Label string
	N     int
	Link  string
}

// Bounds is the extent of a map, in degrees.
type Bounds struct {
	West, South, East, North float64
}

// Shades of the classes, light to dark (ColorBrewer's Blues), and of zero.
var (
	shades   = []string{"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"}
	zeroFill = "#e5e7eb"
)

// shade returns the index in shades of n's class, or -1 for zero.
func (m *Choropleth) shade(n int) int {
	i := -1
	for j, lo := range m.Classes {
		if n >= lo {
			i = j
		}
	}
	return i
}

func (m *Choropleth) check() error {
	if err := checkID(m.ID); err != nil {
		return err
	}
	if m.Text == nil {
		return fmt.Errorf("chart %s: no Text for the chart's words", m.ID)
	}
	if len(m.Classes) == 0 || len(m.Classes) > len(shades) {
		return fmt.Errorf("chart %s: %d classes (want 1 to %d)", m.ID, len(m.Classes), len(shades))
	}
	if b := m.Bounds; !(b.East > b.West && b.North > b.South) {
		return fmt.Errorf("chart %s: map bounds %v: want east of west and north of south", m.ID, b)
	}
	for i, c := range m.Classes {
		if c < 1 || (i > 0 && c <= m.Classes[i-1]) {
			return fmt.Errorf("chart %s: classes %v: want ascending lower bounds from 1", m.ID, m.Classes)
		}
	}
	return nil
}

// key is one entry of the map's legend.
type key struct{ Label, Color string }

// keys returns the legend: the classes largest first, as a legend reads,
// with zero last.
func (m *Choropleth) keys() []key {
	var out []key
	for i := len(m.Classes) - 1; i >= 0; i-- {
		lo := m.Classes[i]
		k := key{Color: shades[i]}
		switch {
		case i == len(m.Classes)-1:
			k.Label = m.Text.Sprintf("chart.class.or-more", lo)
		case m.Classes[i+1]-1 == lo:
			k.Label = strconv.Itoa(lo)
		default:
			k.Label = strconv.Itoa(lo) + "–" + strconv.Itoa(m.Classes[i+1]-1)
		}
		out = append(out, k)
	}
	return append(out, key{m.Text.Sprintf("chart.class.none"), zeroFill})
}

// The map's image: mapWidth by mapHeight (the 4:5 box of .chart-latam,
// at its widest), the title and source line above the map, the legend in
// its lower left corner, where the Pacific leaves room.
const (
	mapWidth  = 576
	mapHeight = 720
	mapTop    = 60
	mapKeyRow = 22
	mapFont   = 15 // larger than a bar chart's: the image shrinks to half on a phone
)

// NewChoropleth builds a map chart, drawn at build time.
func NewChoropleth(m Choropleth) (*Chart, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	names := make([]string, len(m.Regions))
	links := make([]string, len(m.Regions))
	for i, r := range m.Regions {
		names[i], links[i] = r.Name, r.Link
	}
	return &Chart{
		ID:    m.ID,
		Label: m.Label,
		Class: "chart-latam",
		links: linkMap(names, links),
		file:  m.File,
		text:  m.Text,
		svg:   template.HTML(m.svg()),
		thumb: choroplethThumb(&m),
	}, nil
}

// svg draws the map. The colours are the light scheme's, as presentation
// attributes; static/charts.css maps them to the page's scheme, and an
// exported image keeps them.
func (m *Choropleth) svg() string {
	var w strings.Builder
	fmt.Fprintf(&w, `<svg class="chart chart-svg chart-map" id="%s" data-theme="css" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="%s" font-size="%d" xmlns="http://www.w3.org/2000/svg">`,
		m.ID, mapWidth, mapHeight, esc(m.Label), esc(textStyle["fontFamily"].(string)), mapFont)
	fmt.Fprintf(&w, `<text class="title" x="0" y="20" font-size="19" font-weight="600" fill="%s">%s</text>`, ink, esc(m.Title))
	fmt.Fprintf(&w, `<text class="subtitle" x="0" y="44" fill="%s">%s</text>`, muted, esc(m.Subtitle))
	byName := map[string]Region{}
	for _, r := range m.Regions {
		byName[r.Name] = r
	}
	p := fit(m.Bounds, 0, mapTop, mapWidth, mapHeight-mapTop-4)
	for _, s := range m.Shapes {
		d := p.path(s, 1)
		if d == "" {
			continue
		}
		r, ok := byName[s.Name]
		class, fill := "region z", zeroFill
		if i := m.shade(r.N); i >= 0 {
			class, fill = "region s"+strconv.Itoa(i), shades[i]
		}
		if r.Link != "" {
			class += " linked"
		}
		tip, value := s.Name, ""
		if ok {
			label := r.Label
			if label == "" {
				label = r.Name
			}
			tip = m.Text.Sprintf("chart.map.region", label, r.N)
			value = fmt.Sprintf(` data-v="%d"`, r.N)
		}
		fmt.Fprintf(&w, `<path class="%s" data-name="%s"%s d="%s" fill="%s" stroke="#ffffff" stroke-width="0.6"><title>%s</title></path>`,
			class, esc(s.Name), value, d, fill, esc(tip))
	}
	keys := m.keys()
	y := mapHeight - 8 - mapKeyRow*len(keys)
	fmt.Fprintf(&w, `<g class="map-key"><text class="axis-name" x="0" y="%d" fill="%s">%s</text>`, y-6, muted, esc(m.ValueName))
	for i, k := range keys {
		ky := y + i*mapKeyRow
		fmt.Fprintf(&w, `<rect x="0" y="%d" width="18" height="13" fill="%s" stroke="#d5dae1" stroke-width="0.5"></rect><text x="25" y="%d" fill="%s">%s</text>`,
			ky+3, k.Color, ky+15, ink, esc(k.Label))
	}
	w.WriteString(`</g></svg>`)
	return w.String()
}
