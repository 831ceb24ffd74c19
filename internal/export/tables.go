package export

import (
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/stats"
)

var table1Columns = []Column{
	{"country", "Latin American country as printed"},
	{"code", "ISO 3166-1 alpha-2 code"},
	{"japan, korea, china_and_taiwan, other", "the cells exactly as printed"},
	{"JP, KR, CN, TW, IN, ID, PH", "the counts per partner country behind the cells"},
	{"total", "the row's total (not printed in the source; computed)"},
}

var figureColumns = []Column{
	{"set", "id of the figure set"},
	{"scope", "all, or the Latin American country code the figure counts"},
	{"as_of", "the year the figure is for"},
	{"value", "the number as published"},
	{"bound", "exact, at-least or more-than: a lower bound is never a count"},
	{"quote", "the short phrase as published"},
	{"source", "source id"},
}

// Table1 describes the download of Rouvinski's Table 1, t, published in
// src.
func Table1(t *stats.Table, src *records.Source) Download {
	return Download{
		Name: "table-1", Title: "Rouvinski's Table 1", Rows: len(t.Rows), Columns: table1Columns,
		Description: "The published table, cell by cell, with the per-partner counts behind each cell and the printed TOTAL row.",
		Licence:     LicenceContent,
		licences:    []string{ccBY},
		source:      src,
	}
}

// table1 is data/table-1: the cells as printed, the counts behind them and
// the printed totals.
func table1(t *stats.Table, src *records.Source) (Download, []File, error) {
	var codes, labels []string
	head := []string{"country", "code"}
	for _, c := range t.Columns {
		codes = append(codes, c.Partners...)
		labels = append(labels, c.Label)
		head = append(head, strings.ReplaceAll(strings.ToLower(c.Label), " ", "_"))
	}
	head = append(append(head, codes...), "total")
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
		row := append([]string{r.Country.Name, r.Country.Code}, r.Cells...)
		counts := t.Table.Rows[i].Counts
		for _, code := range codes {
			row = append(row, strconv.Itoa(counts[code]))
		}
		rows = append(rows, append(row, strconv.Itoa(r.Total)))
		jrows = append(jrows, jsonRow{r.Country.Name, r.Country.Code, r.Cells, counts, r.Total})
	}
	total := []string{"TOTAL", ""}
	for _, n := range t.Totals {
		total = append(total, strconv.Itoa(n))
	}
	rows = append(rows, total)
	files, err := dataFiles("table-1", rows, map[string]any{
		"title":   t.Title,
		"source":  citation(src) + ", " + t.Locator,
		"licence": LicenceContent + " (this transcription); the figures are the source's",
		"columns": labels,
		"rows":    jrows,
		"totals":  t.Totals,
	})
	return Table1(t, src), files, err
}

// figures is data/published-figures: one row per published figure.
func figures(sets []*records.FigureSet, ix *records.Index) (Download, []File, error) {
	rows := [][]string{{"set", "scope", "as_of", "value", "bound", "quote", "source"}}
	var recs []map[string]any
	for _, s := range sets {
		for _, f := range s.Items {
			rows = append(rows, []string{s.ID, f.Scope, strconv.Itoa(f.AsOf), strconv.Itoa(f.Value), f.Bound, f.Quote, s.Source})
			recs = append(recs, map[string]any{"set": s.ID, "scope": f.Scope, "as_of": f.AsOf, "value": f.Value, "bound": f.Bound, "quote": f.Quote, "source": s.Source})
		}
	}
	files, err := dataFiles("published-figures", rows, map[string]any{
		"title":   "Figures as sources published them",
		"licence": LicenceContent + " (this transcription); the figures are the sources'",
		"figures": recs,
	})
	var src *records.Source
	if len(sets) == 1 {
		src = ix.Source[sets[0].Source]
	}
	return Download{
		Name: "published-figures", Title: "Published figures", Rows: len(rows) - 1, Columns: figureColumns,
		Description: "Single figures as sources published them, such as the Latinoamérica21 counts of China–Latin America twinnings; “more than 200” is kept as a lower bound.",
		Licence:     LicenceContent,
		licences:    []string{ccBY},
		source:      src,
	}, files, err
}
