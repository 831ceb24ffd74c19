package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"atlas/internal/records"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// Download is one data set offered on /data/: what the page says of it,
// and its data dictionary. Its files are data/<Name>.csv and .json.
type Download struct {
	Name        string // file name without extension
	Title       string
	Description string
	Licence     string
	Rows        int
	Columns     []Column // the data dictionary

	licences []string        // licence URLs, for structured data
	source   *records.Source // the publication it reproduces, if any
}

// Column is an entry of a data dictionary.
type Column struct{ Name, Meaning string }

// col is a column of a download as Go knows it: its name in the files,
// and the id of its meaning, the message download.<download>.column.<id>
// (id is name when empty), with the arguments the message prints.
type col struct {
	name, id string
	args     []any
}

// dictionary returns the data dictionary of the download name, cols with
// their meanings in the language of text.
func dictionary(text stats.Text, name string, cols []col) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		id := c.id
		if id == "" {
			id = c.name
		}
		out[i] = Column{c.name, text.Sprintf("download."+name+".column."+id, c.args...)}
	}
	return out
}

// words returns the message download.<name>.<part>.
func words(text stats.Text, name, part string, args ...any) string {
	return text.Sprintf("download."+name+"."+part, args...)
}

// Records is what the downloads of /data/ are made of.
type Records struct {
	Data       *records.Data
	Index      *records.Index
	Agreements []*records.Agreement // in the order the download lists them
	Table1     *stats.Table
	// Version is the release the files belong to: each JSON file says
	// so, and SHA256SUMS lists every file's digest under it.
	Version string
}

// Downloads returns the data sets of /data/, in the order the page lists
// them, and their files, in the language of text.
func Downloads(r Records, text stats.Text) ([]Download, []File, error) {
	var (
		ds    []Download
		files []File
		errs  []error
	)
	add := func(d Download, fs []File, err error) {
		ds = append(ds, d)
		files = append(files, fs...)
		errs = append(errs, err)
	}
	add(agreements(r.Agreements, r.Index, text))
	add(table1(r.Table1, r.Index.Source[r.Table1.Source], text))
	if len(r.Data.Figures) > 0 {
		add(figures(r.Data.Figures, r.Index, text))
	}
	add(localities(r.Data, r.Index, text))
	add(sources(r.Data.Sources, text))
	files, err := stamp(files, r.Version)
	return ds, append(files, sums(files, r.Version)), errors.Join(append(errs, err)...)
}

// stamp adds the release's version to each JSON download, keeping its
// numbers as written.
func stamp(files []File, version string) ([]File, error) {
	for i, f := range files {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(f.Data))
		dec.UseNumber()
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		doc["version"] = version
		j, err := jsonFile(f.Name, doc)
		if err != nil {
			return nil, err
		}
		files[i] = j
	}
	return files, nil
}

// SumsFile lists the SHA-256 digest of every download of a release.
var SumsFile = sitepath.Download("SHA256SUMS")

// sums is SumsFile: "<digest>  <file>" lines, as sha256sum -c reads
// them, after a comment naming the release.
func sums(files []File, version string) File {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", version)
	for _, f := range files {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(f.Data), strings.TrimPrefix(f.Name, sitepath.Data))
	}
	return File{SumsFile, []byte(b.String())}
}

// Digest is the SHA-256 of a file, in hex.
func Digest(data []byte) string { return fmt.Sprintf("%x", sha256.Sum256(data)) }

// dataFiles returns data/<name>.csv and data/<name>.json.
func dataFiles(name string, rows [][]string, doc any) ([]File, error) {
	j, err := jsonFile(sitepath.Download(name+".json"), doc)
	if err != nil {
		return nil, err
	}
	return []File{csvFile(sitepath.Download(name+".csv"), rows), j}, nil
}

func columnNames(cs []col) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.name)
	}
	return out
}
