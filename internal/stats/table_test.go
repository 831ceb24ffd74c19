package stats

import (
	"testing"

	"atlas/internal/records"
)

func TestCell(t *testing.T) {
	names := map[string]string{"JP": "Japan", "CN": "China", "TW": "Taiwan", "IN": "India", "ID": "Indonesia", "PH": "Philippines"}
	name := func(code string) string { return names[code] }
	japan := &records.Column{Label: "Japan", Partners: []string{"JP"}, Plain: "JP"}
	chinaTaiwan := &records.Column{Label: "China and Taiwan", Partners: []string{"CN", "TW"}, Plain: "CN"}
	other := &records.Column{Label: "Other", Partners: []string{"IN", "ID", "PH"}}
	tests := []struct {
		name   string
		col    *records.Column
		counts map[string]int
		want   string
	}{
		{"plain number", japan, map[string]int{"JP": 44}, "44"},
		{"zero is empty", japan, map[string]int{"CN": 3}, ""},
		{"no counts", chinaTaiwan, nil, ""},
		{"China alone is bare", chinaTaiwan, map[string]int{"CN": 15}, "15"},
		{"Taiwan alone is named", chinaTaiwan, map[string]int{"TW": 2}, "2 (Taiwan)"},
		{"both are named", chinaTaiwan, map[string]int{"CN": 4, "TW": 1}, "4 (China), 1 (Taiwan)"},
		{"other is always named", other, map[string]int{"IN": 2}, "2 (India)"},
		{"other, one", other, map[string]int{"PH": 1}, "1 (Philippines)"},
		{"other, several in column order", other, map[string]int{"PH": 1, "IN": 2}, "2 (India), 1 (Philippines)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cell(tt.col, tt.counts, name); got != tt.want {
				t.Errorf("Cell = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShare(t *testing.T) {
	if got := (Share{61, 126}).Percent(); got != "48.4%" {
		t.Errorf("61 of 126 = %s, want 48.4%%", got)
	}
}

func TestClaims(t *testing.T) {
	br := &records.Country{Code: "BR", Name: "Brazil"}
	tab := &Table{
		Table: &records.Table{Claims: []records.Claim{
			{Quote: "more than a hundred cases", Check: records.ClaimTotalAbove, Value: 100},
			{Quote: "Brazil accounts for half", Check: records.ClaimRowShare, Country: "BR", Value: 50},
			{Quote: "Brazil accounts for a third", Check: records.ClaimRowShare, Country: "BR", Value: 33},
		}},
		Rows:       []TableRow{{Country: br, Total: 61}},
		GrandTotal: 126,
	}
	got := tab.Claims(keys{})
	want := []struct {
		finding string
		holds   bool
	}{
		{"table-1.claim.total-above[126 100]", true},
		{"table-1.claim.row-share[Brazil 61 126 48.4% 50]", true},
		{"table-1.claim.row-share[Brazil 61 126 48.4% 33]", false},
	}
	for i, w := range want {
		if got[i].Finding != w.finding || got[i].Holds != w.holds {
			t.Errorf("claim %d = %q %v, want %q %v", i, got[i].Finding, got[i].Holds, w.finding, w.holds)
		}
	}
}
