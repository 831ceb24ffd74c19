package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/render"
)

// Licences of the data sets.
const (
	licenceContent   = "CC BY 4.0"
	attribWikipedia  = "Derived from English Wikipedia's lists of twin towns and sister cities"
	licenceWikipedia = wikipediaLicence
)

// download is one data set offered on /data/.
type download struct {
	Name        string // file name without extension
	Title       string
	Description string
	Licence     string
	Rows        int
	Columns     []column // the data dictionary

	licences []string        // licence URLs, for structured data
	source   *records.Source // the publication it reproduces, if any
}

type column struct{ Name, Meaning string }

type dataPageData struct {
	Downloads []download
}

var agreementColumns = []column{
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

var table1Columns = []column{
	{"country", "Latin American country as printed"},
	{"code", "ISO 3166-1 alpha-2 code"},
	{"japan, korea, china_and_taiwan, other", "the cells exactly as printed"},
	{"JP, KR, CN, TW, IN, ID, PH", "the counts per partner country behind the cells"},
	{"total", "the row's total (not printed in the source; computed)"},
}

func (b *builder) downloads() {
	ds := []download{
		b.agreementsDownload(),
		b.table1Download(),
	}
	if d, ok := b.figuresDownload(); ok {
		ds = append(ds, d)
	}
	ds = append(ds, b.localitiesDownload(), b.sourcesDownload())
	var lds []map[string]any
	for _, d := range ds {
		lds = append(lds, b.dataset(d))
	}
	b.page("data", &render.LegacyPage{
		Frame: render.Frame{
			Path:        "data/",
			Title:       "Data",
			Description: "Download the atlas's records and published tables as CSV and JSON, with a data dictionary and licences.",
			Wikipedia:   true,
			JSONLD:      b.jsonLD(lds),
		},
		Data: dataPageData{ds},
	})
}

func (b *builder) agreementsDownload() download {
	as := b.m.agreements(nil)
	rows := [][]string{columnNames(agreementColumns)}
	var recs []map[string]string
	for _, a := range as {
		var srcs []string
		for _, c := range a.Sources {
			s := c.ID
			if c.Locator != "" {
				s += " [" + c.Locator + "]"
			}
			srcs = append(srcs, s)
		}
		year := ""
		if a.Year != nil {
			year = strconv.Itoa(*a.Year)
		}
		lic := licenceContent
		if a.Wikipedia {
			lic = licenceWikipedia
		}
		row := []string{a.ID, a.LatAm.ID, a.LatAm.Name, a.LatAm.Level, a.LatAm.Country,
			a.Asia.ID, a.Asia.Name, a.Asia.Level, a.Asia.Country, a.Kind, year, a.Status,
			strings.Join(srcs, "; "), a.Provenance, lic}
		rows = append(rows, row)
		rec := map[string]string{}
		for i, c := range agreementColumns {
			rec[c.Name] = row[i]
		}
		recs = append(recs, rec)
	}
	b.add("data/agreements.csv", csvBytes(rows))
	b.addJSON("data/agreements.json", map[string]any{
		"title":       "Agreements between Latin American and Asian localities",
		"licence":     "Records derived from Wikipedia: " + licenceWikipedia + " (" + attribWikipedia + "); other records: " + licenceContent,
		"attribution": attribWikipedia,
		"records":     recs,
	})
	return download{
		Name: "agreements", Title: "Agreements", Rows: len(as), Columns: agreementColumns,
		Description: "One row per recorded relationship between a Latin American and an Asian locality.",
		Licence:     licenceWikipedia + " for the rows derived from Wikipedia, with the attribution “" + attribWikipedia + "”; " + licenceContent + " for the rest",
		licences:    []string{ccBY, ccBYSA},
	}
}

func (b *builder) table1Download() download {
	t := b.m.table1
	codes := []string{}
	for _, c := range t.Columns {
		codes = append(codes, c.Partners...)
	}
	head := []string{"country", "code"}
	for _, c := range t.Columns {
		head = append(head, strings.ReplaceAll(strings.ToLower(c.Label), " ", "_"))
	}
	head = append(head, codes...)
	head = append(head, "total")
	rows := [][]string{head}
	type jsonRow struct {
		Country string         `json:"country"`
		Code    string         `json:"code"`
		Cells   []string       `json:"cells"`
		Counts  map[string]int `json:"counts"`
		Total   int            `json:"total"`
	}
	var jrows []jsonRow
	for i, r := range t.Rows {
		row := []string{r.Country.Name, r.Country.Code}
		row = append(row, r.Cells...)
		counts := t.Table.Rows[i].Counts
		for _, code := range codes {
			row = append(row, strconv.Itoa(counts[code]))
		}
		row = append(row, strconv.Itoa(r.Total))
		rows = append(rows, row)
		jrows = append(jrows, jsonRow{r.Country.Name, r.Country.Code, r.Cells, counts, r.Total})
	}
	total := []string{"TOTAL", ""}
	for _, n := range t.Totals {
		total = append(total, strconv.Itoa(n))
	}
	rows = append(rows, total)
	var labels []string
	for _, c := range t.Columns {
		labels = append(labels, c.Label)
	}
	src := b.m.ix.Source[t.Source]
	b.add("data/table-1.csv", csvBytes(rows))
	b.addJSON("data/table-1.json", map[string]any{
		"title":   t.Title,
		"source":  citation(src) + ", " + t.Locator,
		"licence": licenceContent + " (this transcription); the figures are the source's",
		"columns": labels,
		"rows":    jrows,
		"totals":  t.Totals,
	})
	return b.table1Info()
}

// table1Info describes the Table 1 download.
func (b *builder) table1Info() download {
	t := b.m.table1
	return download{
		Name: "table-1", Title: "Rouvinski's Table 1", Rows: len(t.Rows), Columns: table1Columns,
		Description: "The published table, cell by cell, with the per-partner counts behind each cell and the printed TOTAL row.",
		Licence:     licenceContent,
		licences:    []string{ccBY},
		source:      b.m.ix.Source[t.Source],
	}
}

// citation formats a source in one line: "Author, Title, Container (Year)".
func citation(s *records.Source) string {
	var parts []string
	if len(s.Authors) > 0 {
		parts = append(parts, strings.Join(s.Authors, ", "))
	}
	parts = append(parts, "“"+s.Title+"”")
	if s.Container != "" {
		parts = append(parts, s.Container)
	}
	out := strings.Join(parts, ", ")
	if s.Year != nil {
		out += fmt.Sprintf(" (%d)", *s.Year)
	}
	return out
}

func columnNames(cs []column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows) // writing to a buffer cannot fail
	return b.Bytes()
}

// addJSON writes v as indented JSON.
func (b *builder) addJSON(name string, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		b.errs = append(b.errs, fmt.Errorf("%s: %w", name, err))
		return
	}
	b.add(name, append(data, '\n'))
}
