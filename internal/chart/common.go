package chart

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// textStyle is the charts' font: the site's own system font stack. The
// names are in single quotes: ECharts writes the font into an SVG
// export's style attributes, in double quotes, without escaping.
var textStyle = map[string]any{
	"fontFamily": `system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif`,
}

// legendStyle keeps legend entries small, so that five fit in a row on a
// phone.
var legendStyle = map[string]any{"itemWidth": 14, "itemHeight": 10, "itemGap": 8}

// phoneLegend is the widest legend, in CSS pixels, that fits in one row
// on the narrowest phones (320 pixels, less the page's margins).
const phoneLegend = 288

// narrow is the width, in CSS pixels, up to which a chart is laid out for
// a phone (see the "media" rules of the options).
const narrow = 480

// Colours of the text, shared with the site's stylesheet.
const (
	ink   = "#1b1f24"
	muted = "#4a5360"
)

func title(text, sub string) opts.Title {
	return opts.Title{
		Title: text, Subtitle: sub, Left: "0", Top: "0",
		TitleStyle:    &opts.TextStyle{FontSize: 15, Color: ink},
		SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: muted},
	}
}

// aria turns on ECharts' accessibility support, with our own description
// of the chart instead of the generated one.
func aria(label string) *opts.Aria {
	return &opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: label},
	}
}

// tint mixes a "#rrggbb" colour with white, for bars that are lower
// bounds; other colours are returned as they are.
func tint(color string) string {
	if len(color) != 7 || color[0] != '#' {
		return color
	}
	n, err := strconv.ParseUint(color[1:], 16, 32)
	if err != nil {
		return color
	}
	mix := func(c uint64) uint64 { return c + (255-c)*3/5 }
	r, g, b := mix(n>>16&0xff), mix(n>>8&0xff), mix(n&0xff)
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}
