package stats

import (
	"cmp"
	"slices"

	"atlas/internal/records"
)

// Counts counts agreements per Latin American country and Asian partner
// country.
type Counts map[[2]string]int

// Get returns the count for a Latin American country and a partner.
func (c Counts) Get(latam, partner string) int { return c[[2]string{latam, partner}] }

// CountAgreements counts the agreements in d by the countries of their two
// localities.
func CountAgreements(d *records.Data, ix *records.Index) Counts {
	return countIf(d, ix, func(*records.Agreement) bool { return true })
}

// CountKinds counts, like CountAgreements, the agreements of the given
// kinds (in is true) or of every other kind (in is false).
func CountKinds(d *records.Data, ix *records.Index, kinds []string, in bool) Counts {
	return countIf(d, ix, func(a *records.Agreement) bool { return slices.Contains(kinds, a.Kind) == in })
}

func countIf(d *records.Data, ix *records.Index, keep func(*records.Agreement) bool) Counts {
	c := Counts{}
	for _, a := range d.Agreements {
		if keep(a) {
			c[[2]string{ix.Locality[a.LatAm].Country, ix.Locality[a.Asia].Country}]++
		}
	}
	return c
}

// Partner is a number of agreements with one Asian country.
type Partner struct {
	Country *records.Country
	N       int
}

// ByPartner returns the agreements of a Latin American country per
// partner, largest first, then by name.
func ByPartner(c Counts, latam string, ix *records.Index) []Partner {
	var out []Partner
	for k, n := range c {
		if k[0] == latam && n > 0 {
			out = append(out, Partner{ix.Country[k[1]], n})
		}
	}
	sortPartners(out)
	return out
}

// PartnerTotals returns the agreements per Asian country over all Latin
// American countries, largest first.
func PartnerTotals(c Counts, ix *records.Index) []Partner {
	m := map[string]int{}
	for k, n := range c {
		m[k[1]] += n
	}
	var out []Partner
	for code, n := range m {
		out = append(out, Partner{ix.Country[code], n})
	}
	sortPartners(out)
	return out
}

func sortPartners(p []Partner) {
	slices.SortFunc(p, func(a, b Partner) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Country.Name, b.Country.Name))
	})
}

// Total sums the counts of a Latin American country ("" for all).
func (c Counts) Total(latam string) int {
	n := 0
	for k, v := range c {
		if latam == "" || k[0] == latam {
			n += v
		}
	}
	return n
}
