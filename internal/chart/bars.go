package chart

import (
	"fmt"
	"html/template"
	"strconv"
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

// titleHeight is the height of a chart's title and subtitle, in CSS
// pixels, in the ECharts charts.
const titleHeight = 52

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

// NewBars builds a bar chart, drawn at build time (see svg.go).
func NewBars(b Bars) (*Chart, error) {
	if err := b.check(); err != nil {
		return nil, err
	}
	labels := b.labels()
	wide, height := b.svg(wideLayout, labels, b.Links)
	narrow, _ := b.svg(narrowLayout, labels, b.Links)
	series := make([]string, len(b.Series))
	for i, s := range b.Series {
		series[i] = s.Name
	}
	return &Chart{
		ID:         b.ID,
		Label:      b.Label,
		Height:     height,
		svg:        template.HTML(wide + "\n" + narrow), // escaped by svg
		series:     series,
		links:      linkMap(b.Categories, b.Links),
		file:       b.File,
		text:       b.Text,
		stacked:    b.Stacked,
		categories: b.Categories,
		thumb:      barsThumb(&b),
	}, nil
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
