package site

import (
	"fmt"
	"strings"

	"atlas/internal/records"
)

// bibtex formats a source as a BibTeX entry. Fields the source does not
// give are left out, never guessed.
func bibtex(s *records.Source) string {
	typ := map[string]string{
		"article": "article", "chapter": "incollection", "report": "techreport",
		"book": "book", "dataset": "misc", "list": "misc",
	}[s.Kind]
	if typ == "" {
		typ = "online"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@%s{%s,\n", typ, s.ID)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", k, bibEscape(v))
		}
	}
	field("author", strings.Join(s.Authors, " and "))
	field("title", s.Title)
	switch typ {
	case "article":
		field("journal", s.Container)
	case "incollection":
		field("booktitle", s.Container)
	default:
		field("howpublished", s.Container)
	}
	field("publisher", s.Publisher)
	if s.Year != nil {
		field("year", fmt.Sprint(*s.Year))
	}
	field("date", s.Date)
	if s.URL != "" {
		fmt.Fprintf(&b, "  url = {%s},\n", s.URL) // the url package reads it verbatim
	}
	field("note", s.Licence)
	b.WriteString("}")
	return b.String()
}

var bibReplacer = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`)

func bibEscape(s string) string { return bibReplacer.Replace(s) }
