package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A bar chart is drawn at build time, as two SVG images in the page: a
// wide one, and a narrow one for phones with each row's name above its
// bar (static/charts.css shows one of them). The page can be read, and a
// bar followed to its records, before any script runs and without one;
// static/js/charts.js only adds the controls (series shown, view,
// highlighted row), the exports and the click on a row that follows its
// link, and loads no chart library.
//
// The colours are presentation attributes, light; the stylesheet's rules
// for .chart-svg override the text and grid colours with its custom
// properties, so the images follow the page's dark scheme (data-theme
// says so to static/atlas.css, which otherwise gives a chart a light
// box), and an exported image, which has no stylesheet, keeps the light
// ones.
//
// Every number the script needs is in data- attributes: each bar's value
// (data-v) and series (data-s); each image's plot origin, width and value
// maximum (data-x0, data-plot, data-max).

// svgLayout is the geometry of one of the two images.
type svgLayout struct {
	width      int
	above      bool // row names above the bars, not beside them
	maxTicks   int
	titleSize  int
	className  string
	idSuffix   string
	labelWidth int // of the row names beside the bars; 0 when above
}

const (
	svgFont      = 12
	svgCharWidth = 6.6 // of 12px text, roughly
	svgBar       = 16
	svgRowGap    = 12
	svgNameLine  = 16 // a row name above its bar
	svgLegendRow = 22
	svgAxis      = 40 // tick labels and the axis name
	svgTitle     = 46 // title and source line
)

var (
	wideLayout   = svgLayout{width: 640, maxTicks: 6, titleSize: 15, className: "chart-wide"}
	narrowLayout = svgLayout{width: 340, above: true, maxTicks: 4, titleSize: 14, className: "chart-narrow", idSuffix: "_narrow"}
)

func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * svgCharWidth }

// niceStep is the step of at most n ticks from 0 to max: 1, 2 or 5 times a
// power of ten, and never below 1 (the counts are whole).
func niceStep(max, n int) int {
	if max <= 0 {
		return 1
	}
	raw := float64(max) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return max1(int(m * p))
		}
	}
	return max1(int(10 * p))
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func f1(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// svg draws the chart in one layout.
func (b *Bars) svg(l svgLayout, labels [][]string, links []string) (string, int) {
	var w strings.Builder
	perRow := svgBar
	if !b.Stacked {
		perRow = svgBar * len(b.Series)
	}
	rowH := perRow + svgRowGap
	if l.above {
		rowH += svgNameLine
	}
	top := svgTitle
	// The legend, one row of items or more.
	type item struct {
		x, y int
		name string
	}
	var legend []item
	if len(b.Series) > 1 {
		x, y := 0, top+4
		for _, s := range b.Series {
			iw := 18 + int(textWidth(s.Name)) + 14
			if x > 0 && x+iw > l.width {
				x, y = 0, y+svgLegendRow
			}
			legend = append(legend, item{x, y, s.Name})
			x += iw
		}
		top = y + svgLegendRow
	}
	plotTop := top + 6
	height := plotTop + rowH*len(b.Categories) + svgAxis

	// The plot: beside the row names, and short of the widest label.
	x0 := 0.0
	if !l.above {
		for _, c := range b.Categories {
			x0 = math.Max(x0, textWidth(c))
		}
		x0 = math.Min(x0, 170) + 10
	}
	right := 0.0
	for _, row := range labels {
		for _, s := range row {
			right = math.Max(right, textWidth(s)+8)
		}
	}
	plot := float64(l.width) - x0 - right
	max := 0
	for j := range b.Categories {
		sum := 0
		for _, s := range b.Series {
			if b.Stacked {
				sum += s.Values[j].N
			} else {
				sum = maxInt(sum, s.Values[j].N)
			}
		}
		max = maxInt(max, sum)
	}
	step := niceStep(max, l.maxTicks-1)
	axisMax := max1((max + step - 1) / step * step)
	scale := plot / float64(axisMax)

	id := b.ID + l.idSuffix
	fmt.Fprintf(&w, `<svg class="chart chart-svg %s" id="%s" data-theme="css" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="%s" font-size="%d" data-x0="%s" data-plot="%s" data-max="%d" xmlns="http://www.w3.org/2000/svg">`,
		l.className, id, l.width, height, esc(b.Label), esc(textStyle["fontFamily"].(string)), svgFont, f1(x0), f1(plot), axisMax)
	fmt.Fprintf(&w, `<text class="title" x="0" y="16" font-size="%d" font-weight="600" fill="%s">%s</text>`, l.titleSize, ink, esc(b.Title))
	fmt.Fprintf(&w, `<text class="subtitle" x="0" y="35" fill="%s">%s</text>`, muted, esc(b.Subtitle))
	for i, it := range legend {
		fmt.Fprintf(&w, `<g class="legend-item" data-s="%d"><rect x="%d" y="%d" width="12" height="10" fill="%s"></rect><text x="%d" y="%d" fill="%s">%s</text></g>`,
			i, it.x, it.y+2, esc(b.Series[i].Color), it.x+17, it.y+11, ink, esc(it.name))
	}
	plotBottom := plotTop + rowH*len(b.Categories)
	// Two axes: counts, and shares (hidden until the share view).
	// A tick at the image's left edge is written from there, not centred.
	anchor := func(x float64) string {
		if x < 10 {
			return "start"
		}
		return "middle"
	}
	w.WriteString(`<g class="axis" data-view="count">`)
	for v := 0; v <= axisMax; v += step {
		x := x0 + float64(v)*scale
		fmt.Fprintf(&w, `<line class="grid" x1="%s" y1="%d" x2="%s" y2="%d" stroke="#d5dae1"></line><text class="tick" x="%s" y="%d" text-anchor="%s" fill="%s">%d</text>`,
			f1(x), plotTop, f1(x), plotBottom, f1(x), plotBottom+14, anchor(x), muted, v)
	}
	w.WriteString(`</g>`)
	if b.Stacked {
		w.WriteString(`<g class="axis" data-view="share" display="none">`)
		for v := 0; v <= 100; v += 25 {
			x := x0 + float64(v)*plot/100
			fmt.Fprintf(&w, `<line class="grid" x1="%s" y1="%d" x2="%s" y2="%d" stroke="#d5dae1"></line><text class="tick" x="%s" y="%d" text-anchor="%s" fill="%s">%d%%</text>`,
				f1(x), plotTop, f1(x), plotBottom, f1(x), plotBottom+14, anchor(x), muted, v)
		}
		w.WriteString(`</g>`)
	}
	fmt.Fprintf(&w, `<text class="axis-name" x="%s" y="%d" text-anchor="middle" fill="%s">%s</text>`, f1(x0+plot/2), plotBottom+32, muted, esc(b.ValueName))

	for j, cat := range b.Categories {
		y := plotTop + rowH*j + svgRowGap/2
		// A row with a link is followed on a click (static/js/charts.js,
		// from the data block's links); the table beside the chart has
		// the same links for everyone. An image (role="img") holds no
		// link of its own.
		class := "row"
		if j < len(links) && links[j] != "" {
			class = "row linked"
		}
		fmt.Fprintf(&w, `<g class="%s" data-row="%d">`, class, j)
		if l.above {
			fmt.Fprintf(&w, `<text class="cat" x="0" y="%d" fill="%s">%s</text>`, y+11, ink, esc(cat))
			y += svgNameLine
		} else {
			fmt.Fprintf(&w, `<text class="cat" x="%s" y="%d" text-anchor="end" fill="%s">%s</text>`, f1(x0-8), y+perRow/2+4, ink, esc(cat))
		}
		cum := 0.0
		for i, s := range b.Series {
			v := s.Values[j]
			by := y
			bx := x0
			if b.Stacked {
				bx = x0 + cum*scale
				cum += float64(v.N)
			} else {
				by = y + svgBar*i
			}
			bw := float64(v.N) * scale
			fill, extra := s.Color, ""
			if v.Bound != Exact {
				fill = tint(s.Color)
				extra = fmt.Sprintf(` stroke="%s" stroke-width="1.5" stroke-dasharray="4 2"`, esc(s.Color))
			}
			fmt.Fprintf(&w, `<rect class="bar" data-s="%d" data-v="%d" x="%s" y="%d" width="%s" height="%d" fill="%s"%s></rect>`,
				i, v.N, f1(bx), by+1, f1(bw), svgBar-2, esc(fill), extra)
			if !b.Stacked && labels[j][i] != "" {
				fmt.Fprintf(&w, `<text class="value" data-s="%d" x="%s" y="%d" fill="%s">%s</text>`, i, f1(bx+bw+4), by+svgBar/2+4, ink, esc(labels[j][i]))
			}
		}
		if b.Stacked {
			total := 0
			for _, s := range b.Series {
				total += s.Values[j].N
			}
			fmt.Fprintf(&w, `<text class="total" x="%s" y="%d" fill="%s">%d</text>`, f1(x0+cum*scale+4), y+svgBar/2+4, ink, total)
		}
		w.WriteString(`</g>`)
	}
	w.WriteString(`</svg>`)
	return w.String(), height
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
