package messages

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLoadSet: a key missing in a translation is reported where the
// reference defines it, a key only a translation has where it does, and a
// key that nothing uses where the reference defines it.
func TestLoadSet(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/messages/en.yaml": {Data: []byte("messages:\n  a: \"one\"\n  b: \"two\"\nplurals:\n  n: {arg: 1, one: \"%[1]d agreement\", other: \"%[1]d agreements\"}\n")},
		"templates/messages/es.yaml": {Data: []byte("messages:\n  a: \"uno\"\n  c: \"tres\"\n  n: \"%[1]d acuerdos\"\n")},
	}
	_, err := LoadSet(fsys, []string{"en", "es"})
	want := `templates/messages/en.yaml:3:3: b: missing in templates/messages/es.yaml (every language's file has every key; add it there)
templates/messages/es.yaml:3:3: c: not in templates/messages/en.yaml (add it there first, or remove it here)
templates/messages/es.yaml:4:3: n: is a message here but a plural in templates/messages/en.yaml (expected the same kind in every language)`
	if diff := cmp.Diff(want, errString(err)); diff != "" {
		t.Errorf("LoadSet (-want +got):\n%s", diff)
	}

	fsys["templates/messages/es.yaml"] = &fstest.MapFile{Data: []byte("messages:\n  a: \"uno\"\n  b: \"dos\"\nplurals:\n  n: {arg: 1, one: \"%[1]d acuerdo\", other: \"%[1]d acuerdos\"}\n")}
	s, err := LoadSet(fsys, []string{"en", "es"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Lang("es").Sprintf("n", 1234); got != "1.234 acuerdos" {
		t.Errorf("es plural of 1234 = %q, want %q", got, "1.234 acuerdos")
	}
	if got := s.Lang("es").Sprintf("n", 1); got != "1 acuerdo" {
		t.Errorf("es plural of 1 = %q", got)
	}
	err = s.Unused(func(key string) bool { return Match("a", key) || Match("n*", key) })
	want = `templates/messages/en.yaml:3:3: b: no longer used: no template calls {{t "b"}} and no Go code asks for it (remove it from every language's file)`
	if diff := cmp.Diff(want, errString(err)); diff != "" {
		t.Errorf("Unused (-want +got):\n%s", diff)
	}
}

// TestCompare: names sort by the language's collation, accents with
// their letters.
func TestCompare(t *testing.T) {
	fsys := fstest.MapFS{
		"templates/messages/en.yaml": {Data: []byte("messages: {}\n")},
		"templates/messages/es.yaml": {Data: []byte("messages: {}\n")},
	}
	s, err := LoadSet(fsys, []string{"en", "es"})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Zacatecas", "Ñuble", "Álvaro Obregón", "Nuevo León", "Ayacucho", "Oaxaca"}
	for lang, want := range map[string][]string{
		// English reads Ñ as an N with a tilde; Spanish as a letter after N.
		"en": {"Álvaro Obregón", "Ayacucho", "Ñuble", "Nuevo León", "Oaxaca", "Zacatecas"},
		"es": {"Álvaro Obregón", "Ayacucho", "Nuevo León", "Ñuble", "Oaxaca", "Zacatecas"},
	} {
		got := slices.Clone(names)
		slices.SortFunc(got, s.Lang(lang).Compare)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s order (-want +got):\n%s", lang, diff)
		}
	}
}
