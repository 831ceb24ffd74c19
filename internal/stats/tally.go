package stats

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/records"
)

// Tally is the number of items that share a key.
type Tally struct {
	Key   string
	N     int
	First int // the index of the first item with the key
}

// CountBy counts xs by key, most first, then by key.
func CountBy[T any](xs []T, key func(T) string) []Tally {
	idx := map[string]int{}
	var out []Tally
	for i, x := range xs {
		k := key(x)
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, Tally{Key: k, First: i})
		}
		out[j].N++
	}
	slices.SortFunc(out, func(a, b Tally) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Key, b.Key))
	})
	return out
}

// Localities counts the localities of d whose country lies in region
// (records.LatinAmerica or records.Asia).
func Localities(d *records.Data, ix *records.Index, region string) int {
	n := 0
	for _, l := range d.Localities {
		if ix.Country[l.Country].Region == region {
			n++
		}
	}
	return n
}

// Citing counts, for each source id, the agreements that cite it; an
// agreement that cites a source twice counts once.
func Citing(as []*records.Agreement) map[string]int {
	n := map[string]int{}
	for _, a := range as {
		seen := map[string]bool{}
		for _, c := range a.Sources {
			if !seen[c.Source] {
				n[c.Source]++
				seen[c.Source] = true
			}
		}
	}
	return n
}

// Ends counts, for each locality id, the mapped pairs (those whose two
// places have coordinates) it is an end of.
func Ends(pairs []Pair) map[string]int {
	n := map[string]int{}
	for _, p := range pairs {
		if p.Mapped() {
			n[p.LatAm.ID]++
			n[p.Asia.ID]++
		}
	}
	return n
}

// Partner sums the counts of an Asian partner over every Latin American
// country.
func (c Counts) Partner(code string) int {
	n := 0
	for k, v := range c {
		if k[1] == code {
			n += v
		}
	}
	return n
}
