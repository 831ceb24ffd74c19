package site

import (
	"encoding/json"
	"fmt"
	"html/template"

	"atlas/internal/records"
)

// Structured data: schema.org Dataset descriptions for the pages that
// offer data (/data/ and /table-1/), so that dataset search engines find
// the downloads with their licences and sources.

// Licence URLs.
const (
	ccBY   = "https://creativecommons.org/licenses/by/4.0/"
	ccBYSA = "https://creativecommons.org/licenses/by-sa/4.0/"
)

// dataset describes one download as a schema.org Dataset.
func (b *builder) dataset(d download) map[string]any {
	abs := b.site.Base.Abs
	var vars []map[string]string
	for _, c := range d.Columns {
		vars = append(vars, map[string]string{"@type": "PropertyValue", "name": c.Name, "description": c.Meaning})
	}
	ds := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Dataset",
		"name":                d.Title + " (" + b.site.Title + ")",
		"description":         d.Description + " Licence: " + d.Licence + ".",
		"url":                 abs("data/") + "#" + d.Name,
		"license":             d.licences,
		"isAccessibleForFree": true,
		"creator": map[string]any{
			"@type": "Organization", "name": b.site.Title, "url": abs(""),
		},
		"keywords":         []string{"sister cities", "twinning", "hermanamientos", "subnational diplomacy", "paradiplomacy", "Latin America", "Asia"},
		"spatialCoverage":  "Latin America and the Caribbean; Asia",
		"variableMeasured": vars,
		"distribution": []map[string]string{
			{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": abs("data/" + d.Name + ".csv")},
			{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": abs("data/" + d.Name + ".json")},
		},
	}
	if d.source != nil {
		ds["isBasedOn"] = creativeWork(d.source)
		ds["citation"] = citation(d.source)
	}
	return ds
}

// creativeWork describes a bibliography entry.
func creativeWork(s *records.Source) map[string]any {
	w := map[string]any{"@type": "CreativeWork", "name": s.Title}
	var authors []map[string]string
	for _, a := range s.Authors {
		authors = append(authors, map[string]string{"@type": "Person", "name": a})
	}
	if authors != nil {
		w["author"] = authors
	}
	if s.Year != nil {
		w["datePublished"] = fmt.Sprint(*s.Year)
	}
	if s.URL != "" {
		w["url"] = s.URL
	}
	return w
}

// jsonLD encodes structured data for a <script type="application/ld+json">.
// json.Marshal escapes <, > and &, so the data cannot end the script.
func (b *builder) jsonLD(v any) template.JS {
	data, err := json.Marshal(v)
	if err != nil {
		b.errs = append(b.errs, fmt.Errorf("structured data: %w", err))
		return ""
	}
	return template.JS(data)
}
