package site

import (
	"html/template"

	"atlas/internal/export"
	"atlas/internal/records"
	"atlas/internal/render"
)

// Every file that is not a page comes from package export: this file hands
// it the model's values and adds the files it returns.

func (b *builder) addFiles(files []export.File) {
	for _, f := range files {
		b.add(f.Name, f.Data)
	}
}

// exportSite says where the site is published, for export.
func (b *builder) exportSite() export.Site {
	return export.Site{Title: Title, Authors: Authors, Abs: b.site.Base.Abs}
}

// jsonLD encodes structured data for a page.
func (b *builder) jsonLD(v any) template.JS {
	js, err := export.JSONLD(v)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	return js
}

type dataPageData struct {
	Downloads []export.Download
}

// downloads writes the data sets and the page that offers them, /data/.
func (b *builder) downloads() {
	m := b.m
	var as []*records.Agreement
	for _, a := range m.agreements(nil) {
		as = append(as, a.Agreement)
	}
	ds, files, err := export.Downloads(export.Records{Data: m.d, Index: m.ix, Agreements: as, Table1: m.table1})
	if err != nil {
		b.errs = append(b.errs, err)
	}
	b.addFiles(files)
	var lds []map[string]any
	for _, d := range ds {
		lds = append(lds, export.Dataset(d, b.exportSite()))
	}
	b.page("data", &render.Page{
		Path:        "data/",
		Title:       "Data",
		Description: "Download the atlas's records and published tables as CSV and JSON, with a data dictionary and licences.",
		Wikipedia:   true,
		Data:        dataPageData{ds},
		JSONLD:      b.jsonLD(lds),
	})
}
