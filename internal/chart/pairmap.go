package chart

import (
	"fmt"
	"html/template"
	"math"
	"slices"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// PairMap describes the map of pairs: the places of the agreements as
// points and every agreement as a line between its two places, on a world
// map centred on the Pacific (see PacificLng), so that a line from Latin
// America to Asia crosses the ocean.
//
// go-echarts has no lines series, so the option is written here whole,
// with go-echarts' types for the components it does have (title,
// toolbox, aria).
type PairMap struct {
	ID       string
	Title    string
	Subtitle string
	Label    string
	File     string
	Map      MapSource // the world basemap, Pacific-centred
	Points   []Point
	Lines    []Line
	// Groups are the line colours' legend, in order: each line names one.
	Groups []Group
	Text   Text
	// Basemap is the world map's countries, Pacific-centred as Map, for
	// the thumbnail; none gives a thumbnail without land.
	Basemap []Shape
}

// Point is a place with coordinates. Name must be unique among points and
// lines: a click on the point follows Link, by name.
type Point struct {
	Name     string
	Lat, Lng float64 // degrees, as recorded (not shifted)
	Group    string  // the colour group; "" for a Latin American place
	N        int     // the agreements it is party to, for its size
	Link     string
}

// Line is one agreement between two points, by their names. Partner and
// Kind are what the page's filter selects by.
type Line struct {
	Name     string // unique among points and lines
	From, To string // point names: the Latin American side, the Asian side
	Group    string
	Partner  string // the Asian side's country code
	Kind     string
	Link     string
}

// Group is a colour of the lines and of the Asian points, with its name in
// the legend.
type Group struct {
	Key   string
	Name  string
	Color string
}

// pacificCut is the meridian west of which PacificLng moves a longitude:
// it must be .ci/world-geojson.mjs's CUT.
const pacificCut = -25

// PacificLng is a longitude on the Pacific-centred world map
// (static/vendor/world-atlas/world.geo.json): a longitude west of 25° W
// moves 360° east, so that the Americas lie east of Asia.
func PacificLng(lng float64) float64 {
	if lng < pacificCut {
		return lng + 360
	}
	return lng
}

func (m *PairMap) check() error {
	if err := checkID(m.ID); err != nil {
		return err
	}
	if m.Text == nil {
		return fmt.Errorf("chart %s: no Text for the chart's words", m.ID)
	}
	if m.Map.Name == "" || m.Map.URL == "" {
		return fmt.Errorf("chart %s: no map name or GeoJSON URL", m.ID)
	}
	names := map[string]string{}
	for _, p := range m.Points {
		if names[p.Name] != "" {
			return fmt.Errorf("chart %s: two points named %q", m.ID, p.Name)
		}
		names[p.Name] = "point"
		if p.Group != "" && !slices.ContainsFunc(m.Groups, func(g Group) bool { return g.Key == p.Group }) {
			return fmt.Errorf("chart %s: point %q: unknown group %q", m.ID, p.Name, p.Group)
		}
	}
	for _, l := range m.Lines {
		if names[l.Name] != "" {
			return fmt.Errorf("chart %s: line %q: the name of another %s", m.ID, l.Name, names[l.Name])
		}
		names[l.Name] = "line"
		if names[l.From] != "point" || names[l.To] != "point" {
			return fmt.Errorf("chart %s: line %q: an end is not a point (%q, %q)", m.ID, l.Name, l.From, l.To)
		}
		if !slices.ContainsFunc(m.Groups, func(g Group) bool { return g.Key == l.Group }) {
			return fmt.Errorf("chart %s: line %q: unknown group %q", m.ID, l.Name, l.Group)
		}
	}
	return nil
}

// pointSize is a point's symbol size: its area grows with its agreements.
func pointSize(n int) float64 {
	return math.Round((4+2.2*math.Sqrt(float64(max(n, 1))))*10) / 10
}

// NewPairMap builds the map of pairs. The lines' data items carry their
// partner, kind and ends, which static/js/pairs.js reads to filter them.
func NewPairMap(m PairMap) (*Chart, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	color := map[string]string{"": ink}
	var legend []any
	for _, g := range m.Groups {
		color[g.Key] = g.Color
	}
	coord := map[string][]any{}
	var names, links []string
	var latam, asia []any
	for _, p := range m.Points {
		c := []any{round2(PacificLng(p.Lng)), round2(p.Lat)}
		coord[p.Name] = c
		item := map[string]any{
			"name": p.Name, "value": append(c[:2:2], p.N),
			"symbolSize": pointSize(p.N),
			"itemStyle":  map[string]any{"color": color[p.Group]},
		}
		if p.Group == "" {
			latam = append(latam, item)
		} else {
			asia = append(asia, item)
		}
		names, links = append(names, p.Name), append(links, p.Link)
	}
	series := []any{}
	for _, g := range m.Groups {
		var data []any
		for _, l := range m.Lines {
			if l.Group != g.Key {
				continue
			}
			data = append(data, map[string]any{
				"name": l.Name, "coords": []any{coord[l.From], coord[l.To]},
				"partner": l.Partner, "kind": l.Kind, "ends": []any{l.From, l.To},
			})
			names, links = append(names, l.Name), append(links, l.Link)
		}
		if len(data) == 0 {
			continue
		}
		legend = append(legend, g.Name)
		series = append(series, map[string]any{
			"type": "lines", "id": "lines-" + g.Key, "name": g.Name, "coordinateSystem": "geo",
			"data": data, "z": 2,
			"lineStyle": map[string]any{"color": g.Color, "width": 1.2, "opacity": 0.55, "curveness": 0.18},
			"emphasis":  map[string]any{"focus": "self", "lineStyle": map[string]any{"width": 3, "opacity": 1}},
			"tooltip":   map[string]any{"formatter": "{b}"},
		})
	}
	for _, s := range []struct {
		id, name string
		data     []any
	}{
		{"points-latam", m.Text.Sprintf("chart.pairs.latam-places"), latam},
		{"points-asia", m.Text.Sprintf("chart.pairs.asia-places"), asia},
	} {
		series = append(series, map[string]any{
			"type": "scatter", "id": s.id, "name": s.name, "coordinateSystem": "geo",
			"data": s.data, "z": 3,
			"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 0.8},
			"emphasis":  map[string]any{"scale": 1.6},
			"tooltip":   map[string]any{"formatter": "{b}"},
		})
	}
	t := title(m.Title, m.Subtitle)
	option := map[string]any{
		"title":     t,
		"textStyle": textStyle,
		"aria":      aria(m.Label),
		"animation": false,
		"tooltip":   opts.Tooltip{Show: opts.Bool(true), Trigger: "item"},
		"legend": map[string]any{
			"data": legend, "top": titleHeight, "left": "0", "selectedMode": false,
			"itemWidth": 14, "itemHeight": 3, "itemGap": 10, "icon": "rect",
		},
		"geo": map[string]any{
			"map": m.Map.Name, "roam": false, "silent": true,
			// ECharts keeps a map's aspect only when it is placed by a
			// centre and a size (its longer side, here its width), in
			// percent of the box's shorter side (here its height). The
			// box's shape is the stylesheet's (.chart-world: 8:5, 6:5 on
			// a phone), so that the world, twice as wide as high, fills
			// it below the title and legend.
			"layoutCenter": []any{"50%", "58%"}, "layoutSize": "156%",
			"itemStyle": map[string]any{"areaColor": "#e5e7eb", "borderColor": "#ffffff", "borderWidth": 0.5},
		},
		"series": series,
	}
	b, err := marshal(m.ID, option, map[string]any{
		// On a phone (a box narrower than 480 pixels less the page's
		// margins, at 6:5) the legend takes two lines.
		"media": []any{map[string]any{
			"query":  map[string]any{"maxWidth": narrow - 32},
			"option": map[string]any{"geo": map[string]any{"layoutCenter": []any{"50%", "69%"}, "layoutSize": "118%"}},
		}},
	})
	if err != nil {
		return nil, err
	}
	geo := m.Map
	return &Chart{
		ID:      m.ID,
		Label:   m.Label,
		Class:   "chart-world",
		option:  b,
		links:   linkMap(names, links),
		geo:     &geo,
		file:    m.File,
		text:    m.Text,
		thumb:   pairMapThumb(&m),
		preview: template.HTML(pairMapPreview(&m)),
	}, nil
}

// round2 rounds a coordinate to 2 decimals (about 1 km), which keeps the
// option short.
func round2(v float64) float64 { return math.Round(v*100) / 100 }
