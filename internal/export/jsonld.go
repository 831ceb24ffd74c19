package export

import (
	"encoding/json"
	"fmt"
	"html/template"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

// Structured data: schema.org Dataset descriptions for the pages that
// offer data (/data/ and /table-1/), so that dataset search engines find
// the downloads with their licences and sources.

// Dataset describes a download as a schema.org Dataset, for JSONLD.
func Dataset(d Download, s Site) map[string]any {
	abs := s.Base.Abs
	var vars []map[string]string
	for _, c := range d.Columns {
		vars = append(vars, map[string]string{"@type": "PropertyValue", "name": c.Name, "description": c.Meaning})
	}
	ds := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Dataset",
		"name":                d.Title + " (" + s.Title + ")",
		"description":         d.Description + " Licence: " + d.Licence + ".",
		"url":                 abs(sitepath.Data) + "#" + d.Name,
		"license":             d.licences,
		"isAccessibleForFree": true,
		"creator": map[string]any{
			"@type": "Organization", "name": s.Title, "url": abs(sitepath.Home),
		},
		"keywords":         []string{"sister cities", "twinning", "hermanamientos", "subnational diplomacy", "paradiplomacy", "Latin America", "Asia"},
		"spatialCoverage":  "Latin America and the Caribbean; Asia",
		"variableMeasured": vars,
		"distribution": []map[string]string{
			{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": abs(sitepath.Download(d.Name + ".csv"))},
			{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": abs(sitepath.Download(d.Name + ".json"))},
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

// JSONLD encodes structured data for a <script type="application/ld+json">.
// json.Marshal escapes <, > and &, so the data cannot end the script.
func JSONLD(v any) (template.JS, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("structured data: %w", err)
	}
	return template.JS(data), nil
}
