// Package stats derives figures from validated records: agreement counts per
// country and partner, the rendering of a published cross table such as
// Rouvinski's Table 1 and the checks of the claims made about it, the
// comparison of published counts with today's records, and the dataset
// of each chart (Dataset, built by Table1Dataset, PartnersDataset,
// FiguresDataset, CompareDataset and MapDataset), from which the chart,
// the table beside it and its downloads are all made.
//
// The package counts; it writes no sentence. The words a dataset carries
// (its title, caption and column heads) come from a Text, by message key.
package stats

import (
	"fmt"
	"strconv"
	"strings"

	"atlas/internal/records"
)

// Table is a published cross table ready to print: its cells rendered by
// the table's own rule and its totals recomputed.
type Table struct {
	*records.Table
	// Lang is the language the table was published in (its source's),
	// in which its title and column labels are reproduced; "" when the
	// source does not say.
	Lang       string
	Rows       []TableRow
	Sums       []int // per column, computed from the cells
	GrandTotal int
}

// TableRow is one country's row.
type TableRow struct {
	Country *records.Country
	Cells   []string // as printed
	Counts  []int    // per column
	Total   int
	// Records counts today's agreement records of the kinds the table
	// counts (records.TwinningKinds) for the same cells, and Other the
	// records of other kinds, shown apart and not compared.
	Records      []int
	RecordsTotal int
	Other        int
}

// Cell prints the counts of one column as the source printed them: empty
// for zero; a bare number when the only partner counted is the column's
// plain partner; otherwise "N (Name)" for each partner with a count,
// joined by ", " in the column's partner order.
func Cell(col *records.Column, counts map[string]int, name func(code string) string) string {
	var parts []string
	for _, code := range col.Partners {
		if n := counts[code]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d (%s)", n, name(code)))
		}
	}
	if len(parts) == 1 && counts[col.Plain] > 0 {
		return strconv.Itoa(counts[col.Plain])
	}
	return strings.Join(parts, ", ")
}

// NewTable renders t's cells and sums its columns; recs counts today's
// records of the kinds the table counts per Latin American country and
// partner, and other those of every other kind.
func NewTable(t *records.Table, ix *records.Index, recs, other Counts) *Table {
	name := func(code string) string { return ix.Country[code].Name }
	out := &Table{Table: t, Sums: make([]int, len(t.Columns))}
	if src := ix.Source[t.Source]; src != nil {
		out.Lang = src.Lang
	}
	for _, r := range t.Rows {
		row := TableRow{
			Country: ix.Country[r.Country],
			Counts:  make([]int, len(t.Columns)),
			Records: make([]int, len(t.Columns)),
		}
		for i, c := range t.Columns {
			row.Cells = append(row.Cells, Cell(&t.Columns[i], r.Counts, name))
			for _, p := range c.Partners {
				row.Counts[i] += r.Counts[p]
				row.Records[i] += recs.Get(r.Country, p)
				row.Other += other.Get(r.Country, p)
			}
			row.Total += row.Counts[i]
			row.RecordsTotal += row.Records[i]
			out.Sums[i] += row.Counts[i]
		}
		out.GrandTotal += row.Total
		out.Rows = append(out.Rows, row)
	}
	return out
}

// OtherTotal totals the records of other kinds over the table's cells.
func (t *Table) OtherTotal() int {
	n := 0
	for _, r := range t.Rows {
		n += r.Other
	}
	return n
}

// RecordsSums totals today's records per column over the table's rows.
func (t *Table) RecordsSums() (sums []int, total int) {
	sums = make([]int, len(t.Columns))
	for _, r := range t.Rows {
		for i, n := range r.Records {
			sums[i] += n
			total += n
		}
	}
	return sums, total
}

// Row returns the row of the country with code, or nil.
func (t *Table) Row(code string) *TableRow {
	for i := range t.Rows {
		if t.Rows[i].Country.Code == code {
			return &t.Rows[i]
		}
	}
	return nil
}

// Share is a part of a whole, as a checked claim prints it.
type Share struct {
	Part, Whole int
}

// Percent is the share in percent, rounded to one decimal, as the message
// data.share prints it ("48.4%"), or data.share.none for a share of
// nothing. The number is written with a decimal point in every language.
func (s Share) Percent(text Text) string {
	if s.Whole == 0 {
		return text.Sprintf("data.share.none")
	}
	return text.Sprintf("data.share", strconv.FormatFloat(float64(s.Part)*100/float64(s.Whole), 'f', 1, 64))
}

// Largest returns the row with the largest total (the first on a tie).
func (t *Table) Largest() *TableRow {
	var best *TableRow
	for i := range t.Rows {
		if best == nil || t.Rows[i].Total > best.Total {
			best = &t.Rows[i]
		}
	}
	return best
}

// CellPair is one cell of a published table beside the count of today's
// records for it.
type CellPair struct{ Published, Records int }

// Pairs returns the row's cells beside today's records, per column.
func (r *TableRow) Pairs() []CellPair {
	out := make([]CellPair, len(r.Counts))
	for i := range r.Counts {
		out[i] = CellPair{r.Counts[i], r.Records[i]}
	}
	return out
}

// PrintedTotal sums the printed TOTAL row.
func (t *Table) PrintedTotal() int {
	n := 0
	for _, v := range t.Totals {
		n += v
	}
	return n
}
