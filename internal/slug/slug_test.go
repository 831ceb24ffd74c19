package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Biobío", "biobio"},
		{"São Paulo", "sao-paulo"},
		{"Entre Ríos", "entre-rios"},
		{"Coquimbo–Henan", "coquimbo-henan"},
		{"Xi'an", "xian"},
		{"  What the sources do not say?  ", "what-the-sources-do-not-say"},
		{"Ñuñoa", "nunoa"},
		{"北京", ""},
		{"Table 1 (2013)", "table-1-2013"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
