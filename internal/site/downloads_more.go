package site

import (
	"strconv"
	"strings"

	"atlas/internal/records"
)

// odbl is the licence of the imported coordinates.
const odbl = "https://opendatacommons.org/licenses/odbl/1-0/"

var localityColumns = []column{
	{"id", "stable locality id: lower-case country code / slug; the anchor on its country's page"},
	{"name", "name as commonly written in English"},
	{"level", "city, municipality, district, department, province, state or region"},
	{"country", "ISO 3166-1 alpha-2 code"},
	{"region", "latin-america or asia"},
	{"lat, lng", "approximate coordinates (city centres), empty when unknown"},
	{"coords_source", "source id of the coordinates"},
	{"agreements", "number of recorded agreements the locality is part of"},
}

var sourceColumns = []column{
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

var figureColumns = []column{
	{"set", "id of the figure set"},
	{"scope", "all, or the Latin American country code the figure counts"},
	{"as_of", "the year the figure is for"},
	{"value", "the number as published"},
	{"bound", "exact, at-least or more-than: a lower bound is never a count"},
	{"quote", "the short phrase as published"},
	{"source", "source id"},
}

func (b *builder) localitiesDownload() download {
	m := b.m
	n := map[string]int{}
	for _, a := range m.d.Agreements {
		n[a.LatAm]++
		n[a.Asia]++
	}
	rows := [][]string{{"id", "name", "level", "country", "region", "lat", "lng", "coords_source", "agreements"}}
	var recs []map[string]string
	for _, l := range m.d.Localities {
		lat, lng := "", ""
		if l.HasCoords() {
			lat, lng = strconv.FormatFloat(*l.Lat, 'f', -1, 64), strconv.FormatFloat(*l.Lng, 'f', -1, 64)
		}
		row := []string{l.ID, l.Name, l.Level, l.Country, m.ix.Country[l.Country].Region, lat, lng, l.CoordsSource, strconv.Itoa(n[l.ID])}
		rows = append(rows, row)
		rec := map[string]string{}
		for i, h := range rows[0] {
			rec[h] = row[i]
		}
		recs = append(recs, rec)
	}
	b.add("data/localities.csv", csvBytes(rows))
	b.addJSON("data/localities.json", map[string]any{
		"title":      "Localities of the atlas",
		"licence":    licenceContent + "; coordinates © OpenStreetMap contributors, ODbL, via Hekman/twincities",
		"localities": recs,
	})
	return download{
		Name: "localities", Title: "Localities", Rows: len(m.d.Localities), Columns: localityColumns,
		Description: "Every Latin American and Asian city, province, state or region that a record names, with its level and approximate coordinates where known.",
		Licence:     licenceContent + "; the coordinates © OpenStreetMap contributors, under the Open Database License (ODbL)",
		licences:    []string{ccBY, odbl},
	}
}

func (b *builder) sourcesDownload() download {
	m := b.m
	rows := [][]string{{"id", "kind", "authors", "title", "container", "publisher", "year", "date", "url", "licence"}}
	var bib strings.Builder
	var recs []map[string]string
	for _, s := range m.d.Sources {
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
		bib.WriteString(bibtex(s))
		bib.WriteString("\n\n")
	}
	b.add("data/sources.csv", csvBytes(rows))
	b.addJSON("data/sources.json", map[string]any{"title": "Bibliography of the atlas", "licence": licenceContent, "sources": recs})
	b.add("data/sources.bib", []byte(bib.String()))
	return download{
		Name: "sources", Title: "Bibliography", Rows: len(m.d.Sources), Columns: sourceColumns,
		Description: "Every source the records and case studies cite; also as BibTeX (data/sources.bib).",
		Licence:     licenceContent,
		licences:    []string{ccBY},
	}
}

func (b *builder) figuresDownload() (download, bool) {
	m := b.m
	if len(m.d.Figures) == 0 {
		return download{}, false
	}
	rows := [][]string{{"set", "scope", "as_of", "value", "bound", "quote", "source"}}
	var recs []map[string]any
	for _, s := range m.d.Figures {
		for _, f := range s.Items {
			rows = append(rows, []string{s.ID, f.Scope, strconv.Itoa(f.AsOf), strconv.Itoa(f.Value), f.Bound, f.Quote, s.Source})
			recs = append(recs, map[string]any{"set": s.ID, "scope": f.Scope, "as_of": f.AsOf, "value": f.Value, "bound": f.Bound, "quote": f.Quote, "source": s.Source})
		}
	}
	b.add("data/published-figures.csv", csvBytes(rows))
	b.addJSON("data/published-figures.json", map[string]any{"title": "Figures as sources published them", "licence": licenceContent + " (this transcription); the figures are the sources'", "figures": recs})
	var src *records.Source
	if len(m.d.Figures) == 1 {
		src = m.ix.Source[m.d.Figures[0].Source]
	}
	return download{
		Name: "published-figures", Title: "Published figures", Rows: len(rows) - 1, Columns: figureColumns,
		Description: "Single figures as sources published them, such as the Latinoamérica21 counts of China–Latin America twinnings; “more than 200” is kept as a lower bound.",
		Licence:     licenceContent,
		licences:    []string{ccBY},
		source:      src,
	}, true
}
