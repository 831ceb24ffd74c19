package stats

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/records"
)

// Text gives a dataset its words in the reader's language;
// messages.Table implements it. The constructors name only message keys
// (data.*, table-1.claim.*), so that no sentence is written in Go.
type Text interface {
	Sprintf(key string, args ...any) string
}

// Link returns the site-relative URL of a row by its country code ("" for
// a row that covers the whole region), or "" for none.
type Link func(code string) string

// columns returns the columns with the keys keys, labelled
// data.column.<key>.
func columns(text Text, keys ...string) []DataColumn {
	out := make([]DataColumn, len(keys))
	for i, k := range keys {
		out[i] = DataColumn{Key: k, Label: text.Sprintf("data.column." + k)}
	}
	return out
}

// Table1Dataset is Table 1 per country and partner, with the table's
// "China and Taiwan" column split as its cells name them: Japan, Korea,
// China, Taiwan, the other partners together and by name, and the row's
// total.
func Table1Dataset(t *Table, ix *records.Index, text Text, link Link) *Dataset {
	partners := [][]string{{"JP"}, {"KR"}, {"CN"}, {"TW"}, nil}
	for _, c := range t.Columns {
		if len(c.Partners) > 0 && c.Plain == "" {
			partners[4] = c.Partners // the "Other" column
		}
	}
	d := &Dataset{
		Title:   text.Sprintf("data.table-1.title", t.Title),
		Caption: text.Sprintf("data.table-1.caption"),
		RowHead: text.Sprintf("data.head.country"), RowKey: "country", Codes: true,
		Columns: columns(text, "japan", "korea", "china", "taiwan", "other", "other_partners", "total"),
	}
	d.Columns[5].Text = true // the other partners by name
	foot := DataRow{Label: text.Sprintf("data.total"), Cells: make([]DataCell, len(d.Columns))}
	for i, r := range t.Table.Rows {
		row := DataRow{Label: t.Rows[i].Country.Name, Code: r.Country, Link: link(r.Country)}
		for j, ps := range partners {
			n := 0
			for _, p := range ps {
				n += r.Counts[p]
			}
			row.Cells = append(row.Cells, DataCell{N: n})
			foot.Cells[j].N += n
		}
		var others []string
		for _, p := range partners[4] {
			if r.Counts[p] > 0 {
				others = append(others, ix.Country[p].Name)
			}
		}
		row.Cells = append(row.Cells, DataCell{Text: strings.Join(others, ", ")}, DataCell{N: t.Rows[i].Total})
		d.Rows = append(d.Rows, row)
	}
	foot.Cells[6].N = t.GrandTotal
	d.Foot = &foot
	return d
}

// Counts returns the table's published cells as counts per Latin American
// country and partner.
func (t *Table) Counts() Counts {
	c := Counts{}
	for _, r := range t.Table.Rows {
		for p, n := range r.Counts {
			if n > 0 {
				c[[2]string{r.Country, p}] += n
			}
		}
	}
	return c
}

// PartnersDataset is Table 1's agreements per partner country, largest
// first, with each one's share of the table's total. Every row links to
// link("").
func PartnersDataset(t *Table, ix *records.Index, text Text, link Link) *Dataset {
	d := &Dataset{
		Title:   text.Sprintf("data.table-1-partners.title", t.Title),
		Caption: text.Sprintf("data.table-1-partners.caption", t.GrandTotal),
		RowHead: text.Sprintf("data.head.partner"), RowKey: "partner", Codes: true,
		Columns: []DataColumn{
			{Key: "agreements", Label: text.Sprintf("data.column.agreements")},
			{Key: "share", Label: text.Sprintf("data.column.share"), Text: true},
		},
	}
	for _, p := range PartnerTotals(t.Counts(), ix) {
		d.Rows = append(d.Rows, DataRow{
			Label: p.Country.Name, Code: p.Country.Code, Link: link(""),
			Cells: []DataCell{{N: p.N}, {Text: Share{p.N, t.GrandTotal}.Percent()}},
		})
	}
	d.Foot = &DataRow{Label: text.Sprintf("data.total"), Cells: []DataCell{
		{N: t.GrandTotal}, {Text: Share{t.GrandTotal, t.GrandTotal}.Percent()},
	}}
	return d
}

// FiguresDataset is a set of published figures as one row per scope, in
// the order the set first gives them, and one column per year. Validation
// ensures that every scope has a figure in every year. Lower bounds print
// as the source words them ("more than 200").
func FiguresDataset(set *records.FigureSet, ix *records.Index, text Text, link Link) *Dataset {
	var years []int
	var scopes []string
	cells := map[string]records.Figure{}
	for _, f := range set.Items {
		if !slices.Contains(years, f.AsOf) {
			years = append(years, f.AsOf)
		}
		if !slices.Contains(scopes, f.Scope) {
			scopes = append(scopes, f.Scope)
		}
		cells[f.Scope+"@"+strconv.Itoa(f.AsOf)] = f
	}
	slices.Sort(years)
	partner := ix.Country[set.Partner]
	d := &Dataset{
		Title:   set.Title,
		Caption: text.Sprintf("data.figures.caption", text.Sprintf("partner.adj", partner.Code, partner.Name)),
		RowHead: text.Sprintf("data.head.scope"), RowKey: "scope", Codes: true,
	}
	for _, y := range years {
		s := strconv.Itoa(y)
		d.Columns = append(d.Columns, DataColumn{Key: "agreements_" + s, Label: s, Bounded: true})
	}
	for _, s := range scopes {
		row := DataRow{Label: text.Sprintf("data.scope.all"), Link: link("")}
		if c := ix.Country[s]; c != nil {
			row = DataRow{Label: c.Name, Code: c.Code, Link: link(c.Code)}
		}
		for _, y := range years {
			row.Cells = append(row.Cells, figureCell(cells[s+"@"+strconv.Itoa(y)], text))
		}
		d.Rows = append(d.Rows, row)
	}
	return d
}

// figureCell is a published figure; a lower bound carries its wording.
func figureCell(f records.Figure, text Text) DataCell {
	c := DataCell{N: f.Value, Bound: f.Bound}
	switch f.Bound {
	case records.AtLeast:
		c.Text = text.Sprintf("data.at-least", f.Value)
	case records.MoreThan:
		c.Text = text.Sprintf("data.more-than", f.Value)
	}
	return c
}

// CompareDataset is each Table 1 country's total beside today's records
// over the same partner countries.
func CompareDataset(t *Table, text Text, link Link) *Dataset {
	d := &Dataset{
		Title:   text.Sprintf("data.table-1-vs-records.title", t.Title),
		Caption: text.Sprintf("data.table-1-vs-records.caption"),
		RowHead: text.Sprintf("data.head.country"), RowKey: "country", Codes: true,
		Columns: columns(text, "table_1", "records"),
	}
	_, recTotal := t.RecordsSums()
	for _, r := range t.Rows {
		d.Rows = append(d.Rows, DataRow{
			Label: r.Country.Name, Code: r.Country.Code, Link: link(r.Country.Code),
			Cells: []DataCell{{N: r.Total}, {N: r.RecordsTotal}},
		})
	}
	d.Foot = &DataRow{Label: text.Sprintf("data.total"), Cells: []DataCell{{N: t.GrandTotal}, {N: recTotal}}}
	return d
}

// MapDataset is today's records per Latin American and Caribbean country
// of countries, most first, then by name. Only rows with records link.
func MapDataset(c Counts, countries []*records.Country, text Text, link Link) *Dataset {
	d := &Dataset{
		Title:   text.Sprintf("data.map.title"),
		Caption: text.Sprintf("data.map.caption"),
		RowHead: text.Sprintf("data.head.country"), RowKey: "country", Codes: true,
		Columns: columns(text, "agreements"),
	}
	total := 0
	for _, co := range countries {
		if co.Region != records.LatinAmerica {
			continue
		}
		n := c.Total(co.Code)
		row := DataRow{Label: co.Name, Code: co.Code, Cells: []DataCell{{N: n}}}
		if n > 0 {
			row.Link = link(co.Code)
		}
		total += n
		d.Rows = append(d.Rows, row)
	}
	slices.SortStableFunc(d.Rows, func(a, b DataRow) int {
		return cmp.Or(cmp.Compare(b.Cells[0].N, a.Cells[0].N), strings.Compare(a.Label, b.Label))
	})
	d.Foot = &DataRow{Label: text.Sprintf("data.total"), Cells: []DataCell{{N: total}}}
	return d
}
