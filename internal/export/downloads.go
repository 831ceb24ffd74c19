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

// Records is what the downloads of /data/ are made of.
type Records struct {
	Data       *records.Data
	Index      *records.Index
	Agreements []*records.Agreement // in the order the download lists them
	Table1     *stats.Table
}

// Downloads returns the data sets of /data/, in the order the page lists
// them, and their files.
func Downloads(r Records) ([]Download, []File, error) {
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
	add(agreements(r.Agreements, r.Index))
	add(table1(r.Table1, r.Index.Source[r.Table1.Source]))
	if len(r.Data.Figures) > 0 {
		add(figures(r.Data.Figures, r.Index))
	}
	add(localities(r.Data, r.Index))
	add(sources(r.Data.Sources))
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

func columnNames(cs []Column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}
