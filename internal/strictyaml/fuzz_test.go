package strictyaml

import (
	"testing"

	"atlas/internal/srcpos"
)

type fuzzRecord struct {
	ID     string         `yaml:"id,required"`
	Year   *int           `yaml:"year"`
	Lat    *float64       `yaml:"lat"`
	Tags   []string       `yaml:"tags"`
	Counts map[string]int `yaml:"counts"`
	Nested *fuzzRecord    `yaml:"nested"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

type fuzzFile struct {
	Records []*fuzzRecord `yaml:"records,required"`
}

// FuzzDecode checks that no input makes the decoder panic, and that every
// error it returns carries a position in the file.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"records:\n  - id: a\n    year: 2018\n",
		"records:\n  - id: a\n    counts: {JP: 2, CN: 3}\n    nested: {id: b}\n",
		"records: [",
		"\trecords:\n",
		"records:\n  - &a {id: x}\n  - *a\n",
		"",
		"\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var v fuzzFile
		err := Decode("f.yaml", src, 0, &v)
		if err == nil {
			return
		}
		for _, e := range err.(srcpos.List) {
			if e.Pos.File != "f.yaml" || e.Pos.Line < 1 {
				t.Fatalf("error without a position: %v", e)
			}
		}
	})
}
