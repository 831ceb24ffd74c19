package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
)

// PageSize is the most agreements a list page holds; longer lists are
// paged.
const PageSize = 500

// facet is a way to divide the agreements: each agreement has one or
// more of its values. Its title is the message "facet.<key>".
type facet struct {
	key    string
	values func(a agreementView) []facetValue
}

type facetValue struct{ slug, label string }

// facets are the ways /agreements/ is browsed, in the order their pages
// combine them (agreements/country/chile/partner/china/).
var facets = []facet{
	{"country", func(a agreementView) []facetValue {
		return []facetValue{{a.LatAmSlug, a.LatAmCountry.Name}}
	}},
	{"partner", func(a agreementView) []facetValue {
		return []facetValue{{a.AsiaSlug, a.AsiaCountry.Name}}
	}},
	{"kind", func(a agreementView) []facetValue { return []facetValue{{a.Kind, a.Kind}} }},
	{"level", func(a agreementView) []facetValue {
		v := []facetValue{{a.LatAm.Level, a.LatAm.Level}}
		if a.Asia.Level != a.LatAm.Level {
			v = append(v, facetValue{a.Asia.Level, a.Asia.Level})
		}
		return v
	}},
	{"grade", func(a agreementView) []facetValue {
		return []facetValue{{a.Grade, a.GradeLabel}}
	}},
	{"decade", func(a agreementView) []facetValue {
		if a.Year == nil {
			return []facetValue{{"unknown", ""}} // labelled "facet.decade.unknown"
		}
		d := *a.Year / 10 * 10
		return []facetValue{{strconv.Itoa(d) + "s", strconv.Itoa(d) + "s"}}
	}},
}

// facetTags lists an agreement's facet values as "key:value" words.
func facetTags(a agreementView) string {
	var tags []string
	for _, f := range facets {
		for _, v := range f.values(a) {
			tags = append(tags, f.key+":"+v.slug)
		}
	}
	return strings.Join(tags, " ")
}

// facetNames are the words that agreement ids may not take, since they
// name facet pages under /agreements/.
func facetNames() []string {
	out := []string{"page"}
	for _, f := range facets {
		out = append(out, f.key)
	}
	return out
}

// group is the agreements of one facet value, in list order.
type group struct {
	value facetValue
	as    []agreementView
}

// groupBy divides as by the values of f, most agreements first.
func groupBy(as []agreementView, f facet) []group {
	idx := map[string]int{}
	var out []group
	for _, a := range as {
		for _, v := range f.values(a) {
			i, ok := idx[v.slug]
			if !ok {
				i = len(out)
				idx[v.slug] = i
				out = append(out, group{value: v})
			}
			out[i].as = append(out[i].as, a)
		}
	}
	slices.SortStableFunc(out, func(a, b group) int {
		return cmp.Or(cmp.Compare(len(b.as), len(a.as)), strings.Compare(a.value.label, b.value.label))
	})
	return out
}

// label is a facet value in words: a kind or a level as its message
// (kind.sister-city: the record's word is not the reader's), a value
// without a label as its message (the unknown decade), otherwise its
// label.
func (b *builder) label(key string, v facetValue) string {
	switch {
	case key == "kind" || key == "level":
		return b.msg.Sprintf(key + "." + v.slug)
	case v.label == "":
		return b.msg.Sprintf("facet.decade." + v.slug)
	}
	return v.label
}

// facetPath is the path of a list restricted to the given facet values,
// in facet order: agreements/partner/japan/level/province/.
func facetPath(sel map[int]facetValue) string {
	p := sitepath.Agreements
	for i, f := range facets {
		if v, ok := sel[i]; ok {
			p += f.key + "/" + v.slug + "/"
		}
	}
	return p
}

// listPages writes /agreements/, a page for each facet value and for each
// pair of values of two facets, every one paged.
func (b *builder) listPages(ln *links) {
	b.list(ln.all, map[int]facetValue{}, true)
	for i, f := range facets {
		for _, g := range groupBy(ln.all, f) {
			sel := map[int]facetValue{i: g.value}
			b.list(g.as, sel, true)
			for j := i + 1; j < len(facets); j++ {
				for _, h := range groupBy(g.as, facets[j]) {
					b.list(h.as, map[int]facetValue{i: g.value, j: h.value}, false)
				}
			}
		}
	}
}

// list writes the pages of one list. With linked, its facet boxes link to
// the lists that add one more value; otherwise they only count.
func (b *builder) list(as []agreementView, sel map[int]facetValue, linked bool) {
	base := facetPath(sel)
	heading, filters := b.listHeading(sel)
	var boxes []render.FacetBox
	for i, f := range facets {
		if _, ok := sel[i]; ok {
			continue
		}
		box := render.FacetBox{Key: f.key, Title: b.msg.Sprintf("facet." + f.key)}
		for _, g := range groupBy(as, f) {
			c := render.Count{Label: b.label(f.key, g.value), N: len(g.as), Value: g.value.slug}
			if linked && len(sel) < 2 {
				next := map[int]facetValue{i: g.value}
				for k, v := range sel {
					next[k] = v
				}
				c.Path = facetPath(next)
			}
			box.Values = append(box.Values, c)
		}
		boxes = append(boxes, box)
	}
	n := max(1, (len(as)+PageSize-1)/PageSize)
	for k := range n {
		page := render.ListPage{
			Frame: render.Frame{
				Path:        pagePath(base, k+1),
				Title:       heading,
				Description: b.msg.Sprintf("page.list.description", heading, len(as)),
				Wikipedia:   anyWikipedia(as),
			},
			Heading: heading, Total: len(as), Filters: filters, Facets: boxes, First: k*PageSize + 1,
			Table: render.AgreementsTable{ID: "agreements", Caption: heading, Agreements: as[k*PageSize : min(len(as), (k+1)*PageSize)]},
		}
		if n > 1 {
			page.Title = b.msg.Sprintf("page.list.paged", heading, k+1, n)
			for j := range n {
				page.Pages = append(page.Pages, render.PageLink{N: j + 1, Path: pagePath(base, j+1), Current: j == k})
			}
		}
		b.page("agreements", &page)
	}
}

// pagePath is the path of page n of the list at base.
func pagePath(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// listHeading names a list by its facet values, and gives the link that
// removes each.
func (b *builder) listHeading(sel map[int]facetValue) (string, []render.Filter) {
	if len(sel) == 0 {
		return b.msg.Sprintf("page.agreements.title"), nil
	}
	var parts []string
	var filters []render.Filter
	for i, f := range facets {
		v, ok := sel[i]
		if !ok {
			continue
		}
		title, label := b.msg.Sprintf("facet."+f.key), b.label(f.key, v)
		parts = append(parts, b.msg.Sprintf("page.list.part", title, label))
		rest := map[int]facetValue{}
		for k, w := range sel {
			if k != i {
				rest[k] = w
			}
		}
		filters = append(filters, render.Filter{Facet: title, Value: label, Remove: facetPath(rest)})
	}
	return b.msg.Sprintf("page.list.heading", strings.Join(parts, b.msg.Sprintf("page.list.sep"))), filters
}

// checkAgreementIDs reports agreement ids that would take the place of a
// facet page under /agreements/.
func (m *model) checkAgreementIDs() error {
	var errs srcpos.List
	for _, a := range m.d.Agreements {
		if slices.Contains(facetNames(), a.ID) {
			errs.Add(a.Fields.At("id", a.Pos), "id", "%q names pages of the list of agreements (an id other than %s)", a.ID, strings.Join(facetNames(), ", "))
		}
	}
	return errs.Err()
}
