package site

import (
	"html/template"

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
			Citation:    caseCitation(c, b.site.Title),
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
