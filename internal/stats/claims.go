package stats

import "atlas/internal/records"

// Claim is a statement a source makes about its table, with the figure
// computed from the table's cells and whether the cells bear it out.
type Claim struct {
	Quote   string
	Locator string
	Finding string
	Holds   bool
}

// ShareTolerance is how far, in percentage points, a computed share may
// be from a claimed one ("half") for the claim to count as consistent.
const ShareTolerance = 2.5

// Claims checks the claims stored with the table against its cells; text
// words the findings (messages table-1.claim.*).
func (t *Table) Claims(text Text) []Claim {
	var out []Claim
	for _, c := range t.Table.Claims {
		switch c.Check {
		case records.ClaimTotalAbove:
			out = append(out, Claim{
				Quote: c.Quote, Locator: c.Locator,
				Finding: text.Sprintf("table-1.claim.total-above", t.GrandTotal, c.Value),
				Holds:   t.GrandTotal > c.Value,
			})
		case records.ClaimRowShare:
			r := t.Row(c.Country)
			if r == nil {
				continue // validation reports a claim about a missing row
			}
			s := Share{Part: r.Total, Whole: t.GrandTotal}
			out = append(out, Claim{
				Quote: c.Quote, Locator: c.Locator,
				Finding: text.Sprintf("table-1.claim.row-share", r.Country.Name, r.Total, t.GrandTotal, s.Percent(), c.Value),
				Holds:   s.Near(c.Value),
			})
		}
	}
	return out
}

// Near reports whether the share is within ShareTolerance points of
// percent.
func (s Share) Near(percent int) bool {
	if s.Whole == 0 {
		return false
	}
	d := float64(s.Part)*100/float64(s.Whole) - float64(percent)
	return d <= ShareTolerance && d >= -ShareTolerance
}
