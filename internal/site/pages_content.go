package site

import (
	"html/template"
	"strings"

	"atlas/internal/render"
	"atlas/internal/sitepath"
)

func (b *builder) casePages() {
	cs := b.m.caseViews("")
	b.page("cases", &render.CasesPage{
		Frame: render.Frame{
			Path:        sitepath.Cases,
			Title:       "Case studies",
			Description: "Case studies of subnational relationships between Latin American and Asian localities, every fact cited.",
		},
		Cases: cs,
	})
	for _, c := range cs {
		b.page("case", &render.CasePage{
			Frame: render.Frame{
				Path:        c.Path,
				Title:       c.Title,
				Description: c.Summary,
				Updated:     c.Updated,
				OGType:      "article",
				Citation:    caseCitation(c, b.site.Title),
			},
			Case: c,
		})
	}
}

func (b *builder) researchPages() {
	for _, d := range b.m.pages {
		b.page("page", &render.ResearchPage{
			Frame: render.Frame{
				Path:        docPath(d),
				Title:       d.Page.Title,
				Description: d.Page.Summary,
				Updated:     d.Page.Updated,
			},
			Body: template.HTML(d.HTML),
			Refs: b.m.refs(d),
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
// contributors as author (as the how-to-cite page has it), the date of its
// last revision, and the site's title as publisher.
func caseCitation(c caseView, publisher string) *render.Citation {
	return &render.Citation{
		Title:     c.Title,
		Authors:   []string{Authors},
		Date:      strings.ReplaceAll(c.Updated, "-", "/"),
		Publisher: publisher,
	}
}
