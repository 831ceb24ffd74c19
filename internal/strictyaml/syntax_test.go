package strictyaml

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type syntaxDoc struct {
	A int      `yaml:"a"`
	B []string `yaml:"b"`
	C int      `yaml:"c"`
	D string   `yaml:"d"`
}

// TestSyntaxErrorLines checks that YAML syntax errors name the line the
// editor has to look at, for the scanner's errors and the parser's alike,
// in a block that starts on the file's second line (front matter).
func TestSyntaxErrorLines(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed flow sequence", "a: 1\nb: [x\nc: 2\n",
			"f.md:3:1: invalid YAML: did not find expected ',' or ']'"},
		{"unclosed flow mapping", "a: 1\nd: {x: 1\nc: 2\n",
			"f.md:3:1: invalid YAML: did not find expected ',' or '}'"},
		{"sequence item in a mapping", "a: 1\nc: 2\n- x\n",
			"f.md:4:1: invalid YAML: did not find expected key"},
		{"bad indentation", "a: 1\n c: 2\nd: x\n",
			"f.md:3:1: invalid YAML: mapping values are not allowed in this context"},
		{"unquoted colon", "a: 1\nd: Chaco: a province\n",
			"f.md:3:1: invalid YAML: mapping values are not allowed in this context"},
		{"unterminated quote", "a: 1\nd: 'x\n",
			"f.md:3:1: invalid YAML: found unexpected end of stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v syntaxDoc
			err := Decode("f.md", []byte(tt.src), 1, &v)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
