// Package messages owns the sentences readers see that Go code composes:
// chart titles, summaries, notes, captions, labels and column heads, and
// the words of the files that are not pages (the downloads' titles,
// licences and data dictionaries, the feed, the search index). They
// live in a string table per language, templates/messages/<lang>.yaml,
// loaded into a golang.org/x/text/message catalog, so that a second
// language is a second file, not code. It is the only importer of
// golang.org/x/text.
//
// # The file
//
//	messages:
//	  chart.table-1.title: "Table 1 by country and partner"
//	  chart.table-1.summary: "… %[1]d agreements, %[2]d of them %[3]s's."
//	plurals:
//	  country.recorded-agreements:
//	    arg: 1
//	    one: "%[1]d recorded agreement"
//	    other: "%[1]d recorded agreements"
//	selects:
//	  partner.adj:
//	    arg: 1
//	    cases: {CN: "Chinese"}
//	    other: "%[2]s's"
//
// Keys are dotted ids, "<page or thing>.<id>.<part>". A message is printf
// text whose every verb names its argument (%[1]d, not %d), so that a
// translation can put the arguments in its own order; a bare verb is an
// error at its position. Numbers are printed by the language's rules
// (1,234 in English).
//
// A plural picks its form by the arg-th argument under the language's
// CLDR plural rules (zero, one, two, few, many; other is required). A
// select picks its case by the arg-th argument's text, or other, as
// ICU's select does: the partner adjective is one ("Chinese", but
// "Japan's").
//
// # Languages and templates
//
// Each language of data/site.yaml (languages:) has its file: en.yaml, the
// reference, es.yaml, pt.yaml. LoadSet loads them all and fails, at the
// key's line in the file that has it, when a key is missing in a language
// or only a translation has it. Templates print a message in their page's
// language with the function t (package render binds it per language):
//
//	{{t "nav.skip"}}                        a message
//	{{t "case.updated" .Updated}}           with arguments, %[1]s
//	{{t "country.agreements" (len .List)}}  a plural, by the number
//	{{t (print "kind." .Kind)}}             one of a family of keys
//
// The key is a literal (or a literal prefix), so that the build finds
// every key a template names without executing it: a key the files lack
// fails at the template's file:line:col, and a key no template and no Go
// code names fails as no longer used (Set.Unused).
//
// A key that Go code or a template asks for but the file lacks prints as
// "{key}" and is recorded: Err reports every such key, and the build
// fails on it, so that no page ships with a hole.
package messages

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"atlas/internal/srcpos"
	"atlas/internal/strictyaml"
)

// Dir is the directory of the message files inside the source tree.
const Dir = "templates/messages"

// Table is one language's messages.
type Table struct {
	file  string
	lang  string
	p     *message.Printer
	kinds map[string]kind
	pos   map[string]srcpos.Position // where each key is defined
	texts map[string][]string        // each key's text: its message, forms or cases
	// plain are the messages without a verb, which print as they are:
	// Sprintf returns them without the printer, as most calls are these.
	plain   map[string]string
	selects map[string]selectMsg
	sort    *sorter

	mu   sync.Mutex
	errs map[string]string // key -> what was wrong
}

type kind int

const (
	none kind = iota
	text
	plurals
	selects
)

type selectMsg struct {
	arg   int
	cases []string // the case names the file gives, besides other
}

// File returns the path of a language's message file in the source tree.
func File(lang string) string { return path.Join(Dir, lang+".yaml") }

// Load reads the messages of lang ("en") from fsys. Problems in the file
// are returned as a srcpos.List.
func Load(fsys fs.FS, lang string) (*Table, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("messages: language %q: %w", lang, err)
	}
	name := File(lang)
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var f file
	if err := strictyaml.Decode(name, src, 0, &f); err != nil {
		return nil, err
	}
	t := &Table{file: name, lang: lang, kinds: map[string]kind{}, pos: map[string]srcpos.Position{}, texts: map[string][]string{}, plain: map[string]string{},
		selects: map[string]selectMsg{}, errs: map[string]string{}}
	b := catalog.NewBuilder(catalog.Fallback(tag))
	var errs srcpos.List
	f.build(t, b, tag, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	t.p = message.NewPrinter(tag, message.Catalog(b))
	t.sort = newSorter(tag)
	return t, nil
}

// Sprintf prints the message key with args. A missing key, or arguments
// the message cannot print, are recorded for Err.
func (t *Table) Sprintf(key string, args ...any) string {
	if len(args) == 0 {
		if s, ok := t.plain[key]; ok {
			return s
		}
	}
	k := t.kinds[key]
	switch k {
	case none:
		t.fail(key, "no such message")
		return "{" + key + "}"
	case selects:
		key = t.selectKey(key, args)
	}
	s := t.p.Sprintf(key, args...)
	if strings.Contains(s, "%!") {
		t.fail(key, fmt.Sprintf("the arguments %v do not fit: %q", args, s))
	}
	return s
}

// selectKey returns the catalog key of the case of a select that args
// pick.
func (t *Table) selectKey(key string, args []any) string {
	s := t.selects[key]
	if s.arg <= len(args) {
		if c := fmt.Sprint(args[s.arg-1]); slices.Contains(s.cases, c) {
			return caseKey(key, c)
		}
	}
	return caseKey(key, "other")
}

func caseKey(key, c string) string { return key + "#" + c }

// Lang is the table's language, as its file is named: "es".
func (t *Table) Lang() string { return t.lang }

// File is the path of the table's file in the source tree.
func (t *Table) File() string { return t.file }

// Keys returns the table's keys, sorted.
func (t *Table) Keys() []string { return sortedKeys(t.kinds) }

// Pos returns where the file defines key.
func (t *Table) Pos(key string) srcpos.Position { return t.pos[key] }

// Has reports whether the table has a message key.
func (t *Table) Has(key string) bool { return t.kinds[key] != none }

// Func is Sprintf as a template function, for {{t "key" args...}}.
func (t *Table) Func() any { return t.Sprintf }

func (t *Table) fail(key, msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.errs[key]; !ok {
		t.errs[key] = msg
	}
}

// Err returns a srcpos.List naming every message asked for that the file
// lacks or could not print, or nil.
func (t *Table) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var errs srcpos.List
	for key, msg := range t.errs {
		errs.Add(srcpos.Position{File: t.file}, key, "%s (add it to every language's file)", msg)
	}
	return errs.Err()
}

// verbRE matches a printf verb with an explicit argument index, or %%.
var verbRE = regexp.MustCompile(`^%(?:%|\[[1-9][0-9]*\][-+# 0]*[0-9]*(?:\.[0-9]*)?[a-zA-Z])`)

// checkVerbs reports the first verb of msg without an argument index.
func checkVerbs(msg string) error {
	for i := strings.IndexByte(msg, '%'); i >= 0; {
		m := verbRE.FindString(msg[i:])
		if m == "" {
			end := min(len(msg), i+4)
			return fmt.Errorf("verb %q without an argument index (expected %%[1]d and the like, so that translations can reorder)", msg[i:end])
		}
		j := strings.IndexByte(msg[i+len(m):], '%')
		if j < 0 {
			break
		}
		i += len(m) + j
	}
	return nil
}

// List joins items as the language lists words ("A", "A and B", "A, B
// and C"), by the messages list.pair, list.start, list.middle and
// list.end, which follow CLDR's list patterns.
func (t *Table) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return t.Sprintf("list.pair", items[0], items[1])
	}
	n := len(items)
	s := t.Sprintf("list.end", items[n-2], items[n-1])
	for i := n - 3; i > 0; i-- {
		s = t.Sprintf("list.middle", items[i], s)
	}
	return t.Sprintf("list.start", items[0], s)
}
