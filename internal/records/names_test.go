package records

import "testing"

func TestNameIn(t *testing.T) {
	biobio := &Locality{Name: "Biobío Region", Aliases: []Alias{
		{Name: "Biobío", Lang: "es"},
		{Name: "Región del Biobío", Lang: "es", Local: true},
	}}
	jujuy := &Locality{Name: "Jujuy Province", Aliases: []Alias{{Name: "Jujuy", Lang: "es"}}}
	brazil := &Country{Name: "Brazil", NameES: "Brasil", NamePT: "Brasil"}
	japan := &Country{Name: "Japan", NameES: "Japón", NamePT: "Japão"}
	tests := []struct {
		lang, got, want string
	}{
		{"en", biobio.NameIn("en"), "Biobío Region"},
		{"es", biobio.NameIn("es"), "Región del Biobío"},
		{"pt", biobio.NameIn("pt"), "Región del Biobío"},
		{"es", jujuy.NameIn("es"), "Jujuy Province"}, // no local alias
		{"en", brazil.NameIn("en"), "Brazil"},
		{"es", japan.NameIn("es"), "Japón"},
		{"pt", japan.NameIn("pt"), "Japão"},
		{"fr", japan.NameIn("fr"), "Japan"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("NameIn(%q) = %q, want %q", tt.lang, tt.got, tt.want)
		}
	}
	if a := jujuy.LocalName(); a != nil {
		t.Errorf("LocalName of a locality without a local alias = %q, want nil", a.Name)
	}
}
