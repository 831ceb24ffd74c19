package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Thumbnails are small static pictures of the charts for the list of
// charts: SVG drawn here, at build time, from the same values as the
// chart, so that the build needs no browser and the same input gives the
// same bytes. They carry no text: the list names each chart beside its
// picture, which is decorative.

// Thumbnail size, in CSS pixels.
const (
	ThumbWidth  = 240
	ThumbHeight = 150
	thumbPad    = 8
)

// Colours of a thumbnail's background and of its basemaps.
const (
	thumbBack = "#f6f8fa"
	thumbLand = "#dfe3e8"
)

// Thumbnail returns the chart's thumbnail, an SVG document.
func (c *Chart) Thumbnail() []byte { return c.thumb }

// thumb writes an SVG document of ThumbWidth by ThumbHeight.
type thumb struct {
	b      bytes.Buffer
	inHTML bool // a drawing in a page (see raw), not a document of its own
}

func newThumb() *thumb {
	t := &thumb{}
	fmt.Fprintf(&t.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">`, ThumbWidth, ThumbHeight, ThumbWidth, ThumbHeight)
	fmt.Fprintf(&t.b, `<rect width="%d" height="%d" fill="%s"/>`, ThumbWidth, ThumbHeight, thumbBack)
	return t
}

// num prints a coordinate to a tenth of a pixel, without trailing zeros.
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no -0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (t *thumb) rect(x, y, w, h float64, fill string) {
	if w <= 0 || h <= 0 {
		return
	}
	t.raw(fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(x), num(y), num(w), num(h), fill))
}

// raw writes an element. In a drawing inside an HTML page (inHTML) an
// empty element is closed by an end tag, as HTML has no self-closing
// syntax for SVG's elements that its checkers accept.
func (t *thumb) raw(s string) {
	if t.inHTML && strings.HasSuffix(s, "/>") {
		name := s[1:strings.IndexAny(s, " />")]
		s = s[:len(s)-2] + "></" + name + ">"
	}
	t.b.WriteString(s)
}

func (t *thumb) bytes() []byte {
	t.b.WriteString("</svg>\n")
	return t.b.Bytes()
}

// barsThumb draws the bars: one row per category, top to bottom, the
// series stacked or side by side.
func barsThumb(b *Bars) []byte {
	t := newThumb()
	rows := len(b.Categories)
	top := 0
	for j := range b.Categories {
		sum := 0
		for _, s := range b.Series {
			if b.Stacked {
				sum += s.Values[j].N
			} else {
				sum = max(sum, s.Values[j].N)
			}
		}
		top = max(top, sum)
	}
	if top == 0 || rows == 0 {
		return t.bytes()
	}
	w := float64(ThumbWidth - 2*thumbPad)
	step := float64(ThumbHeight-2*thumbPad) / float64(rows)
	h := step * 0.72
	for j := range b.Categories {
		y := thumbPad + float64(j)*step + (step-h)/2
		x := float64(thumbPad)
		for i, s := range b.Series {
			v := float64(s.Values[j].N) / float64(top) * w
			color := s.Color
			if s.Values[j].Bound != Exact {
				color = tint(color)
			}
			if b.Stacked {
				t.rect(x, y, v, h, color)
				x += v
				continue
			}
			sub := h / float64(len(b.Series))
			t.rect(x, y+float64(i)*sub, v, sub*0.9, color)
		}
	}
	return t.bytes()
}

// timelineThumb draws the stacked columns and the markers above them.
func timelineThumb(tl *Timeline) []byte {
	t := newThumb()
	_, top := timelineTotals(tl)
	drawTimeline(t, tl, box{thumbPad, thumbPad, ThumbWidth - 2*thumbPad, ThumbHeight - 2*thumbPad}, 1, top)
	return t.bytes()
}

// box is a rectangle of a drawing, in its pixels.
type box struct{ x, y, w, h float64 }

// timelineTotals are the columns' heights: each year's count over the
// series.
func timelineTotals(tl *Timeline) (totals []int, top int) {
	totals = make([]int, len(tl.Years))
	for _, s := range tl.Series {
		for i, v := range s.Values {
			totals[i] += v.N
		}
	}
	top = 1
	for _, v := range totals {
		top = max(top, v)
	}
	return totals, top
}

// drawTimeline draws the columns in b, top (at least the highest column)
// at its top, less room above for the markers; the markers k times a
// thumbnail's size. It returns where each marker is drawn.
func drawTimeline(t *thumb, tl *Timeline, b box, k float64, top int) [][2]float64 {
	totals, _ := timelineTotals(tl)
	n := len(tl.Years)
	base := b.y + b.h
	unit := (b.h - 14*k) / float64(top) // room for the markers
	step := b.w / float64(n)
	w := max(step*0.75, 1)
	for i := range tl.Years {
		y := base
		x := b.x + float64(i)*step + (step-w)/2
		for _, s := range tl.Series {
			h := float64(s.Values[i].N) * unit
			t.rect(x, y-h, w, h, s.Color)
			y -= h
		}
	}
	above := map[string]int{}
	var at [][2]float64
	r := 3.5 * k
	for _, m := range tl.Markers {
		i := 0
		for j, y := range tl.Years {
			if y == m.Year {
				i = j
			}
		}
		cx := b.x + float64(i)*step + step/2
		cy := base - float64(totals[i])*unit - 6*k - float64(above[m.Year])*8*k
		above[m.Year]++
		at = append(at, [2]float64{cx, cy})
		t.raw(fmt.Sprintf(`<path d="M%s %sl%s %s-%s %s-%s-%sz" fill="%s"/>`, num(cx), num(cy-r), num(r), num(r), num(r), num(r), num(r), num(r), markerColor))
	}
	return at
}

// Shape is one region of a map: its name and its rings of [longitude,
// latitude] points, as the GeoJSON gives them.
type Shape struct {
	Name  string
	Rings [][][2]float64
}

// ParseShapes reads the regions of a GeoJSON feature collection of
// polygons and multipolygons, for thumbnails.
func ParseShapes(data []byte) ([]Shape, error) {
	var g struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, err
	}
	var out []Shape
	for _, f := range g.Features {
		s := Shape{Name: f.Properties.Name}
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", s.Name, err)
			}
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return nil, fmt.Errorf("%s: %w", s.Name, err)
			}
		default:
			return nil, fmt.Errorf("%s: geometry %q (want Polygon or MultiPolygon)", s.Name, f.Geometry.Type)
		}
		for _, p := range polys {
			s.Rings = append(s.Rings, p...)
		}
		out = append(out, s)
	}
	return out, nil
}

// aspectScale is how ECharts draws maps by default, and how the atlas
// draws its own: a degree of longitude 0.75 times as wide as a degree of
// latitude.
const aspectScale = 0.75

// projection maps degrees to a thumbnail's pixels as ECharts draws a map
// (a degree of longitude aspectScale as wide as one of latitude), fitting
// bounds in the thumbnail, centred.
type projection struct {
	west, north, k, dx, dy float64
}

func newProjection(b Bounds) projection {
	return fit(b, thumbPad, thumbPad, ThumbWidth-2*thumbPad, ThumbHeight-2*thumbPad)
}

func (b box) fit(bounds Bounds) projection { return fit(bounds, b.x, b.y, b.w, b.h) }

// fit is the projection that draws bounds as large as they go in the box
// of width w and height h at (x, y), centred.
func fit(b Bounds, x, y, w, h float64) projection {
	bw := (b.East - b.West) * aspectScale
	bh := b.North - b.South
	k := min(w/bw, h/bh)
	return projection{west: b.West, north: b.North, k: k, dx: x + (w-bw*k)/2, dy: y + (h-bh*k)/2}
}

func (p projection) xy(lng, lat float64) (float64, float64) {
	return p.dx + (lng-p.west)*aspectScale*p.k, p.dy + (p.north-lat)*p.k
}

// path returns a shape's SVG path data, to the nearest pixel, leaving out
// points less than step pixels (horizontally plus vertically) from the
// one kept before, and rings that shrink to less than a triangle: the
// outline looks the same, in a fraction of the bytes. A thumbnail takes
// a step of 2, a full-size map 1.
func (p projection) path(s Shape, step int) string {
	var b bytes.Buffer
	for _, r := range s.Rings {
		var pts [][2]int
		for _, pt := range r {
			x, y := p.xy(pt[0], pt[1])
			q := [2]int{int(math.Round(x)), int(math.Round(y))}
			if len(pts) == 0 || abs(pts[len(pts)-1][0]-q[0])+abs(pts[len(pts)-1][1]-q[1]) >= step {
				pts = append(pts, q)
			}
		}
		if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
			pts = pts[:len(pts)-1]
		}
		if len(pts) < 3 {
			continue
		}
		fmt.Fprintf(&b, "M%d %d", pts[0][0], pts[0][1])
		for i := 1; i < len(pts); i++ {
			fmt.Fprintf(&b, "l%d %d", pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1])
		}
		b.WriteString("z")
	}
	return b.String()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// shapesBounds is the extent of shapes.
func shapesBounds(shapes []Shape) Bounds {
	b := Bounds{West: math.Inf(1), South: math.Inf(1), East: math.Inf(-1), North: math.Inf(-1)}
	for _, s := range shapes {
		for _, r := range s.Rings {
			for _, pt := range r {
				b.West, b.East = min(b.West, pt[0]), max(b.East, pt[0])
				b.South, b.North = min(b.South, pt[1]), max(b.North, pt[1])
			}
		}
	}
	return b
}

// choroplethThumb draws the map's regions in the colours of their
// classes; without shapes, a thumbnail of the background alone.
func choroplethThumb(m *Choropleth) []byte {
	t := newThumb()
	if len(m.Shapes) == 0 {
		return t.bytes()
	}
	p := newProjection(m.Bounds)
	n := map[string]int{}
	for _, r := range m.Regions {
		n[r.Name] = r.N
	}
	for _, s := range m.Shapes {
		fill := zeroFill
		if i := m.shade(n[s.Name]); i >= 0 {
			fill = shades[i]
		}
		if d := p.path(s, 2); d != "" {
			t.raw(fmt.Sprintf(`<path d="%s" fill="%s" stroke="#ffffff" stroke-width="0.4"/>`, d, fill))
		}
	}
	return t.bytes()
}

// pairMapThumb draws the basemap, the lines as curves like the chart's,
// and the points.
func pairMapThumb(m *PairMap) []byte {
	t := newThumb()
	if len(m.Basemap) == 0 {
		return t.bytes()
	}
	drawPairs(t, m, box{thumbPad, thumbPad, ThumbWidth - 2*thumbPad, ThumbHeight - 2*thumbPad}, 1)
	return t.bytes()
}

// drawPairs draws the map of pairs in b, its lines and points k times a
// thumbnail's size, leaving out outlines finer than step pixels.
func drawPairs(t *thumb, m *PairMap, b box, k float64) {
	p := b.fit(shapesBounds(m.Basemap))
	step := 2
	if k > 1 {
		step = 1
	}
	var land bytes.Buffer
	for _, s := range m.Basemap {
		land.WriteString(p.path(s, step))
	}
	t.raw(fmt.Sprintf(`<path d="%s" fill="%s" fill-rule="evenodd"/>`, land.String(), thumbLand))
	at := map[string][2]float64{}
	for _, pt := range m.Points {
		x, y := p.xy(PacificLng(pt.Lng), pt.Lat)
		at[pt.Name] = [2]float64{x, y}
	}
	color := map[string]string{}
	for _, g := range m.Groups {
		color[g.Key] = g.Color
	}
	for _, g := range m.Groups {
		var d bytes.Buffer
		for _, l := range m.Lines {
			if l.Group != g.Key {
				continue
			}
			a, b := at[l.From], at[l.To]
			// The control point of a quadratic curve, off the middle by
			// the chart's curveness, as ECharts bends its lines.
			cx := (a[0]+b[0])/2 + (b[1]-a[1])*0.18
			cy := (a[1]+b[1])/2 - (b[0]-a[0])*0.18
			fmt.Fprintf(&d, "M%.0f %.0fQ%.0f %.0f %.0f %.0f", a[0], a[1], cx, cy, b[0], b[1])
		}
		if d.Len() > 0 {
			t.raw(fmt.Sprintf(`<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-opacity="0.5"/>`, d.String(), g.Color, num(0.6*k)))
		}
	}
	// Points are small squares, one path per colour, in the order of the
	// colours' first points.
	var fills []string
	dots := map[string]*bytes.Buffer{}
	side := 2 * k
	for _, pt := range m.Points {
		c := at[pt.Name]
		fill := ink
		if pt.Group != "" {
			fill = color[pt.Group]
		}
		if dots[fill] == nil {
			dots[fill] = &bytes.Buffer{}
			fills = append(fills, fill)
		}
		fmt.Fprintf(dots[fill], "M%.0f %.0fh%sv%sh-%sz", c[0]-side/2, c[1]-side/2, num(side), num(side), num(side))
	}
	for _, f := range fills {
		t.raw(fmt.Sprintf(`<path d="%s" fill="%s"/>`, dots[f].String(), f))
	}
}
