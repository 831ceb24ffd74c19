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

// TestLineBreaks: yaml.v3 ends a line at a lone carriage return, U+0085,
// U+2028 and U+2029, where positions count only line feeds, so every
// position after one was a line off ("b" below was reported on line 2 or
// 3). They are refused at their own position; CRLF keeps its lines.
func TestLineBreaks(t *testing.T) {
	const rest = ", which YAML reads as a line break but a position does not (save the file with LF or CRLF line endings, and no other line break)"
	tests := []struct {
		name, src, want string
	}{
		{"lone carriage return", "a: 1\rb: [x]\nc: y\n", "f.yaml:1:5: a carriage return without a line feed" + rest},
		{"lone carriage return at the end", "a: 1\nc: y\r", "f.yaml:2:5: a carriage return without a line feed" + rest},
		{"next line in a comment", "# a\u0085b\nc: y\n", "f.yaml:1:4: a line break character U+0085" + rest},
		{"line separator in a comment", "a: 1\n# x\u2028\nc: y\n", "f.yaml:2:4: a line break character U+2028" + rest},
		{"paragraph separator in a quoted text", "d: \"x\u2029y\"\nc: y\n", "f.yaml:1:6: a line break character U+2029" + rest},
		{"CRLF lines", "a: 1\r\nd: x\r\nc: y\r\n", `f.yaml:3:4: c: got "y" (expected a whole number)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v syntaxDoc
			err := Decode("f.yaml", []byte(tt.src), 0, &v)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
