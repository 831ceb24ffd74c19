package stats

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/records"
)

// Milestone is the earliest dated agreement with one partner country.
// Undated agreements with the same country may be older: a milestone is
// the first that a source dates, not necessarily the first signed.
type Milestone struct {
	Partner *records.Country
	Year    int
	Pair    Pair
}

// Milestones returns, for every partner country with a dated agreement,
// its earliest one: the lowest year, then the earliest date where both
// give one (a date within the year comes before none), then the lowest
// id. They are ordered by year, then by partner name.
func Milestones(pairs []Pair) []Milestone {
	first := map[string]Pair{}
	for _, p := range pairs {
		if p.Agreement.Year == nil {
			continue
		}
		q, ok := first[p.Partner.Code]
		if !ok || earlier(p.Agreement, q.Agreement) {
			first[p.Partner.Code] = p
		}
	}
	var out []Milestone
	for _, p := range first {
		out = append(out, Milestone{Partner: p.Partner, Year: *p.Agreement.Year, Pair: p})
	}
	slices.SortFunc(out, func(a, b Milestone) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), strings.Compare(a.Partner.Name, b.Partner.Name))
	})
	return out
}

// earlier reports whether dated agreement a comes before dated agreement b.
func earlier(a, b *records.Agreement) bool {
	if *a.Year != *b.Year {
		return *a.Year < *b.Year
	}
	if (a.Date == "") != (b.Date == "") {
		return a.Date != ""
	}
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.ID < b.ID
}

// Undated returns the partner countries none of whose agreements has a
// year, with their number of agreements, most first, then by name.
func Undated(pairs []Pair) []Partner {
	n := map[string]int{}
	dated := map[string]bool{}
	byCode := map[string]*records.Country{}
	for _, p := range pairs {
		byCode[p.Partner.Code] = p.Partner
		n[p.Partner.Code]++
		if p.Agreement.Year != nil {
			dated[p.Partner.Code] = true
		}
	}
	var out []Partner
	for code, c := range byCode {
		if !dated[code] {
			out = append(out, Partner{Country: c, N: n[code]})
		}
	}
	sortPartners(out)
	return out
}

// TimelineDataset is the agreements by year of signing, as a source gives
// it: one row for every year from the first dated agreement to the last
// (years with none included, so that the rows are a time axis), then a
// last row, labelled data.year.unknown and without a code, for the
// agreements that no source dates, so that they are counted, not dropped.
// The columns are the partner countries with a dated agreement (most
// dated first, then by name; keyed by lower-case code), the other
// partners together (other_partners: they appear only in the last row),
// the total, and, as text, the partners whose first dated agreement falls
// in the year (first_with, see Milestones).
func TimelineDataset(pairs []Pair, text Text) *Dataset {
	d := &Dataset{
		Title:   text.Sprintf("data.timeline.title"),
		Caption: text.Sprintf("data.timeline.caption"),
		RowHead: text.Sprintf("data.head.year"), RowKey: "year",
	}
	dated := map[string]int{}
	byCode := map[string]*records.Country{}
	lo, hi := 0, 0
	for _, p := range pairs {
		if y := p.Agreement.Year; y != nil {
			dated[p.Partner.Code]++
			byCode[p.Partner.Code] = p.Partner
			if lo == 0 || *y < lo {
				lo = *y
			}
			hi = max(hi, *y)
		}
	}
	var partners []Partner
	for code, n := range dated {
		partners = append(partners, Partner{Country: byCode[code], N: n})
	}
	sortPartners(partners)
	col := map[string]int{}
	for i, p := range partners {
		col[p.Country.Code] = i
		d.Columns = append(d.Columns, DataColumn{Key: strings.ToLower(p.Country.Code), Label: p.Country.Name})
	}
	np := len(partners)
	d.Columns = append(d.Columns, columns(text, "other_partners", "total", "first_with")...)
	d.Columns[np+2].Text = true
	newRow := func(label string) DataRow {
		return DataRow{Label: label, Cells: make([]DataCell, len(d.Columns))}
	}
	if hi > 0 {
		for y := lo; y <= hi; y++ {
			d.Rows = append(d.Rows, newRow(strconv.Itoa(y)))
		}
	}
	unknown := newRow(text.Sprintf("data.year.unknown"))
	foot := newRow(text.Sprintf("data.total"))
	for _, p := range pairs {
		r := &unknown
		if y := p.Agreement.Year; y != nil {
			r = &d.Rows[*y-lo]
		}
		c, ok := col[p.Partner.Code]
		if !ok {
			c = np
		}
		for _, row := range []*DataRow{r, &foot} {
			row.Cells[c].N++
			row.Cells[np+1].N++
		}
	}
	firsts := map[int][]string{}
	for _, m := range Milestones(pairs) {
		firsts[m.Year] = append(firsts[m.Year], m.Partner.Name)
	}
	for y, names := range firsts {
		d.Rows[y-lo].Cells[np+2].Text = strings.Join(names, ", ")
	}
	d.Rows = append(d.Rows, unknown)
	d.Foot = &foot
	return d
}
