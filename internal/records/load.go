package records

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"atlas/internal/srcpos"
	"atlas/internal/strictyaml"
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
	var cf countriesFile
	errs.Append(decodeFile(fsys, CountriesFile, &cf))
	d.Countries = cf.Countries

	var lf localitiesFile
	errs.Append(decodeFile(fsys, LocalitiesFile, &lf))
	d.Localities = lf.Localities

	var sf sourcesFile
	errs.Append(decodeFile(fsys, SourcesFile, &sf))
	d.Sources = sf.Sources

	d.Settings = loadSettings(fsys, &errs)

	files, err := yamlFiles(fsys, AgreementsDir)
	errs.Append(err)
	for _, name := range files {
		var af agreementsFile
		errs.Append(decodeFile(fsys, name, &af))
		d.Agreements = append(d.Agreements, af.Agreements...)
	}

	files, err = yamlFiles(fsys, PublishedDir)
	errs.Append(err)
	for _, name := range files {
		var pf publishedFile
		if err := decodeFile(fsys, name, &pf); err != nil {
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

func decodeFile(fsys fs.FS, name string, v any) error {
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return srcpos.Errorf(srcpos.Position{File: name}, "", "file is missing (every site needs it)")
	}
	if err != nil {
		return srcpos.Errorf(srcpos.Position{File: name}, "", "cannot read: %v", err)
	}
	return strictyaml.Decode(name, src, 0, v)
}

// yamlFiles lists the .yaml files in dir, sorted; a missing directory is
// an empty list.
func yamlFiles(fsys fs.FS, dir string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, srcpos.Errorf(srcpos.Position{File: dir}, "", "cannot read directory: %v", err)
	}
	var names []string
	for _, e := range entries {
		switch ext := path.Ext(e.Name()); {
		case e.IsDir(), strings.HasPrefix(e.Name(), "."):
			// Directories, and editors' hidden lock and backup files.
		case ext == ".yaml":
			names = append(names, path.Join(dir, e.Name()))
		case ext == ".yml":
			return nil, srcpos.Errorf(srcpos.Position{File: path.Join(dir, e.Name())}, "",
				"unexpected extension .yml (name data files *.yaml)")
		}
	}
	slices.Sort(names)
	return names, nil
}
