package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"atlas/internal/stats"
)

// Ref is a page or data set of the atlas to cite: what reference managers
// need to import it.
type Ref struct {
	Key       string   // the BibTeX key and CSL id: "atlas-cases-biobio"
	Type      string   // "webpage" or "dataset"
	Title     string   // the page's title
	Authors   []string // as one corporate name each
	Container string   // the site's title
	Version   string   // the release: a git tag or commit
	Issued    string   // YYYY-MM-DD the content last changed, or "" when unknown
	URL       string   // absolute when the site's origin is known
}

// Citations of a Ref in the formats reference managers read.
type Citations struct {
	Text, BibTeX, RIS, CSL string
}

// CitePage formats r as a reference to read and as BibTeX, RIS and
// CSL-JSON.
func CitePage(r Ref, text stats.Text) Citations {
	return Citations{Text: citeText(r, text), BibTeX: citeBibTeX(r), RIS: citeRIS(r), CSL: citeCSL(r)}
}

// CiteFiles are a page's citation downloads, under dir: cite.bib, cite.ris
// and cite.json.
func CiteFiles(dir string, c Citations) []File {
	return []File{
		{Name: dir + "cite.bib", Data: []byte(c.BibTeX)},
		{Name: dir + "cite.ris", Data: []byte(c.RIS)},
		{Name: dir + "cite.json", Data: []byte(c.CSL)},
	}
}

func citeText(r Ref, text stats.Text) string {
	date := r.Issued
	if date == "" {
		date = text.Sprintf("cite.no-date")
	}
	return text.Sprintf("cite.text", strings.Join(r.Authors, "; "), date, r.Title, r.Container, r.Version, r.URL)
}

func citeBibTeX(r Ref) string {
	var b strings.Builder
	kind := "online"
	if r.Type == "dataset" {
		kind = "dataset"
	}
	fmt.Fprintf(&b, "@%s{%s,\n", kind, r.Key)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %-12s = {%s},\n", name, bibReplacer.Replace(v))
		}
	}
	var authors []string
	for _, a := range r.Authors {
		authors = append(authors, "{"+bibReplacer.Replace(a)+"}") // a corporate name, kept whole
	}
	fmt.Fprintf(&b, "  %-12s = {%s},\n", "author", strings.Join(authors, " and "))
	field("title", r.Title)
	field("organization", r.Container)
	field("version", r.Version)
	if len(r.Issued) >= 4 {
		field("year", r.Issued[:4])
		field("date", r.Issued)
	}
	fmt.Fprintf(&b, "  %-12s = {%s}\n}\n", "url", bibURL(r.URL))
	return b.String()
}

// bibURL escapes what would end a braced BibTeX field.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C").Replace(u)
}

func citeRIS(r Ref) string {
	var b strings.Builder
	ty := "ELEC"
	if r.Type == "dataset" {
		ty = "DATA"
	}
	line := func(tag, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", tag, strings.ReplaceAll(v, "\n", " "))
		}
	}
	line("TY", ty)
	for _, a := range r.Authors {
		line("AU", a)
	}
	line("TI", r.Title)
	line("T2", r.Container)
	line("ET", r.Version)
	if len(r.Issued) >= 4 {
		line("PY", r.Issued[:4])
		line("DA", strings.ReplaceAll(r.Issued, "-", "/"))
	}
	line("UR", r.URL)
	line("ID", r.Key)
	b.WriteString("ER  - \r\n")
	return b.String()
}

func citeCSL(r Ref) string {
	type name struct {
		Literal string `json:"literal"`
	}
	type date struct {
		Parts [][]int `json:"date-parts"`
	}
	item := struct {
		ID        string `json:"id"`
		Type      string `json:"type"`
		Title     string `json:"title"`
		Author    []name `json:"author"`
		Container string `json:"container-title,omitempty"`
		Version   string `json:"version,omitempty"`
		Issued    *date  `json:"issued,omitempty"`
		URL       string `json:"URL"`
	}{ID: r.Key, Type: r.Type, Title: r.Title, Container: r.Container, Version: r.Version, URL: r.URL}
	for _, a := range r.Authors {
		item.Author = append(item.Author, name{a})
	}
	var y, m, d int
	if n, _ := fmt.Sscanf(r.Issued, "%d-%d-%d", &y, &m, &d); n == 3 {
		item.Issued = &date{[][]int{{y, m, d}}}
	}
	b, _ := json.MarshalIndent([]any{item}, "", "  ") // plain values: cannot fail
	return string(b) + "\n"
}
