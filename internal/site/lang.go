package site

import (
	"cmp"
	"slices"
	"strings"

	"atlas/internal/content"
	"atlas/internal/export"
	"atlas/internal/messages"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
	"atlas/internal/stats"
)

// The site is built once per language of data/site.yaml: English at the
// root, the others under /<code>/. What does not depend on the language
// (the records, their indexes and counts, the downloads) is loaded and
// derived once; inLang makes the light copy of the model that one
// language's pages read: the countries and localities under their names
// in it (records.Country.NameIn, Locality.NameIn), Table 1 printed with
// them, its texts, and its order of names.

// inLang returns the model as the pages of lang show it, with msg its
// string table.
func (m *model) inLang(lang string, msg *messages.Table) *model {
	lm := *m
	lm.lang, lm.msg = lang, msg
	if lang != sitepath.DefaultLang {
		d, ix := *m.d, *m.ix
		d.Countries = make([]*records.Country, len(m.d.Countries))
		ix.Country = make(map[string]*records.Country, len(m.ix.Country))
		for i, c := range m.d.Countries {
			lc := *c
			lc.Name = c.NameIn(lang)
			d.Countries[i], ix.Country[c.Code] = &lc, &lc
		}
		d.Localities = make([]*records.Locality, len(m.d.Localities))
		ix.Locality = make(map[string]*records.Locality, len(m.ix.Locality))
		for i, l := range m.d.Localities {
			ll := *l
			ll.Name = l.NameIn(lang)
			d.Localities[i], ix.Locality[l.ID] = &ll, &ll
		}
		lm.d, lm.ix = &d, &ix
		lm.table1 = stats.NewTable(m.table1.Table, &ix, m.twinning, m.otherKinds)
	}
	lm.ranks = nameRanks(lm.d, msg)
	lm.cases = m.docsIn(lang, m.allCases)
	lm.pages = sortPages(m.docsIn(lang, m.allPages))
	lm.countries = lm.listCountries()
	return &lm
}

// sortPages sorts research pages in their navigation order.
func sortPages(pages []*content.Doc) []*content.Doc {
	slices.SortFunc(pages, func(a, b *content.Doc) int {
		return cmp.Or(cmp.Compare(a.Page.Order, b.Page.Order), strings.Compare(a.Key, b.Key))
	})
	return pages
}

// docsIn returns, for every key of docs, its text in lang, or where it
// has none, the text it has in another language (English first), for
// the page that says so (see elsewhere).
func (m *model) docsIn(lang string, docs []*content.Doc) []*content.Doc {
	var out []*content.Doc
	for _, key := range keysOf(docs) {
		if d := m.version(docs, key, lang); d != nil {
			out = append(out, d)
			continue
		}
		if vs := m.versions(docs, key); len(vs) > 0 {
			out = append(out, vs[0])
		} // else it is in no language of the site: checkLangs reports it
	}
	return out
}

// keysOf returns the keys of docs, sorted, each once.
func keysOf(docs []*content.Doc) []string {
	var keys []string
	for _, d := range docs {
		keys = append(keys, d.Key)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// version returns the text of key in lang, or nil.
func (m *model) version(docs []*content.Doc, key, lang string) *content.Doc {
	for _, d := range docs {
		if d.Key == key && d.Lang == lang {
			return d
		}
	}
	return nil
}

// versions returns every text of key, in the order of the site's
// languages.
func (m *model) versions(docs []*content.Doc, key string) []*content.Doc {
	var out []*content.Doc
	for _, lang := range m.langs {
		if d := m.version(docs, key, lang); d != nil {
			out = append(out, d)
		}
	}
	return out
}

// foreign reports whether d is shown on lang's pages though written in
// another language: the page of its key in lang then says so and links to
// its versions.
func (m *model) foreign(d *content.Doc) bool { return d.Lang != m.lang }

// docVersions returns the languages that have a text of d's key.
func (m *model) docVersions(d *content.Doc) []*content.Doc {
	if d.Case != nil {
		return m.versions(m.allCases, d.Key)
	}
	return m.versions(m.allPages, d.Key)
}

// checkLangs reports the texts in a language that data/site.yaml does not
// list.
func (m *model) checkLangs() error {
	var errs srcpos.List
	for _, d := range slices.Concat(m.allCases, m.allPages) {
		if !slices.Contains(m.langs, d.Lang) {
			errs.Add(srcpos.Position{File: d.File}, "lang", "%q is not a language of the site (expected one of %s, as %s lists them)", d.Lang, strings.Join(m.langs, ", "), records.SettingsFile)
		}
	}
	return errs.Err()
}

// compareNames orders names as the model's language sorts them (its
// collation: "Á" with "A").
func (m *model) compareNames(a, b string) int {
	if m.msg == nil {
		return strings.Compare(a, b)
	}
	ra, oka := m.ranks[a]
	rb, okb := m.ranks[b]
	if oka && okb {
		return cmp.Compare(ra, rb)
	}
	return m.msg.Compare(a, b)
}

// nameRanks sorts the names of the countries and localities once, by the
// language's collation, so that the long lists (every agreement, by
// country and locality) compare two numbers rather than two collation
// keys.
func nameRanks(d *records.Data, msg *messages.Table) map[string]int {
	var names []string
	for _, c := range d.Countries {
		names = append(names, c.Name)
	}
	for _, l := range d.Localities {
		names = append(names, l.Name)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if msg != nil {
		slices.SortFunc(names, msg.Compare)
	}
	ranks := make(map[string]int, len(names))
	for i, n := range names {
		ranks[n] = i
	}
	return ranks
}

// alternates fills the frame's language links: the page in every language
// that has it (hreflang, and x-default for English or the first there
// is), and the language switch, which leads every language to the same
// page, or to the page saying the text is not in it.
func (b *builder) alternates(f *render.Frame, have []string) {
	if len(b.m.langs) < 2 {
		f.Switch = []render.Alternate{} // a site in one language has neither
		return
	}
	base := b.site.Base
	for _, l := range b.m.d.Settings.Languages {
		rel := sitepath.InLang(l.Code, f.Path)
		a := render.Alternate{Lang: l.Code, Name: l.Name, Href: base.URL(rel), Abs: base.Abs(rel), Current: l.Code == b.m.lang}
		f.Switch = append(f.Switch, a)
		if have == nil || slices.Contains(have, l.Code) {
			f.Alternates = append(f.Alternates, a)
		}
	}
	if len(f.Alternates) > 0 {
		f.XDefault = &f.Alternates[0]
	}
	if f.NoIndex {
		f.Alternates, f.XDefault = nil, nil
	}
}

// withAlternates gives each sitemap entry its versions in the other
// languages (the pages at the same path in their trees) and x-default,
// English's or the first there is; a page in one language has none.
func withAlternates(entries []export.SitemapEntry, langs []string) []export.SitemapEntry {
	byPath := map[string][]export.SitemapAlternate{}
	inner := make([]string, len(entries))
	for i, e := range entries {
		lang, p := sitepath.Lang(e.Loc, langs)
		inner[i] = p
		byPath[p] = append(byPath[p], export.SitemapAlternate{Rel: "alternate", Hreflang: lang, Href: e.Loc})
	}
	for i := range entries {
		alts := byPath[inner[i]]
		if len(alts) < 2 {
			continue
		}
		slices.SortStableFunc(alts, func(a, b export.SitemapAlternate) int {
			return cmp.Compare(slices.Index(langs, a.Hreflang), slices.Index(langs, b.Hreflang))
		})
		def := alts[0]
		def.Hreflang = "x-default"
		entries[i].Alternates = append(slices.Clone(alts), def)
	}
	return entries
}

// foreignLang is the language of d when lm's pages show it though it is
// written in another, or "".
func foreignLang(lm *model, d *content.Doc) string {
	if lm.foreign(d) {
		return d.Lang
	}
	return ""
}
