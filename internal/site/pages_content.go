package site

import (
	"html/template"
	"strings"

	"atlas/internal/render"
)

type casesData struct {
	Cases []caseView
}

type caseData struct {
	Case caseView
}

func (b *builder) casePages() {
	cs := b.m.caseViews("")
	b.page("cases", &render.Page{
		Path:        "cases/",
		Title:       "Case studies",
		Description: "Case studies of subnational relationships between Latin American and Asian localities, every fact cited.",
		Data:        casesData{cs},
	})
	for _, c := range cs {
		b.page("case", &render.Page{
			Path:        c.Path,
			Title:       c.Title,
			Description: c.Summary,
			Data:        caseData{c},
			Updated:     c.Updated,
			OGType:      "article",
			Citation:    caseCitation(c),
		})
	}
}

type researchData struct {
	Body template.HTML
	Refs []refView
}

func (b *builder) researchPages() {
	for _, d := range b.m.pages {
		b.page("page", &render.Page{
			Path:        docPath(d),
			Title:       d.Page.Title,
			Description: d.Page.Summary,
			Data:        researchData{Body: template.HTML(d.HTML), Refs: b.m.refs(d)},
			Updated:     d.Page.Updated,
		})
	}
}

// latest returns at most n case studies from a list sorted newest first.
func latest(cs []caseView, n int) []caseView {
	return cs[:min(n, len(cs))]
}

// Authors is how the atlas names its authors (see the how-to-cite page).
const Authors = "Asia–Latin America Subnational Atlas contributors"

// caseCitation fills the Google Scholar tags of a case study: the atlas's
// contributors as author (as the how-to-cite page has it), and the date of
// its last revision.
func caseCitation(c caseView) *render.Citation {
	return &render.Citation{
		Title:     c.Title,
		Authors:   []string{Authors},
		Date:      strings.ReplaceAll(c.Updated, "-", "/"),
		Publisher: Title,
	}
}
