package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"atlas/internal/records"
)

// Licences of the data sets.
const (
	licenceContent   = "CC BY 4.0"
	attribWikipedia  = "Derived from English Wikipedia's lists of twin towns and sister cities"
	licenceWikipedia = wikipediaLicence
)

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
