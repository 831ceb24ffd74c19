// Package strictyaml decodes YAML into typed structs strictly, keeping the
// position of every value.
//
// It exists because yaml.v3 offers strict decoding (KnownFields) only when
// decoding a stream, and reports its type errors with a line but no column
// and no file; our editors need "path:line:col: field: problem" for every
// problem in a file at once. Both the data records and the Markdown front
// matter are decoded here, so this package is the only importer of yaml.v3.
//
// Struct fields are matched by their `yaml:"name"` tag; the option
// `required` (`yaml:"id,required"`) makes a missing or empty key an error.
// A field of type srcpos.Position receives the position of the mapping, and
// a field of type srcpos.Fields the position of each key's value (map
// entries are recorded as "key.entry"). Unknown keys, duplicate keys, wrong
// types, tabs in indentation, line breaks that are not line feeds (a lone
// carriage return, U+0085, U+2028, U+2029: yaml.v3 counts lines by them,
// positions do not), empty and binary files (reported at the first bad
// byte) are all errors, and so are what yaml.v3 would accept
// silently: a second document (a "---" after the first content, or a
// "..." line), after which it drops the rest; numbers not in plain
// decimal digits (2_018, +2018, 0x7e2, .nan, .inf); a required text that
// is blank; and control or bidirectional formatting characters in text
// (tabs and newlines aside).
package strictyaml

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"atlas/internal/srcpos"
)

// Decode parses src, the text of file, into v (a pointer to a struct).
// Lines in errors and positions are shifted down by lineOffset, for YAML
// that starts below the top of its file. The error, if any, is a
// srcpos.List.
func Decode(file string, src []byte, lineOffset int, v any) error {
	d := &decoder{file: file, off: lineOffset}
	if !d.checkText(src) {
		return d.errs.Err()
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		d.syntaxError(err)
		return d.errs.Err()
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		d.errs.Add(d.at(1, 1), "", "file is empty (expected %s)", describe(reflect.TypeOf(v).Elem()))
		return d.errs.Err()
	}
	d.value(root.Content[0], reflect.ValueOf(v).Elem(), "", nil)
	return d.errs.Err()
}

type decoder struct {
	file string
	off  int
	errs srcpos.List
}

func (d *decoder) at(line, col int) srcpos.Position {
	return srcpos.Position{File: d.file, Line: line + d.off, Col: col}
}

func (d *decoder) pos(n *yaml.Node) srcpos.Position { return d.at(n.Line, n.Column) }

// checkText rejects input that is not UTF-8 text, tabs used for
// indentation, which YAML forbids and yaml.v3 reports confusingly, and
// document markers, after which yaml.v3 silently drops the rest.
func (d *decoder) checkText(src []byte) bool {
	if i := srcpos.NotText(src); i >= 0 {
		line, col := srcpos.LineCol(src, i)
		d.errs.Add(d.at(line, col), "", "not a UTF-8 text file (expected YAML text)")
		return false
	}
	if i, what := lineBreak(src); i >= 0 {
		line, col := srcpos.LineCol(src, i)
		d.errs.Add(d.at(line, col), "", "%s, which YAML reads as a line break but a position does not (save the file with LF or CRLF line endings, and no other line break)", what)
		return false
	}
	ok := true
	content := false // whether a line other than blanks and comments came before
	for i, line := range strings.Split(string(src), "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if j := strings.IndexByte(line[:indent], '\t'); j >= 0 {
			d.errs.Add(d.at(i+1, j+1), "", "tab in indentation (indent with spaces)")
			ok = false
		}
		if m := docMarker(line); m != "" && (content || m == "...") {
			d.errs.Add(d.at(i+1, 1), "", "document marker %q: yaml would ignore everything after it (one YAML document per file; remove the line)", m)
			ok = false
		}
		if t := strings.TrimSpace(line); t != "" && t[0] != '#' {
			content = true
		}
	}
	return ok
}

// lineBreak finds the first line break other than a line feed and the
// carriage return of a CRLF pair: yaml.v3 counts a lone carriage return,
// U+0085, U+2028 and U+2029 as line ends, positions count line feeds, and
// every position after one would be a line off. It returns -1 if there is
// none.
func lineBreak(src []byte) (int, string) {
	for i, r := range string(src) {
		switch r {
		case '\r':
			if i+1 == len(src) || src[i+1] != '\n' {
				return i, "a carriage return without a line feed"
			}
		case '\u0085', '\u2028', '\u2029':
			return i, fmt.Sprintf("a line break character U+%04X", r)
		}
	}
	return -1, ""
}

// docMarker returns "---" or "..." if line is a YAML document marker.
func docMarker(line string) string {
	for _, m := range []string{"---", "..."} {
		if rest, ok := strings.CutPrefix(line, m); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r') {
			return m
		}
	}
	return ""
}

var (
	lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// Numbers in plain decimal digits: yaml.v3 also takes 2_018, +2018,
	// 0x7e2, 0o3742, .nan and .inf.
	intRE   = regexp.MustCompile(`^-?[0-9]+$`)
	floatRE = regexp.MustCompile(`^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
)

// badRune returns the first control character of s other than a tab or
// newline, or bidirectional formatting character (which can make a name
// display as another, U+202E above all).
func badRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case unicode.IsControl(r), r == '\u061c', r == '\u200e', r == '\u200f',
			r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return r, true
		}
	}
	return 0, false
}

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner. yaml.v3 prints a parser error's line counted from 0 (the mark
// it holds) but a scanner error's from 1, so "b: [x" on line 2 comes back
// as "line 1: did not find expected ',' or ']'". For errors inside a
// collection, the line is where the collection starts.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// syntaxError turns a yaml.v3 parse error into positioned errors.
func (d *decoder) syntaxError(err error) {
	msg := err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if parserProblems[m[2]] {
			line++
		}
		d.errs.Add(d.at(line, 1), "", "invalid YAML: %s", m[2])
		return
	}
	d.errs.Add(d.at(1, 1), "", "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

var (
	posType    = reflect.TypeOf(srcpos.Position{})
	fieldsType = reflect.TypeOf(srcpos.Fields{})
)

// value decodes n into v. field names the key being decoded, for messages;
// fields, when not nil, receives the positions of map entries.
func (d *decoder) value(n *yaml.Node, v reflect.Value, field string, fields srcpos.Fields) {
	if n.Kind == yaml.AliasNode {
		d.errs.Add(d.pos(n), field, "aliases are not supported (write the value out)")
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), field, fields)
		v.Set(p)
	case reflect.Struct:
		d.structValue(n, v, field)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errs.Add(d.pos(n), field, "%s (expected a list)", got(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), 0, len(n.Content))
		for _, c := range n.Content {
			// An empty item ("-" alone) would leave a nil record in the
			// list for every later stage to trip over, or a record
			// without a position (a nav item: found by FuzzBuild).
			if k := v.Type().Elem().Kind(); isNull(c) && (k == reflect.Pointer || k == reflect.Struct) {
				d.errs.Add(d.pos(c), field, "an empty list item (expected %s)", describe(v.Type().Elem()))
				continue // and out of the list
			}
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(c, e, field, nil)
			s = reflect.Append(s, e)
		}
		v.Set(s)
	case reflect.Map:
		d.mapValue(n, v, field, fields)
	default:
		d.scalar(n, v, field)
	}
}

func (d *decoder) structValue(n *yaml.Node, v reflect.Value, field string) {
	t := v.Type()
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), field, "%s (expected %s)", got(n), describe(t))
		return
	}
	type fieldInfo struct {
		index    int
		required bool
	}
	known := map[string]fieldInfo{}
	var names []string
	posIdx, fieldsIdx := -1, -1
	for i := range t.NumField() {
		f := t.Field(i)
		switch f.Type {
		case posType:
			posIdx = i
			continue
		case fieldsType:
			fieldsIdx = i
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		known[name] = fieldInfo{i, opts == "required"}
		names = append(names, name)
	}
	fields := srcpos.Fields{}
	if posIdx >= 0 {
		v.Field(posIdx).Set(reflect.ValueOf(d.pos(n)))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name := k.Value
		if _, dup := fields[name]; dup {
			d.errs.Add(d.pos(k), name, "duplicate key (each key once per mapping)")
			continue
		}
		fi, ok := known[name]
		if !ok {
			d.errs.Add(d.pos(k), name, "unknown field (expected one of %s)", strings.Join(names, ", "))
			continue
		}
		fields[name] = d.pos(val)
		if fi.required && (isNull(val) || isBlank(val)) {
			d.errs.Add(d.pos(val), name, "empty value (required)")
			continue
		}
		d.value(val, v.Field(fi.index), name, fields)
	}
	for _, name := range names {
		if _, ok := fields[name]; !ok && known[name].required {
			d.errs.Add(d.pos(n), name, "missing (required)")
		}
	}
	if fieldsIdx >= 0 {
		v.Field(fieldsIdx).Set(reflect.ValueOf(fields))
	}
}

func (d *decoder) mapValue(n *yaml.Node, v reflect.Value, field string, fields srcpos.Fields) {
	if n.Kind != yaml.MappingNode {
		d.errs.Add(d.pos(n), field, "%s (expected a mapping)", got(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kv := reflect.New(v.Type().Key()).Elem()
		d.scalar(k, kv, field)
		if m.MapIndex(kv).IsValid() {
			d.errs.Add(d.pos(k), field, "duplicate key %q (each key once per mapping)", k.Value)
			continue
		}
		ev := reflect.New(v.Type().Elem()).Elem()
		d.value(val, ev, field+"."+k.Value, nil)
		m.SetMapIndex(kv, ev)
		if fields != nil {
			fields[field+"."+k.Value] = d.pos(k)
		}
	}
	v.Set(m)
}

func (d *decoder) scalar(n *yaml.Node, v reflect.Value, field string) {
	if n.Kind != yaml.ScalarNode {
		d.errs.Add(d.pos(n), field, "%s (expected %s)", got(n), describe(v.Type()))
		return
	}
	if isNull(n) {
		return // an explicit empty value of an optional field is left unset
	}
	switch v.Kind() {
	case reflect.String:
		if n.Tag == "!!bool" {
			d.errs.Add(d.pos(n), field, "%s (expected text; quote it)", got(n))
			return
		}
		if r, bad := badRune(n.Value); bad {
			d.errs.Add(d.pos(n), field, "control character %U in the text (text without control or bidirectional formatting characters)", r)
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if n.Tag != "!!int" || !intRE.MatchString(n.Value) || err != nil {
			d.errs.Add(d.pos(n), field, "%s (expected a whole number)", got(n))
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		f, err := strconv.ParseFloat(n.Value, 64)
		if (n.Tag != "!!int" && n.Tag != "!!float") || !floatRE.MatchString(n.Value) || err != nil {
			d.errs.Add(d.pos(n), field, "%s (expected a number)", got(n))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(n.Value)
		if n.Tag != "!!bool" || err != nil {
			d.errs.Add(d.pos(n), field, "%s (expected true or false)", got(n))
			return
		}
		v.SetBool(b)
	default:
		d.errs.Add(d.pos(n), field, "cannot decode into %s", v.Type())
	}
}

// isBlank reports whether n is text of nothing but spaces, such as "".
func isBlank(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) == ""
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// got describes a node for an error message.
func got(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "got a mapping"
	case yaml.SequenceNode:
		return "got a list"
	case yaml.ScalarNode:
		v := n.Value
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return fmt.Sprintf("got %q", v)
	}
	return "got an unexpected value"
}

// describe names what a Go type expects, for error messages.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return describe(t.Elem())
	case reflect.Struct:
		var keys []string
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				keys = append(keys, name)
			}
		}
		if len(keys) == 1 {
			return fmt.Sprintf("a mapping with key %q", keys[0])
		}
		return "a mapping with keys " + strings.Join(slices.Clip(keys), ", ")
	case reflect.Slice:
		return "a list"
	case reflect.Map:
		return "a mapping"
	case reflect.Int:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	}
	return "text"
}
