package chart

import (
	"fmt"
	"html/template"
	"slices"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// Timeline describes a chart of counts by year: one column per year,
// its series stacked, with markers above the columns (the milestones)
// and a note, drawn on the chart itself, of what has no year, so that
// what the columns leave out is never silently dropped.
type Timeline struct {
	ID       string
	Title    string
	Subtitle string
	Label    string
	File     string

	ValueName string
	Years     []string // left to right, every year of the span
	Series    []Series // stacked; one value per year
	Markers   []Marker
	// MarkerName names the markers in the legend.
	MarkerName string
	// Unknown is the note, drawn in the plot's top left corner, of what the
	// columns cannot show: the agreements without a year.
	Unknown string
	Text    Text
}

// Marker is a point above a year's column. Name, unique among the
// markers and not a year, is what a click follows Link by; Label is
// printed beside the marker.
type Marker struct {
	Name, Year, Label, Link string
}

// TimelineHeight is a timeline's height in CSS pixels.
const TimelineHeight = 440

// markerColor is the colour of the markers: a grey that stands out, by
// 3:1 or more, on the light and the dark page alike.
const markerColor = "#888888"

// Room, in CSS pixels, above the plot for the note (one line, two on a
// phone) and the top of the markers' labels, which are printed upright.
const (
	noteHeight = 30
	markerRoom = 16
)

func (t *Timeline) check() error {
	if err := checkID(t.ID); err != nil {
		return err
	}
	if t.Text == nil {
		return fmt.Errorf("chart %s: no Text for the chart's words", t.ID)
	}
	if len(t.Years) == 0 || len(t.Series) == 0 {
		return fmt.Errorf("chart %s: no years or no series", t.ID)
	}
	for _, s := range t.Series {
		if len(s.Values) != len(t.Years) {
			return fmt.Errorf("chart %s: series %q has %d values for %d years", t.ID, s.Name, len(s.Values), len(t.Years))
		}
		for _, v := range s.Values {
			if v.Bound != Exact {
				return fmt.Errorf("chart %s: series %q: a lower bound cannot be stacked", t.ID, s.Name)
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range t.Markers {
		if !slices.Contains(t.Years, m.Year) {
			return fmt.Errorf("chart %s: marker %q: year %q is not on the axis", t.ID, m.Name, m.Year)
		}
		if seen[m.Name] || slices.Contains(t.Years, m.Name) {
			return fmt.Errorf("chart %s: marker %q: its name is taken", t.ID, m.Name)
		}
		seen[m.Name] = true
	}
	return nil
}

// NewTimeline builds a timeline. A marker stands half a unit above its
// year's column, and markers of one year stack upwards.
func NewTimeline(t Timeline) (*Chart, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	totals := make([]int, len(t.Years))
	var series []any
	for _, s := range t.Series {
		data := make([]any, len(s.Values))
		for i, v := range s.Values {
			totals[i] += v.N
			data[i] = v.N
		}
		series = append(series, map[string]any{
			"type": "bar", "name": s.Name, "stack": "year", "data": data,
			"itemStyle": map[string]any{"color": s.Color}, "barMaxWidth": 24,
			"emphasis": map[string]any{"focus": "series"},
		})
	}
	var marks []any
	names := make([]string, 0, len(t.Markers))
	links := make([]string, 0, len(t.Markers))
	above := map[string]int{}
	for _, m := range t.Markers {
		i := slices.Index(t.Years, m.Year)
		y := float64(totals[i]) + 0.6 + float64(above[m.Year])*0.9
		above[m.Year]++
		marks = append(marks, map[string]any{
			"name": m.Name, "value": []any{m.Year, y},
			"label": map[string]any{"formatter": m.Label},
		})
		names, links = append(names, m.Name), append(links, m.Link)
	}
	legend := make([]any, 0, len(t.Series)+1)
	for _, s := range t.Series {
		legend = append(legend, s.Name)
	}
	if len(marks) > 0 {
		legend = append(legend, t.MarkerName)
		series = append(series, map[string]any{
			"type": "scatter", "name": t.MarkerName, "data": marks, "z": 4,
			"symbol": "diamond", "symbolSize": 11,
			"itemStyle": map[string]any{"color": markerColor, "borderColor": "#ffffff", "borderWidth": 1},
			"label": map[string]any{
				"show": true, "position": "top", "rotate": 90, "align": "left", "verticalAlign": "middle",
				"distance": 4, "fontSize": 11,
			},
			"tooltip": map[string]any{"trigger": "item", "formatter": "{b}"},
		})
	}
	gridTop := titleHeight + legendHeight + noteHeight + markerRoom
	option := map[string]any{
		"title": []any{
			title(t.Title, t.Subtitle),
			map[string]any{
				"text": t.Unknown, "left": "0", "top": titleHeight + legendHeight,
				// No colour: the page's theme gives the text its colour in
				// either scheme.
				"textStyle": map[string]any{"fontSize": 12, "lineHeight": 16, "fontWeight": "bold", "width": 600, "overflow": "break"},
			},
		},
		"textStyle": textStyle,
		"aria":      aria(t.Label),
		"tooltip":   opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}},
		"legend":    mergeValue(map[string]any{"data": legend, "top": titleHeight, "left": "0"}, legendStyle),
		"grid":      map[string]any{"top": gridTop, "left": 0, "right": 8, "bottom": 8, "containLabel": true},
		"xAxis": map[string]any{
			"type": "category", "data": t.Years,
			"axisTick": map[string]any{"alignWithLabel": true},
		},
		"yAxis": map[string]any{
			"type": "value", "name": t.ValueName, "minInterval": 1,
			"nameTextStyle": map[string]any{"align": "left"},
		},
		"series": series,
	}
	b, err := marshal(t.ID, option, map[string]any{
		// On a phone the legend and the note may take two lines each.
		"media": []any{map[string]any{
			"query": map[string]any{"maxWidth": narrow},
			"option": map[string]any{
				"title": []any{map[string]any{}, map[string]any{"top": titleHeight + 2*legendHeight, "textStyle": map[string]any{"width": phoneLegend}}},
				"grid":  map[string]any{"top": gridTop + legendHeight + noteHeight},
			},
		}},
	})
	if err != nil {
		return nil, err
	}
	return &Chart{
		ID:      t.ID,
		Label:   t.Label,
		Height:  TimelineHeight,
		option:  b,
		links:   linkMap(names, links),
		file:    t.File,
		text:    t.Text,
		thumb:   timelineThumb(&t),
		preview: template.HTML(timelinePreview(&t)),
	}, nil
}
