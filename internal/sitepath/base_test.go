package sitepath

import "testing"

func TestParseBase(t *testing.T) {
	tests := []struct {
		in          string
		origin, url string // url: Base.URL("countries/")
		wantErr     bool
	}{
		{in: "/", url: "/countries/"},
		{in: "/atlas", url: "/atlas/countries/"},
		{in: "/atlas/", url: "/atlas/countries/"},
		{in: "https://example.github.io/atlas/", origin: "https://example.github.io", url: "/atlas/countries/"},
		{in: "https://example.org", origin: "https://example.org", url: "/countries/"},
		{in: "atlas/", wantErr: true},
		{in: "ftp://example.org/", wantErr: true},
		{in: "https://example.org/?q=1", wantErr: true},
	}
	for _, tt := range tests {
		b, err := ParseBase(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseBase(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if b.Origin != tt.origin || b.URL("countries/") != tt.url {
			t.Errorf("ParseBase(%q) = %+v (URL %q), want origin %q URL %q", tt.in, b, b.URL("countries/"), tt.origin, tt.url)
		}
	}
}
