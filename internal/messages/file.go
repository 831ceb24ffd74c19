package messages

import (
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"

	"atlas/internal/srcpos"
)

// file is a message file as written.
type file struct {
	Messages map[string]string     `yaml:"messages,required"`
	Plurals  map[string]pluralMsg  `yaml:"plurals"`
	Selects  map[string]selectFile `yaml:"selects"`
	Fields   srcpos.Fields
}

// pluralMsg is a message with one form per plural category.
type pluralMsg struct {
	Arg    int    `yaml:"arg,required"`
	Zero   string `yaml:"zero"`
	One    string `yaml:"one"`
	Two    string `yaml:"two"`
	Few    string `yaml:"few"`
	Many   string `yaml:"many"`
	Other  string `yaml:"other,required"`
	Pos    srcpos.Position
	Fields srcpos.Fields
}

// selectFile is a message with one case per value of an argument.
type selectFile struct {
	Arg    int               `yaml:"arg,required"`
	Cases  map[string]string `yaml:"cases"`
	Other  string            `yaml:"other,required"`
	Pos    srcpos.Position
	Fields srcpos.Fields
}

// build checks the file's messages and adds them to the table and the
// catalog.
func (f *file) build(t *Table, b *catalog.Builder, tag language.Tag, errs *srcpos.List) {
	def := srcpos.Position{File: t.file, Line: 1, Col: 1}
	add := func(section, key string, k kind) bool {
		pos := f.Fields.At(section+"."+key, def)
		if t.kinds[key] != none {
			errs.Add(pos, key, "defined twice (once in messages, plurals or selects)")
			return false
		}
		t.kinds[key] = k
		t.pos[key] = pos
		return true
	}
	check := func(pos srcpos.Position, key, msg string) {
		if err := checkVerbs(msg); err != nil {
			errs.Add(pos, key, "%v", err)
		}
	}
	for _, key := range sortedKeys(f.Messages) {
		if add("messages", key, text) {
			check(f.Fields.At("messages."+key, def), key, f.Messages[key])
			t.texts[key] = []string{f.Messages[key]}
			if !strings.Contains(f.Messages[key], "%") {
				t.plain[key] = f.Messages[key]
			}
			b.SetString(tag, key, f.Messages[key])
		}
	}
	for _, key := range sortedKeys(f.Plurals) {
		if p := f.Plurals[key]; add("plurals", key, plurals) {
			f.plural(b, tag, key, p, check, errs)
			for _, m := range []string{p.Zero, p.One, p.Two, p.Few, p.Many, p.Other} {
				if m != "" {
					t.texts[key] = append(t.texts[key], m)
				}
			}
		}
	}
	for _, key := range sortedKeys(f.Selects) {
		if s := f.Selects[key]; add("selects", key, selects) {
			f.selectMsg(t, b, tag, key, s, check, errs)
			for _, c := range sortedKeys(s.Cases) {
				t.texts[key] = append(t.texts[key], s.Cases[c])
			}
			t.texts[key] = append(t.texts[key], s.Other)
		}
	}
}

func (f *file) plural(b *catalog.Builder, tag language.Tag, key string, p pluralMsg, check func(srcpos.Position, string, string), errs *srcpos.List) {
	if p.Arg < 1 {
		errs.Add(p.Fields.At("arg", p.Pos), key+".arg", "%d is not an argument (expected 1 or more)", p.Arg)
	}
	var cases []any
	for _, c := range []struct{ name, msg string }{
		{"zero", p.Zero}, {"one", p.One}, {"two", p.Two}, {"few", p.Few}, {"many", p.Many}, {"other", p.Other},
	} {
		if c.msg != "" {
			check(p.Fields.At(c.name, p.Pos), key+"."+c.name, c.msg)
			cases = append(cases, c.name, c.msg)
		}
	}
	b.Set(tag, key, plural.Selectf(p.Arg, "%d", cases...))
}

func (f *file) selectMsg(t *Table, b *catalog.Builder, tag language.Tag, key string, s selectFile, check func(srcpos.Position, string, string), errs *srcpos.List) {
	if s.Arg < 1 {
		errs.Add(s.Fields.At("arg", s.Pos), key+".arg", "%d is not an argument (expected 1 or more)", s.Arg)
	}
	m := selectMsg{arg: s.Arg}
	for _, c := range sortedKeys(s.Cases) {
		check(s.Fields.At("cases."+c, s.Pos), key+".cases."+c, s.Cases[c])
		m.cases = append(m.cases, c)
		b.SetString(tag, caseKey(key, c), s.Cases[c])
	}
	check(s.Fields.At("other", s.Pos), key+".other", s.Other)
	b.SetString(tag, caseKey(key, "other"), s.Other)
	t.selects[key] = m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
