package export

import (
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/stats"
)

// agreementColumns are the columns of data/agreements, in order.
var agreementColumns = []col{
	{name: "id"},
	{name: "latam_locality_id"},
	{name: "latam_locality"},
	{name: "latam_level"},
	{name: "latam_country"},
	{name: "asia_locality_id"},
	{name: "asia_locality"},
	{name: "asia_level"},
	{name: "asia_country"},
	{name: "kind"},
	{name: "term"},
	{name: "year"},
	{name: "date"},
	{name: "date_basis"},
	{name: "status"},
	{name: "grade"},
	{name: "sources"},
	{name: "provenance"},
	{name: "licence", args: []any{LicenceWikipedia, LicenceContent}},
}

// localityColumns are the columns of data/localities as its dictionary
// lists them.
var localityColumns = []col{
	{name: "id"},
	{name: "name"},
	{name: "level"},
	{name: "country"},
	{name: "region"},
	{name: "lat, lng", id: "coords"},
	{name: "coords_source"},
	{name: "agreements"},
}

// agreements is data/agreements: one row per agreement, in the order of as.
func agreements(as []*records.Agreement, ix *records.Index, text stats.Text) (Download, []File, error) {
	rows := [][]string{columnNames(agreementColumns)}
	var recs []map[string]string
	for _, a := range as {
		row := agreementRow(a, ix)
		rows = append(rows, row)
		rec := map[string]string{}
		for i, c := range agreementColumns {
			rec[c.name] = row[i]
		}
		recs = append(recs, rec)
	}
	const name = "agreements"
	attrib := AttribWikipedia(text)
	files, err := dataFiles(name, rows, map[string]any{
		"title":       words(text, name, "file-title"),
		"licence":     words(text, name, "file-licence", LicenceWikipedia, attrib, LicenceContent),
		"attribution": attrib,
		"records":     recs,
	})
	return Download{
		Name: name, Title: words(text, name, "title"), Rows: len(as),
		Columns:     dictionary(text, name, agreementColumns),
		Description: words(text, name, "description"),
		Licence:     words(text, name, "licence", LicenceWikipedia, attrib, LicenceContent),
		licences:    []string{ccBY, ccBYSA},
	}, files, err
}

// agreementRow is an agreement's row, in the order of agreementColumns.
func agreementRow(a *records.Agreement, ix *records.Index) []string {
	var srcs []string
	lic := LicenceContent
	for _, c := range a.Sources {
		s := c.Source
		if c.Locator != "" {
			s += " [" + c.Locator + "]"
		}
		srcs = append(srcs, s)
		if ix.Source[c.Source].Licence == LicenceWikipedia {
			lic = LicenceWikipedia
		}
	}
	year := ""
	if a.Year != nil {
		year = strconv.Itoa(*a.Year)
	}
	l, p := ix.Locality[a.LatAm], ix.Locality[a.Asia]
	return []string{a.ID, l.ID, l.Name, l.Level, l.Country,
		p.ID, p.Name, p.Level, p.Country, a.Kind, a.Term, year, a.Date, a.DateBasis, a.Status, ix.Grade(a),
		strings.Join(srcs, "; "), a.Provenance, lic}
}

// localities is data/localities: every locality, with the number of
// agreements it is part of.
func localities(d *records.Data, ix *records.Index, text stats.Text) (Download, []File, error) {
	n := map[string]int{}
	for _, a := range d.Agreements {
		n[a.LatAm]++
		n[a.Asia]++
	}
	rows := [][]string{{"id", "name", "level", "country", "region", "lat", "lng", "coords_source", "agreements"}}
	var recs []map[string]string
	for _, l := range d.Localities {
		lat, lng := "", ""
		if l.HasCoords() {
			lat, lng = strconv.FormatFloat(*l.Lat, 'f', -1, 64), strconv.FormatFloat(*l.Lng, 'f', -1, 64)
		}
		row := []string{l.ID, l.Name, l.Level, l.Country, ix.Country[l.Country].Region, lat, lng, l.CoordsSource, strconv.Itoa(n[l.ID])}
		rows = append(rows, row)
		rec := map[string]string{}
		for i, h := range rows[0] {
			rec[h] = row[i]
		}
		recs = append(recs, rec)
	}
	const name = "localities"
	files, err := dataFiles(name, rows, map[string]any{
		"title":      words(text, name, "file-title"),
		"licence":    words(text, name, "file-licence", LicenceContent),
		"localities": recs,
	})
	return Download{
		Name: name, Title: words(text, name, "title"), Rows: len(d.Localities),
		Columns:     dictionary(text, name, localityColumns),
		Description: words(text, name, "description"),
		Licence:     words(text, name, "licence", LicenceContent),
		licences:    []string{ccBY, odbl},
	}, files, err
}
