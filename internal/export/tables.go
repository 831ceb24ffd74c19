package export

import (
	"strconv"
	"strings"

	"atlas/internal/records"
	"atlas/internal/stats"
)

// table1Columns is the data dictionary of data/table-1.
var table1Columns = []col{
	{name: "country"},
	{name: "code"},
	{name: "japan, korea, china_and_taiwan, other", id: "cells"},
	{name: "JP, KR, CN, TW, IN, ID, PH", id: "counts"},
	{name: "total"},
}

// figureColumns are the columns of data/published-figures.
var figureColumns = []col{
	{name: "set"},
	{name: "scope"},
	{name: "as_of"},
	{name: "value"},
	{name: "bound"},
	{name: "quote"},
	{name: "source"},
}

// Table1 describes the download of Rouvinski's Table 1, t, published in
// src, in the language of text.
func Table1(t *stats.Table, src *records.Source, text stats.Text) Download {
	const name = "table-1"
	return Download{
		Name: name, Title: words(text, name, "title"), Rows: len(t.Rows),
		Columns:     dictionary(text, name, table1Columns),
		Description: words(text, name, "description"),
		Licence:     LicenceContent,
		licences:    []string{ccBY},
		source:      src,
	}
}

// table1 is data/table-1: the cells as printed, the counts behind them and
// the printed totals.
func table1(t *stats.Table, src *records.Source, text stats.Text) (Download, []File, error) {
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
	total := []string{"TOTAL", ""} // the printed row's label, transcribed
	for _, n := range t.Totals {
		total = append(total, strconv.Itoa(n))
	}
	rows = append(rows, total)
	files, err := dataFiles("table-1", rows, map[string]any{
		"title":   t.Title,
		"source":  citation(src) + ", " + t.Locator,
		"licence": words(text, "table-1", "file-licence", LicenceContent),
		"columns": labels,
		"rows":    jrows,
		"totals":  t.Totals,
	})
	return Table1(t, src, text), files, err
}

// figures is data/published-figures: one row per published figure.
func figures(sets []*records.FigureSet, ix *records.Index, text stats.Text) (Download, []File, error) {
	const name = "published-figures"
	rows := [][]string{columnNames(figureColumns)}
	var recs []map[string]any
	for _, s := range sets {
		for _, f := range s.Items {
			rows = append(rows, []string{s.ID, f.Scope, strconv.Itoa(f.AsOf), strconv.Itoa(f.Value), f.Bound, f.Quote, s.Source})
			recs = append(recs, map[string]any{"set": s.ID, "scope": f.Scope, "as_of": f.AsOf, "value": f.Value, "bound": f.Bound, "quote": f.Quote, "source": s.Source})
		}
	}
	files, err := dataFiles(name, rows, map[string]any{
		"title":   words(text, name, "file-title"),
		"licence": words(text, name, "file-licence", LicenceContent),
		"figures": recs,
	})
	var src *records.Source
	if len(sets) == 1 {
		src = ix.Source[sets[0].Source]
	}
	return Download{
		Name: name, Title: words(text, name, "title"), Rows: len(rows) - 1,
		Columns:     dictionary(text, name, figureColumns),
		Description: words(text, name, "description"),
		Licence:     LicenceContent,
		licences:    []string{ccBY},
		source:      src,
	}, files, err
}
