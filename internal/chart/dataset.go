package chart

import (
	"atlas/internal/records"
	"atlas/internal/stats"
)

// The conversion from a dataset lives here rather than in site, so that
// the chart package alone knows how a dataset's cells become bars: site
// only picks the columns and colours.

// DatasetSeries returns the numbers of d's columns cols as series, with
// the colours colors (repeated when there are fewer).
func DatasetSeries(d *stats.Dataset, cols []int, colors []string) []Series {
	var out []Series
	for i, ci := range cols {
		s := Series{Name: d.Columns[ci].Label, Color: colors[i%len(colors)]}
		for _, r := range d.Rows {
			c := r.Cells[ci]
			s.Values = append(s.Values, Value{N: c.N, Bound: bound(c.Bound)})
		}
		out = append(out, s)
	}
	return out
}

// DatasetCategories returns d's row labels and the rows' links, made
// absolute by url ("" for a row without a link).
func DatasetCategories(d *stats.Dataset, url func(string) string) (names, links []string) {
	for _, r := range d.Rows {
		names = append(names, r.Label)
		l := ""
		if r.Link != "" {
			l = url(r.Link)
		}
		links = append(links, l)
	}
	return names, links
}

// bound maps a record's bound to a chart's.
func bound(b string) Bound {
	switch b {
	case records.AtLeast:
		return AtLeast
	case records.MoreThan:
		return MoreThan
	}
	return Exact
}
