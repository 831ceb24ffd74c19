package export

import (
	"errors"

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
	return ds, files, errors.Join(errs...)
}

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
