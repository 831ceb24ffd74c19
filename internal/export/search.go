package export

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/search"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// SearchPage is a page the search finds: a case study, a research page,
// Table 1 or a chart. A page with sections is found section by section.
type SearchPage struct {
	Title, Path, Summary string // Path is site-relative
	Text                 string // more text to search: a chart's notes
	Sections             []SearchSection
}

// SearchSection is a section of a page, found at Path#ID.
type SearchSection struct {
	ID, Heading, Text string
}

// SearchData is what the search finds, each list in the order it is
// listed on the site. Results with the same score come in this order:
// cases, pages, charts, countries, partners, places, agreements, sources.
type SearchData struct {
	Cases, Pages, Charts []SearchPage
	Countries            []*records.Country // the Latin American countries with pages
	Partners             []*records.Country // the Asian countries with pages
	Localities           []*records.Locality
	Agreements           []*records.Agreement
	Sources              []*records.Source
	Index                *records.Index
}

// Search returns the search index's files (see package search). Each
// doc's type is a message search.kind.*, in the language of text.
func Search(d SearchData, text stats.Text) ([]File, error) {
	docs := searchDocs(d, text)
	files, err := search.Build(docs)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, name := range slices.Sorted(maps.Keys(files)) {
		out = append(out, File{name, files[name]})
	}
	return out, nil
}

func searchDocs(d SearchData, text stats.Text) []search.Doc {
	var docs []search.Doc
	pages := func(ps []SearchPage, kind string) {
		for _, p := range ps {
			docs = append(docs, search.Doc{Path: p.Path, Title: p.Title, Type: kind, Text: join(" ", p.Summary, p.Text)})
			for _, s := range p.Sections {
				if s.ID == "" { // the text before the first heading belongs to the page
					docs[len(docs)-1].Text = join(" ", docs[len(docs)-1].Text, s.Text)
					continue
				}
				docs = append(docs, search.Doc{Path: p.Path + "#" + s.ID, Title: s.Heading, Type: kind, Meta: p.Title, Text: s.Text})
			}
		}
	}
	pages(d.Cases, text.Sprintf("search.kind.case"))
	pages(d.Pages, text.Sprintf("search.kind.page"))
	pages(d.Charts, text.Sprintf("search.kind.chart"))
	for _, c := range d.Countries {
		docs = append(docs, search.Doc{Path: sitepath.Country(c.Name), Title: c.Name, Type: text.Sprintf("search.kind.country"), Meta: c.Subregion, Names: []string{c.NameES}})
	}
	for _, c := range d.Partners {
		docs = append(docs, search.Doc{Path: sitepath.Partner(c.Name), Title: c.Name, Type: text.Sprintf("search.kind.partner"), Meta: c.Subregion, Names: []string{c.NameES}})
	}
	for _, l := range d.Localities {
		docs = append(docs, search.Doc{Path: sitepath.Place(l.ID), Title: l.Name, Type: text.Sprintf("search.kind.place"),
			Meta: l.Level + ", " + d.Index.Country[l.Country].Name, Names: aliases(l), Text: join(" ", alsoCalled(l, text), l.Note)})
	}
	for _, a := range d.Agreements {
		l, p := d.Index.Locality[a.LatAm], d.Index.Locality[a.Asia]
		year := ""
		if a.Year != nil {
			year = strconv.Itoa(*a.Year)
		}
		var srcs []string
		for _, c := range a.Sources {
			if s := d.Index.Source[c.Source]; s != nil {
				srcs = append(srcs, s.Title)
			}
		}
		docs = append(docs, search.Doc{
			Path:  sitepath.AgreementPage(a.ID),
			Title: l.Name + " – " + p.Name,
			Type:  text.Sprintf("search.kind.agreement"),
			Meta:  join(", ", a.Kind, year, d.Index.Country[l.Country].Name+" – "+d.Index.Country[p.Country].Name),
			Names: append(aliases(l), aliases(p)...),
			Text:  join(" ", a.Note, a.Term, strings.Join(srcs, "; ")),
		})
	}
	for _, s := range d.Sources {
		date := s.Date
		if date == "" && s.Year != nil {
			date = strconv.Itoa(*s.Year)
		}
		docs = append(docs, search.Doc{Path: sitepath.Source(s.ID), Title: s.Title, Type: text.Sprintf("search.kind.source"),
			Meta: join(", ", strings.Join(s.Authors, ", "), cmp.Or(s.Container, s.Publisher), date), Text: s.Note})
	}
	return docs
}

// alsoCalled is a sentence giving the other names of a locality, so that
// a result found by one of them shows it in its snippet.
func alsoCalled(l *records.Locality, text stats.Text) string {
	names := slices.Compact(slices.Sorted(slices.Values(aliases(l))))
	if len(names) == 0 {
		return ""
	}
	return text.Sprintf("search.also-called", strings.Join(names, "; "))
}

func aliases(l *records.Locality) []string {
	var out []string
	for _, a := range l.Aliases {
		out = append(out, a.Name)
	}
	return out
}

// join joins the non-empty strings of parts with sep.
func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
