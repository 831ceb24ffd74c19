package chart

import (
	"fmt"
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

// MapHeight is a map chart's height in CSS pixels.
const MapHeight = 600

// aspectScale is ECharts' default for maps: a degree of longitude is drawn
// 0.75 times as wide as a degree of latitude.
const aspectScale = 0.75

// layout places the map below the title at the most height it can have,
// and returns a media rule that fits it to the width instead on screens
// too narrow for that. ECharts keeps a map's aspect only when it is placed
// by a centre and a size (its longer side).
func (m *Choropleth) layout() (place map[string]any, media []any) {
	b := m.Bounds
	aspect := (b.East - b.West) * aspectScale / (b.North - b.South)
	avail := float64(MapHeight - titleHeight - 16)
	long, width := avail, avail*aspect // a tall map: the height is the longer side
	if aspect > 1 {
		long, width = avail*aspect, avail*aspect
	}
	// Below that width the size is a percentage of the container's width,
	// then its shorter side.
	pct := 98.0
	if aspect < 1 {
		pct = 98 / aspect
	}
	place = map[string]any{
		"layoutCenter": []any{"50%", titleHeight + 8 + int(avail)/2},
		"layoutSize":   int(long),
	}
	media = []any{map[string]any{
		"query":  map[string]any{"maxWidth": int(width) + 8},
		"option": map[string]any{"series": []any{map[string]any{"layoutSize": strconv.Itoa(int(pct)) + "%"}}},
	}}
	return place, media
}

// Shades of the classes, light to dark (ColorBrewer's Blues), and of zero.
var (
	shades   = []string{"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"}
	zeroFill = "#e5e7eb"
)

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
	names := make([]string, len(m.Regions))
	links := make([]string, len(m.Regions))
	for i, r := range m.Regions {
		data[i] = opts.MapData{Name: r.Name, Value: r.N}
		names[i], links[i] = r.Name, r.Link
	}
	c.AddSeries(m.ValueName, data,
		charts.WithItemStyleOpts(opts.ItemStyle{AreaColor: zeroFill, BorderColor: "#ffffff", BorderWidth: 0.6}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(false)}),
	)
	c.Validate()
	series := map[string]any{
		"roam": false, "selectedMode": false, "showLegendSymbol": false,
		"emphasis": map[string]any{
			"itemStyle": map[string]any{"areaColor": "#f59e0b"},
			"label":     map[string]any{"show": false},
		},
	}
	place, media := m.layout()
	merge(series, place)
	option, err := marshal(m.ID, c.JSON(), map[string]any{
		"textStyle": textStyle,
		// go-echarts' visualMap pieces have no label or value.
		"visualMap": []any{map[string]any{"pieces": m.pieces(), "itemGap": 6}},
		"series":    []any{series},
		"media":     media,
	})
	if err != nil {
		return nil, err
	}
	geo := m.Map
	return &Chart{
		ID:     m.ID,
		Label:  m.Label,
		Height: MapHeight,
		option: option,
		links:  linkMap(names, links),
		geo:    &geo,
		file:   m.File,
		text:   m.Text,
	}, nil
}
