package chart

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Bars describes a horizontal bar chart: one row per category, so that long
// category names stay readable on a phone, and one bar per series in each
// row, or one stacked bar.
type Bars struct {
	ID       string // see ID
	Title    string // drawn on the chart, so that saved images carry it
	Subtitle string // the source, drawn under the title
	Label    string // accessible description
	File     string // saved images' file name, without extension

	ValueName  string   // the value axis's name, such as "Agreements"
	Categories []string // top to bottom
	// Links are the URLs, one per category, where the records a row counts
	// are listed; a click on a bar follows them. Empty when there are none.
	Links  []string
	Series []Series
	// Stacked stacks the series in one bar per category and prints the
	// row's total at its end; otherwise each bar prints its value.
	Stacked bool
	Text    Text // the chart's own words
}

// Series is one named set of values, one per category.
type Series struct {
	Name   string
	Color  string // CSS colour, "#0072b2"
	Values []Value
}

// Layout, in CSS pixels.
const (
	titleHeight  = 52 // title and subtitle
	legendHeight = 28
	axisHeight   = 44 // value axis labels and name
	stackedRow   = 28
	barHeight    = 16 // one bar of a grouped row
	rowPadding   = 12
	charWidth    = 7 // of a 12px label, roughly
	catLabelMax  = 120
)

func (b *Bars) check() error {
	if err := checkID(b.ID); err != nil {
		return err
	}
	if b.Text == nil {
		return fmt.Errorf("chart %s: no Text for the chart's words", b.ID)
	}
	if len(b.Categories) == 0 || len(b.Series) == 0 {
		return fmt.Errorf("chart %s: no categories or no series", b.ID)
	}
	if len(b.Links) != 0 && len(b.Links) != len(b.Categories) {
		return fmt.Errorf("chart %s: %d links for %d categories", b.ID, len(b.Links), len(b.Categories))
	}
	for _, s := range b.Series {
		if len(s.Values) != len(b.Categories) {
			return fmt.Errorf("chart %s: series %q has %d values for %d categories", b.ID, s.Name, len(s.Values), len(b.Categories))
		}
		for _, v := range s.Values {
			if b.Stacked && v.Bound != Exact {
				return fmt.Errorf("chart %s: series %q: a lower bound cannot be stacked", b.ID, s.Name)
			}
		}
	}
	return nil
}

// NewBars builds a bar chart.
func NewBars(b Bars) (*Chart, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	top := titleHeight
	if len(b.Series) > 1 {
		top += legendHeight
	}
	row := rowPadding + barHeight*len(b.Series)
	if b.Stacked {
		row = stackedRow
	}
	labels := b.labels()
	right := 0
	for _, l := range labels {
		for _, s := range l {
			right = max(right, utf8.RuneCountInString(s)*charWidth+8)
		}
	}

	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: b.ID, Renderer: "canvas"}),
		charts.WithTitleOpts(title(b.Title, b.Subtitle)),
		charts.WithAriaOpts(aria(b.Label)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(b.Series) > 1), Top: strconv.Itoa(titleHeight), Left: "0"}),
		charts.WithGridOpts(opts.Grid{
			Top: strconv.Itoa(top), Left: "0", Right: strconv.Itoa(right), Bottom: strconv.Itoa(axisHeight - 16),
			ContainLabel: opts.Bool(true),
		}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: b.ValueName, NameLocation: "middle", NameGap: 26, MinInterval: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)
	if b.Stacked {
		// Segments carry no labels; the tooltip lists a row's parts.
		c.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{
			Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"},
		}))
	} else {
		// Every bar is labelled, lower bounds in words; a tooltip would
		// print a bound as a bare number.
		c.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}))
	}
	c.SetXAxis(b.Categories).XYReversal()

	extraSeries := make([]any, len(b.Series))
	for i, s := range b.Series {
		data := make([]opts.BarData, len(s.Values))
		extraData := make([]any, len(s.Values))
		for j, v := range s.Values {
			data[j] = opts.BarData{Value: v.N}
			extraData[j] = map[string]any{}
			if l := labels[j][i]; l != "" {
				data[j].Label = &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: l}
			}
			if v.Bound != Exact {
				// A lower bound is drawn lighter, with a dashed outline:
				// the bar stops where the source's number does, the count
				// goes on.
				data[j].ItemStyle = &opts.ItemStyle{Color: tint(s.Color), BorderColor: s.Color, BorderWidth: 2}
				extraData[j] = map[string]any{"itemStyle": map[string]any{"borderType": "dashed"}}
			}
		}
		c.AddSeries(s.Name, data,
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				ss.BarMaxWidth = "24"
				if b.Stacked {
					ss.Stack = "total"
				}
			}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}),
		)
		extraSeries[i] = map[string]any{"data": extraData}
	}
	c.Validate()
	extra := map[string]any{
		"textStyle": textStyle,
		"legend":    legendStyle,
		"series":    extraSeries,
		// go-echarts' AxisLabel has no width or overflow: long names wrap.
		"yAxis": []any{map[string]any{"axisLabel": map[string]any{"width": catLabelMax, "overflow": "break"}}},
	}
	if b.legendWidth() > phoneLegend {
		// On a phone the legend may wrap to a second line: the plot
		// starts lower.
		extra["media"] = []any{map[string]any{
			"query":  map[string]any{"maxWidth": narrow},
			"option": map[string]any{"grid": []any{map[string]any{"top": top + legendHeight - 4}}},
		}}
	}
	option, err := marshal(b.ID, c.JSON(), extra)
	if err != nil {
		return nil, err
	}
	return &Chart{
		ID:         b.ID,
		Label:      b.Label,
		Height:     top + row*len(b.Categories) + axisHeight,
		option:     option,
		links:      linkMap(b.Categories, b.Links),
		file:       b.File,
		text:       b.Text,
		bundle:     BundleBars,
		stacked:    b.Stacked,
		categories: b.Categories,
		thumb:      barsThumb(&b),
	}, nil
}

// legendWidth estimates the width of the legend in one row, in CSS
// pixels (see legendStyle), or 0 when there is none.
func (b *Bars) legendWidth() int {
	if len(b.Series) < 2 {
		return 0
	}
	w := 0
	for _, s := range b.Series {
		w += 14 + 5 + utf8.RuneCountInString(s.Name)*charWidth + 8
	}
	return w
}

// labels returns the label of each bar, by category and series: every
// value when the bars are grouped, the row's total at the end of the last
// non-empty segment when they are stacked.
func (b *Bars) labels() [][]string {
	out := make([][]string, len(b.Categories))
	for j := range b.Categories {
		out[j] = make([]string, len(b.Series))
		if !b.Stacked {
			for i, s := range b.Series {
				out[j][i] = s.Values[j].label(b.Text)
			}
			continue
		}
		total, last := 0, -1
		for i, s := range b.Series {
			total += s.Values[j].N
			if s.Values[j].N > 0 {
				last = i
			}
		}
		if last >= 0 {
			out[j][last] = strconv.Itoa(total)
		}
	}
	return out
}

func linkMap(names, links []string) map[string]string {
	if len(links) == 0 {
		return nil
	}
	m := map[string]string{}
	for i, l := range links {
		if l != "" {
			m[names[i]] = l
		}
	}
	return m
}
