// Package export writes every file of the site that is not an HTML page:
// the CSV, JSON and BibTeX downloads of /data/, each chart's CSV and JSON,
// the schema.org JSON-LD of the pages that offer data, the Atom feed of
// case studies, sitemap.xml and robots.txt, and the search index.
//
// Its functions take plain values (records, stats, the case studies and
// pages as Docs, a Site saying where the site is published) and return
// Files, at the paths package sitepath gives. It knows nothing of
// templates or of the page builder: the site package calls it and adds the
// files to the build.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"atlas/internal/sitepath"
)

// File is one output file: its slash-separated path in the site and its
// contents.
type File struct {
	Name string
	Data []byte
}

// Site names the site and says where it is published.
type Site struct {
	Title   string // the site's name
	Authors string // how the site names its authors, for the feed
	Base    sitepath.Base
}

// Licences of the files, as the downloads state them.
const (
	// LicenceContent is the licence of the atlas's own records and text.
	LicenceContent = "CC BY 4.0"
	// LicenceWikipedia marks sources whose text, and the records derived
	// from them, are under CC BY-SA.
	LicenceWikipedia = "CC BY-SA 4.0"
	// AttribWikipedia is the attribution that records derived from
	// Wikipedia carry.
	AttribWikipedia = "Derived from English Wikipedia's lists of twin towns and sister cities"
)

// Licence URLs, for structured data.
const (
	ccBY   = "https://creativecommons.org/licenses/by/4.0/"
	ccBYSA = "https://creativecommons.org/licenses/by-sa/4.0/"
	odbl   = "https://opendatacommons.org/licenses/odbl/1-0/"
)

// csvFile writes rows, the first of them the header, as CSV.
func csvFile(name string, rows [][]string) File {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows) // writing to a buffer cannot fail
	return File{name, b.Bytes()}
}

// jsonFile writes v as indented JSON.
func jsonFile(name string, v any) (File, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return File{name, append(data, '\n')}, nil
}
