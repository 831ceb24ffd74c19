package records

import (
	"io/fs"
	"path"
	"strings"

	"atlas/internal/srcfs"
	"atlas/internal/srcpos"
)

// Paths of the data files, relative to the source directory.
const (
	CountriesFile  = "data/countries.yaml"
	LocalitiesFile = "data/localities.yaml"
	SourcesFile    = "data/sources.yaml"
	AgreementsDir  = "data/agreements"
	PublishedDir   = "data/published"
)

type countriesFile struct {
	Countries []*Country `yaml:"countries,required"`
}

type localitiesFile struct {
	Localities []*Locality `yaml:"localities,required"`
}

type agreementsFile struct {
	Agreements []*Agreement `yaml:"agreements,required"`
}

type sourcesFile struct {
	Sources []*Source `yaml:"sources,required"`
}

type publishedFile struct {
	Table   *Table     `yaml:"table"`
	Figures *FigureSet `yaml:"figures"`

	Pos srcpos.Position
}

// Load reads and decodes every data file in fsys. It reports all decoding
// problems at once as a srcpos.List; it does not check cross-references
// (see Validate).
func Load(fsys fs.FS) (*Data, error) {
	var (
		d    Data
		errs srcpos.List
	)
	files, err := srcfs.Scan(fsys, DataDir)
	errs.Append(err)
	l := layout(files)
	errs.Append(l.check())

	var cf countriesFile
	errs.Append(l.decode(fsys, CountriesFile, &cf))
	d.Countries = cf.Countries

	var lf localitiesFile
	errs.Append(l.decode(fsys, LocalitiesFile, &lf))
	d.Localities = lf.Localities

	var sf sourcesFile
	errs.Append(l.decode(fsys, SourcesFile, &sf))
	d.Sources = sf.Sources

	d.Settings = loadSettings(fsys, l, &errs)

	for _, name := range l.in(AgreementsDir) {
		var af agreementsFile
		errs.Append(l.decode(fsys, name, &af))
		errs.Append(checkCountryFile(name, af.Agreements))
		d.Agreements = append(d.Agreements, af.Agreements...)
	}

	for _, name := range l.in(PublishedDir) {
		var pf publishedFile
		if err := l.decode(fsys, name, &pf); err != nil {
			errs.Append(err)
			continue
		}
		switch {
		case (pf.Table == nil) == (pf.Figures == nil):
			errs.Add(pf.Pos, "", "expected exactly one of the keys table and figures")
		case pf.Table != nil:
			pf.Table.File = name
			d.Tables = append(d.Tables, pf.Table)
		default:
			pf.Figures.File = name
			d.Figures = append(d.Figures, pf.Figures)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &d, nil
}

// checkCountryFile reports the agreements of file, data/agreements/<cc>.yaml,
// whose Latin American locality is not in the country cc.
func checkCountryFile(file string, agreements []*Agreement) error {
	cc := strings.TrimSuffix(path.Base(file), ".yaml")
	var errs srcpos.List
	for _, a := range agreements {
		if a == nil || a.LatAm == "" || strings.HasPrefix(a.LatAm, cc+"/") {
			continue
		}
		want := path.Join(AgreementsDir, strings.SplitN(a.LatAm, "/", 2)[0]+".yaml")
		errs.Add(a.Fields.At("latam", a.Pos), "latam", "%q is not a locality of %s, the country of this file (a record goes in the file of its Latin American country: %s)",
			a.LatAm, strings.ToUpper(cc), want)
	}
	return errs.Err()
}
