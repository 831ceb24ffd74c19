package chart

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Choropleth describes a map whose regions are shaded by a count.
type Choropleth struct {
	ID       string
	Title    string
	Subtitle string
	Label    string
	File     string

	Map MapSource
	// Bounds are the map's extent, for fitting it to the container.
	Bounds    Bounds
	ValueName string   // what the counts count, such as "Agreements"
	Regions   []Region // regions missing from the map are not drawn
	// Classes are the lower bounds of the shading classes, ascending and
	// from 1: {1, 2, 5} shades 1, 2–4 and 5 or more. Zero is always a class
	// of its own.
	Classes []int
	Text    Text // the chart's own words
	// Shapes are the map's regions, for the thumbnail; none gives a
	// thumbnail without a map.
	Shapes []Shape
}

// Region is a region of the map, by the name its GeoJSON feature has in
// properties.name, with its count and the URL where the records it counts
// are listed (empty for none).
type Region struct {
	Name string
	N    int
	Link string
}

// Bounds is the extent of a map, in degrees.
type Bounds struct {
	West, South, East, North float64
}

// The box of a choropleth has the shape the stylesheet gives .chart-latam:
// boxAspect (width over height, 4:5). The map takes at most fitWidth of
// its width and fitHeight of its height, below the title.
const (
	boxAspect = 0.8
	fitWidth  = 0.98
	fitHeight = 0.88
)

// aspectScale is ECharts' default for maps: a degree of longitude is drawn
// 0.75 times as wide as a degree of latitude.
const aspectScale = 0.75

// layout places the map at the bottom of its box, as large as the box
// allows. ECharts keeps a map's aspect only when it is placed by a centre
// and a size (its longer side), the size in percent of the box's shorter
// side; since the box's shape is fixed, percentages fit it at any width.
func (m *Choropleth) layout() map[string]any {
	b := m.Bounds
	aspect := (b.East - b.West) * aspectScale / (b.North - b.South)
	h := min(fitHeight, fitWidth*boxAspect/aspect) // of the box's height
	w := h * aspect / boxAspect                    // of its width
	long := w                                      // the map's longer side, in box widths
	if aspect < 1 {
		long = h / boxAspect
	}
	short := 1.0 // the box's shorter side, in box widths
	if boxAspect > 1 {
		short = 1 / boxAspect
	}
	pct := func(v float64) string { return strconv.FormatFloat(math.Round(v*1000)/10, 'f', -1, 64) + "%" }
	return map[string]any{
		"layoutCenter": []any{"50%", pct(1 - 0.01 - h/2)},
		"layoutSize":   pct(long / short),
	}
}

// Shades of the classes, light to dark (ColorBrewer's Blues), and of zero.
var (
	shades   = []string{"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"}
	zeroFill = "#e5e7eb"
	zeroHigh = "#cbd0d8" // zero, highlighted
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

// emphasis is how a region with n is highlighted: in the next darker
// shade of the same scale (the darkest stays, and its outline shows it),
// with a dark outline, so that the highlight never leaves the map's
// colours.
func (m *Choropleth) emphasis(n int) map[string]any {
	fill := zeroHigh
	if i := m.shade(n); i >= 0 {
		fill = shades[min(i+1, len(shades)-1)]
	}
	return map[string]any{"itemStyle": map[string]any{"areaColor": fill, "borderColor": ink, "borderWidth": 1.2}}
}

func (m *Choropleth) check() error {
	if err := checkID(m.ID); err != nil {
		return err
	}
	if m.Text == nil {
		return fmt.Errorf("chart %s: no Text for the chart's words", m.ID)
	}
	if m.Map.Name == "" || m.Map.URL == "" {
		return fmt.Errorf("chart %s: no map name or GeoJSON URL", m.ID)
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

// pieces returns the visualMap pieces of the classes, largest first as a
// legend reads, with zero last.
func (m *Choropleth) pieces() []any {
	var out []any
	for i := len(m.Classes) - 1; i >= 0; i-- {
		lo := m.Classes[i]
		p := map[string]any{"gte": lo, "color": shades[i]}
		switch {
		case i == len(m.Classes)-1:
			p["label"] = m.Text.Sprintf("chart.class.or-more", lo)
		case m.Classes[i+1]-1 == lo:
			p["lte"] = lo
			p["label"] = strconv.Itoa(lo)
		default:
			p["lte"] = m.Classes[i+1] - 1
			p["label"] = strconv.Itoa(lo) + "–" + strconv.Itoa(m.Classes[i+1]-1)
		}
		out = append(out, p)
	}
	return append(out, map[string]any{"value": 0, "label": m.Text.Sprintf("chart.class.none"), "color": zeroFill})
}

// NewChoropleth builds a map chart.
func NewChoropleth(m Choropleth) (*Chart, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	c := charts.NewMap()
	c.RegisterMapType(m.Map.Name)
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: m.ID, Renderer: "canvas"}),
		charts.WithTitleOpts(title(m.Title, m.Subtitle)),
		charts.WithAriaOpts(aria(m.Label)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Type: "piecewise", Show: opts.Bool(true), Left: "0", Bottom: "8",
		}),
	)
	data := make([]opts.MapData, len(m.Regions))
	extraData := make([]any, len(m.Regions))
	names := make([]string, len(m.Regions))
	links := make([]string, len(m.Regions))
	for i, r := range m.Regions {
		data[i] = opts.MapData{Name: r.Name, Value: r.N}
		extraData[i] = map[string]any{"emphasis": m.emphasis(r.N)}
		names[i], links[i] = r.Name, r.Link
	}
	c.AddSeries(m.ValueName, data,
		charts.WithItemStyleOpts(opts.ItemStyle{AreaColor: zeroFill, BorderColor: "#ffffff", BorderWidth: 0.6}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(false)}),
	)
	c.Validate()
	series := map[string]any{
		"roam": false, "selectedMode": false, "showLegendSymbol": false,
		"emphasis": map[string]any{"label": map[string]any{"show": false}},
		"data":     extraData,
	}
	merge(series, m.layout())
	option, err := marshal(m.ID, c.JSON(), map[string]any{
		"textStyle": textStyle,
		// go-echarts' visualMap pieces have no label or value.
		"visualMap": []any{map[string]any{"pieces": m.pieces(), "itemGap": 6}},
		"series":    []any{series},
	})
	if err != nil {
		return nil, err
	}
	geo := m.Map
	return &Chart{
		ID:     m.ID,
		Label:  m.Label,
		Class:  "chart-latam",
		option: option,
		links:  linkMap(names, links),
		geo:    &geo,
		file:   m.File,
		text:   m.Text,
		thumb:  choroplethThumb(&m),
	}, nil
}
