package chart

import (
	"fmt"
	"math"
	"strconv"
)

// A chart that ECharts draws (the map of pairs, the timeline) is first a
// preview: a static SVG drawing of the same values, made at build time,
// in the chart's box. The page shows it at once and without JavaScript;
// static/js/charts.js loads the chart library only when the reader
// reaches for the chart (a pointer over it, a touch, focus, a control, or
// a view in the URL), and ECharts' drawing then takes the preview's
// place. So the page never waits for the library, and a reader who only
// looks never loads it.

// Preview sizes, in CSS pixels: the boxes' shapes at their widest
// (.chart-world is 8:5; a timeline is TimelineHeight high).
const (
	previewWidth = 896
	pairsHeight  = 560
)

// preview starts a preview image of width by height. It is decorative
// for assistive technology: the chart's box carries the description, and
// the table beside it the numbers.
func preview(width, height int) *thumb {
	t := &thumb{inHTML: true}
	fmt.Fprintf(&t.b, `<svg class="chart-preview" viewBox="0 0 %d %d" preserveAspectRatio="xMidYMin meet" aria-hidden="true" focusable="false" font-family="%s" font-size="%d" xmlns="http://www.w3.org/2000/svg">`,
		width, height, esc(textStyle["fontFamily"].(string)), svgFont)
	return t
}

// heading writes the chart's title and source line, as ECharts places
// them.
func (t *thumb) heading(title, sub string) {
	fmt.Fprintf(&t.b, `<text class="title" x="0" y="16" font-size="15" font-weight="600" fill="%s">%s</text>`, ink, esc(title))
	fmt.Fprintf(&t.b, `<text class="subtitle" x="0" y="35" fill="%s">%s</text>`, muted, esc(sub))
}

// legend writes one row of legend items from x, y: a swatch of w by h
// in each colour, then its name. It returns where the row ends.
func (t *thumb) legend(x, y float64, items []Group, w, h float64) float64 {
	for _, it := range items {
		t.rect(x, y+(10-h)/2, w, h, it.Color)
		fmt.Fprintf(&t.b, `<text x="%s" y="%s" fill="%s">%s</text>`, num(x+w+5), num(y+9), ink, esc(it.Name))
		x += w + 5 + textWidth(it.Name) + 12
	}
	return x
}

func (t *thumb) html() string {
	t.b.WriteString("</svg>")
	return t.b.String()
}

// pairMapPreview draws the map of pairs: its title, the legend of its
// lines' colours, the basemap, the lines and the points.
func pairMapPreview(m *PairMap) string {
	t := preview(previewWidth, pairsHeight)
	t.heading(m.Title, m.Subtitle)
	var groups []Group
	for _, g := range m.Groups {
		for _, l := range m.Lines {
			if l.Group == g.Key {
				groups = append(groups, g)
				break
			}
		}
	}
	t.legend(0, float64(titleHeight)-6, groups, 14, 3)
	if len(m.Basemap) > 0 {
		drawPairs(t, m, box{0, titleHeight + 16, previewWidth, pairsHeight - titleHeight - 20}, 2)
	}
	return t.html()
}

// timelinePreview draws the timeline: title, legend, the note on what has
// no year, the axes and the columns with their markers and labels.
func timelinePreview(tl *Timeline) string {
	t := preview(previewWidth, TimelineHeight)
	t.heading(tl.Title, tl.Subtitle)
	items := make([]Group, 0, len(tl.Series))
	for _, s := range tl.Series {
		items = append(items, Group{Name: s.Name, Color: s.Color})
	}
	x := t.legend(0, float64(titleHeight)-6, items, 14, 10)
	if len(tl.Markers) > 0 {
		y := float64(titleHeight) - 6
		t.raw(fmt.Sprintf(`<path d="M%s %sl5 5-5 5-5-5z" fill="%s"/>`, num(x+5), num(y), markerColor))
		fmt.Fprintf(&t.b, `<text x="%s" y="%s" fill="%s">%s</text>`, num(x+15), num(y+9), ink, esc(tl.MarkerName))
	}
	noteY := titleHeight + legendHeight
	fmt.Fprintf(&t.b, `<text x="0" y="%d" font-weight="600" fill="%s">%s</text>`, noteY+8, ink, esc(tl.Unknown))

	_, top := timelineTotals(tl)
	step := niceStep(top, 4)
	axisMax := max1((top + step - 1) / step * step)
	left := 8 + textWidth(strconv.Itoa(axisMax))
	plot := box{left, float64(noteY + noteHeight + markerRoom), previewWidth - left - 8, 0}
	plot.h = TimelineHeight - plot.y - 24
	// The columns' scale: the axis's maximum at the top of the plot, less
	// the markers' room that drawTimeline keeps.
	unit := (plot.h - 14*1.4) / float64(axisMax)
	for v := 0; v <= axisMax; v += step {
		y := plot.y + plot.h - float64(v)*unit
		fmt.Fprintf(&t.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d5dae1"></line><text class="tick" x="%s" y="%s" text-anchor="end" fill="%s">%d</text>`,
			num(plot.x), num(y), num(plot.x+plot.w), num(y), num(plot.x-4), num(y+4), muted, v)
	}
	fmt.Fprintf(&t.b, `<text class="axis-name" x="0" y="%s" fill="%s">%s</text>`, num(plot.y-6), muted, esc(tl.ValueName))
	at := drawTimeline(t, tl, plot, 1.4, axisMax)
	// Year labels under the columns, as many as fit.
	n := len(tl.Years)
	colW := plot.w / float64(n)
	every := max(1, int(math.Ceil(36/colW)))
	for i, y := range tl.Years {
		if i%every != 0 {
			continue
		}
		fmt.Fprintf(&t.b, `<text class="tick" x="%s" y="%s" text-anchor="middle" fill="%s">%s</text>`,
			num(plot.x+float64(i)*colW+colW/2), num(plot.y+plot.h+16), muted, esc(y))
	}
	// The markers' labels, upright above them.
	for i, m := range tl.Markers {
		c := at[i]
		fmt.Fprintf(&t.b, `<text x="%s" y="%s" font-size="11" transform="rotate(-90 %s %s)" fill="%s">%s</text>`,
			num(c[0]+8), num(c[1]+4), num(c[0]), num(c[1]), ink, esc(m.Label))
	}
	return t.html()
}
