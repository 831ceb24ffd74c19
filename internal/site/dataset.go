package site

import (
	"strconv"

	"atlas/internal/chart"
	"atlas/internal/records"
)

// dataset is the data of one chart: the table printed beside it, the CSV
// and JSON downloads, and the series the chart draws are all made from it,
// so that the three cannot disagree.
type dataset struct {
	Title   string // of the downloads
	Caption string // of the HTML table
	RowHead string // header of the column that names the rows, "Country"
	RowKey  string // its key in the downloads, "country"
	Codes   bool   // the rows are countries: downloads carry their ISO codes
	Columns []dataColumn
	Rows    []dataRow
	Foot    *dataRow // the totals, or nil
}

// dataColumn is a column of numbers or, with Text, of words.
type dataColumn struct {
	Key   string // in the downloads
	Label string
	Text  bool
	// Bounded columns hold published numbers that may be lower bounds;
	// the downloads give each bound in a column "<key>_bound".
	Bounded bool
}

// dataRow is a row of a dataset. Link is the site-relative URL where the
// records the row counts are listed, or where the published figure is
// shown beside them.
type dataRow struct {
	Label string
	Code  string
	Link  string
	Cells []dataCell
}

// dataCell is a number, possibly a lower bound, or a text.
type dataCell struct {
	N     int
	Bound string // records.Exact (or ""), AtLeast or MoreThan
	Text  string // replaces the number in the HTML table
}

// String prints a cell as the HTML table shows it.
func (c dataCell) String() string {
	if c.Text != "" {
		return c.Text
	}
	n := strconv.Itoa(c.N)
	switch c.Bound {
	case records.AtLeast:
		return "at least " + n
	case records.MoreThan:
		return "more than " + n
	}
	return n
}

func chartBound(b string) chart.Bound {
	switch b {
	case records.AtLeast:
		return chart.AtLeast
	case records.MoreThan:
		return chart.MoreThan
	}
	return chart.Exact
}

// csv returns the dataset as CSV rows, with a header row.
func (d *dataset) csv() [][]string {
	head := []string{d.RowKey}
	if d.Codes {
		head = append(head, "code")
	}
	for _, c := range d.Columns {
		head = append(head, c.Key)
		if c.Bounded {
			head = append(head, c.Key+"_bound")
		}
	}
	out := [][]string{head}
	rows := d.Rows
	if d.Foot != nil {
		rows = append(rows[:len(rows):len(rows)], *d.Foot)
	}
	for _, r := range rows {
		row := []string{r.Label}
		if d.Codes {
			row = append(row, r.Code)
		}
		for i, c := range d.Columns {
			cell := r.Cells[i]
			if c.Text {
				row = append(row, cell.Text)
			} else {
				row = append(row, strconv.Itoa(cell.N))
			}
			if c.Bounded {
				row = append(row, boundName(cell.Bound))
			}
		}
		out = append(out, row)
	}
	return out
}

func boundName(b string) string {
	if b == "" {
		return records.Exact
	}
	return b
}

// records returns the rows as JSON objects keyed like the CSV columns.
func (d *dataset) records(rows []dataRow) []map[string]any {
	out := []map[string]any{}
	for _, r := range rows {
		m := map[string]any{d.RowKey: r.Label}
		if d.Codes {
			m["code"] = r.Code
		}
		for i, c := range d.Columns {
			cell := r.Cells[i]
			if c.Text {
				m[c.Key] = cell.Text
			} else {
				m[c.Key] = cell.N
			}
			if c.Bounded {
				m[c.Key+"_bound"] = boundName(cell.Bound)
			}
		}
		out = append(out, m)
	}
	return out
}

// json returns the dataset as a JSON document, with its source and
// licence.
func (d *dataset) json(source, licence string) map[string]any {
	type col struct {
		Key   string `json:"key"`
		Label string `json:"label"`
	}
	cols := []col{{d.RowKey, d.RowHead}}
	if d.Codes {
		cols = append(cols, col{"code", "ISO 3166-1 alpha-2 code"})
	}
	for _, c := range d.Columns {
		cols = append(cols, col{c.Key, c.Label})
		if c.Bounded {
			cols = append(cols, col{c.Key + "_bound", c.Label + ": exact, at-least or more-than"})
		}
	}
	m := map[string]any{
		"title":   d.Title,
		"source":  source,
		"licence": licence,
		"columns": cols,
		"rows":    d.records(d.Rows),
	}
	if d.Foot != nil {
		m["total"] = d.records([]dataRow{*d.Foot})[0]
	}
	return m
}

// series returns the numbers of the columns cols as chart series, with
// the colours colors.
func (d *dataset) series(cols []int, colors []string) []chart.Series {
	var out []chart.Series
	for i, ci := range cols {
		s := chart.Series{Name: d.Columns[ci].Label, Color: colors[i%len(colors)]}
		for _, r := range d.Rows {
			c := r.Cells[ci]
			s.Values = append(s.Values, chart.Value{N: c.N, Bound: chartBound(c.Bound)})
		}
		out = append(out, s)
	}
	return out
}

// categories returns the row labels and the rows' links under base.
func (d *dataset) categories(url func(string) string) (names, links []string) {
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
