package messages

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

const en = `messages:
  hello: "Hello, %[1]s"
  order: "%[2]s before %[1]s"
  count: "%[1]d agreements"
  plain: "No arguments"
plurals:
  agreements:
    arg: 1
    one: "%[1]d agreement"
    other: "%[1]d agreements"
selects:
  adj:
    arg: 1
    cases: {CN: "Chinese"}
    other: "%[2]s's"
`

func load(t *testing.T, src string) (*Table, error) {
	t.Helper()
	return Load(fstest.MapFS{"templates/messages/en.yaml": {Data: []byte(src)}}, "en")
}

func TestSprintf(t *testing.T) {
	tab, err := load(t, en)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key  string
		args []any
		want string
	}{
		{"hello", []any{"Lima"}, "Hello, Lima"},
		{"order", []any{"a", "b"}, "b before a"},
		{"count", []any{1234}, "1,234 agreements"},
		{"plain", nil, "No arguments"},
		{"agreements", []any{1}, "1 agreement"},
		{"agreements", []any{0}, "0 agreements"},
		{"agreements", []any{2}, "2 agreements"},
		{"adj", []any{"CN", "China"}, "Chinese"},
		{"adj", []any{"JP", "Japan"}, "Japan's"},
	}
	for _, tt := range tests {
		if got := tab.Sprintf(tt.key, tt.args...); got != tt.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tt.key, tt.args, got, tt.want)
		}
	}
	if err := tab.Err(); err != nil {
		t.Errorf("Err = %v, want nil", err)
	}
}

func TestMissing(t *testing.T) {
	tab, err := load(t, en)
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Sprintf("nope", 1); got != "{nope}" {
		t.Errorf("missing key prints %q", got)
	}
	tab.Sprintf("order", "only one")
	want := "templates/messages/en.yaml: nope: no such message (add it to every language's file)\n" +
		`templates/messages/en.yaml: order: the arguments [only one] do not fit: "%!s(BADINDEX) before only one" (add it to every language's file)`
	if diff := cmp.Diff(want, errString(tab.Err())); diff != "" {
		t.Errorf("Err (-want +got):\n%s", diff)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "bare verb",
			src:  "messages:\n  a: \"%d agreements\"\n  b: \"100%% and %[1]s\"\n",
			want: `templates/messages/en.yaml:2:3: a: verb "%d a" without an argument index (expected %[1]d and the like, so that translations can reorder)`,
		},
		{
			name: "defined twice",
			src:  "messages:\n  a: \"x\"\nplurals:\n  a: {arg: 1, other: \"%[1]d\"}\n",
			want: `templates/messages/en.yaml:4:3: a: defined twice (once in messages, plurals or selects)`,
		},
		{
			name: "plural without other",
			src:  "messages: {}\nplurals:\n  a: {arg: 1, one: \"%[1]d\"}\n",
			want: `templates/messages/en.yaml:3:6: other: missing (required)`,
		},
		{
			name: "unknown section",
			src:  "messages: {}\nplural: {}\n",
			want: `templates/messages/en.yaml:2:1: plural: unknown field (expected one of messages, plurals, selects)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.src)
			if diff := cmp.Diff(tt.want, errString(err)); diff != "" {
				t.Errorf("Load (-want +got):\n%s", diff)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
