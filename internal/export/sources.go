package export

import (
	"fmt"
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

var sourceColumns = []Column{
	{"id", "stable source id; the anchor on /sources/ and the key of [@id] citations"},
	{"kind", "article, chapter, report, blog, web, news, dataset, list or book"},
	{"authors", "authors as printed, separated by ; "},
	{"title", "title; in square brackets when supplied by the atlas"},
	{"container", "journal, collection or website"},
	{"publisher", "publisher, when known"},
	{"year, date", "year or ISO date, only when the source gives one"},
	{"url", "web address"},
	{"licence", "the source's licence, when stated"},
}

// sources is data/sources, as CSV, JSON and BibTeX (data/sources.bib).
func sources(ss []*records.Source) (Download, []File, error) {
	rows := [][]string{{"id", "kind", "authors", "title", "container", "publisher", "year", "date", "url", "licence"}}
	var bib strings.Builder
	var recs []map[string]string
	for _, s := range ss {
		year := ""
		if s.Year != nil {
			year = strconv.Itoa(*s.Year)
		}
		row := []string{s.ID, s.Kind, strings.Join(s.Authors, "; "), s.Title, s.Container, s.Publisher, year, s.Date, s.URL, s.Licence}
		rows = append(rows, row)
		rec := map[string]string{}
		for i, h := range rows[0] {
			if row[i] != "" {
				rec[h] = row[i]
			}
		}
		recs = append(recs, rec)
		bib.WriteString(BibTeX(s))
		bib.WriteString("\n\n")
	}
	files, err := dataFiles("sources", rows, map[string]any{"title": "Bibliography of the atlas", "licence": LicenceContent, "sources": recs})
	files = append(files, File{sitepath.Download("sources.bib"), []byte(bib.String())})
	return Download{
		Name: "sources", Title: "Bibliography", Rows: len(ss), Columns: sourceColumns,
		Description: "Every source the records and case studies cite; also as BibTeX (data/sources.bib).",
		Licence:     LicenceContent,
		licences:    []string{ccBY},
	}, files, err
}

// citation formats a source in one line: "Author, “Title”, Container (Year)".
func citation(s *records.Source) string {
	var parts []string
	if len(s.Authors) > 0 {
		parts = append(parts, strings.Join(s.Authors, ", "))
	}
	parts = append(parts, "“"+s.Title+"”")
	if s.Container != "" {
		parts = append(parts, s.Container)
	}
	out := strings.Join(parts, ", ")
	if s.Year != nil {
		out += fmt.Sprintf(" (%d)", *s.Year)
	}
	return out
}

// BibTeX formats a source as a BibTeX entry. Fields the source does not
// give are left out, never guessed.
func BibTeX(s *records.Source) string {
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
			fmt.Fprintf(&b, "  %s = {%s},\n", k, bibReplacer.Replace(v))
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

// bibReplacer escapes the characters that BibTeX reads as markup.
var bibReplacer = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`)
