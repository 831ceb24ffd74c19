package stats

import (
	"strconv"

	"atlas/internal/records"
)

// Dataset is the data of one chart: the table printed beside it, the CSV
// and JSON downloads, and the series the chart draws are all made from it,
// so that the three cannot disagree.
type Dataset struct {
	Title   string // of the downloads
	Caption string // of the HTML table
	RowHead string // header of the column that names the rows, "Country"
	RowKey  string // its key in the downloads, "country"
	Codes   bool   // the rows are countries: downloads carry their ISO codes
	Columns []DataColumn
	Rows    []DataRow
	Foot    *DataRow // the totals, or nil
}

// DataColumn is a column of numbers or, with Text, of words.
type DataColumn struct {
	Key   string // in the downloads
	Label string
	Text  bool
	// Bounded columns hold published numbers that may be lower bounds;
	// the downloads give each bound in a column "<key>_bound".
	Bounded bool
}

// DataRow is a row of a dataset. Link is the site-relative URL where the
// records the row counts are listed, or where the published figure is
// shown beside them.
type DataRow struct {
	Label string
	Code  string
	Link  string
	Cells []DataCell
}

// DataCell is a number, possibly a lower bound, or a text.
type DataCell struct {
	N     int
	Bound string // records.Exact (or ""), AtLeast or MoreThan
	Text  string // replaces the number in the HTML table
}

// String prints a cell as the HTML table shows it.
func (c DataCell) String() string {
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
