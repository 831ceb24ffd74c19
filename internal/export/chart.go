package export

import (
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/stats"
)

// Cite is a source a chart's figures come from, with a locator in it.
type Cite struct {
	Source  *records.Source
	Locator string
}

// Chart returns a chart's data files, file+".csv" and file+".json", made
// from the dataset d that the chart draws. sources are where its figures
// come from; licence is the files' licence line (LicenceWikipedia with
// AttribWikipedia when the figures count records derived from Wikipedia).
func Chart(file string, d *stats.Dataset, sources []Cite, licence string) ([]File, error) {
	var srcs []string
	for _, s := range sources {
		c := citation(s.Source)
		if s.Locator != "" {
			c += ", " + s.Locator
		}
		srcs = append(srcs, c)
	}
	j, err := jsonFile(file+".json", datasetJSON(d, strings.Join(srcs, "; "), licence))
	if err != nil {
		return nil, err
	}
	return []File{csvFile(file+".csv", datasetCSV(d)), j}, nil
}

// datasetCSV returns the dataset as CSV rows, with a header row; the
// totals, if any, come last.
func datasetCSV(d *stats.Dataset) [][]string {
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

// boundName names a cell's bound in the downloads, where exact is spelt
// out.
func boundName(b string) string {
	if b == "" {
		return records.Exact
	}
	return b
}

// datasetRecords returns rows as JSON objects keyed like the CSV columns.
func datasetRecords(d *stats.Dataset, rows []stats.DataRow) []map[string]any {
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

// datasetJSON returns the dataset as a JSON document, with its source and
// licence.
func datasetJSON(d *stats.Dataset, source, licence string) map[string]any {
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
		"rows":    datasetRecords(d, d.Rows),
	}
	if d.Foot != nil {
		m["total"] = datasetRecords(d, []stats.DataRow{*d.Foot})[0]
	}
	return m
}
