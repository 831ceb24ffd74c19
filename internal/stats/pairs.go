package stats

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/records"
)

// Pair is one agreement with its two places and their countries, as the
// map of pairs and the timeline read it.
type Pair struct {
	Agreement    *records.Agreement
	LatAm, Asia  *records.Locality
	LatAmCountry *records.Country
	Partner      *records.Country // the Asian side's country
}

// Mapped reports whether both places have coordinates, so that the pair
// can be drawn as a line.
func (p Pair) Mapped() bool { return p.LatAm.HasCoords() && p.Asia.HasCoords() }

// Pairs returns every agreement of d as a pair, by agreement id.
func Pairs(d *records.Data, ix *records.Index) []Pair {
	out := make([]Pair, 0, len(d.Agreements))
	for _, a := range d.Agreements {
		la, as := ix.Locality[a.LatAm], ix.Locality[a.Asia]
		out = append(out, Pair{
			Agreement: a, LatAm: la, Asia: as,
			LatAmCountry: ix.Country[la.Country], Partner: ix.Country[as.Country],
		})
	}
	slices.SortFunc(out, func(a, b Pair) int { return strings.Compare(a.Agreement.ID, b.Agreement.ID) })
	return out
}

// Unmapped returns the pairs that cannot be drawn, because one place or
// both lack coordinates, in the order of pairs.
func Unmapped(pairs []Pair) []Pair {
	var out []Pair
	for _, p := range pairs {
		if !p.Mapped() {
			out = append(out, p)
		}
	}
	return out
}

// kindsOf returns the kinds, in records.Kinds' order, that some pair has.
func kindsOf(pairs []Pair) []string {
	var out []string
	for _, k := range records.Kinds {
		if slices.ContainsFunc(pairs, func(p Pair) bool { return p.Agreement.Kind == k }) {
			out = append(out, k)
		}
	}
	return out
}

// PairKinds returns the kinds of agreement among the pairs, in
// records.Kinds' order, with how many pairs of each are mapped.
func PairKinds(pairs []Pair) (kinds []string, mapped []int) {
	kinds = kindsOf(pairs)
	mapped = make([]int, len(kinds))
	for _, p := range pairs {
		if p.Mapped() {
			mapped[slices.Index(kinds, p.Agreement.Kind)]++
		}
	}
	return kinds, mapped
}

// PairsDataset is the map of pairs as a table: per Asian partner country,
// the pairs the map draws by kind and in all, the pairs it cannot draw for
// want of coordinates, and the total; most pairs first, then by name. Its
// columns are keyed kind_<kind> (labelled data.kind.<kind>), mapped,
// unmapped and total. Rows link to link(partner code).
func PairsDataset(pairs []Pair, text Text, link Link) *Dataset {
	kinds := kindsOf(pairs)
	d := &Dataset{
		Title:   text.Sprintf("data.pairs.title"),
		Caption: text.Sprintf("data.pairs.caption"),
		RowHead: text.Sprintf("data.head.partner"), RowKey: "partner", Codes: true,
	}
	for _, k := range kinds {
		d.Columns = append(d.Columns, DataColumn{Key: "kind_" + strings.ReplaceAll(k, "-", "_"), Label: text.Sprintf("data.kind." + k)})
	}
	d.Columns = append(d.Columns, columns(text, "mapped", "unmapped", "total")...)
	nk := len(kinds)
	rows := map[string]*DataRow{}
	foot := DataRow{Label: text.Sprintf("data.total"), Cells: make([]DataCell, len(d.Columns))}
	for _, p := range pairs {
		r := rows[p.Partner.Code]
		if r == nil {
			r = &DataRow{Label: p.Partner.Name, Code: p.Partner.Code, Link: link(p.Partner.Code), Cells: make([]DataCell, len(d.Columns))}
			rows[p.Partner.Code] = r
		}
		col := nk + 1 // unmapped
		if p.Mapped() {
			k := slices.Index(kinds, p.Agreement.Kind)
			r.Cells[k].N++
			foot.Cells[k].N++
			col = nk
		}
		for _, c := range []int{col, nk + 2} {
			r.Cells[c].N++
			foot.Cells[c].N++
		}
	}
	for _, r := range rows {
		d.Rows = append(d.Rows, *r)
	}
	slices.SortFunc(d.Rows, func(a, b DataRow) int {
		return cmp.Or(cmp.Compare(b.Cells[nk+2].N, a.Cells[nk+2].N), strings.Compare(a.Label, b.Label))
	})
	d.Foot = &foot
	return d
}
