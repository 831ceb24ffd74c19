package export

import (
	"strconv"
	"strings"

	"atlas/internal/records"
)

var agreementColumns = []Column{
	{"id", "stable identifier of the record; also its anchor on /agreements/"},
	{"latam_locality_id", "Latin American locality id: country code / slug"},
	{"latam_locality", "name of the Latin American locality"},
	{"latam_level", "administrative level: city, municipality, district, department, province, state or region"},
	{"latam_country", "ISO 3166-1 alpha-2 code of the Latin American country"},
	{"asia_locality_id", "Asian locality id"},
	{"asia_locality", "name of the Asian locality"},
	{"asia_level", "administrative level of the Asian locality"},
	{"asia_country", "ISO 3166-1 alpha-2 code of the Asian country (Macau counted under CN)"},
	{"kind", "sister-city, friendship, cooperation, letter-of-intent or mou"},
	{"year", "year of signature when a source states it; empty when unknown"},
	{"status", "signed, active, proposed or unknown; empty when not recorded"},
	{"sources", "source ids from /sources/, each with its locator in brackets, separated by ; "},
	{"provenance", "for imported rows, the import's own note of where the row came from"},
	{"licence", "CC BY-SA 4.0 for records derived from Wikipedia, otherwise CC BY 4.0"},
}

var localityColumns = []Column{
	{"id", "stable locality id: lower-case country code / slug; the anchor on its country's page"},
	{"name", "name as commonly written in English"},
	{"level", "city, municipality, district, department, province, state or region"},
	{"country", "ISO 3166-1 alpha-2 code"},
	{"region", "latin-america or asia"},
	{"lat, lng", "approximate coordinates (city centres), empty when unknown"},
	{"coords_source", "source id of the coordinates"},
	{"agreements", "number of recorded agreements the locality is part of"},
}

// agreements is data/agreements: one row per agreement, in the order of as.
func agreements(as []*records.Agreement, ix *records.Index) (Download, []File, error) {
	rows := [][]string{columnNames(agreementColumns)}
	var recs []map[string]string
	for _, a := range as {
		row := agreementRow(a, ix)
		rows = append(rows, row)
		rec := map[string]string{}
		for i, c := range agreementColumns {
			rec[c.Name] = row[i]
		}
		recs = append(recs, rec)
	}
	files, err := dataFiles("agreements", rows, map[string]any{
		"title":       "Agreements between Latin American and Asian localities",
		"licence":     "Records derived from Wikipedia: " + LicenceWikipedia + " (" + AttribWikipedia + "); other records: " + LicenceContent,
		"attribution": AttribWikipedia,
		"records":     recs,
	})
	return Download{
		Name: "agreements", Title: "Agreements", Rows: len(as), Columns: agreementColumns,
		Description: "One row per recorded relationship between a Latin American and an Asian locality.",
		Licence:     LicenceWikipedia + " for the rows derived from Wikipedia, with the attribution “" + AttribWikipedia + "”; " + LicenceContent + " for the rest",
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
		p.ID, p.Name, p.Level, p.Country, a.Kind, year, a.Status,
		strings.Join(srcs, "; "), a.Provenance, lic}
}

// localities is data/localities: every locality, with the number of
// agreements it is part of.
func localities(d *records.Data, ix *records.Index) (Download, []File, error) {
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
	files, err := dataFiles("localities", rows, map[string]any{
		"title":      "Localities of the atlas",
		"licence":    LicenceContent + "; coordinates © OpenStreetMap contributors, ODbL, via Hekman/twincities",
		"localities": recs,
	})
	return Download{
		Name: "localities", Title: "Localities", Rows: len(d.Localities), Columns: localityColumns,
		Description: "Every Latin American and Asian city, province, state or region that a record names, with its level and approximate coordinates where known.",
		Licence:     LicenceContent + "; the coordinates © OpenStreetMap contributors, under the Open Database License (ODbL)",
		licences:    []string{ccBY, odbl},
	}, files, err
}
