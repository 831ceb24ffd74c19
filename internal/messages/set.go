package messages

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"atlas/internal/srcpos"
)

// Set is the string tables of every language of the site, the first of
// which (English) is the reference the others are checked against.
type Set struct {
	Tables []*Table // in the order of the languages given to LoadSet
}

// LoadSet loads the message file of each language in langs (the first is
// the reference) and checks that every file has the same keys, each of
// the same kind. Every problem of every file is returned at once, as a
// srcpos.List: a key that a language lacks is reported at its definition
// in the reference file, a key that only a translation has at its
// definition there.
func LoadSet(fsys fs.FS, langs []string) (*Set, error) {
	var errs srcpos.List
	s := &Set{}
	for _, lang := range langs {
		t, err := Load(fsys, lang)
		if err != nil {
			errs.Append(err)
			continue
		}
		s.Tables = append(s.Tables, t)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	ref := s.Tables[0]
	for _, t := range s.Tables[1:] {
		for _, key := range ref.Keys() {
			switch k := t.kinds[key]; {
			case k == none:
				errs.Add(ref.Pos(key), key, "missing in %s (every language's file has every key; add it there)", t.file)
			case k != ref.kinds[key]:
				errs.Add(t.Pos(key), key, "is a %s here but a %s in %s (expected the same kind in every language)", k, ref.kinds[key], ref.file)
			}
		}
		for _, key := range t.Keys() {
			if !ref.Has(key) {
				errs.Add(t.Pos(key), key, "not in %s (add it there first, or remove it here)", ref.file)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Lang returns the table of lang, or nil.
func (s *Set) Lang(lang string) *Table {
	for _, t := range s.Tables {
		if t.lang == lang {
			return t
		}
	}
	return nil
}

// Ref returns the reference table, English.
func (s *Set) Ref() *Table { return s.Tables[0] }

// Err joins the Err of every table: the keys asked for that are missing
// or could not be printed, in any language.
func (s *Set) Err() error {
	var errs srcpos.List
	for _, t := range s.Tables {
		errs.Append(t.Err())
	}
	return errs.Err()
}

// Unused reports, at its definition in the reference file, every key that
// used does not claim: a key that no template and no Go code names is a
// string that no reader sees, and a translator would translate for
// nothing. used reports whether a key is named.
func (s *Set) Unused(used func(key string) bool) error {
	var errs srcpos.List
	ref := s.Ref()
	for _, key := range ref.Keys() {
		if !used(key) {
			errs.Add(ref.Pos(key), key, "no longer used: no template calls {{t %q}} and no Go code asks for it (remove it from every language's file)", key)
		}
	}
	return errs.Err()
}

func (k kind) String() string {
	switch k {
	case text:
		return "message"
	case plurals:
		return "plural"
	case selects:
		return "select"
	}
	return "nothing"
}

// Match reports whether key is named by pattern: a key, or a prefix
// ending in "*" ("facet.*") for keys that code composes.
func Match(pattern, key string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(key, p)
	}
	return pattern == key
}

// HasMatch reports whether the table has a key that pattern names (see
// Match).
func (t *Table) HasMatch(pattern string) bool {
	if !strings.HasSuffix(pattern, "*") {
		return t.Has(pattern)
	}
	for key := range t.kinds {
		if Match(pattern, key) {
			return true
		}
	}
	return false
}

// CheckUsed reports every key of the reference file that neither the
// templates name (patterns, see Match) nor Go code does (goKeys, kept in
// step with the source by TestGoKeys).
func (s *Set) CheckUsed(patterns []string) error {
	return s.Unused(func(key string) bool {
		for _, p := range slices.Concat(patterns, goKeys) {
			if Match(p, key) {
				return true
			}
		}
		return false
	})
}

// Phrases returns the literal text of the message key, split at its
// verbs: "%[1]d agreements in all" gives "agreements in all"; every form
// of a plural and every case of a select. Tests use it to look for one
// language's words on another's pages.
func (t *Table) Phrases(key string) []string {
	var out []string
	for _, msg := range t.texts[key] {
		for _, p := range verbSplitRE.Split(msg, -1) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// verbSplitRE matches a printf verb with its argument index.
var verbSplitRE = regexp.MustCompile(`%(?:%|\[[1-9][0-9]*\][-+# 0]*[0-9]*(?:\.[0-9]*)?[a-zA-Z])`)
